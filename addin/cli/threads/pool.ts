/**
 * The main thread's side of ./tickets.ts: a worker (dist/thread-worker.js, ./worker.ts bundled beside the CLI)
 * takes items from the last while the main thread runs `first` and then takes them from the first. What the
 * worker does not deliver (it cannot start, as when the CLI runs from its sources; it fails; it stops) the main
 * thread does after it: no item is lost to the worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type TicketJob, type WorkerMessage, takeTickets } from './tickets';

/** The bundled worker, beside the CLI's chunks; undefined from the sources. */
export function bundledWorker(): string | undefined {
  const file = fileURLToPath(new URL('../thread-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** A worker's items as they come, until it says it is done or stops. */
function runWorker<T>(file: string, job: TicketJob, made: (index: number, value: T) => void): Promise<void> {
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: job });
  } catch {
    return Promise.resolve();
  }
  return new Promise<void>((finish) => {
    worker.on('message', (m: WorkerMessage<T>) => {
      if ('done' in m) finish();
      else made(m.index, m.value);
    });
    worker.on('error', () => finish());
    worker.on('exit', () => finish());
  }).finally(() => worker.terminate());
}

export interface Shared<F, T> {
  first: F;
  /** Every item's result, in the items' order. */
  results: T[];
  /** How many the worker did. */
  byWorker: number;
}

/**
 * `count` items made by `make` on this thread and by the worker of `job.kind` on the other; `workerFile`:
 * the worker to run (false: none), the bundled one by default (none for fewer than `minItems` items).
 */
export async function shareWork<F, T extends object>(options: {
  kind: TicketJob['kind'];
  data: unknown;
  count: number;
  first: () => Promise<F>;
  make: (index: number) => Promise<T>;
  workerFile?: string | false;
  minItems?: number;
}): Promise<Shared<F, T>> {
  const job: TicketJob = {
    kind: options.kind,
    data: options.data,
    count: options.count,
    tickets: new Int32Array(new SharedArrayBuffer(4)),
  };
  // Every item's result is an object (bytes, a file read): undefined is "not made yet".
  const out: (T | undefined)[] = new Array(options.count).fill(undefined);
  let byWorker = 0;
  const file = options.workerFile ?? (options.count < (options.minItems ?? 4) ? undefined : bundledWorker());
  const worker = file
    ? runWorker<T>(file, job, (index, value) => {
        byWorker++;
        out[index] = value;
      })
    : Promise.resolve();
  const first = await options.first();
  await takeTickets(
    job,
    (k) => k,
    options.make,
    (index, value) => {
      out[index] = value;
    },
  );
  await worker;
  for (let i = 0; i < options.count; i++) out[i] ??= await options.make(i);
  return { first, results: out as T[], byWorker };
}
