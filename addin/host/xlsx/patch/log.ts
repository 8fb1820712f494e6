/** The log table's new line, as ../workbook-files.ts's appendLog writes it with exceljs. No Node APIs. */
import { a1, parseRange } from '../../../../templates/layouts/a1';
import type { CellValue } from '../../../../templates/plan';
import { type Parts, type SheetRef, sheetTables } from './parts';
import type { SheetCells } from './sheet-cells';
import { CannotPatch, type SheetUpdate, setValues } from './update';
import { attribute } from './xml-text';

export interface LogLine {
  /** The log table's name (TABLE.log). */
  table: string;
  values: [string, string, string];
}

/**
 * The log line under the log table's last row (its last row when that is blank, as a new table has), the
 * table's range and filter grown to hold it, as ../workbook-files.ts's appendLog does with exceljs.
 */
export function appendLogLine(
  parts: Parts,
  sheets: SheetRef[],
  open: (sheet: SheetRef) => SheetCells,
  line: LogLine,
  update: SheetUpdate,
): void {
  for (const sheet of sheets) {
    const table = sheetTables(parts, sheet).find((t) => t.name === line.table);
    if (!table) continue;
    const xml = parts.need(table.part);
    const start = /<table\b[^>]*>/.exec(xml);
    if (!start) throw new CannotPatch('table');
    const ref = attribute(start[0], 'ref') ?? '';
    const range = parseRange(ref);
    if (!range) throw new CannotPatch('table ref');
    const cells = open(sheet);
    const blank = (k: number) => {
      const c = cells.cell(range.bottom, range.left + k);
      if (c === undefined) throw new CannotPatch('cell');
      return c === null || (c.formula === undefined && (c.value === null || c.value === ''));
    };
    const lastBlank = [0, 1, 2].every(blank);
    const row = range.bottom > range.top && lastBlank ? range.bottom : range.bottom + 1;
    setValues(
      cells,
      line.values.map((value: CellValue, k) => ({ row, column: range.left + k, value })),
      update,
    );
    const wide = `${a1(range.top, range.left)}:${a1(row, range.right)}`;
    let out = xml.replace(start[0], start[0].replace(/(\sref=)"[^"]*"/, `$1"${wide}"`));
    out = out.replace(/(<autoFilter\b[^>]*?\sref=)"[^"]*"/, `$1"${wide}"`);
    parts.replace(table.part, out);
    return;
  }
  throw new CannotPatch('no log table');
}
