/** An exceljs workbook as the host-neutral snapshot the pure reader takes. No Node APIs. */
import type ExcelJS from 'exceljs';
import type { CellValue, DefinedNamePlan, SheetSnapshot, WorkbookSnapshot } from '../../../templates/plan';
import { normaliseRef } from '../../../templates/layouts/a1';
import { cellValueOf } from './apply';

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows = ws.actualRowCount ? ws.rowCount : 0;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vr: CellValue[] = new Array(cols).fill(null);
    const fr: (string | null)[] = new Array(cols).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      vr[c - 1] = cellValueOf(cell);
      const f = cell.formula;
      if (typeof f === 'string' && f) fr[c - 1] = f;
    });
    values.push(vr);
    formulas.push(fr);
  }
  const tables = ws.getTables().map((entry) => {
    const t = (Array.isArray(entry) ? entry[0] : entry) as unknown as {
      name?: string;
      table?: { name: string; tableRef?: string; ref: string };
    };
    const model = t.table ?? (t as { name: string; ref: string; tableRef?: string });
    return { name: model.name, ref: model.tableRef ?? model.ref };
  });
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).map(
    (k) => {
      const m = (ws as unknown as { _merges: Record<string, { range: string }> })._merges[k]!;
      return m.range ?? k;
    },
  );
  return { name: ws.name, values, formulas, tables, merges };
}

export function snapshotWorkbook(workbook: ExcelJS.Workbook, source: string): WorkbookSnapshot {
  const sheets = workbook.worksheets.map(sheetSnapshot);
  const names: DefinedNamePlan[] = [];
  const model = workbook.definedNames.model as { name: string; ranges: string[] }[];
  for (const n of model) {
    if (n.name.startsWith('_xlnm.')) continue;
    for (const ref of n.ranges) names.push({ name: n.name, ref: normaliseRef(ref) });
  }
  return { source, sheets, names };
}
