/**
 * The standalone page in Chromium on the 63-unit cluster workbook (scripts/bench/workbook.ts largeCluster), as
 * issue 15 asks: "opens and computes … at least 3× faster than today (median of 5, side by side with the current
 * build)". The add-in of the working tree and of a base commit (BENCH_BASE, default ed58fd0: the build before the
 * plan writer; checked out in a temporary git worktree and built with that commit's own scripts/build-addin.mjs)
 * are each served from 127.0.0.1 and driven by Debian's Chromium (playwright-core). Per run, in a fresh browser
 * context: open = from choosing the file to the page showing the workbook opened (its tabs); compute = from
 * pressing "Tính điểm" to the ranking table shown. One warm-up run per build, then 5 runs each, alternating
 * old and new (each in turn first); medians and old/new ratios. Wall clock on a shared machine: compare the
 * two builds of one run, not figures of different runs.
 *
 * BENCH_PROFILE=<dir>: after the timed runs, one more run of the working tree's build (unminified, so names
 * stay) under Chromium's CPU profiler; open.cpuprofile and compute.cpuprofile go to <dir> (load them in
 * DevTools), and rows give the self time by source module and the time under the page's main functions.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import type { BenchRow } from '../bench';
// @ts-expect-error: plain JS build module without type declarations
import { buildAddin } from '../build-addin.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, type StaticServer, serve } from '../local-page';
import { BASE_COMMIT, withBaseTree } from './base-tree';
import { largeCluster } from './workbook';

const UNITS = 63;
const RUNS = 5;
/** Generous: the old build opens a 63-unit workbook in seconds, on a loaded machine in tens of them. */
const STEP_TIMEOUT_MS = 300_000;

type BuildFn = (options: { outDir: string; minify?: boolean }) => Promise<unknown>;

