/**
 * The kill test: `node dist/cli.js` killed (SIGKILL, nothing can be cleaned on the way out) at random moments of
 * a 63-unit `compute -o`, `merge` and `new --per-unit`. At every output path there is then either nothing or a
 * complete workbook, never a partial file; what the killed runs left beside the outputs is cleaned by the next
 * run. A handful of kill points per command by default (fixed seed); THIDUA_KILL_POINTS=50 for the long run.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeCluster } from '../../../scripts/bench/workbook';

const root = join(import.meta.dirname, '../../..');
const CLI = join(root, 'dist/cli.js');
const POINTS = Number(process.env.THIDUA_KILL_POINTS ?? 3);
const SEED = Number(process.env.THIDUA_KILL_SEED ?? 20261202);
let dir: string;

/** mulberry32: a small seeded generator, so a failing kill point can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: ${r.stderr}`);
};

/** Runs the command, killing it after `ms` (or letting it finish when it is faster); the time it ran. */
function runKilledAfter(args: readonly string[], ms: number): Promise<{ killed: boolean; elapsed: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', elapsed: performance.now() - started });
    }),
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A whole workbook: a zip with its workbook part (a cut file has no central directory and fails to load). */
async function assertWholeWorkbook(path: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path)).catch((e: unknown) => {
    throw new Error(`${path} is not a whole .xlsx: ${(e as Error).message}`);
  });
  expect(zip.file('xl/workbook.xml'), path).not.toBeNull();
}

/** Files and folders in `dir` that a run left and are not hidden: only the inputs and whole outputs. */
async function visible(): Promise<string[]> {
  return (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
}

interface Case {
  name: string;
  args: string[];
  /** Output files, and the output folder whose files must all be whole (or be absent together). */
  files: string[];
  folder?: { name: string; count: number };
}

const cases: Case[] = [
  {
    name: 'compute -o',
    args: ['compute', 'big.xlsx', '-o', 'out-compute.xlsx'],
    files: ['out-compute.xlsx'],
  },
  {
    name: 'merge',
    args: [
      'merge',
      'big.xlsx',
      'cards/01-vksnd-tinh-so-01.xlsx',
      'cards/02-vksnd-tinh-so-02.xlsx',
      '-o',
      'out-merge.xlsx',
    ],
    files: ['out-merge.xlsx'],
  },
  {
    name: 'new --per-unit',
    args: ['new', 'annual', '--from', 'big.json', '-o', 'out-new.xlsx', '--per-unit', 'out-cards'],
    files: ['out-new.xlsx'],
    folder: { name: 'out-cards', count: 63 },
  },
];

async function checkOutputs(c: Case): Promise<void> {
  for (const f of c.files) if (await exists(join(dir, f))) await assertWholeWorkbook(join(dir, f));
  if (c.folder && (await exists(join(dir, c.folder.name)))) {
    const names = (await readdir(join(dir, c.folder.name))).filter((n) => !n.startsWith('.'));
    expect(names).toHaveLength(c.folder.count);
    for (const n of names) await assertWholeWorkbook(join(dir, c.folder.name, n));
  }
}

async function removeOutputs(c: Case): Promise<void> {
  for (const f of c.files) await rm(join(dir, f), { force: true });
  if (c.folder) await rm(join(dir, c.folder.name), { recursive: true, force: true });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-kill-'));
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: root, stdio: 'pipe' });
  await writeFile(join(dir, 'big.json'), JSON.stringify(largeCluster()));
  cli('new', 'annual', '--from', 'big.json', '-o', 'big.xlsx', '--per-unit', 'cards');
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`killed at ${POINTS} random moments (seed ${SEED})`, () => {
  const inputs = ['big.json', 'big.xlsx', 'cards'];

  it.each(cases)(
    '$name: nothing or a whole file at every output path',
    async (c) => {
      // One uninterrupted run gives the span the kill points are drawn from.
      const full = await runKilledAfter(c.args, 3_600_000);
      await checkOutputs(c);
      for (const f of c.files) expect(await exists(join(dir, f)), f).toBe(true);
      await removeOutputs(c);
      let span = full.elapsed;
      const next = random(SEED + c.name.length);
      let killed = 0;
      for (let k = 0; k < POINTS; k++) {
        // Within the first three quarters of the span; a run that finished sooner (the machine got faster)
        // shortens the span, so the points keep falling inside the runs.
        const at = Math.round((0.02 + next() * 0.73) * span);
        const r = await runKilledAfter(c.args, at);
        if (r.killed) killed++;
        else span = Math.min(span, r.elapsed);
        await checkOutputs(c);
        const present = [];
        for (const f of [...c.files, ...(c.folder ? [c.folder.name] : [])])
          if (await exists(join(dir, f))) present.push(f);
        // One line per point, so a long run shows its progress.
        console.log(
          `${c.name}: point ${k + 1}/${POINTS} at ${at} of ${Math.round(span)} ms, ${r.killed ? 'killed' : 'finished'}; whole: ${present.join(', ') || '(nothing)'}`,
        );
        // Beside the inputs, only the outputs may be seen (hidden temporary files are allowed until cleaned).
        const allowed = new Set([...inputs, ...c.files, ...(c.folder ? [c.folder.name] : [])]);
        expect(
          (await visible()).filter((n) => !allowed.has(n)),
          `kill at ${at} ms`,
        ).toEqual([]);
        await removeOutputs(c);
      }
      expect(killed, 'most points fall inside the run').toBeGreaterThan(0);
      // A complete run afterwards cleans every leftover of the killed ones.
      const done = await runKilledAfter(c.args, 3_600_000);
      expect(done.killed).toBe(false);
      await checkOutputs(c);
      expect((await readdir(dir)).filter((n) => n.includes('.thidua'))).toEqual([]);
      await removeOutputs(c);
    },
    3_600_000,
  );
});
