import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const demoCommand: Command = {
  name: 'demo',
  usage: 'thidua demo …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "demo" chưa được xây dựng.', en: 'Command "demo" is not built yet.' });
  },
};
