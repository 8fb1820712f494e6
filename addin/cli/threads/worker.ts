/**
 * The CLI's worker thread (./pool.ts), bundled as dist/thread-worker.js: takes tickets from the last item
 * for the job it is given and posts each result as it is made (file bytes moved, not copied). An item that
 * fails here is not posted: the main thread makes it again and says what is wrong.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReturnsData } from './returns';
import type { ScorecardsData } from './scorecards';
import { type TicketJob, type WorkerMessage, takeTickets } from './tickets';

// Started with its job, or ahead of it (./pool.ts startHelper) and given it as the first message.
const job: TicketJob =
  (workerData as TicketJob | null) ??
  (await new Promise<TicketJob>((take) => parentPort!.once('message', take)));
// Only the job's own code is loaded: a merge's worker compiles no writer, a send-out's no reader.
const make: (index: number) => Promise<unknown> =
  job.kind === 'scorecards'
    ? (await import('./scorecards')).scorecardMaker(job.data as ScorecardsData)
    : (await import('./returns')).returnReader(job.data as ReturnsData);
const post = (message: WorkerMessage<unknown>) => {
  const value = 'value' in message ? message.value : undefined;
  parentPort!.postMessage(message, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
};
await takeTickets(
  job,
  (k) => job.count - 1 - k,
  make,
  (index, value) => post({ index, value }),
);
post({ done: true });
