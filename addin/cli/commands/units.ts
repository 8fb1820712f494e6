import { CliError, type Command } from '../context';

// Placeholder until its issue lands: refuses to run rather than pretending.
export const unitsCommand: Command = {
  name: 'units',
  usage: 'thidua units …',
  summary: { vi: '(chưa có)', en: '(not yet available)' },
  options: {},
  async run() {
    throw new CliError({ vi: 'Lệnh "units" chưa được xây dựng.', en: 'Command "units" is not built yet.' });
  },
};
