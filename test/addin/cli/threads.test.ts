/**
 * The CLI's two threads (addin/cli/threads/pool.ts), with the bundled worker (dist/thread-worker.js, built by
 * `npm run build` before the tests). `new --per-unit`: the worker makes scorecards from the last unit while
 * the main thread works; every unit's parts are those one thread makes, in the units' order; a worker that
 * cannot start, fails at once, or stops halfway loses no scorecard. `merge`: the files read on both threads
 * are what one thread reads, and a file that cannot be read is said for the first such file in order.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../../addin/cli/context';
import { startHelper, stopHelper } from '../../../addin/cli/threads/pool';
import { readReturnFiles } from '../../../addin/cli/threads/returns';
import { allScorecards, scorecardWriter } from '../../../addin/cli/threads/scorecards';
import { mergeLoaded, loadedWorkbook } from '../../../addin/app/cycle-core';
import { readWorkbookSnapshotFile } from '../../../addin/host/xlsx/files';
import { entryBytes, readZip } from '../../../addin/host/xlsx/patch/zip';
import { clusterWorkbookBytes } from '../../../addin/host/xlsx/workbook-files';
import { computeCluster } from '../../../core';
import { largeCluster } from '../../../scripts/bench/workbook';

const root = join(import.meta.dirname, '../../..');
const WORKER = join(root, 'dist/thread-worker.js');
const NOW = '2026-12-03T08:00:00.000Z';
const doc = largeCluster(9);
const units = doc.units.map((u) => u.name);
let dir: string;
let expected: Uint8Array[];

/**
 * A package's parts by name, inflated; the zip's entry times and the document properties' created time are
 * the moment it was written, the rest is the plan.
 */
const parts = (bytes: Uint8Array) =>
  Object.fromEntries(
    (readZip(bytes) ?? []).map((e) => [
      e.name,
      Buffer.from(entryBytes(e))
        .toString('utf8')
        .replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1><'),
    ]),
  );

/** The members' scorecards as files named `prefix-k.xlsx`: [path, the name given] each. */
async function writtenReturns(prefix: string): Promise<[string, string][]> {
  const files: [string, string][] = [];
  for (const [i, b] of expected.entries()) {
    const path = join(dir, `${prefix}-${i}.xlsx`);
    await writeFile(path, b);
    files.push([path, `${prefix}-${i}.xlsx`]);
  }
  return files;
}

