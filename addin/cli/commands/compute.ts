import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const computeCommand: Command = {
  name: 'compute',
  usage: 'thidua compute …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({
      vi: 'Lệnh "compute" chưa được xây dựng.',
      en: 'Command "compute" is not built yet.',
    });
  },
};
