import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const newCommand: Command = {
  name: 'new',
  usage: 'thidua new …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "new" chưa được xây dựng.', en: 'Command "new" is not built yet.' });
  },
};
