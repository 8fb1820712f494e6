/**
 * A sheet plan's cells as the written sheet holds them, in the order the exceljs host applied them: the tables'
 * headers and bodies first, then the plan's cells (a later cell naming the same address replaces the value or
 * formula and the style). A merged area has one style for all its cells: every style given to any of its cells,
 * merged in order, as exceljs shares one style object across a merge. No Node APIs.
 */
import { a1, parseA1, parseRange } from '../../../../templates/layouts/a1';
import type { CellPlan, CellStyle, CellValue, SheetPlan } from '../../../../templates/plan';
import type { WriteReport } from '../../../app/host';

export interface GridCell {
  value?: CellValue;
  formula?: string;
  result?: CellValue;
  style?: CellStyle;
  note?: string;
}

/** Rows by index, each a map of columns by index; both 1-based. */
export type Grid = Map<number, Map<number, GridCell>>;

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

function cellAt(grid: Grid, row: number, column: number): GridCell {
  let r = grid.get(row);
  if (!r) {
    r = new Map();
    grid.set(row, r);
  }
  let c = r.get(column);
  if (!c) {
    c = {};
    r.set(column, c);
  }
  return c;
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
  const grid: Grid = new Map();
  for (const t of sheet.tables ?? []) {
    const start = parseRange(t.ref);
    if (!start) continue;
    t.headers.forEach((h, c) => {
      cellAt(grid, start.top, start.left + c).value = h;
    });
    t.rows.forEach((row, i) => {
      const r = start.top + 1 + i;
      for (let c = 0; c < t.headers.length; c++) {
        const f = t.formulas?.[c];
        const cell = cellAt(grid, r, start.left + c);
        if (f !== undefined) setContent(cell, { ref: '', formula: f.replace(/\{row\}/g, String(r)) });
        else cell.value = row[c] ?? null;
      }
    });
  }
  // Which merged area each of its cells belongs to, and the style the area has so far.
  const mergeOf = new Map<string, number>();
  const merges = (sheet.merges ?? []).map((m) => parseRange(m)).filter((m) => m !== undefined);
  merges.forEach((m, i) => {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) mergeOf.set(`${r},${c}`, i);
  });
  const mergeStyle: (CellStyle | undefined)[] = merges.map(() => undefined);
  const style = (row: number, column: number, cell: GridCell, s: CellStyle | undefined) => {
    if (!s) return;
    const m = mergeOf.size ? mergeOf.get(`${row},${column}`) : undefined;
    if (m === undefined) cell.style = s;
    else mergeStyle[m] = mergeStyles(mergeStyle[m], s);
  };
  for (const planned of sheet.cells) {
    const at = parseA1(planned.ref) ?? topLeft(planned.ref);
    if (!at) continue;
    // A value given to a merged area's other cells lands in its top-left cell, as in exceljs and Excel.
    const m = mergeOf.size ? mergeOf.get(`${at.row},${at.column}`) : undefined;
    const cell =
      m === undefined ? cellAt(grid, at.row, at.column) : cellAt(grid, merges[m]!.top, merges[m]!.left);
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

/** The grid's used range as A1 ("A1" when empty). */
export function usedRange(grid: Grid): string {
  let bottom = 1;
  let right = 1;
  for (const [r, row] of grid) {
    if (r > bottom) bottom = r;
    for (const c of row.keys()) if (c > right) right = c;
  }
  return `A1:${a1(bottom, right)}`;
}
