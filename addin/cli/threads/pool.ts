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

/**
 * A worker started before its job is known: compiling the bundle takes it half a second, which then overlaps
 * the main thread's reading of the command's input. Until it is given a job it does not keep the process alive.
 */
export interface Helper {
  worker: Worker | undefined;
}

/** What a worker started ahead is told: the kind of job it will be given, whose code it loads meanwhile. */
export interface WorkerHint {
  prepare: TicketJob['kind'];
}

/** A worker started here; its failures are seen as its items not coming (the main thread makes them). */
function started(file: string, options?: { workerData: TicketJob | WorkerHint }): Worker | undefined {
  try {
    const worker = new Worker(file, options);
    worker.on('error', () => undefined);
    return worker;
  } catch {
    return undefined;
  }
}

export function startHelper(file: string | undefined = bundledWorker(), prepare?: TicketJob['kind']): Helper {
  const worker = file ? started(file, prepare ? { workerData: { prepare } } : undefined) : undefined;
  worker?.unref();
  return { worker };
}

/** Fewer items than this are made on the main thread alone: a worker's start would cost more. */
export const MIN_SHARED = 4;

/** The helper's worker stopped (given a job or not). */
export function stopHelper(helper: Helper | undefined): void {
  void helper?.worker?.terminate();
}

/** A worker's items as they come, until it says it is done or stops; at once for one that has stopped. */
function workerItems<T>(worker: Worker, made: (index: number, value: T) => void): Promise<void> {
  if (worker.threadId < 0) return Promise.resolve();
  return new Promise<void>((finish) => {
    const take = (m: WorkerMessage<T>) => {
      if ('done' in m) end();
      else made(m.index, m.value);
    };
    const end = () => {
      worker.off('message', take);
      worker.off('exit', end);
      worker.off('error', end);
      finish();
    };
    worker.on('message', take);
    worker.on('exit', end);
    worker.on('error', end);
  });
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
 * the worker to run (false: none), the bundled one by default (none for fewer than MIN_SHARED items).
 */
export async function shareWork<F, T extends object>(options: {
  kind: TicketJob['kind'];
  data: unknown;
  count: number;
  first: () => Promise<F>;
  make: (index: number) => Promise<T>;
  workerFile?: string | false;
  /** A worker started ahead (used instead of starting one; stopped when there are too few items). */
  helper?: Helper;
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
  const few = options.count < MIN_SHARED;
  const helper = options.helper?.worker;
  let worker: Worker | undefined;
  if (!few && options.workerFile === undefined && helper) {
    worker = helper;
    worker.ref();
    worker.postMessage(job);
  } else {
    stopHelper(options.helper);
    // A worker given by name is run whatever the count (the tests' workers).
    const file = options.workerFile !== undefined ? options.workerFile : few ? undefined : bundledWorker();
    worker = file ? started(file, { workerData: job }) : undefined;
  }
  const working = worker
    ? workerItems<T>(worker, (index, value) => {
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
  await working;
  void worker?.terminate();
  for (let i = 0; i < options.count; i++) out[i] ??= await options.make(i);
  return { first, results: out as T[], byWorker };
}
