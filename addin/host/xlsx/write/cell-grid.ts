/**
 * A sheet plan's cells as the written sheet holds them, in the order the exceljs host applied them: the tables'
 * headers and bodies first, then the plan's cells (a later cell naming the same address replaces the value or
 * formula and the style). A merged area has one style for all its cells: every style given to any of its cells,
 * merged in order, as exceljs shares one style object across a merge. No Node APIs.
 */
import { parseA1, parseRange } from '../../../../templates/layouts/a1';
import type { CellPlan, CellStyle, CellValue, SheetPlan } from '../../../../templates/plan';
import type { WriteReport } from '../../../app/host';

export interface GridCell {
  value?: CellValue;
  formula?: string;
  result?: CellValue;
  style?: CellStyle;
  note?: string;
}

/**
 * Rows by index, each an array of cells by column; both 1-based and sparse. A cell may be the plan's own cell
 * object (most are written once, as planned: not copied) or one made here (MadeCell), which may change.
 */
export interface Grid {
  rows: (GridCell | undefined)[][];
}

/**
 * A cell made here, marked as such (a plan's cell never is: a mark, not a WeakSet, since every cell of a
 * scorecard's table is made and looked up). `tableOnly`: only a table has written it (a value or formula, no
 * style, no note), so a plan's cell replaces it whole.
 */
interface MadeCell extends GridCell {
  made: true;
  tableOnly?: boolean;
}

const isMade = (c: GridCell): c is MadeCell => (c as Partial<MadeCell>).made === true;

/** A number Excel cannot hold: never written (a file with <v>NaN</v> is one Excel calls damaged). */
const notANumber = (v: CellValue | undefined) => typeof v === 'number' && !Number.isFinite(v);

/** Two styles applied to one merged area, as exceljs's Object.assign of its style objects merges them. */
function mergeStyles(a: CellStyle | undefined, b: CellStyle): CellStyle {
  if (!a) return b;
  const out: CellStyle = { ...a };
  if (b.numFmt) out.numFmt = b.numFmt;
  if (b.font) out.font = b.font;
  if (b.fill) out.fill = b.fill;
  if (b.align) out.align = b.align;
  if (b.border && b.border !== 'none') out.border = b.border;
  // Protection is always part of a style: the later one decides.
  if (b.locked === false) out.locked = false;
  else delete out.locked;
  return out;
}

/** The cell at (row, column) to change: made here, or copied from the plan's cell that was there. */
/** Row `row`'s cells, made empty when the row has none yet. */
function rowCells(grid: Grid, row: number): (GridCell | undefined)[] {
  let cells = grid.rows[row];
  if (!cells) {
    cells = [];
    grid.rows[row] = cells;
  }
  return cells;
}

function cellAt(grid: Grid, row: number, column: number): MadeCell {
  const cells = rowCells(grid, row);
  const c = cells[column];
  if (c && isMade(c)) return c;
  const made: MadeCell = { made: true };
  if (c) {
    if (c.formula !== undefined) {
      made.formula = c.formula;
      made.result = c.result ?? null;
    } else if (c.value !== undefined) made.value = c.value;
    if (c.style) made.style = c.style;
    if (c.note !== undefined) made.note = c.note;
  }
  cells[column] = made;
  return made;
}

/** A range given as a cell's ref names its top-left cell, as exceljs's getCell reads it. */
function topLeft(ref: string): { row: number; column: number } | undefined {
  const range = parseRange(ref);
  return range ? { row: range.top, column: range.left } : undefined;
}

function setContent(cell: GridCell, plan: CellPlan): void {
  if (plan.formula !== undefined) {
    cell.formula = plan.formula;
    cell.result = plan.result ?? null;
    delete cell.value;
  } else if (plan.value !== undefined) {
    cell.value = plan.value;
    delete cell.formula;
    delete cell.result;
  }
  if (plan.note !== undefined) cell.note = plan.note;
}

/** The grid of a sheet and what was written or refused, counted as the exceljs host counts it. */
export function sheetGrid(sheet: SheetPlan, report: WriteReport): Grid {
  const grid: Grid = { rows: [] };
  for (const t of sheet.tables ?? []) {
    const start = parseRange(t.ref);
    if (!start) continue;
    const tableCell = (r: number, c: number) => {
      const cell = cellAt(grid, r, c);
      cell.tableOnly = true;
      return cell;
    };
    t.headers.forEach((h, c) => {
      tableCell(start.top, start.left + c).value = h;
    });
    t.rows.forEach((row, i) => {
      const r = start.top + 1 + i;
      for (let c = 0; c < t.headers.length; c++) {
        const f = t.formulas?.[c];
        const cell = tableCell(r, start.left + c);
        if (f !== undefined) setContent(cell, { ref: '', formula: f.replace(/\{row\}/g, String(r)) });
        else cell.value = row[c] ?? null;
      }
    });
  }
  // Which merged area each of its cells belongs to, and the style the area has so far.
  const mergeOf = new Map<number, number>();
  const key = (row: number, column: number) => row * 16_384 + column;
  const merges = (sheet.merges ?? []).map((m) => parseRange(m)).filter((m) => m !== undefined);
  merges.forEach((m, i) => {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeOf.set(key(r, c), i);
  });
  const mergeStyle: (CellStyle | undefined)[] = merges.map(() => undefined);
  const style = (row: number, column: number, cell: GridCell, s: CellStyle | undefined) => {
    if (!s) return;
    const m = mergeOf.size ? mergeOf.get(key(row, column)) : undefined;
    if (m === undefined) cell.style = s;
    else mergeStyle[m] = mergeStyles(mergeStyle[m], s);
  };
  for (const planned of sheet.cells) {
    const at = parseA1(planned.ref) ?? topLeft(planned.ref);
    if (!at) continue;
    // A value given to a merged area's other cells lands in its top-left cell, as in exceljs and Excel.
    const m = mergeOf.size ? mergeOf.get(key(at.row, at.column)) : undefined;
    if (m === undefined && !notANumber(planned.value) && !notANumber(planned.result)) {
      const cells = rowCells(grid, at.row);
      const there = cells[at.column];
      const whole = planned.formula !== undefined || planned.value !== undefined;
      if (there === undefined || (whole && isMade(there) && there.tableOnly === true)) {
        // Written as planned, over nothing or over a table's bare value: the plan's own cell (not changed here).
        cells[at.column] = planned;
        report.cellsWritten++;
        continue;
      }
    }
    const cell =
      m === undefined ? cellAt(grid, at.row, at.column) : cellAt(grid, merges[m]!.top, merges[m]!.left);
    // Changed by the plan now: no longer a table's bare value that a later cell may replace whole.
    cell.tableOnly = false;
    if (notANumber(planned.value)) {
      report.refused.push({ sheet: sheet.name, cell: planned.ref, reason: 'notANumber' });
      style(at.row, at.column, cell, planned.style);
      continue;
    }
    setContent(cell, notANumber(planned.result) ? { ...planned, result: null } : planned);
    style(at.row, at.column, cell, planned.style);
    report.cellsWritten++;
  }
  merges.forEach((m, i) => {
    const s = mergeStyle[i];
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const cell = cellAt(grid, r, c);
        if (s) cell.style = s;
      }
  });
  return grid;
}

/** Each row's index and cells, in order (rows with no cell left out). */
export function* gridRows(grid: Grid): Generator<[number, (GridCell | undefined)[]]> {
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (cells) yield [r, cells];
  }
}
