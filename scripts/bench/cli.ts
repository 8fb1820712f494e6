/**
 * Start-up of the built command line (dist/cli.js, after `npm run build`): `thidua --help`, `thidua units
 * "Đắk Lắk"` (neither loads exceljs: each command is a chunk loaded when it runs) and `thidua check` on the
 * sample (the document schema, no workbook), beside a bare `node -e 0`. Median of 7 runs each, wall time.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRow } from '../bench';

const root = join(import.meta.dirname, '..', '..');
const RUNS = 7;

function medianMs(args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)]!);
}

export async function bench(): Promise<BenchRow[]> {
  const note = `median of ${RUNS}`;
  return [
    { area: 'cli', case: 'node -e 0 (Node alone)', value: medianMs(['-e', '0']), unit: 'ms', note },
    {
      area: 'cli',
      case: 'start-up: thidua --help',
      value: medianMs(['dist/cli.js', '--help']),
      unit: 'ms',
      note,
    },
    {
      area: 'cli',
      case: 'start-up: thidua units "Đắk Lắk"',
      value: medianMs(['dist/cli.js', 'units', 'Đắk Lắk']),
      unit: 'ms',
      note,
    },
    {
      area: 'cli',
      case: 'thidua check on the sample (.json)',
      value: medianMs(['dist/cli.js', 'check', 'templates/samples/cum-7-2022.json']),
      unit: 'ms',
      note,
    },
  ];
}
