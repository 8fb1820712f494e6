/**
 * The send-out and the merge on the command line at 63 units, as issue 15 asks ("`new --per-unit` and `merge`
 * at 63 units at least 5× faster than today"): the working tree's built CLI (dist/cli.js, after `npm run
 * build`) beside a base commit's (BENCH_BASE, default ed58fd0), built by that commit's own `scripts/build.mjs
 * cli` in a temporary worktree. Each command once per build to warm the disk cache, then 5 runs each,
 * alternating and in turn first; medians of wall time, the old/new ratio, CPU and peak resident memory (GNU
 * time, when installed). The merge's inputs are made once, by the working tree's CLI, for both builds; it
 * merges into the workbook the scorecards were sent out from (the returns as made: no cell changes) and into a
 * blank one (the year's first merge: every scorecard row changes).
 * Wall clock on a shared machine: compare the two builds of one run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../bench';
import { BASE_COMMIT, withBaseTree } from './base-tree';
import { largeCluster } from './workbook';

const root = resolve(import.meta.dirname, '..', '..');
const UNITS = 63;
const RUNS = 5;
const TIME = '/usr/bin/time';

interface Run {
  wall: number;
  cpu?: number;
  peakMb?: number;
}

/** One run of `cli` with `args`, timed; a run that fails stops the bench with the end of what it said. */
function once(cli: string, args: readonly string[], what: string): Run {
  const timed = existsSync(TIME);
  const start = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', 'thidua-time %U %S %M', process.execPath, cli, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const wall = performance.now() - start;
  // Only 0: a merge that reports members missing or values in conflict (1) was given the wrong inputs.
  if (r.status !== 0)
    throw new Error(`cycle bench: ${what} exited ${r.status}: ${(r.stderr ?? '').slice(-400)}`);
  const m = /thidua-time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return m ? { wall, cpu: Number(m[1]) + Number(m[2]), peakMb: Number(m[3]) / 1024 } : { wall };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function bench(): Promise<BenchRow[]> {
  const work = await mkdtemp(join(tmpdir(), 'thidua-bench-cycle-'));
  try {
    const newCli = join(root, 'dist', 'cli.js');
    if (!existsSync(newCli)) throw new Error('cycle bench: dist/cli.js is missing (npm run build)');
    const doc = join(work, `cum-${UNITS}.json`);
    const cluster = largeCluster(UNITS);
    await writeFile(doc, JSON.stringify(cluster));
    // The year's first merge: the cluster workbook as sent out, before any score (every scorecard row changes).
    const blank = join(work, `cum-${UNITS}-blank.json`);
    await writeFile(blank, JSON.stringify({ ...cluster, scores: [], indicatorResults: [] }));
    // The merge's inputs: the cluster workbook and every member's scorecard.
    const inputs = join(work, 'inputs');
    await mkdir(inputs);
    once(
      newCli,
      ['new', 'annual', '--from', doc, '-o', join(inputs, 'cum.xlsx'), '--per-unit', join(inputs, 'units')],
      'inputs',
    );
    once(newCli, ['new', 'annual', '--from', blank, '-o', join(inputs, 'blank.xlsx')], 'inputs');
    const returns = (await readdir(join(inputs, 'units'))).sort().map((f) => join(inputs, 'units', f));
    return await withBaseTree(BASE_COMMIT, work, async (tree, sha) => {
      execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: tree, stdio: 'ignore' });
      const builds = [
        { label: `old (${sha})`, cli: join(tree, 'dist', 'cli.js') },
        { label: 'new (working tree)', cli: newCli },
      ];
      const commands = [
        {
          name: 'new --per-unit',
          args: (out: string) => [
            'new',
            'annual',
            '--from',
            doc,
            '-o',
            join(out, 'cum.xlsx'),
            '--per-unit',
            join(out, 'units'),
          ],
        },
        {
          name: 'merge',
          args: (out: string) => [
            'merge',
            join(inputs, 'cum.xlsx'),
            ...returns,
            '-o',
            join(out, 'merged.xlsx'),
          ],
        },
        {
          name: 'merge into the blank workbook',
          args: (out: string) => [
            'merge',
            join(inputs, 'blank.xlsx'),
            ...returns,
            '-o',
            join(out, 'merged.xlsx'),
          ],
        },
      ];
      const rows: BenchRow[] = [];
      for (const command of commands) {
        const runs = builds.map(() => [] as Run[]);
        const one = async (k: number, what: string) => {
          const out = join(work, 'out');
          await rm(out, { recursive: true, force: true });
          await mkdir(out, { recursive: true });
          return once(builds[k]!.cli, command.args(out), `${builds[k]!.label} ${command.name} ${what}`);
        };
        for (let k = 0; k < builds.length; k++) await one(k, 'warm-up');
        for (let i = 0; i < RUNS; i++)
          for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) runs[k]!.push(await one(k, `run ${i + 1}`));
        const walls = runs.map((r) => median(r.map((x) => x.wall)));
        builds.forEach((b, k) => {
          const r = runs[k]!;
          const cpu = r.every((x) => x.cpu !== undefined)
            ? `, CPU ${median(r.map((x) => x.cpu!)).toFixed(2)} s`
            : '';
          const peak = r.every((x) => x.peakMb !== undefined)
            ? `, peak ${Math.round(Math.max(...r.map((x) => x.peakMb!)))} MB`
            : '';
          rows.push({
            area: 'cycle',
            case: `${UNITS} units, ${b.label}: ${command.name}`,
            value: walls[k]!,
            unit: 'ms',
            note: `median of ${RUNS}: ${r.map((x) => (x.wall / 1000).toFixed(2)).join(' ')} s${cpu}${peak}`,
          });
        });
        rows.push({
          area: 'cycle',
          case: `${UNITS} units: old / new, ${command.name}`,
          value: walls[0]! / walls[1]!,
          unit: '×',
          note: `${s(walls[0]!)} vs ${s(walls[1]!)}; issue 15 asks ≥ 5`,
        });
      }
      return rows;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
