/**
 * `npm run bench`: runs every scripts/bench/*.ts (each exports `bench(): Promise<BenchRow[]>`)
 * and prints one table. Figures go into README.md by hand; nothing here asserts a time.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  area: string;
  case: string;
  value: number;
  unit: string;
  note?: string;
}

const dir = join(import.meta.dirname, 'bench');
const filter = process.argv[2];
const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && (!filter || f.includes(filter))).sort();
const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { bench: () => Promise<BenchRow[]> };
  const got = await mod.bench();
  for (const row of got) {
    rows.push(row);
    const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
    console.log(
      `${row.area.padEnd(12)} ${row.case.padEnd(48)} ${value.padStart(12)} ${row.unit}${row.note ? `  (${row.note})` : ''}`,
    );
  }
}
console.log(
  `\n${rows.length} measurements, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
