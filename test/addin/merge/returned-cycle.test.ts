/**
 * What merge takes from a member's returned scorecard, on a real .xlsx filled as a clerk fills it (exceljs,
 * like a person's Excel): a bonus typed on a 0-point "Điểm cộng, điểm trừ" row counts without a score; a
 * value typed in the locked "Thẩm định" columns is reported and not taken; a member that did not return is
 * listed, and compute leaves it unranked ("chưa nộp"). docs/merge.md describes this cycle.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadedWorkbook, mergeLoaded } from '../../../addin/app/cycle-core';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { CLUSTER_FORMAT, type ClusterDocument, computeCluster } from '../../../core';
import { buildUnitScorecard } from '../../../templates/build/unit-scorecard';
import { sampleProvincialCriteria } from '../../../templates/criteria/sample-provincial';

const GIA_LAI = 'VKSND tỉnh Gia Lai';
const KON_TUM = 'VKSND tỉnh Kon Tum';
const doc: ClusterDocument = {
  format: CLUSTER_FORMAT,
  kind: 'annual',
  year: 2020,
  cluster: { name: 'Cụm thi đua số 8' },
  units: [{ name: GIA_LAI }, { name: KON_TUM }],
  criteria: [...sampleProvincialCriteria],
};

/** The member's scorecard, filled: every leaf with a standard at full points, then `edit` by header. */
async function filled(unit: string, edit: (set: (code: string, header: string, v: number) => void) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToBytes(buildUnitScorecard(doc, unit))).bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name !== '_ThiDua')!;
  const headers = new Map<string, number>();
  ws.getRow(4).eachCell((cell, col) => void headers.set(String(cell.value), col));
  const rows = new Map<string, number>();
  ws.eachRow((row, r) => void (r > 4 && rows.set(String(row.getCell(1).value), r)));
  const parents = new Set(doc.criteria.map((c) => c.parent));
  for (const c of doc.criteria)
    if (!parents.has(c.code) && c.points > 0)
      ws.getCell(rows.get(c.code)!, headers.get('Tự chấm: điểm')!).value = c.points;
  edit((code, header, v) => {
    ws.getCell(rows.get(code)!, headers.get(header)!).value = v;
  });
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return loadedWorkbook(`${unit}.xlsx`, snapshotWorkbook(back, `${unit}.xlsx`));
}

describe('a returned scorecard, merged', () => {
  it('counts a bonus on a 0-point row, refuses the verified columns, and lists the member that did not return', async () => {
    const returned = await filled(GIA_LAI, (set) => {
      set('IV.1', 'Tự chấm: cộng', 2);
      set('I.1', 'Thẩm định: điểm', 1);
    });
    const merged = mergeLoaded([returned]);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    const scores = merged.document.scores!;
    expect(scores.find((s) => s.criterion === 'IV.1')).toEqual({
      unit: GIA_LAI,
      criterion: 'IV.1',
      stage: 'self',
      points: 0,
      bonus: 2,
    });
    expect(scores.every((s) => s.stage === 'self')).toBe(true);
    const codes = merged.report.issues.map((i) => i.code);
    expect(codes).toContain('merge.verified.member');
    expect(merged.report.missing).toEqual([KON_TUM]);
    expect(codes).toContain('merge.unit.missing');
    // The member's own total is the cluster's: the standard of every leaf plus the 2 bonus points.
    const { result } = computeCluster(merged.document);
    const standard = result.units.find((u) => u.unit === GIA_LAI)!.standardTotal;
    expect(result.units.find((u) => u.unit === GIA_LAI)!.self?.total).toBe(standard + 2);
    expect(result.notSubmitted).toEqual([KON_TUM]);
    expect(result.units.map((u) => u.unit)).toEqual([GIA_LAI]);
  });
});
