/** Reports for view tests: a hand-made result with the figures of Cụm 6, 2021 (seed 004), and the sample's. */
import { readFileSync } from 'node:fs';
import { type ComputeReport, createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import type { WorkbookHost } from '../../../addin/app/host';
import {
  type ClusterDocument,
  type IndicatorSummary,
  makeIssue,
  type ResultDocument,
  type UnitResult,
} from '../../../core';

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

/** A compute report from the real core on the bundled sample (Cụm 7, 2022), as the actions build it. */
export async function sampleComputeReport(): Promise<ComputeReport> {
  const document = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;
  const host: WorkbookHost = {
    kind: 'file',
    read: async () => ({ source: 'cum-7-2022.xlsx', sheets: [], names: [] }),
    write: async () => ({ cellsWritten: 42, sheetsCreated: [], refused: [] }),
    markIssues: async () => {},
    select: async () => {},
  };
  return createActions(host, {
    core: { ...corePorts, readWorkbook: () => ({ document, issues: [] }) },
  }).compute();
}
