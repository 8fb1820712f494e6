/**
 * Work shared by the main thread and one worker thread through one ticket counter (the machines have two
 * cores). There are as many tickets as items; each side takes tickets until none is left, and its k-th ticket
 * is item `indexOf(k)`: the main thread counts from the first item, the worker from the last. Every ticket is
 * taken once, so the two never do the same item, and between them do every one; the faster side does more.
 */

/** What the main thread hands its worker: which job, its data, the shared counter. */
export interface TicketJob<Data = unknown> {
  kind: 'scorecards' | 'returns';
  data: Data;
  count: number;
  /** [0]: the next ticket. */
  tickets: Int32Array;
}

/** An item the worker did, or its end. */
export type WorkerMessage<T> = { index: number; value: T } | { done: true };

export async function takeTickets<T>(
  job: Pick<TicketJob, 'count' | 'tickets'>,
  indexOf: (k: number) => number,
  make: (index: number) => Promise<T>,
  made: (index: number, value: T) => void,
): Promise<void> {
  for (let k = 0; Atomics.add(job.tickets, 0, 1) < job.count; k++) {
    const index = indexOf(k);
    made(index, await make(index));
  }
}
