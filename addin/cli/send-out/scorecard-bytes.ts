/**
 * The members' scorecards as file bytes, as the task pane's send-out makes them (addin/app/cycle-core), one
 * unit at a time. Shared by the command (./scorecard-pool.ts) and its worker thread (./scorecard-worker.ts).
 */
import type { ClusterDocument } from '../../../core';
import { memberScorecardBuilder } from '../../app/cycle-core';
import { planToBytes } from '../../host/xlsx/workbook-files';

export const scorecardWriter = (doc: ClusterDocument, now: string) => {
  const card = memberScorecardBuilder(doc, now);
  return async (unit: string) => (await planToBytes(card(unit).plan)).bytes;
};

/** What the command hands its worker. */
export interface ScorecardJob {
  doc: ClusterDocument;
  now: string;
  units: string[];
  /** [0]: the next ticket; a ticket below units.length is one unit to make (see ./scorecard-pool.ts). */
  tickets: Int32Array;
}

/** A scorecard made by the worker, or its end. */
export type ScorecardMessage = { index: number; bytes: Uint8Array } | { done: true };

/**
 * Takes tickets until none is left: the k-th ticket this side takes is unit `indexOf(k)`. The main thread
 * counts from the first unit, the worker from the last; as every ticket is taken once and there are as many
 * as units, the two never make the same unit, and between them make every one.
 */
export async function takeTickets(
  job: Pick<ScorecardJob, 'units' | 'tickets'>,
  indexOf: (k: number) => number,
  make: (unit: string) => Promise<Uint8Array>,
  made: (index: number, bytes: Uint8Array) => void,
): Promise<void> {
  for (let k = 0; Atomics.add(job.tickets, 0, 1) < job.units.length; k++) {
    const index = indexOf(k);
    made(index, await make(job.units[index]!));
  }
}
