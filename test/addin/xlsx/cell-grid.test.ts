/**
 * The plan writer's grid (addin/host/xlsx/write/cell-grid.ts) keeps the exceljs host's order of writing when
 * it takes a plan's cell as it is: tables first, then the plan's cells, a later cell replacing the content
 * and, when it has one, the style; a style given alone stays under a later value; the plan is never changed.
 */
import { describe, expect, it } from 'vitest';
import type { WriteReport } from '../../../addin/app/host';
import { gridRows, sheetGrid } from '../../../addin/host/xlsx/write/cell-grid';
import type { CellStyle, SheetPlan } from '../../../templates/plan';

const bold: CellStyle = { font: { bold: true } };
const grey: CellStyle = { fill: 'FFF2F2F2' };

function cellsOf(sheet: SheetPlan) {
  const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
  const frozen = JSON.stringify(sheet);
  const grid = sheetGrid(sheet, report);
  const out: Record<string, unknown> = {};
  for (const [r, cells] of gridRows(grid))
    cells.forEach((c, col) => {
      if (!c) return;
      out[`${String.fromCharCode(64 + col)}${r}`] = {
        ...(c.formula !== undefined
          ? { formula: c.formula, result: c.result ?? null }
          : { value: c.value ?? null }),
        ...(c.style ? { style: c.style } : {}),
        ...(c.note !== undefined ? { note: c.note } : {}),
      };
    });
  expect(JSON.stringify(sheet), 'the plan is not changed').toBe(frozen);
  return { cells: out, report };
}

describe('plan writer grid', () => {
  it('a table cell replaced whole, a style kept under a later value, a cell written twice', () => {
    const { cells, report } = cellsOf({
      name: 'S',
      role: 'guide',
      tables: [{ name: 'T', ref: 'A1', headers: ['h1', 'h2'], rows: [['a', 'b']] }],
      cells: [
        { ref: 'A2', value: 'x', style: bold },
        { ref: 'B2', style: grey },
        { ref: 'B2', value: 'y' },
        { ref: 'C3', value: 1, style: bold, note: 'n' },
        { ref: 'C3', formula: 'C1+1', result: 2 },
        { ref: 'D4', value: Number.NaN, style: grey },
        { ref: 'E5', formula: 'E1', result: Number.NaN },
      ],
    });
    expect(cells).toEqual({
      A1: { value: 'h1' },
      B1: { value: 'h2' },
      A2: { value: 'x', style: bold },
      B2: { value: 'y', style: grey },
      C3: { formula: 'C1+1', result: 2, style: bold, note: 'n' },
      D4: { value: null, style: grey },
      E5: { formula: 'E1', result: null },
    });
    expect(report.cellsWritten).toBe(6);
    expect(report.refused).toEqual([{ sheet: 'S', cell: 'D4', reason: 'notANumber' }]);
  });

  it("a merged area's cells share the styles given to any of them; a value lands in its top-left cell", () => {
    const { cells } = cellsOf({
      name: 'S',
      role: 'guide',
      merges: ['A1:B1'],
      cells: [
        { ref: 'B1', value: 'v', style: bold },
        { ref: 'A1', style: grey },
      ],
    });
    expect(cells).toEqual({
      A1: { value: 'v', style: { ...bold, ...grey } },
      B1: { value: null, style: { ...bold, ...grey } },
    });
  });
});
