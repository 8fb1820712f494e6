import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const rotateCommand: Command = {
  name: 'rotate',
  usage: 'thidua rotate …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "rotate" chưa được xây dựng.', en: 'Command "rotate" is not built yet.' });
  },
};
