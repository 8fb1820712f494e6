/** Figures the documents print, in Vietnamese: scores, percentages, indicator counts, vote shares, dates. */
import { type UnitResult, formatNumberVi, formatPercentVi } from '../../core';
import type { VoteLine } from './context';

export const score = (n: number | undefined): string => (n === undefined ? '—' : formatNumberVi(n, 2));

export const indicatorsMet = (u: UnitResult): string =>
  u.indicators.arising > 0 ? `${u.indicators.met}/${u.indicators.arising} (${u.indicators.metText})` : '—';

export const indicatorsExceeded = (u: UnitResult): string =>
  u.indicators.exceedable > 0
    ? `${u.indicators.exceeded}/${u.indicators.exceedable} (${u.indicators.exceededText})`
    : '—';

export const share = (v: Pick<VoteLine, 'yes' | 'voters'>): string =>
  v.voters > 0 ? formatPercentVi(v.yes, v.voters) : '—';

/** "2021-01-15" → "15/01/2021"; anything else as given. */
export function dayText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
