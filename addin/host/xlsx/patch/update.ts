/**
 * The update rules of the exceljs host (../apply.ts: writeCells; the kept rule itself: ../kept-reason.ts) over a patched sheet's cells:
 * only the plan's cells are written, what a person typed is kept and reported, and the count of cells
 * written is the one the exceljs host gives. No Node APIs.
 */
import type { WriteReport } from '../../../app/host';
import type { CellPlan, CellValue, SheetPlan } from '../../../../templates/plan';
import { keptReason } from '../kept-reason';
import { type CellState, type SheetCells, cellAddress } from './sheet-cells';

/** Why a patch gives up on a sheet: the caller falls back to the exceljs host. */
export class CannotPatch extends Error {}

const notANumber = (v: CellValue | undefined) => typeof v === 'number' && !Number.isFinite(v);

export interface SheetUpdate {
  /** A formula was added, changed or removed (Excel's calculation chain is then rebuilt). */
  formulasChanged: boolean;
}

/** The cell's state now, for a cell the sheet lacks: empty, styled as exceljs styles a new cell. */
function current(sheet: SheetCells, row: number, column: number): CellState {
  const c = sheet.cell(row, column);
  if (c === undefined) throw new CannotPatch('cell');
  if (c) return c;
  const s = sheet.newCellStyle(row, column);
  if (s === 'mixed') throw new CannotPatch('style');
  return { s, value: null };
}

/** The cell as written by the plan (its formula element kept when the formula is the same). */
function written(cell: CellState, plan: CellPlan, update: SheetUpdate): CellState {
  if (plan.formula !== undefined) {
    const result = plan.result ?? null;
    if (cell.formula === plan.formula && cell.formulaXml)
      return { s: cell.s, value: result, formula: plan.formula, formulaXml: cell.formulaXml };
    if (cell.spanning) throw new CannotPatch('shared formula');
    update.formulasChanged = true;
    return { s: cell.s, value: result, formula: plan.formula };
  }
  if (cell.formula !== undefined) {
    if (cell.spanning) throw new CannotPatch('shared formula');
    update.formulasChanged = true;
  }
  return { s: cell.s, value: plan.value ?? null };
}

/**
 * Whether the plan writes the cell as it is written already (SheetCells.set would keep it as written): the
 * same formula element and cached result, or the same value in a cell without a formula. Most of a
 * recomputed workbook's cells; nothing is made for them.
 */
function writtenAsIs(cell: CellState, plan: CellPlan): boolean {
  if (cell.raw === undefined) return false;
  if (plan.formula !== undefined)
    return (
      cell.formula === plan.formula && cell.formulaXml !== undefined && cell.value === (plan.result ?? null)
    );
  return cell.formula === undefined && cell.formulaXml === undefined && cell.value === (plan.value ?? null);
}

/**
 * The plan's cells into one existing sheet, as applyPlanToWorkbook's update does; `notes(ref)` says whether
 * the sheet already has a note on a cell (a written cell's note is then left as it is).
 */
export function updateSheet(
  sheet: SheetCells,
  plan: SheetPlan,
  unlocked: ReadonlySet<number>,
  notes: (ref: string) => boolean,
  report: WriteReport,
  update: SheetUpdate,
): void {
  for (const planned of plan.cells) {
    if (notANumber(planned.value)) {
      report.refused.push({ sheet: plan.name, cell: planned.ref, reason: 'notANumber' });
      continue;
    }
    const c: CellPlan = notANumber(planned.result) ? { ...planned, result: null } : planned;
    const at = cellAddress(c.ref);
    if (!at) throw new CannotPatch('ref');
    if (sheet.mergedAway(at.row, at.column)) throw new CannotPatch('merged');
    // A cell holding what the plan writes is known from its text, without reading it (most cells).
    const content = c.formula !== undefined ? (c.result ?? null) : c.value;
    const held = sheet.heldAs(at.row, at.column, c.formula, content);
    const cell = held === false ? current(sheet, at.row, at.column) : undefined;
    const s = cell ? cell.s : (held as number | undefined);
    const value = cell ? cell.value : content!;
    const kept = keptReason(
      {
        current: value,
        hasFormula: (cell ? cell.formula : c.formula) !== undefined,
        noCache: value === null,
        input: s !== undefined && unlocked.has(s),
      },
      c,
    );
    if (kept === 'same') continue;
    if (kept) {
      report.refused.push({ sheet: plan.name, cell: c.ref, ...(kept === 'typed' ? {} : { reason: kept }) });
      continue;
    }
    if (c.formula === undefined && c.value === undefined) continue;
    // A note the sheet does not have yet would need a comments part: the exceljs host writes that one.
    if (c.note !== undefined && !notes(c.ref.replace(/\$/g, ''))) throw new CannotPatch('note');
    if (cell && !writtenAsIs(cell, c)) sheet.set(at.row, at.column, written(cell, c, update));
    report.cellsWritten++;
  }
}

/** Values written into cells as exceljs's `cell.value = v` does (no rule: the log's own line). */
export function setValues(
  sheet: SheetCells,
  values: readonly { row: number; column: number; value: CellValue }[],
  update: SheetUpdate,
): void {
  for (const { row, column, value } of values) {
    if (sheet.mergedAway(row, column)) throw new CannotPatch('merged');
    sheet.set(row, column, written(current(sheet, row, column), { ref: '', value }, update));
  }
}
