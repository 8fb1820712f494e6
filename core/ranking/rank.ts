/**
 * Ranking: total first, then the document's ordered tie-break keys; units equal on all of them share a rank
 * (1, 2, 2, 4). Row order never decides: tied units are listed by name only for display. Every rank says
 * which key separated it from its neighbours, with both values.
 */
import { numText } from '../model/words';
import type { TieBreakKey, TierRule } from '../model/types';
import { type Milli, roundRatio, toMilli } from '../exact/decimal';
import type { Bilingual } from '../issues/issue';
import { lazily } from '../text/lazily';
import { formatPercentVi } from '../text/numbers';

export interface RankEntry {
  unit: string;
  total: Milli;
  standardTotal: Milli;
  bonus: Milli;
  deduction: Milli;
  met: number;
  arising: number;
  exceeded: number;
  exceedable: number;
  /** Score (milli) of a criterion or group for `criterion:<code>` keys. */
  criterionScore?: (code: string) => Milli;
}

/** An entry with a total and nothing else (no bonus, deduction or indicators), e.g. for ranking plain numbers. */
export function plainRankEntry(unit: string, total: Milli, over: Partial<RankEntry> = {}): RankEntry {
  return {
    unit,
    total,
    standardTotal: 0,
    bonus: 0,
    deduction: 0,
    met: 0,
    arising: 0,
    exceeded: 0,
    exceedable: 0,
    ...over,
  };
}

export type RankKey = 'total' | TieBreakKey;

export interface KeyComparison {
  neighbour: string;
  /** The first key on which the two differ; undefined when they are tied on all. */
  key?: RankKey;
  own?: Bilingual;
  theirs?: Bilingual;
  text: Bilingual;
}

export interface RankedUnit {
  unit: string;
  /** Index of the entry in the input. */
  entry: number;
  rank: number;
  /** Percent of the standard total, up to 3 decimals. */
  percent: number;
  tier: string;
  tierRule?: TierRule;
  /** Units sharing this rank. */
  tiedWith: string[];
  above?: KeyComparison;
  below?: KeyComparison;
}

export const FALLBACK_TIER = 'Không hoàn thành nhiệm vụ';

/** Names in Vietnamese order; the collator is made at the first tie. */
const collator = lazily(() => new Intl.Collator('vi', { sensitivity: 'base', numeric: true }));
const byName = (a: string, b: string): number => collator().compare(a, b);

const KEY_TEXT: Record<string, Bilingual> = {
  total: { vi: 'tổng điểm', en: 'total' },
  indicatorsMetRatio: { vi: 'tỷ lệ chỉ tiêu đạt', en: 'share of indicators met' },
  indicatorsExceededRatio: { vi: 'tỷ lệ chỉ tiêu vượt', en: 'share of indicators exceeded' },
  deduction: { vi: 'điểm trừ (ít hơn xếp trên)', en: 'deduction (less ranks higher)' },
  bonus: { vi: 'điểm cộng', en: 'bonus' },
};

export function rankKeyText(key: RankKey): Bilingual {
  if (key.startsWith('criterion:')) {
    const code = key.slice('criterion:'.length);
    return { vi: `điểm tiêu chí ${code}`, en: `score of criterion ${code}` };
  }
  return KEY_TEXT[key] ?? { vi: key, en: key };
}

/** Negative when `a` ranks above `b` on `key`, positive when below, 0 when equal. Ratios compare exactly. */
function compareOn(key: RankKey, a: RankEntry, b: RankEntry): number {
  switch (key) {
    case 'total':
      return b.total - a.total;
    case 'indicatorsMetRatio':
      return b.met * Math.max(a.arising, 1) - a.met * Math.max(b.arising, 1);
    case 'indicatorsExceededRatio':
      return b.exceeded * Math.max(a.exceedable, 1) - a.exceeded * Math.max(b.exceedable, 1);
    case 'deduction':
      return a.deduction - b.deduction;
    case 'bonus':
      return b.bonus - a.bonus;
    default: {
      const code = key.slice('criterion:'.length);
      return (b.criterionScore?.(code) ?? 0) - (a.criterionScore?.(code) ?? 0);
    }
  }
}

function valueText(key: RankKey, e: RankEntry): Bilingual {
  const pts = (m: Milli) => numText(m / 1000);
  switch (key) {
    case 'total':
      return pts(e.total);
    case 'indicatorsMetRatio':
      return {
        vi: `${e.met}/${e.arising} (${formatPercentVi(e.met, e.arising)})`,
        en: `${e.met}/${e.arising} (${roundRatio(e.met * 100, e.arising, 1)}%)`,
      };
    case 'indicatorsExceededRatio':
      return {
        vi: `${e.exceeded}/${e.exceedable} (${formatPercentVi(e.exceeded, e.exceedable)})`,
        en: `${e.exceeded}/${e.exceedable} (${roundRatio(e.exceeded * 100, e.exceedable, 1)}%)`,
      };
    case 'deduction':
      return pts(e.deduction);
    case 'bonus':
      return pts(e.bonus);
    default:
      return pts(e.criterionScore?.(key.slice('criterion:'.length)) ?? 0);
  }
}

