import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const tallyCommand: Command = {
  name: 'tally',
  usage: 'thidua tally …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "tally" chưa được xây dựng.', en: 'Command "tally" is not built yet.' });
  },
};
