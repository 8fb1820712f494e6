/**
 * The CLI's worker thread (./pool.ts), bundled as dist/thread-worker.js: takes tickets from the last item
 * for the job it is given and posts each result as it is made (file bytes moved, not copied). An item that
 * fails here is not posted: the main thread makes it again and says what is wrong.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReturnsData } from './returns';
import type { ScorecardsData } from './scorecards';
import type { WorkerHint } from './pool';
import { type TicketJob, type WorkerMessage, takeTickets } from './tickets';

type Maker = (data: unknown) => (index: number) => Promise<unknown>;

// Only the job's own code is loaded: a merge's worker compiles no writer, a send-out's no reader.
const makerOf = async (kind: TicketJob['kind']): Promise<Maker> =>
  kind === 'scorecards'
    ? ((await import('./scorecards')).scorecardMaker as Maker)
    : ((await import('./returns')).returnReader as Maker);

// Started with its job, or ahead of it (./pool.ts startHelper) and given it as the first message; one started
// ahead is told the job's kind, and loads its code while it waits.
const given = workerData as TicketJob | WorkerHint | null;
const prepared =
  given && 'prepare' in given ? { kind: given.prepare, maker: makerOf(given.prepare) } : undefined;
prepared?.maker.catch(() => undefined);
const job: TicketJob =
  given && 'tickets' in given
    ? given
    : await new Promise<TicketJob>((take) => parentPort!.once('message', take));
const maker = prepared?.kind === job.kind ? await prepared.maker : await makerOf(job.kind);
const make = maker(job.data as ReturnsData | ScorecardsData);
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
