/**
 * The custom functions' logic, on the core: each function turns cell values into the core's inputs and returns
 * what the core computes, so a figure typed as =THIDUA.PERCENTVI(121;122) reads exactly like the result document.
 * No Office.js here: functions.ts registers these with Excel; tests call them directly.
 */
import {
  CLUSTER_FORMAT,
  type ClusterDocument,
  DEFAULT_TIERS,
  FALLBACK_TIER,
  formatPercentVi,
  judgeIndicator,
  plainRankEntry,
  type RankEntry,
  rankUnits,
  resolveClusterDocument,
  roundRatio,
  type TieBreakKey,
  tierFor,
  toMilli,
} from '../../core';

export type FunctionErrorCode = '#VALUE!' | '#NUM!' | '#DIV/0!' | '#N/A';

/** An Excel error value with a Vietnamese message; functions.ts turns it into CustomFunctions.Error. */
export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

/** A count from a cell: a non-negative whole number (numbers typed as text are refused, not guessed). */
function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FunctionError('#VALUE!', `${what} phải là một số, không phải "${String(value)}".`);
  }
  if (value < 0 || !Number.isInteger(value)) {
    throw new FunctionError('#NUM!', `${what} phải là số nguyên không âm (${value}).`);
  }
  return value;
}

function fraction(numerator: unknown, denominator: unknown): [number, number] {
  const n = count(numerator, 'Tử số');
  const d = count(denominator, 'Mẫu số');
  if (n > d) throw new FunctionError('#NUM!', `Tử số ${n} lớn hơn mẫu số ${d}.`);
  return [n, d];
}

/** numerator/denominator rounded to 4 decimals, as the result document's ratios. */
export function ratio(numerator: number, denominator: number): number {
  const [n, d] = fraction(numerator, denominator);
  if (d === 0) throw new FunctionError('#DIV/0!', 'Mẫu số bằng 0: chỉ tiêu không phát sinh.');
  return roundRatio(n, d, 4);
}

/** "99,2%": the Vietnamese percentage the result document prints (one decimal, decimal comma). */
export function percentVi(numerator: number, denominator: number): string {
  const [n, d] = fraction(numerator, denominator);
  return formatPercentVi(n, d);
}

/** The core's judgement of one indicator result, built through the same resolver the documents go through. */
function judge(numerator: unknown, denominator: unknown, target: unknown, lowerIsBetter: unknown) {
  const [n, d] = fraction(numerator, denominator);
  if (typeof target !== 'number' || !Number.isFinite(target)) {
    throw new FunctionError(
      '#VALUE!',
      `Mức chỉ tiêu phải là một số (0,9 là 90%), không phải "${String(target)}".`,
    );
  }
  const doc: ClusterDocument = {
    format: CLUSTER_FORMAT,
    kind: 'annual',
    year: 2000,
    cluster: { name: 'THIDUA' },
    units: [{ name: 'A' }, { name: 'B' }],
    criteria: [],
    indicators: [{ code: 'CT', title: 'CT', target, lowerIsBetter: lowerIsBetter === true }],
  };
  const { cluster, issues } = resolveClusterDocument(doc);
  const bad = issues.find((i) => i.severity === 'error' && i.indicator === 'CT');
  if (bad) throw new FunctionError('#NUM!', bad.message);
  const indicator = cluster.indicators[0];
  if (!indicator) throw new FunctionError('#NUM!', 'Mức chỉ tiêu không hợp lệ.');
  return judgeIndicator(indicator, n, d);
}

/** Met (đạt): arising and ratio ≥ target (≤ when lower is better). */
export function met(
  numerator: number,
  denominator: number,
  target: number,
  lowerIsBetter?: boolean,
): boolean {
  return judge(numerator, denominator, target, lowerIsBetter).met;
}

/** Exceeded (vượt): exceedable (target < 1, or > 0 when lower is better), arising and strictly better. */
export function exceeded(
  numerator: number,
  denominator: number,
  target: number,
  lowerIsBetter?: boolean,
): boolean {
  return judge(numerator, denominator, target, lowerIsBetter).exceeded;
}

