/**
 * What a scorecard sheet holds besides its input values, so that nothing typed is lost without a word:
 * blank points beside a bonus or deduction (counted as the sheet's own formulas count them), formulas typed
 * into input cells, formula cells typed over (the hidden S:X columns included) and values typed beside the
 * table. Pure: it reads a snapshot and adds issues naming sheet and cell.
 */
import { a1 } from '../layouts/a1';
import { SC } from '../layouts/scorecard';
import { HEADERS } from '../layouts/cluster';
import type { SheetSnapshot } from '../plan';
import { type LocatedTable, type Reader, cellAt, isBlank } from './grid';

/** The formula of a cell, when the host reported formulas and the cell holds one. */
export function sheetFormula(sheet: SheetSnapshot, row: number, col: number | undefined): string | undefined {
  if (col === undefined) return undefined;
  return sheet.formulas?.[row - 1]?.[col - 1] ?? undefined;
}

/**
 * How a row's blank points count when the same stage has a bonus, deduction or note, mirroring the sheet's
 * formulas (templates/build/scorecard-sheet.ts):
 * - `zero`: 0 points, nothing to report. A criterion whose standard is 0 (the "Điểm cộng, điểm trừ" rows)
 *   has no points to give; its verified stage counts once a verified bonus, occurrence or deduction is typed.
 * - `zeroReported`: the self stage of a criterion with a standard: the sheet adds N(blank) = 0 points, so do
 *   we, and say so.
 * - `notCounted`: the verified stage of a criterion with a standard (blank verified points keep the self
 *   score), or a verified note alone.
 */
export function blankPointsRule(
  t: LocatedTable,
  row: number,
  stage: 'self' | 'verified',
  others: readonly (number | undefined)[],
): 'zero' | 'zeroReported' | 'notCounted' {
  const standardCol = t.columns.get(HEADERS.scorecard[SC.standard - 1]!) ?? t.left + SC.standard - 1;
  const standard = cellAt(t.sheet, row, standardCol);
  const noStandard = typeof standard === 'number' && standard === 0;
  if (stage === 'self') return noStandard ? 'zero' : 'zeroReported';
  const numberTyped = others.some((c) => c !== undefined && typeof cellAt(t.sheet, row, c) === 'number');
  return noStandard && numberTyped ? 'zero' : 'notCounted';
}

/** The scorecard's formula columns: stage totals and the hidden counted points, bonus and deduction. */
const FORMULA_COLUMNS = [SC.selfTotal, SC.verTotal, SC.selfP, SC.selfB, SC.selfD, SC.verP, SC.verB, SC.verD];

const listed = (cells: readonly string[]) =>
  cells.length > 6 ? `${cells.slice(0, 6).join(', ')}, …` : cells.join(', ');

/**
 * Formula cells holding a typed value, and values typed to the right of the table: each reported once per
 * sheet, naming the first cell and listing the others.
 */
export function checkScorecardCells(r: Reader, t: LocatedTable): void {
  const sheet = t.sheet;
  const overwritten: string[] = [];
  const beside: string[] = [];
  const formulasKnown = sheet.formulas?.some((row) => row.some((f) => f)) ?? false;
  for (let row = t.headerRow + 1; row <= t.bottom; row++) {
    if (formulasKnown)
      for (const c of FORMULA_COLUMNS) {
        const col = t.left + c - 1;
        if (col > t.right) continue;
        if (!isBlank(cellAt(sheet, row, col)) && !sheetFormula(sheet, row, col))
          overwritten.push(a1(row, col));
      }
    const width = sheet.values[row - 1]?.length ?? 0;
    for (let col = t.right + 1; col <= width; col++)
      if (!isBlank(cellAt(sheet, row, col))) beside.push(a1(row, col));
  }
  if (overwritten.length)
    r.issue('warning', 'workbook.scorecard.formulaTyped', sheet.name, overwritten[0], {
      vi: `${overwritten.length} ô công thức (tự tính, kể cả cột ẩn S:X) đang ghi giá trị nhập tay thay cho công thức (${listed(overwritten)}): tổng trên sheet tính theo giá trị này, còn Thi đua tính lại từ các ô nhập (điểm, cộng, số lần, trừ). Hãy đối chiếu tổng và lấy lại bảng chấm gốc.`,
      en: `${overwritten.length} formula cells (computed, hidden columns S:X included) hold a typed value instead of their formula (${listed(overwritten)}): the sheet's totals use it, Thi đua recomputes from the input cells (points, bonus, occurrences, deduction). Compare the totals and use the original scorecard.`,
    });
  if (beside.length)
    r.issue('warning', 'workbook.scorecard.beside', sheet.name, beside[0], {
      vi: `${beside.length} ô có dữ liệu bên phải bảng chấm điểm (${listed(beside)}), ngoài các cột của bảng nên không được đọc; nếu là điểm, hãy nhập vào đúng cột.`,
      en: `${beside.length} cells hold data to the right of the scorecard table (${listed(beside)}), outside its columns, so they are not read; if they are scores, enter them in the right column.`,
    });
}
