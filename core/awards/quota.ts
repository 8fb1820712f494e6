/**
 * Caps ("không quá N%"): the limit is percent × base / 100 rounded down (on integers), raised to the minimum
 * when one is stated and anyone qualifies; candidates are taken in order, and candidates tied at the limit are
 * either separated by the stated preference (Nghị định 152/2025, Điều 4) or left to the council: a cap is
 * never exceeded.
 */
import { toMilli } from '../exact/decimal';
import type { Bilingual } from '../issues/issue';

export interface QuotaFormula {
  /** null: no cap. */
  percent: number | null;
  minimum: number | null;
}

/** The number allowed for `base` qualifying candidates; Infinity when there is no cap. */
export function quotaLimit(formula: QuotaFormula, base: number): number {
  if (formula.percent === null) return Number.POSITIVE_INFINITY;
  if (base <= 0) return 0;
  const pct = toMilli(formula.percent) ?? 0;
  const floor = Math.floor((pct * base) / 100_000);
  return formula.minimum !== null ? Math.max(floor, Math.min(formula.minimum, base)) : floor;
}

export type QuotaOutcome = 'within' | 'preferred' | 'over' | 'tied';

export interface QuotaPick<T> {
  item: T;
  outcome: QuotaOutcome;
}

/**
 * Picks candidates in order within `limit`. `sameOrder(a, b)` says two neighbours are tied on the order
 * (same rank, same vote share); `preferred(x)` is the tie preference, or undefined when none applies.
 */
export function pickWithinQuota<T>(
  ordered: readonly T[],
  limit: number,
  sameOrder: (a: T, b: T) => boolean,
  preferred?: (x: T) => boolean,
): QuotaPick<T>[] {
  const out: QuotaPick<T>[] = [];
  let taken = 0;
  // After a tie at the limit nobody ranked below may pass the tied candidates.
  let closed = false;
  let i = 0;
  while (i < ordered.length) {
    let j = i + 1;
    while (j < ordered.length && sameOrder(ordered[i]!, ordered[j]!)) j++;
    const group = ordered.slice(i, j);
    const room = closed ? 0 : Math.max(0, limit - taken);
    if (group.length <= room) {
      for (const item of group) out.push({ item, outcome: 'within' });
      taken += group.length;
    } else if (room === 0) {
      for (const item of group) out.push({ item, outcome: 'over' });
    } else {
      // The group straddles the limit: only a stated preference may separate its members.
      const pref = preferred ? group.filter(preferred) : [];
      const rest = preferred ? group.filter((x) => !preferred(x)) : group;
      if (pref.length > 0 && pref.length <= room) {
        for (const item of pref) out.push({ item, outcome: 'preferred' });
        taken += pref.length;
        const left = limit - taken;
        if (rest.length <= left) {
          for (const item of rest) out.push({ item, outcome: 'within' });
          taken += rest.length;
        } else {
          for (const item of rest) out.push({ item, outcome: left === 0 ? 'over' : 'tied' });
        }
      } else {
        for (const item of group) out.push({ item, outcome: 'tied' });
      }
      closed = true;
    }
    i = j;
  }
  return out;
}

/** Why a candidate the cap leaves out is not proposed; `tie` says what the tie is on ("Đồng hạng", "Bằng phiếu"). */
export function capShortfall(outcome: 'over' | 'tied', capLine: Bilingual, tie: Bilingual): Bilingual {
  return outcome === 'over'
    ? { vi: `Vượt giới hạn: ${capLine.vi}`, en: `Over the cap: ${capLine.en}` }
    : {
        vi: `${tie.vi} tại giới hạn (${capLine.vi}); Hội đồng quyết định`,
        en: `${tie.en} at the cap (${capLine.en}); the council decides`,
      };
}
