/**
 * Cells with the same plan style share one exceljs style object (exceljs then serialises each distinct style
 * once), and sharing changes nothing in the file: merged areas still take their master's style, a cell that
 * already has a style keeps what the plan does not name, and the 63-unit cluster has few distinct objects.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyPlanToWorkbook } from '../../../addin/host/xlsx/apply';
import { applyStyle, styleCache } from '../../../addin/host/xlsx/styles';
import { computeCluster } from '../../../core';
import type { WorkbookPlan } from '../../../templates/plan';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import { largeCluster } from '../../../scripts/bench/workbook';

describe('shared cell styles', () => {
  it('gives equal plan styles one object, whatever their property order', () => {
    const cache = styleCache();
    const a = cache({ numFmt: '0.00', font: { bold: true, size: 11 }, border: 'thin' });
    const b = cache({ border: 'thin', font: { size: 11, bold: true }, numFmt: '0.00' });
    const c = cache({ numFmt: '0.00', font: { bold: true, size: 11 }, border: 'thin', locked: false });
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(a.protection).toEqual({ locked: true });
    expect(c.protection).toEqual({ locked: false });
  });

  it('styles a merged area through its master and keeps a cell style the plan does not name', () => {
    const cache = styleCache();
    const ws = new ExcelJS.Workbook().addWorksheet('S');
    ws.mergeCells('A1:C1');
    applyStyle(ws.getCell('A1'), { fill: 'FFEEAA', border: 'thin' }, cache);
    expect(ws.getCell('C1').fill).toEqual({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFEEAA' },
    });
    const styled = ws.getCell('A3');
    styled.numFmt = '0%';
    const shared = cache({ font: { italic: true } });
    applyStyle(styled, { font: { italic: true } }, cache);
    expect(styled.numFmt).toBe('0%');
    expect(styled.font).toEqual({ italic: true });
    expect(shared).toEqual({ font: { italic: true }, protection: { locked: true } });
    // A cell holding a shared object that is styled again takes the other object; the shared one is unchanged.
    const plain = ws.getCell('B5');
    applyStyle(plain, { font: { italic: true } }, cache);
    expect(plain.style).toBe(shared);
    applyStyle(plain, { numFmt: '0.00' }, cache);
    expect(shared).toEqual({ font: { italic: true }, protection: { locked: true } });
    expect(plain.numFmt).toBe('0.00');
  });

  it('hands exceljs a few dozen style objects for the 63-unit cluster (merged areas aside), not one per cell', async () => {
    const doc = largeCluster(63);
    const plan: WorkbookPlan = buildClusterWorkbook(doc, computeCluster(doc), {
      now: '2025-01-05T08:00:00Z',
    });
    const wb = new ExcelJS.Workbook();
    await applyPlanToWorkbook(wb, plan, 'create');
    const objects = new Set<object>();
    let cells = 0;
    for (const ws of wb.worksheets)
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.isMerged || Object.keys(cell.style).length === 0) return;
          cells++;
          objects.add(cell.style);
        }),
      );
    expect(cells).toBeGreaterThan(200_000);
    expect(objects.size).toBeLessThan(100);
  });
});