function comparison(
  own: RankEntry,
  other: RankEntry,
  keys: readonly RankKey[],
  above: boolean,
): KeyComparison {
  for (const key of keys) {
    const c = compareOn(key, own, other);
    if (c === 0) continue;
    const ownText = valueText(key, own);
    const theirText = valueText(key, other);
    const k = rankKeyText(key);
    const equalBefore = keys.slice(0, keys.indexOf(key)).map((x) => rankKeyText(x));
    const same = equalBefore.length
      ? {
          vi: `bằng nhau về ${equalBefore.map((x) => x.vi).join(', ')}; `,
          en: `equal on ${equalBefore.map((x) => x.en).join(', ')}; `,
        }
      : { vi: '', en: '' };
    return {
      neighbour: other.unit,
      key,
      own: ownText,
      theirs: theirText,
      text: {
        vi: `${above ? 'Xếp sau' : 'Xếp trên'} ${other.unit}: ${same.vi}${k.vi} ${ownText.vi} so với ${theirText.vi}.`,
        en: `${above ? 'Below' : 'Above'} ${other.unit}: ${same.en}${k.en} ${ownText.en} against ${theirText.en}.`,
      },
    };
  }
  return {
    neighbour: other.unit,
    text: {
      vi: `Đồng hạng với ${other.unit}: bằng nhau về ${keys.map((k) => rankKeyText(k).vi).join(', ')}.`,
      en: `Shares the rank with ${other.unit}: equal on ${keys.map((k) => rankKeyText(k).en).join(', ')}.`,
    },
  };
}

/** Percent of the standard total, to 3 decimals; 0 when the standard total is 0. */
export function percentOfStandard(total: Milli, standardTotal: Milli): number {
  return standardTotal > 0 ? roundRatio(total * 100, standardTotal, 3) : 0;
}

/** The first tier (highest first) whose minimum the total reaches, compared exactly on integers. */
export function tierFor(
  total: Milli,
  standardTotal: Milli,
  tiers: readonly TierRule[],
): TierRule | undefined {
  for (const tier of tiers) {
    const min = toMilli(tier.minPercent);
    if (min === undefined) continue;
    // total / standard × 100 ≥ minPercent  ⇔  total × 100 000 ≥ minPercent(milli) × standard
    if (standardTotal > 0 ? total * 100_000 >= min * standardTotal : min <= 0) return tier;
  }
  return undefined;
}

export function rankUnits(
  entries: readonly RankEntry[],
  tieBreak: readonly TieBreakKey[],
  tiers: readonly TierRule[],
): RankedUnit[] {
  const keys: RankKey[] = ['total', ...tieBreak];
  const order = entries.map((_, i) => i);
  const compareAll = (a: number, b: number): number => {
    for (const key of keys) {
      const c = compareOn(key, entries[a]!, entries[b]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  order.sort((a, b) => compareAll(a, b) || byName(entries[a]!.unit, entries[b]!.unit));

  const ranked: RankedUnit[] = [];
  order.forEach((i, pos) => {
    const e = entries[i]!;
    const prev = pos > 0 ? order[pos - 1]! : undefined;
    const rank = prev !== undefined && compareAll(prev, i) === 0 ? ranked[pos - 1]!.rank : pos + 1;
    const tierRule = tierFor(e.total, e.standardTotal, tiers);
    const r: RankedUnit = {
      unit: e.unit,
      entry: i,
      rank,
      percent: percentOfStandard(e.total, e.standardTotal),
      tier: tierRule?.label ?? FALLBACK_TIER,
      tiedWith: [],
    };
    if (tierRule) r.tierRule = tierRule;
    if (prev !== undefined) r.above = comparison(e, entries[prev]!, keys, true);
    const next = order[pos + 1];
    if (next !== undefined) r.below = comparison(e, entries[next]!, keys, false);
    ranked.push(r);
  });
  // Tied units are adjacent in rank order: one pass per group keeps this linear.
  for (let start = 0; start < ranked.length; ) {
    let end = start + 1;
    while (end < ranked.length && ranked[end]!.rank === ranked[start]!.rank) end++;
    if (end - start > 1) {
      const group = ranked.slice(start, end);
      for (const r of group) r.tiedWith = group.filter((o) => o !== r).map((o) => o.unit);
    }
    start = end;
  }
  return ranked;
}
