import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const nominateCommand: Command = {
  name: 'nominate',
  usage: 'thidua nominate …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({
      vi: 'Lệnh "nominate" chưa được xây dựng.',
      en: 'Command "nominate" is not built yet.',
    });
  },
};
