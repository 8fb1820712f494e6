/**
 * The task pane's weight and speed: gzipped JavaScript a page loads before it can paint (budget for the task
 * pane: 250 KB), the lazy chunks (scoring core, exceljs), and first-render times in Chromium for the
 * standalone page (the same App the Excel task pane renders).
 *
 * "Initial" = the page's <script type="module"> entries plus every chunk they import statically (dynamic
 * import() chunks are lazy and not counted). taskpane.html also loads the ribbon commands and the custom
 * functions (shared runtime): counted separately, so the pane's own share stays visible.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { writeClusterWorkbook } from '../../addin/host/xlsx/workbook-files';
import type { ClusterDocument } from '../../core';
import { launchChromium, serve } from '../../test/e2e/harness';
import type { BenchRow } from '../bench';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist/addin');
const BUDGET_KB = 250;
const RUNS = 5;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Files a module loads statically, transitively (relative specifiers as esbuild writes them). */
async function staticClosure(entry: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = await readFile(join(DIST, entry), 'utf8');
  // `import … from"./x.js"` and `import"./x.js"`; never `import("./x.js")` (lazy).
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+\.js)"/g)) {
    await staticClosure(posix.join(posix.dirname(entry), m[1]!), seen);
  }
  return seen;
}

/** Files a module may load later through import(). */
async function lazyChunks(entries: Iterable<string>): Promise<Set<string>> {
  const lazy = new Set<string>();
  for (const entry of entries) {
    const code = await readFile(join(DIST, entry), 'utf8');
    for (const m of code.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g))
      lazy.add(posix.join(posix.dirname(entry), m[1]!));
  }
  return lazy;
}

async function gzipped(files: Iterable<string>): Promise<number> {
  let total = 0;
  for (const f of files) total += gzipSync(await readFile(join(DIST, f)), { level: 9 }).byteLength;
  return total;
}

const pageScripts = async (page: string) =>
  [...(await readFile(join(DIST, page), 'utf8')).matchAll(/<script type="module" src="([^"]+)"/g)].map(
    (m) => m[1]!,
  );

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function bench(): Promise<BenchRow[]> {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', 'addin'], { cwd: ROOT });
  const rows: BenchRow[] = [];

  const pane = await staticClosure('taskpane.js');
  const paneKb = kb(await gzipped(pane));
  rows.push({
    area: 'bundle',
    case: 'task pane initial JS (taskpane.js + static chunks)',
    value: paneKb,
    unit: 'KB gz',
    note: `budget ${BUDGET_KB} KB: ${paneKb <= BUDGET_KB ? 'within' : 'OVER'}`,
  });
  const page = new Set<string>();
  for (const s of await pageScripts('taskpane.html')) for (const f of await staticClosure(s)) page.add(f);
  rows.push({
    area: 'bundle',
    case: 'taskpane.html all module scripts (+ commands, functions)',
    value: kb(await gzipped(page)),
    unit: 'KB gz',
  });
  for (const f of await lazyChunks(pane)) {
    if (page.has(f)) continue;
    rows.push({
      area: 'bundle',
      case: `lazy: ${posix.basename(f).replace(/-[A-Z0-9]+\.js$/, '')}`,
      value: kb(await gzipped(await staticClosure(f))),
      unit: 'KB gz',
    });
  }
  const standalone = await staticClosure('standalone.js');
  rows.push({
    area: 'bundle',
    case: 'standalone page initial JS',
    value: kb(await gzipped(standalone)),
    unit: 'KB gz',
  });
  for (const f of await lazyChunks(standalone)) {
    const closure = [...(await staticClosure(f))].filter((x) => !standalone.has(x));
    rows.push({
      area: 'bundle',
      case: `standalone lazy: ${posix.basename(f).replace(/-[A-Z0-9]+\.js$/, '')}`,
      value: kb(await gzipped(closure)),
      unit: 'KB gz',
    });
  }

  // First render in Chromium: navigation start → the app's heading in the DOM (a MutationObserver records it).
  const sample = JSON.parse(
    await readFile(join(ROOT, 'templates/samples/cum-7-2022.json'), 'utf8'),
  ) as ClusterDocument;
  const workbook = join(ROOT, '.tmp', 'bench-cum-7-2022.xlsx');
  await promisify(execFile)('mkdir', ['-p', join(ROOT, '.tmp')]);
  // The write path never replaces a file: the previous run's copy goes first.
  await promisify(execFile)('rm', ['-f', workbook]);
  await writeClusterWorkbook(workbook, sample);
  const server = await serve(DIST);
  const browser = await launchChromium();
  try {
    const firstRender: number[] = [];
    const opened: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const tab = await browser.context.newPage();
      await tab.addInitScript(() => {
        const w = window as unknown as { __marks: Record<string, number> };
        w.__marks = {};
        new MutationObserver(() => {
          if (!w.__marks.h1 && document.querySelector('h1')) w.__marks.h1 = performance.now();
          if (!w.__marks.tabs && document.querySelector('[role=tablist]')) w.__marks.tabs = performance.now();
        }).observe(document, { childList: true, subtree: true });
      });
      await tab.goto(`${server.origin}/standalone.html`);
      await tab.waitForSelector('h1');
      firstRender.push(
        await tab.evaluate(() => (window as unknown as { __marks: { h1: number } }).__marks.h1),
      );
      const start = await tab.evaluate(() => performance.now());
      await tab.locator('input[type=file]').setInputFiles(workbook);
      await tab.waitForSelector('[role=tablist]');
      opened.push(
        (await tab.evaluate(() => (window as unknown as { __marks: { tabs: number } }).__marks.tabs)) - start,
      );
      await tab.close();
    }
    rows.push({
      area: 'render',
      case: 'standalone page: navigation → first render',
      value: median(firstRender),
      unit: 'ms',
      note: `median of ${RUNS}, Chromium ${browser.context.browser()?.version() ?? chromium.name()}`,
    });
    rows.push({
      area: 'render',
      case: 'open sample .xlsx → task pane rendered',
      value: median(opened),
      unit: 'ms',
      note: `median of ${RUNS}; loads exceljs and parses the workbook`,
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
