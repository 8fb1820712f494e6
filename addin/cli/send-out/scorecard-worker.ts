/**
 * The worker thread of `thidua new --per-unit` (./scorecard-pool.ts): makes members' scorecards from the last
 * unit backwards while the main thread writes the cluster workbook and makes them from the first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ScorecardJob, type ScorecardMessage, scorecardWriter, takeTickets } from './scorecard-bytes';

const job = workerData as ScorecardJob;
const post = (message: ScorecardMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);
await takeTickets(
  job,
  (k) => job.units.length - 1 - k,
  scorecardWriter(job.doc, job.now),
  (index, bytes) => post({ index, bytes }, [bytes.buffer as ArrayBuffer]),
);
post({ done: true });
