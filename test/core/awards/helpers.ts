/** Hand-made ranked results, so the award rules are tested without the scoring engine. */
import type { ClusterDocument, IndicatorSummary, ResultDocument, UnitResult } from '../../../core';

export const TIERS = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  done: 'Hoàn thành nhiệm vụ',
  failed: 'Không hoàn thành nhiệm vụ',
} as const;

export function indicators(
  arising: number,
  met: number,
  exceedable: number,
  exceeded: number,
): IndicatorSummary {
  const r = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
  return {
    arising,
    met,
    exceedable,
    exceeded,
    metRatio: r(met, arising),
    exceededRatio: r(exceeded, exceedable),
    metText: '',
    exceededText: '',
  };
}

export function unitResult(
  unit: string,
  rank: number,
  tier: string,
  ind: IndicatorSummary = indicators(20, 20, 10, 10),
): UnitResult {
  return { unit, standardTotal: 100, percent: 100 - rank, rank, tier, indicators: ind };
}

export function resultOf(year: number, units: UnitResult[]): ResultDocument {
  return {
    format: 'thidua/result@1',
    year,
    cluster: 'Cụm thử',
    stage: 'verified',
    units,
    clusterIndicators: indicators(0, 0, 0, 0),
    issues: [],
  };
}

export function docOf(
  year: number,
  unitNames: string[],
  extra: Partial<ClusterDocument> = {},
): ClusterDocument {
  return {
    format: 'thidua/cluster@1',
    kind: 'annual',
    year,
    cluster: { name: 'Cụm thử' },
    units: unitNames.map((name) => ({ name })),
    criteria: [],
    ...extra,
  };
}

/**
 * The An Giang evidence (DOMAIN.md): 20 collectives qualifying as advanced, 7 of them excellent
 * (ranked 1–7, every indicator met and exceeded); the other 13 rated "Hoàn thành tốt nhiệm vụ".
 */
export function anGiang(
  year: number,
  excellent = 7,
  total = 20,
): { doc: ClusterDocument; result: ResultDocument } {
  const names = Array.from({ length: total }, (_, i) => `Phòng ${String(i + 1).padStart(2, '0')}`);
  const units = names.map((n, i) => unitResult(n, i + 1, i < excellent ? TIERS.excellent : TIERS.good));
  return { doc: docOf(year, names), result: resultOf(year, units) };
}
