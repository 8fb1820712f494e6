/** Reports shaped as the actions return them, for view tests (figures from Cụm 6, 2021: seed 004). */
import type { ComputeReport } from '../../../addin/app/actions';
import { type IndicatorSummary, makeIssue, type ResultDocument, type UnitResult } from '../../../core';

export const summary = (
  arising: number,
  met: number,
  exceedable: number,
  exceeded: number,
): IndicatorSummary => ({
  arising,
  met,
  exceedable,
  exceeded,
  metRatio: arising ? Math.round((met / arising) * 1e4) / 1e4 : 0,
  exceededRatio: exceedable ? Math.round((exceeded / exceedable) * 1e4) / 1e4 : 0,
  metText: met === arising ? '100%' : '99,2%',
  exceededText: '100%',
});

const unit = (name: string, total: number, rank: number, tier: string): UnitResult => ({
  unit: name,
  self: { total, points: total, bonus: 0, deduction: 0 },
  verified: { total, points: total, bonus: 0, deduction: 0 },
  standardTotal: 100,
  percent: total,
  rank,
  tier,
  indicators: summary(22, 22, 10, 10),
});

export const result: ResultDocument = {
  format: 'thidua/result@1',
  year: 2021,
  cluster: 'Cụm thi đua số 6',
  stage: 'verified',
  units: [
    unit('VKSND tỉnh Nghệ An', 118.4, 1, 'Hoàn thành xuất sắc nhiệm vụ'),
    unit('VKSND tỉnh Hà Tĩnh', 95.25, 2, 'Hoàn thành xuất sắc nhiệm vụ'),
    unit('VKSND tỉnh Quảng Bình', 95.25, 2, 'Hoàn thành xuất sắc nhiệm vụ'),
    unit('VKSND tỉnh Quảng Trị', 80, 4, 'Hoàn thành tốt nhiệm vụ'),
  ],
  clusterIndicators: summary(122, 121, 52, 52),
  issues: [
    makeIssue(
      'error',
      'score.bonus.over',
      { vi: 'Điểm cộng vượt mức tối đa', en: 'Bonus above its maximum' },
      { unit: 'VKSND tỉnh Quảng Trị', criterion: 'I.2', stage: 'self', sheet: 'Quảng Trị', cell: 'F9' },
    ),
  ],
};

export const computeReport: ComputeReport = {
  source: 'cum-6-2021.xlsx',
  document: {
    kind: 'annual',
    year: 2021,
    cluster: 'Cụm thi đua số 6',
    units: result.units.map((u) => u.unit),
    criteria: 20,
  },
  result,
  explanations: result.units.map((u) => ({ unit: u.unit, criteria: [], lines: [] })),
  issues: result.issues,
  counts: { error: 1, warning: 0, info: 0 },
  write: { cellsWritten: 42, sheetsCreated: [], refused: [] },
};
