/**
 * The members' scorecards of `thidua new --per-unit` as file bytes, as the task pane's send-out makes them
 * (addin/app/cycle-core), on two threads (./pool.ts): the cluster workbook and 63 scorecards are several
 * seconds of work. The bytes do not depend on the thread.
 */
import type { ClusterDocument } from '../../../core';
import { memberScorecardBuilder } from '../../app/cycle-core';
import { planToBytes } from '../../host/xlsx/workbook-files';
import { type Helper, type Shared, shareWork } from './pool';

export interface ScorecardsData {
  doc: ClusterDocument;
  now: string;
  units: string[];
}

export const scorecardWriter = (doc: ClusterDocument, now: string) => {
  const card = memberScorecardBuilder(doc, now);
  return async (unit: string, coresBusy = false) => (await planToBytes(card(unit).plan, coresBusy)).bytes;
};

/** Each thread's maker: item k is units[k], deflated on the thread (both cores are busy writing). */
export function scorecardMaker(data: ScorecardsData): (index: number) => Promise<Uint8Array> {
  // Made at the first ticket: the main thread, busy with the cluster workbook, often takes none.
  let make: ReturnType<typeof scorecardWriter> | undefined;
  return (index) => {
    make ??= scorecardWriter(data.doc, data.now);
    return make(data.units[index]!, true);
  };
}

/** `first()`'s result (the cluster workbook) and every unit's scorecard, in the units' order. */
export function allScorecards<F>(
  doc: ClusterDocument,
  now: string,
  units: readonly string[],
  first: () => Promise<F>,
  options: { workerFile?: string | false; helper?: Helper } = {},
): Promise<Shared<F, Uint8Array>> {
  const data: ScorecardsData = { doc, now, units: [...units] };
  return shareWork({
    kind: 'scorecards',
    data,
    count: units.length,
    first,
    make: scorecardMaker(data),
    ...options,
  });
}
