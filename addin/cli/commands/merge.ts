import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const mergeCommand: Command = {
  name: 'merge',
  usage: 'thidua merge …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "merge" chưa được xây dựng.', en: 'Command "merge" is not built yet.' });
  },
};
