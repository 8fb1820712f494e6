/**
 * Professional indicators (chỉ tiêu nghiệp vụ): which arose (denominator > 0), which were met (ratio ≥ target,
 * ≤ when lower is better) and exceeded (exceedable, arising, strictly better than target), per unit and
 * over the whole cluster ("121/122 chỉ tiêu phát sinh đạt, 99,2%"). Comparisons are exact on integers.
 */
import type { ResolvedCluster, ResolvedIndicator } from '../resolve/resolve';
import type { IndicatorSummary } from '../model/types';
import { roundRatio } from '../exact/decimal';
import type { Bilingual } from '../issues/issue';
import { formatNumberVi, formatPercentVi } from '../text/numbers';

export interface IndicatorCounts {
  arising: number;
  met: number;
  exceedable: number;
  exceeded: number;
}

export interface IndicatorOutcome {
  indicator: string;
  title: string;
  numerator: number;
  denominator: number;
  target: number;
  lowerIsBetter: boolean;
  arising: boolean;
  met: boolean;
  exceedable: boolean;
  exceeded: boolean;
}

export interface UnitIndicators {
  unit: number;
  counts: IndicatorCounts;
  summary: IndicatorSummary;
  outcomes: IndicatorOutcome[];
}

export interface ClusterIndicatorEvaluation {
  units: UnitIndicators[];
  counts: IndicatorCounts;
  summary: IndicatorSummary;
}

const MICRO = 1_000_000;

export function judgeIndicator(
  ind: ResolvedIndicator,
  numerator: number,
  denominator: number,
): IndicatorOutcome {
  const arising = denominator > 0;
  // ratio vs target exactly: numerator / denominator ≥ targetMicro / 10^6.
  const lhs = numerator * MICRO;
  const rhs = ind.targetMicro * denominator;
  const met = arising && (ind.lowerIsBetter ? lhs <= rhs : lhs >= rhs);
  const better = ind.lowerIsBetter ? lhs < rhs : lhs > rhs;
  const exceedable = arising && ind.exceedable;
  const exceeded = exceedable && better;
  return {
    indicator: ind.code,
    title: ind.title,
    numerator,
    denominator,
    target: ind.target,
    lowerIsBetter: ind.lowerIsBetter,
    arising,
    met,
    exceedable,
    exceeded,
  };
}

/** The outcome in words, for explanations (built on demand: Intl formatting is the costly part). */
export function indicatorOutcomeText(o: IndicatorOutcome): Bilingual {
  if (!o.arising)
    return {
      vi: `Chỉ tiêu ${o.indicator} «${o.title}»: không phát sinh (mẫu số 0), không tính.`,
      en: `Indicator ${o.indicator} «${o.title}»: did not arise (denominator 0), not counted.`,
    };
  const sign = o.lowerIsBetter ? '≤' : '≥';
  const exceedVi = o.exceedable ? (o.exceeded ? ', vượt' : ', không vượt') : '';
  const exceedEn = o.exceedable ? (o.exceeded ? ', exceeded' : ', not exceeded') : '';
  return {
    vi: `Chỉ tiêu ${o.indicator} «${o.title}»: ${o.numerator}/${o.denominator} = ${formatPercentVi(o.numerator, o.denominator)} (yêu cầu ${sign} ${formatNumberVi(o.target * 100, 4)}%): ${o.met ? 'đạt' : 'không đạt'}${exceedVi}.`,
    en: `Indicator ${o.indicator} «${o.title}»: ${o.numerator}/${o.denominator} = ${roundRatio(o.numerator * 100, o.denominator, 1)}% (target ${sign} ${o.target * 100}%): ${o.met ? 'met' : 'not met'}${exceedEn}.`,
  };
}

/** Counts as the result document prints them: ratios to 4 decimals, Vietnamese texts with one decimal. */
export function summarizeIndicatorCounts(c: IndicatorCounts): IndicatorSummary {
  return {
    arising: c.arising,
    met: c.met,
    exceedable: c.exceedable,
    exceeded: c.exceeded,
    metRatio: roundRatio(c.met, c.arising, 4),
    exceededRatio: roundRatio(c.exceeded, c.exceedable, 4),
    metText: formatPercentVi(c.met, c.arising),
    exceededText: formatPercentVi(c.exceeded, c.exceedable),
  };
}

export function evaluateClusterIndicators(cluster: ResolvedCluster): ClusterIndicatorEvaluation {
  const perUnit: UnitIndicators[] = cluster.units.map((u) => ({
    unit: u.index,
    counts: { arising: 0, met: 0, exceedable: 0, exceeded: 0 },
    summary: summarizeIndicatorCounts({ arising: 0, met: 0, exceedable: 0, exceeded: 0 }),
    outcomes: [],
  }));
  const total: IndicatorCounts = { arising: 0, met: 0, exceedable: 0, exceeded: 0 };
  for (const r of cluster.indicatorResults) {
    const o = judgeIndicator(cluster.indicators[r.indicator]!, r.numerator, r.denominator);
    const u = perUnit[r.unit]!;
    u.outcomes.push(o);
    if (!o.arising) continue;
    for (const c of [u.counts, total]) {
      c.arising++;
      if (o.met) c.met++;
      if (o.exceedable) c.exceedable++;
      if (o.exceeded) c.exceeded++;
    }
  }
  for (const u of perUnit) u.summary = summarizeIndicatorCounts(u.counts);
  return { units: perUnit, counts: total, summary: summarizeIndicatorCounts(total) };
}
