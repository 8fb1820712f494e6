import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const exportCommand: Command = {
  name: 'export',
  usage: 'thidua export …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "export" chưa được xây dựng.', en: 'Command "export" is not built yet.' });
  },
};
