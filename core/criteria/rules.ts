/** The scorecard's own arithmetic rules, shared by the resolver (checks) and the engine (totals). */
import type { Milli } from '../exact/decimal';

export interface OccurrenceDeduction {
  occurrences: number;
  each: Milli;
  /** occurrences × each, before the cap. */
  raw: Milli;
  /** What counts: raw held to deductionMax ("tổng điểm trừ không quá 1,5 điểm"); a rule, not an error. */
  counted: Milli;
  cap?: Milli;
}

export function occurrenceDeduction(
  occurrences: number,
  each: Milli,
  cap: Milli | undefined,
): OccurrenceDeduction {
  const raw = occurrences * each;
  const counted = cap !== undefined && raw > cap ? cap : raw;
  return cap === undefined ? { occurrences, each, raw, counted } : { occurrences, each, raw, counted, cap };
}