interface Timing {
  open: number;
  compute: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** One step awaited with its own timeout, failing with a sentence that says which build, run and step. */
async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`standalone bench: ${what} did not finish within ${STEP_TIMEOUT_MS / 1000} s`)),
      STEP_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('standalone bench:')) throw error;
    throw new Error(`standalone bench: ${what} failed: ${error instanceof Error ? error.message : error}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The base commit's add-in, built by its own build script in a temporary worktree (removed afterwards). */
function buildBase(commit: string, work: string, outDir: string): Promise<string> {
  return withBaseTree(commit, work, async (tree, sha) => {
    const mod = (await import(pathToFileURL(join(tree, 'scripts', 'build-addin.mjs')).href)) as {
      buildAddin: BuildFn;
    };
    await mod.buildAddin({ outDir });
    return sha;
  });
}

/** A fresh context on the page, the file chosen, then compute: the two wall times. */
async function run(
  browser: Browser,
  server: StaticServer,
  file: string,
  what: string,
  profile?: (page: Page, phase: 'open' | 'compute', work: () => Promise<void>) => Promise<void>,
): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'vi-VN' });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await step(`${what}: loading the page`, () => page.goto(`${server.origin}/standalone.html`));
    await step(`${what}: the page's file picker`, () => page.getByText('Chọn tệp .xlsx').waitFor());
    const timed = async (phase: 'open' | 'compute', work: () => Promise<void>) => {
      const start = performance.now();
      await (profile ? profile(page, phase, work) : work());
      return performance.now() - start;
    };
    const open = await timed('open', () =>
      step(`${what}: opening the workbook`, async () => {
        await page.locator('input[type=file]').setInputFiles(file);
        await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
      }),
    );
    await page.getByRole('tab', { name: 'Tính điểm' }).click();
    const button = page.getByRole('button', { name: 'Tính điểm', exact: true });
    await button.waitFor();
    const table = page.getByRole('table', { name: /Bảng xếp hạng/ });
    const compute = await timed('compute', () =>
      step(`${what}: computing`, async () => {
        await button.click();
        await table.waitFor();
      }),
    );
    const rows = await table.locator('tbody tr').count();
    if (rows !== UNITS)
      throw new Error(`standalone bench: ${what}: the ranking shows ${rows} rows, not ${UNITS}`);
    if (errors.length > 0) throw new Error(`standalone bench: ${what}: page errors: ${errors.join('; ')}`);
    return { open, compute };
  } finally {
    await context.close();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function bench(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    return [{ area: 'standalone', case: `Chromium not installed (${CHROMIUM_PATH})`, value: 0, unit: '-' }];
  }
  const base = BASE_COMMIT;
  const work = await mkdtemp(join(tmpdir(), 'thidua-bench-standalone-'));
  const rows: BenchRow[] = [];
  let browser: Browser | undefined;
  const servers: StaticServer[] = [];
  try {
    const file = join(work, `cum-${UNITS}.xlsx`);
    await writeFile(file, (await planToBytes(buildClusterWorkbook(largeCluster(UNITS)))).bytes);
    const newDir = join(work, 'new');
    await (buildAddin as BuildFn)({ outDir: newDir });
    const baseSha = await buildBase(base, work, join(work, 'old'));
    const builds = [
      { label: `old (${baseSha})`, server: await serve(join(work, 'old')), times: [] as Timing[] },
      { label: 'new (working tree)', server: await serve(newDir), times: [] as Timing[] },
    ];
    servers.push(...builds.map((b) => b.server));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    for (const b of builds) await run(browser, b.server, file, `${b.label} warm-up`);
    // Alternating, and in turn first (old, new, new, old, …), so neither build always runs second.
    for (let i = 0; i < RUNS; i++) {
      for (const b of i % 2 === 0 ? builds : [...builds].reverse())
        b.times.push(await run(browser, b.server, file, `${b.label} run ${i + 1}`));
    }
    const medians = builds.map((b) => ({
      open: median(b.times.map((t) => t.open)),
      compute: median(b.times.map((t) => t.compute)),
      total: median(b.times.map((t) => t.open + t.compute)),
    }));
    builds.forEach((b, k) => {
      const m = medians[k]!;
      const list = (pick: (t: Timing) => number) => b.times.map((t) => (pick(t) / 1000).toFixed(2)).join(' ');
      rows.push(
        {
          area: 'standalone',
          case: `${UNITS} units, ${b.label}: open`,
          value: m.open,
          unit: 'ms',
          note: `median of ${RUNS}: ${list((t) => t.open)} s`,
        },
        {
          area: 'standalone',
          case: `${UNITS} units, ${b.label}: compute`,
          value: m.compute,
          unit: 'ms',
          note: `median of ${RUNS}: ${list((t) => t.compute)} s`,
        },
        {
          area: 'standalone',
          case: `${UNITS} units, ${b.label}: open + compute`,
          value: m.total,
          unit: 'ms',
          note: `median of ${RUNS} sums`,
        },
      );
    });
    const [old, now] = medians as [(typeof medians)[0], (typeof medians)[0]];
    for (const key of ['open', 'compute', 'total'] as const) {
      rows.push({
        area: 'standalone',
        case: `${UNITS} units: old / new, ${key === 'total' ? 'open + compute' : key}`,
        value: old[key] / now[key],
        unit: '×',
        note: `${s(old[key])} vs ${s(now[key])}; issue 15 asks ≥ 3 for open + compute`,
      });
    }
    const profileDir = process.env.BENCH_PROFILE;
    if (profileDir) rows.push(...(await profiled(browser, work, file, resolve(profileDir))));
    return rows;
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Lines of an unminified esbuild chunk → the source module esbuild named in its `// path` comments. */
function moduleIndex(text: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  text.split('\n').forEach((l, i) => {
    // Paths are relative to the build's root: "../main/node_modules/…" when node_modules is a symlink.
    const m = /^\/\/ (\S+\.(?:[cm]?js|tsx?|json))$/.exec(l);
    if (m)
      starts.push({ line: i, module: m[1]!.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1') });
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(chunk)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]!.line <= line) {
        found = starts[mid]!.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** The page's functions whose inclusive time says where open and compute go. */
const WATCHED = [
  'checkXlsxBytes',
  'loadWorkbookBytes',
  'repairPackage',
  'snapshotWorkbook',
  'readWorkbook',
  'readClusterWorkbook',
  'computeCluster',
  'buildClusterWorkbook',
  'applyPlanToWorkbook',
  'summarize',
  'notableCriteria',
  'renderRootSync',
  'performWorkOnRoot',
  'commitRoot',
];

/** Self time by module, and inclusive time under each watched function (counted once per sample). */
async function summary(
  profile: CpuProfile,
  dist: string,
): Promise<{ self: Map<string, number>; under: Map<string, number> }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const indexes = new Map<string, (line: number) => string>();
  const moduleOf = async (url: string, line: number): Promise<string> => {
    if (!url) return '(native)';
    const path = new URL(url).pathname;
    if (!/\.js$/.test(path)) return path;
    let index = indexes.get(path);
    if (!index) {
      const text = await readFile(join(dist, path), 'utf8').catch(() => '');
      index = moduleIndex(text);
      indexes.set(path, index);
    }
    return index(line);
  };
  const self = new Map<string, number>();
  const under = new Map<string, number>();
  const nodeModule = new Map<number, string>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const special = ['(garbage collector)', '(program)', '(idle)'].includes(functionName);
    nodeModule.set(n.id, special ? functionName : await moduleOf(url, lineNumber));
  }
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const module = nodeModule.get(id) ?? '?';
    self.set(module, (self.get(module) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (WATCHED.includes(name) && !seen.has(name)) {
        seen.add(name);
        under.set(name, (under.get(name) ?? 0) + ms);
      }
    }
  });
  return { self, under };
}

/** One run of the working tree's unminified build under the CPU profiler. */
async function profiled(browser: Browser, work: string, file: string, outDir: string): Promise<BenchRow[]> {
  const dist = join(work, 'profiled');
  await (buildAddin as BuildFn)({ outDir: dist, minify: false });
  const server = await serve(dist);
  const rows: BenchRow[] = [];
  try {
    await mkdir(outDir, { recursive: true });
    const profiles: { phase: string; profile: CpuProfile; wall: number }[] = [];
    await run(browser, server, file, 'profiled run', async (page, phase, job) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
      const start = performance.now();
      await job();
      const wall = performance.now() - start;
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await cdp.detach();
      await writeFile(join(outDir, `${phase}.cpuprofile`), JSON.stringify(profile));
      profiles.push({ phase, profile, wall });
    });
    for (const { phase, profile, wall } of profiles) {
      const { self, under } = await summary(profile, dist);
      const top = [...self].filter(([m]) => m !== '(idle)').sort((a, b) => b[1] - a[1]);
      rows.push({
        area: 'profile',
        case: `${phase}: wall (unminified build, profiler on)`,
        value: wall,
        unit: 'ms',
        note: `profiles in ${outDir}`,
      });
      for (const [module, ms] of top.slice(0, 8)) {
        rows.push({ area: 'profile', case: `${phase}: self in ${module}`, value: ms, unit: 'ms' });
      }
      for (const [name, ms] of [...under].sort((a, b) => b[1] - a[1])) {
        rows.push({ area: 'profile', case: `${phase}: under ${name}()`, value: ms, unit: 'ms' });
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}