/** A score from a cell: exact thousandths when it has up to 3 decimals (so 26,4 + 0,7 ties with 27,1). */
const scoreKey = (value: number): number => toMilli(value) ?? value * 1000;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Ranks of `values` (a column or row) by value, then by each tie-break range (higher ranks first; negate a
 * range where less is better), as the core ranks units: equal on everything → the same rank (1, 2, 2, 4).
 * Text and empty cells are not ranked.
 */
export function rankAll(
  values: readonly unknown[],
  ties: readonly (readonly unknown[])[] = [],
): (number | null)[] {
  for (const [k, tie] of ties.entries()) {
    if (tie.length !== values.length) {
      throw new FunctionError(
        '#VALUE!',
        `Vùng tiêu chí phụ ${k + 1} có ${tie.length} ô, vùng điểm có ${values.length} ô: hai vùng phải cùng kích thước.`,
      );
    }
  }
  const rows: number[] = [];
  const entries: RankEntry[] = [];
  values.forEach((v, i) => {
    if (!isNumber(v)) return;
    const tieValues = ties.map((tie) => {
      const t = tie[i];
      return isNumber(t) ? scoreKey(t) : 0;
    });
    rows.push(i);
    entries.push(
      plainRankEntry(`#${String(i).padStart(6, '0')}`, scoreKey(v), {
        criterionScore: (code) => tieValues[Number(code)] ?? 0,
      }),
    );
  });
  const keys = ties.map((_, k) => `criterion:${k}` as TieBreakKey);
  const out: (number | null)[] = values.map(() => null);
  for (const ranked of rankUnits(entries, keys, [])) out[rows[ranked.entry]!] = ranked.rank;
  return out;
}

const flatten = (m: readonly (readonly unknown[])[]): unknown[] => m.flat();

/**
 * THIDUA.RANK: the rank of `value` among `values`. With a range as `value` (the same cells as `values`) it spills
 * every rank. A single value that occurs in several rows separated by the tie-breaks is ambiguous: #N/A.
 */
export function rank(
  value: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
  tie1?: readonly (readonly unknown[])[] | null,
  tie2?: readonly (readonly unknown[])[] | null,
): (number | string)[][] {
  const all = flatten(values);
  const ties = [tie1, tie2]
    .filter((t): t is readonly (readonly unknown[])[] => Array.isArray(t))
    .map(flatten);
  const ranks = rankAll(all, ties);
  const one = value.length === 1 && value[0]?.length === 1;
  if (!one) {
    const own = flatten(value);
    if (own.length !== all.length) {
      throw new FunctionError('#VALUE!', 'Khi xếp hạng cả vùng, vùng giá trị phải trùng vùng điểm.');
    }
    let i = 0;
    return value.map((row) => row.map(() => ranks[i++] ?? ''));
  }
  const v = value[0]![0];
  if (!isNumber(v))
    throw new FunctionError('#VALUE!', `Giá trị cần xếp hạng phải là một số, không phải "${String(v)}".`);
  const key = scoreKey(v);
  const found = new Set<number>();
  all.forEach((x, i) => {
    if (isNumber(x) && scoreKey(x) === key) found.add(ranks[i]!);
  });
  if (found.size === 0) throw new FunctionError('#N/A', `Giá trị ${v} không có trong vùng điểm.`);
  if (found.size > 1) {
    throw new FunctionError(
      '#N/A',
      `Nhiều dòng cùng ${v} điểm được tiêu chí phụ phân hạng khác nhau: hãy xếp hạng cả vùng, ví dụ =THIDUA.RANK(F5:F11;F5:F11;G5:G11).`,
    );
  }
  return [[[...found][0]!]];
}

/** The rating (xếp loại) of a percentage of the standard total, with the default tiers of the data format. */
export function tier(percent: number): string {
  if (!isNumber(percent))
    throw new FunctionError('#VALUE!', `Tỷ lệ phải là một số, không phải "${String(percent)}".`);
  const total = toMilli(percent);
  if (total === undefined) throw new FunctionError('#NUM!', `Tỷ lệ ${percent} có quá 3 chữ số thập phân.`);
  // total / standard × 100 with standard = 100 (in thousandths) is the percentage itself.
  return tierFor(total, 100_000, DEFAULT_TIERS)?.label ?? FALLBACK_TIER;
}
