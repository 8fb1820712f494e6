/**
 * The ratios issue 15 asks for, side by side in one run on the same 63-unit cluster (scripts/bench/workbook.ts
 * largeCluster): the product's build + write + read back + compute, against LibreOffice's headless
 * recalculation of the workbook it wrote (start, load, recalculate, save), and against the floor of the bytes
 * (inflating every part with node's zlib, scanning every cell, deflating the XML again). CLI start-up against
 * bare node. Each side is run once before it is timed (steady state: the JIT warm, as zlib's native code
 * is), then five alternating runs; medians. Peak memory (maximum resident set) of `thidua new` then `thidua check` at 7 and 63 units, and at
 * 700 with BENCH_700=1 (minutes of work). Times are wall clock; CPU time beside them in the notes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { readWorkbookDocument } from '../../addin/cli/read-document';
import { hasLibreOffice, recalculateWorkbook } from '../../addin/host/libreoffice';
import { readZip } from '../../addin/host/xlsx/patch/zip';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import { computeCluster } from '../../core';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import type { BenchRow } from '../bench';
import { largeCluster } from './workbook';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(job: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await job();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

/**
 * The bytes' floor: unzip with zlib, count every cell, make the same XML again by concatenation (the file's
 * text cut at each cell and joined), encode and deflate it; returns the cells seen.
 */
function floor(bytes: Buffer): number {
  let cells = 0;
  for (const entry of readZip(bytes) ?? []) {
    const xml = Buffer.from(entry.method === 8 ? inflateRawSync(entry.data) : entry.data);
    let at = xml.indexOf('<c ');
    while (at >= 0) {
      cells++;
      at = xml.indexOf('<c ', at + 3);
    }
    const again = Buffer.from(xml.toString('utf8').split('<c ').join('<c '), 'utf8');
    deflateRawSync(again, { level: 6 });
  }
  return cells;
}

function medianMs(args: readonly string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** Peak resident memory (MB) of one CLI run, by GNU time; undefined without it. */
function peakMb(args: readonly string[]): number | undefined {
  const time = '/usr/bin/time';
  if (!existsSync(time)) return undefined;
  const r = spawnSync(time, ['-f', 'peak %M', process.execPath, cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const kb = /peak (\d+)/.exec(r.stderr ?? '')?.[1];
  if (r.status !== 0 && r.status !== 1) throw new Error(`thidua ${args.join(' ')} exited ${r.status}`);
  return kb ? Number(kb) / 1024 : undefined;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Timed runs of the product's job, of the floor and of the product's own work, alternating. */
const RATIO_RUNS = 5;

export async function bench(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-ratio-'));
  const rows: BenchRow[] = [];
  try {
    const doc = largeCluster(63);
    const file = join(dir, 'cum-63.xlsx');
    const job = async () => {
      const plan = buildClusterWorkbook(doc, computeCluster(doc), { now: '2025-01-05T08:00:00Z' });
      await writeFile(file, (await planToBytes(plan)).bytes);
      const read = await readWorkbookDocument(file);
      computeCluster(read.doc!);
    };
    let cells = 0;
    const bareJob = async () => {
      cells = floor(await readFile(file));
    };
    // What no file format avoids: the product's own work (the plan built from the computed results, and the
    // document computed again once read). With the bytes' floor, the job's floor as issue 15 counts it.
    const ownJob = async () => {
      buildClusterWorkbook(doc, computeCluster(doc), { now: '2025-01-05T08:00:00Z' });
      computeCluster(doc);
    };
    // Steady state on both sides: each job run once untimed (the JIT warmed, as zlib's native code is), then
    // RATIO_RUNS alternating timed runs of each; medians.
    await job();
    await bareJob();
    await ownJob();
    const runs: { product: Timing; bare: Timing; own: Timing }[] = [];
    for (let i = 0; i < RATIO_RUNS; i++)
      runs.push({ product: await timed(job), bare: await timed(bareJob), own: await timed(ownJob) });
    const mid = (pick: (r: (typeof runs)[number]) => Timing): Timing => {
      const sorted = [...runs].sort((a, b) => pick(a).wall - pick(b).wall);
      return pick(sorted[Math.floor(sorted.length / 2)]!);
    };
    const product = mid((r) => r.product);
    const bare = mid((r) => r.bare);
    const own = mid((r) => r.own);
    rows.push({
      area: 'ratio',
      case: '63 units: build + write + read back + compute',
      value: product.wall,
      unit: 'ms',
      note: `CPU ${s(product.cpu)}; median of ${RATIO_RUNS} after a warm-up run`,
    });
    const jobFloor = own.wall + bare.wall;
    rows.push({
      area: 'ratio',
      case: '63 units: bytes floor (zlib unzip, scan, XML by concatenation, deflate)',
      value: bare.wall,
      unit: 'ms',
      note: `${cells} cells`,
    });
    rows.push({
      area: 'ratio',
      case: "63 units: the job's floor (plan + compute + bytes floor)",
      value: jobFloor,
      unit: 'ms',
      note: `plan and compute ${s(own.wall)}; product ${(product.wall / jobFloor).toFixed(2)}× the job's floor`,
    });
    if (hasLibreOffice()) {
      // A first run on a 7-unit workbook warms the disk cache for LibreOffice's libraries; it is not reported.
      const small = largeCluster(7);
      const warm = join(dir, 'cum-7.xlsx');
      await writeFile(warm, (await planToBytes(buildClusterWorkbook(small, computeCluster(small)))).bytes);
      const slow = { timeoutMs: 900_000 };
      await recalculateWorkbook(warm, join(dir, 'warm'), slow);
      const lo = await timed(() => recalculateWorkbook(file, join(dir, 'lo'), slow));
      rows.push({
        area: 'ratio',
        case: '63 units: LibreOffice headless recalculation',
        value: lo.wall,
        unit: 'ms',
        note: `same file; product ${(lo.wall / product.wall).toFixed(2)}× faster (wall; < 1 is slower)`,
      });
    } else rows.push({ area: 'ratio', case: 'LibreOffice not installed', value: 0, unit: '-' });
    if (existsSync(cli)) {
      const node = medianMs(['-e', '0']);
      const help = medianMs([cli, '--help']);
      rows.push({
        area: 'ratio',
        case: 'CLI start-up: thidua --help vs node -e 0',
        value: help / node,
        unit: '×',
        note: `${help.toFixed(0)} ms vs ${node.toFixed(0)} ms, median of 7`,
      });
      const sizes = process.env.BENCH_700 === '1' ? [7, 63, 700] : [7, 63];
      for (const units of sizes) {
        const json = join(dir, `cum-${units}.json`);
        const xlsx = join(dir, `cum-${units}-new.xlsx`);
        await writeFile(json, JSON.stringify(largeCluster(units)));
        const started = performance.now();
        const built = peakMb(['new', 'annual', '--from', json, '-o', xlsx]);
        const builtMs = performance.now() - started;
        const checkStart = performance.now();
        const checked = peakMb(['check', xlsx]);
        const checkMs = performance.now() - checkStart;
        if (built === undefined || checked === undefined) break;
        const size = (await readFile(xlsx)).byteLength / 1048576;
        rows.push({
          area: 'memory',
          case: `${units} units: peak of thidua new / thidua check`,
          value: Math.max(built, checked),
          unit: 'MB',
          note: `new ${built.toFixed(0)} MB in ${s(builtMs)}, check ${checked.toFixed(0)} MB in ${s(checkMs)}; ${size.toFixed(1)} MB file`,
        });
      }
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
