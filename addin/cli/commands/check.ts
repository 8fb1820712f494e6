import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const checkCommand: Command = {
  name: 'check',
  usage: 'thidua check …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "check" chưa được xây dựng.', en: 'Command "check" is not built yet.' });
  },
};
