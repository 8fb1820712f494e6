/**
 * Every member's scorecard for `thidua new --per-unit`, on two threads: the machines have two cores, and the
 * cluster workbook and 63 scorecards are several seconds of work. A worker thread makes scorecards from the
 * last unit backwards while the main thread runs `first` (the cluster workbook) and then makes them from
 * the first unit; they share one ticket counter, so the faster side does more. The bytes are the same as
 * one thread makes. When no worker can run (the CLI run from its sources, a worker that fails), the main
 * thread makes whatever is missing: a scorecard is never lost to the worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClusterDocument } from '../../../core';
import { type ScorecardJob, type ScorecardMessage, scorecardWriter, takeTickets } from './scorecard-bytes';

/** The bundled worker (dist/scorecard-worker.js, beside the CLI's chunks); undefined from the sources. */
function workerFile(): string | undefined {
  const file = fileURLToPath(new URL('../scorecard-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** A worker's scorecards as they come, until it says it is done or stops. */
function startWorker(file: string, job: ScorecardJob, made: (index: number, bytes: Uint8Array) => void) {
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: job });
  } catch {
    return Promise.resolve();
  }
  return new Promise<void>((finish) => {
    worker.on('message', (m: ScorecardMessage) => {
      if ('done' in m) finish();
      else made(m.index, new Uint8Array(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    });
    // A failed worker's units are made by the main thread after it (whatever is missing).
    worker.on('error', () => finish());
    worker.on('exit', () => finish());
  }).finally(() => worker.terminate());
}

/**
 * `first()`'s result and every unit's scorecard, in the units' order; `byWorker`: how many the worker made.
 * `workerFile`: the worker to run (false: none), the bundled one by default.
 */
export async function allScorecards<T>(
  doc: ClusterDocument,
  now: string,
  units: readonly string[],
  first: () => Promise<T>,
  options: { workerFile?: string | false } = {},
): Promise<{ first: T; scorecards: Uint8Array[]; byWorker: number }> {
  const job: ScorecardJob = {
    doc,
    now,
    units: [...units],
    tickets: new Int32Array(new SharedArrayBuffer(4)),
  };
  const out: (Uint8Array | undefined)[] = units.map(() => undefined);
  let byWorker = 0;
  const file = options.workerFile ?? (units.length < 4 ? undefined : workerFile());
  const worker = file
    ? startWorker(file, job, (index, bytes) => {
        byWorker++;
        out[index] = bytes;
      })
    : Promise.resolve();
  const firstResult = await first();
  const make = scorecardWriter(doc, now);
  await takeTickets(job, (k) => k, make, (index, bytes) => {
    out[index] = bytes;
  });
  await worker;
  for (const [i, unit] of units.entries()) out[i] ??= await make(unit);
  return { first: firstResult, scorecards: out as Uint8Array[], byWorker };
}