const slowFirst = () => new Promise<string>((done) => setTimeout(() => done('cluster'), 1500));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-threads-'));
  const make = scorecardWriter(doc, NOW);
  expected = [];
  for (const u of units) expected.push(await make(u));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('send-out on two threads', () => {
  it('the bundled worker exists beside the CLI', () => {
    expect(existsSync(WORKER)).toBe(true);
  });

  it("makes every unit's scorecard, the worker from the last while the main thread is busy, parts as one thread makes them", async () => {
    const made = await allScorecards(doc, NOW, units, slowFirst, { workerFile: WORKER });
    expect(made.first).toBe('cluster');
    // While the main thread waits 1,5 s the worker takes units from the end; the main thread takes the rest.
    expect(made.byWorker).toBeGreaterThan(0);
    made.results.forEach((b, i) => {
      expect(parts(b), units[i]).toEqual(parts(expected[i]!));
    });
  });

  it('without a worker, or with one that fails at once or stops halfway, the main thread makes what is missing', async () => {
    const failing = join(dir, 'failing.mjs');
    await writeFile(failing, "throw new Error('worker broken');\n");
    // Takes three tickets (three units the main thread then does not take) and exits without making them.
    const quitting = join(dir, 'quitting.mjs');
    await writeFile(
      quitting,
      "import { workerData } from 'node:worker_threads';\nfor (let i = 0; i < 3; i++) Atomics.add(workerData.tickets, 0, 1);\nprocess.exit(0);\n",
    );
    for (const workerFile of [false, join(dir, 'missing.mjs'), failing, quitting] as const) {
      const made = await allScorecards(doc, NOW, units, slowFirst, { workerFile });
      expect(made.byWorker, String(workerFile)).toBe(0);
      made.results.forEach((b, i) => {
        expect(parts(b), `${workerFile}: ${units[i]}`).toEqual(parts(expected[i]!));
      });
    }
  });

  it('a worker started ahead of its job is given it: the same scorecards; one that cannot start, or is not needed, loses none', async () => {
    // Told nothing, told the job's kind (it loads that code while it waits), told another kind.
    for (const prepare of [undefined, 'scorecards', 'returns'] as const) {
      const ahead = startHelper(WORKER, prepare);
      expect(ahead.worker).toBeDefined();
      const made = await allScorecards(doc, NOW, units, slowFirst, { helper: ahead });
      expect(made.byWorker, String(prepare)).toBeGreaterThan(0);
      made.results.forEach((b, i) => {
        expect(parts(b), `${prepare}: ${units[i]}`).toEqual(parts(expected[i]!));
      });
      stopHelper(ahead);
    }
    const failing = join(dir, 'failing-ahead.mjs');
    await writeFile(failing, "throw new Error('worker broken');\n");
    const broken = startHelper(failing);
    // Given its job after it has already failed.
    await new Promise((done) => setTimeout(done, 300));
    const alone = await allScorecards(doc, NOW, units, async () => 'cluster', { helper: broken });
    expect(alone.byWorker).toBe(0);
    alone.results.forEach((b, i) => {
      expect(parts(b), `broken: ${units[i]}`).toEqual(parts(expected[i]!));
    });
    // Too few items for a second thread: the helper is stopped, the main thread makes them.
    const unneeded = startHelper(WORKER);
    const exited = new Promise((done) => unneeded.worker!.once('exit', done));
    const two = await allScorecards(doc, NOW, units.slice(0, 2), async () => 'cluster', { helper: unneeded });
    expect(two.byWorker).toBe(0);
    await exited;
  });

  it('a worker started ahead and never given a job does not keep the command running', async () => {
    const pool = join(root, 'addin/cli/threads/pool.ts');
    const script = join(dir, 'ahead.mts');
    // The worker waits for a job that never comes; it must be alive when the script ends.
    await writeFile(
      script,
      `const { startHelper } = await import(${JSON.stringify(pool)});\nconst h = startHelper(${JSON.stringify(WORKER)});\nsetTimeout(() => console.log(h.worker.threadId > 0 ? 'waiting' : 'stopped'), 1500);\n`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.signal).toBeNull();
    expect(run.stdout.trim()).toBe('waiting');
    expect(run.status).toBe(0);
  });

  it('merge: the files read on two threads are what one thread reads; the first unreadable file in order stops it', async () => {
    const files = await writtenReturns('return');
    const one = await readReturnFiles(files, { workerFile: false });
    // The main thread busy first: the worker reads some of them.
    const two = await readReturnFiles(files, { workerFile: WORKER, first: slowFirst });
    expect(one.byWorker).toBe(0);
    expect(two.byWorker).toBeGreaterThan(0);
    expect(two.loaded).toEqual(one.loaded);
    expect(two.loaded.map((l) => l.file)).toEqual(files.map(([, shown]) => shown));
    // Two damaged files: the one given first is named, whichever thread read it.
    const cut = (i: number) => writeFile(files[i]![0], expected[i]!.subarray(0, 200));
    await cut(2);
    await cut(7);
    for (const workerFile of [false, WORKER] as const) {
      const refused = await readReturnFiles(files, { workerFile, first: slowFirst }).catch((e: unknown) => e);
      expect(refused, String(workerFile)).toBeInstanceOf(CliError);
      expect((refused as CliError).text.vi, String(workerFile)).toContain('return-2.xlsx');
    }
  });

  it('merge: members read ahead on either thread consolidate as the snapshots do; against another base, read again', async () => {
    const members = await writtenReturns('ahead');
    // The base as sent out, and one whose cluster is spelled otherwise (the same cluster to the merge, another
    // structure to the members' reading): the members are then read again against it.
    const renamed = { ...doc, cluster: { ...doc.cluster, name: doc.cluster.name.toUpperCase() } };
    for (const [name, baseDoc, readAhead] of [
      ['same', doc, true],
      ['renamed', renamed, false],
    ] as const) {
      const basePath = join(dir, `base-${name}.xlsx`);
      await writeFile(
        basePath,
        (await clusterWorkbookBytes(baseDoc, computeCluster(baseDoc), { now: NOW })).bytes,
      );
      const files: [string, string][] = [[basePath, 'cum.xlsx'], ...members];
      const two = await readReturnFiles(files, { workerFile: WORKER, first: slowFirst });
      expect(two.byWorker, name).toBeGreaterThan(0);
      const members_ = two.loaded.slice(1);
      expect(
        members_.every(
          (l) => (l.ahead !== undefined) === readAhead && (l.snapshot !== undefined) === !readAhead,
        ),
        name,
      ).toBe(true);
      const snapshots = await Promise.all(
        files.map(async ([path, shown]) => {
          const r = await readWorkbookSnapshotFile(path, {});
          return loadedWorkbook(shown, { ...r.snapshot, source: shown }, r.issues);
        }),
      );
      const ahead = mergeLoaded(two.loaded);
      const plain = mergeLoaded(snapshots);
      expect(ahead.ok && plain.ok, name).toBe(true);
      if (!ahead.ok || !plain.ok) continue;
      expect(ahead.document, name).toEqual(plain.document);
      expect(ahead.report, name).toEqual(plain.report);
      expect(ahead.report.received.length, name).toBe(units.length);
    }
  });
});
