/**
 * One worksheet part into the snapshot's grids, cell by cell as the exceljs path read it (../snapshot.ts over
 * exceljs's model, ../apply.ts cellValueOf): the used range from A1 to the last row and the widest row that
 * hold a value, formulas' cached results (dates as serial numbers), a merged cell showing its first cell's
 * value, shared formulas written out for each cell. What the exceljs path did that is wrong is not copied;
 * each difference is named in test/addin/xlsx/direct-read.test.ts. No Node APIs.
 */
import { type Issue, makeIssue } from '../../../../core';
import { a1, columnLetter } from '../../../../templates/layouts/a1';
import type { CellValue, SheetSnapshot } from '../../../../templates/plan';
import { CLOSE, END, OPEN, TEXT, XmlDamage, XmlScanner, detach } from './xml-scan';
import type { RowLayout } from './row-layout';

/** What the styles part says of one cell format (cellXfs entry). */
export interface CellFormat {
  unlocked: boolean;
  date: boolean;
}

export interface SheetContext {
  name: string;
  /** Shared strings; undefined when the package has none (a cell then shows the index, as exceljs did). */
  strings: string[] | undefined;
  formats: CellFormat[];
  date1904: boolean;
  /** Relationship Id → target, for hyperlinks and table parts. */
  rels: Map<string, { target: string; part?: string }>;
  /** Where the rows and cells read are noted for a patch of this text (only when it is kept for one). */
  layout?: RowLayout;
}

const NULL = 0;
const VALUE = 1;
const MERGED = 2;

interface Cell {
  /** Its column (1-based). */
  col: number;
  kind: typeof NULL | typeof VALUE | typeof MERGED;
  /** The value; for a formula, its cached result (null when none). */
  value: CellValue;
  /** A formula cell (exceljs's type Formula); its text is `formula`, or is slid from its shared master. */
  isFormula: boolean;
  formula: string | undefined;
  /** The address of the shared formula's master, for a cell that only names the shared formula. */
  sharedFrom: string | undefined;
  /** The cell's own address as written (r), else where it stands. */
  address: string;
  /** No result was saved with the formula. */
  noResult: boolean;
  unlocked: boolean;
  master: Cell | undefined;
  inMerge: boolean;
}

/** Every cell with the same fields in the same order: the sheet's 10⁵ cells stay one shape for V8. */
function makeCell(
  col: number,
  kind: Cell['kind'],
  value: CellValue,
  isFormula: boolean,
  formula: string | undefined,
  sharedFrom: string | undefined,
  address: string,
  noResult: boolean,
  unlocked: boolean,
): Cell {
  return {
    col,
    kind,
    value,
    isFormula,
    formula,
    sharedFrom,
    address,
    noResult,
    unlocked,
    master: undefined,
    inMerge: false,
  };
}

type Row = (Cell | undefined)[];

/** Excel's serial number through exceljs's Date and back (it rounds to the millisecond). */
function serialOfDate(v: unknown, date1904: boolean): number {
  const ms = Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  if (!(Math.abs(ms) <= 8.64e15)) return Number.NaN;
  return (ms + 2_209_161_600_000) / 86_400_000;
}

/** exceljs's slideFormula: a shared formula's text at another cell (relative references moved). */
export function slideFormula(formula: string, from: string, to: string): string {
  const f = decodeCell(from);
  const t = decodeCell(to);
  if (!f || !t) return formula;
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (match: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
      if (paren) return match;
      const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
      if (!m) return match;
      const colStr = m[2]!.toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return match;
      let col = 0;
      for (let i = 0; i < colStr.length; i++) col = col * 26 + colStr.charCodeAt(i) - 64;
      let row = Number.parseInt(m[4]!, 10);
      if (!m[1]) col += t.col - f.col;
      if (!m[3]) row += t.row - f.row;
      return `${sheet || ''}${m[1] || ''}${columnLetter(col)}${m[3] || ''}${row}`;
    },
  );
}

/**
 * A formula's text at another cell, as Excel moves it: slideFormula outside string literals ("X1" in quotes
 * is text, not a cell). For the writer's and the exceljs load's validations over several ranges.
 */
export function moveFormula(formula: string, from: string, to: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : slideFormula(part, from, to)))
    .join('');
}

/** "B12" (either letter case, "$" allowed) → row and column; undefined when it is not a cell. */
export function decodeCell(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let row = 0;
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  if (ref.charCodeAt(i) === 36) i++;
  const start = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + c - 48;
  }
  if (col === 0 || i === start || i !== n) return undefined;
  return { row, col };
}

/** exceljs's TextXform: "_x000D_" escapes (upper-case hex) decoded. */
export const unescapeX = (s: string) =>
  s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

export interface ReadSheet {
  snapshot: SheetSnapshot;
  issues: Issue[];
  /** Table parts' relationship targets, in the order the sheet lists them. */
  tableParts: string[];
}

/** A damaged cell (a shared string index past the list): the file is damaged as exceljs found it. */
export class CellDamage extends Error {}

export function readSheet(xml: string, ctx: SheetContext): ReadSheet {
  const s = new XmlScanner(xml);
  const rows: (Row | undefined)[] = [];
  let row: Row | undefined;
  let rowNumber = 0;
  let prevCol = 0;
  let inData = false;
  const merges: string[] = [];
  const hyperlinks = new Map<string, string>();
  const tableIds: string[] = [];
  const cellsInOrder: Cell[] = [];
  const shared = new Map<string, string>();

  const place = (cell: Cell | undefined) => {
    if (!cell || !row) return;
    prevCol = cell.col;
    row[cell.col] = cell;
    cellsInOrder.push(cell);
  };

  const layout = ctx.layout;
  for (;;) {
    // Most of a sheet's tags are its cells: one written plainly is read at once (the scanner's plainCell).
    if (row && s.plainCell()) {
      layout?.cell(s.cellRow, s.cellColumn, s.cellS, s.cellT, s.tokenStart, s.cellTagEnd, s.position);
      // Its column as the scanner counted it from the address (a plain cell always has one).
      place(cellOf(ctx, rowNumber, s.cellColumn, shared, s.cellR, s.cellT, s.cellS, s.f, s.v));
      continue;
    }
    const t = s.next();
    if (t === END) break;
    if (layout && row) {
      if (t === CLOSE && s.name === 'row') layout.endRow(s.tokenStart, s.position);
      else layout.notPlain();
    }
    if (t === CLOSE) {
      if (s.name === 'sheetData') inData = false;
      else if (s.name === 'row') row = undefined;
      continue;
    }
    if (t !== OPEN) continue;
    const name = s.name;
    if (name === 'sheetData') {
      inData = !s.empty;
    } else if (inData && name === 'row') {
      const r = s.attr('r');
      // A row without its number is the one after the last (exceljs refused the file: a difference).
      rowNumber = r ? Number.parseInt(r, 10) : rowNumber + 1;
      if (!(rowNumber >= 1)) throw new XmlDamage(`row number ${r}`);
      // The same row written twice: the later one is the row (as in exceljs).
      row = [];
      rows[rowNumber] = row;
      prevCol = 0;
      layout?.beginRow(rowNumber, s.tokenStart, s.position, s.empty);
      if (s.empty) row = undefined;
    } else if (inData && name === 'c' && row) {
      place(readCell(s, ctx, rowNumber, prevCol, shared));
    } else if (name === 'mergeCell') {
      merges.push(s.attr('ref') ?? '');
    } else if (name === 'hyperlink') {
      const id = s.attr('id');
      const ref = s.attr('ref');
      const target = id ? ctx.rels.get(id)?.target : undefined;
      if (ref && target) hyperlinks.set(ref, target);
    } else if (name === 'tablePart') {
      const id = s.attr('id');
      if (id) tableIds.push(id);
    }
  }

  // A cell with a link to outside shows the link's text, its formula dropped (exceljs's type Hyperlink).
  if (hyperlinks.size > 0)
    for (const cell of cellsInOrder) {
      if (!hyperlinks.has(cell.address)) continue;
      cell.isFormula = false;
      cell.formula = undefined;
      cell.sharedFrom = undefined;
      cell.noResult = false;
      cell.kind = VALUE;
      cell.value = cell.value === null ? null : String(cell.value);
    }

  const mergeRanges = applyMerges(rows, merges);

  // Shared formulas: each cell that names one gets the master's text with its references moved.
  const formulaAt = (address: string, depth = 0): string | undefined => {
    const at = decodeCell(address);
    const cell = at ? rows[at.row]?.[at.col] : undefined;
    if (!cell || cell.kind !== VALUE || !cell.isFormula) return undefined;
    if (cell.formula) return cell.formula;
    if (cell.sharedFrom && depth < 8) {
      const master = formulaAt(cell.sharedFrom, depth + 1);
      return master === undefined ? undefined : slideFormula(master, cell.sharedFrom, cell.address);
    }
    return undefined;
  };
  for (const cell of cellsInOrder) {
    if (cell.kind !== VALUE || cell.formula || !cell.sharedFrom) continue;
    const master = formulaAt(cell.sharedFrom);
    if (master !== undefined) cell.formula = slideFormula(master, cell.sharedFrom, cell.address);
  }

  // The used range: rows up to the last one written (when any holds a value), columns up to the widest
  // row holding a value (a styled empty cell counts: exceljs's rowCount and columnCount).
  let lastRow = 0;
  let anyValue = false;
  let columns = 0;
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    lastRow = r;
    let has = false;
    for (const cell of cells) if (cell && cell.kind !== NULL) has = true;
    if (has) {
      anyValue = true;
      columns = Math.max(columns, cells.length - 1);
    }
  }
  const height = anyValue ? lastRow : 0;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const issues: Issue[] = [];
  for (let r = 1; r <= height; r++) {
    const vr: CellValue[] = new Array(columns).fill(null);
    const fr: (string | null)[] = new Array(columns).fill(null);
    const cells = rows[r];
    if (cells)
      for (let c = 1; c <= columns && c < cells.length; c++) {
        const cell = cells[c];
        if (!cell || cell.kind === NULL) continue;
        const source = cell.kind === MERGED ? cell.master! : cell;
        vr[c - 1] = source.kind === NULL ? null : source.value;
        if (cell.kind === VALUE && cell.formula) fr[c - 1] = cell.formula;
      }
    values.push(vr);
    formulas.push(fr);
    // Formulas typed into input cells with no saved result (../typed-formulas.ts).
    if (cells)
      for (let c = 1; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell || cell.kind !== VALUE || !cell.isFormula || !cell.unlocked || !cell.noResult) continue;
        issues.push(noValueIssue(ctx.name, a1(r, c), cell.formula));
      }
  }

  const tableParts: string[] = [];
  for (const id of tableIds) {
    const rel = ctx.rels.get(id);
    if (!rel?.part) throw new CellDamage(`table part ${id}`);
    tableParts.push(rel.part);
  }
  return {
    snapshot: { name: ctx.name, values, formulas, tables: [], merges: mergeRanges },
    issues,
    tableParts,
  };
}

function noValueIssue(sheet: string, address: string, formula: string | undefined): Issue {
  return makeIssue(
    'warning',
    'workbook.formula.noValue',
    {
      vi: `Sheet "${sheet}", ô ${address}: công thức =${formula} do người dùng gõ chưa có kết quả lưu trong tệp (chương trình lưu tệp không tính công thức), nên chưa được tính; hãy mở và lưu lại bằng Excel hoặc LibreOffice. Thi đua giữ nguyên công thức khi ghi.`,
      en: `Sheet "${sheet}", cell ${address}: the typed formula =${formula} has no result saved in the file (the program that saved it does not calculate), so it is not counted; open and re-save it in Excel or LibreOffice. Thi đua keeps the formula when writing.`,
    },
    { sheet, cell: address },
  );
}

/** Merged ranges as "A1:B2" (exceljs's Range.range); overlapping merges are damage, as exceljs found them. */
function applyMerges(rows: (Row | undefined)[], merges: string[]): string[] {
  const out: string[] = [];
  const cellAt = (r: number, c: number): Cell => {
    let cells = rows[r];
    if (!cells) rows[r] = cells = [];
    let cell = cells[c];
    if (!cell) cells[c] = cell = makeCell(c, NULL, null, false, undefined, undefined, a1(r, c), false, false);
    return cell;
  };
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const a = decodeCell(from ?? '');
    const b = to === undefined ? a : decodeCell(to);
    if (!a || !b) continue;
    const top = Math.min(a.row, b.row);
    const bottom = Math.max(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const right = Math.max(a.col, b.col);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++)
        if (rows[r]?.[c]?.inMerge) throw new CellDamage(`overlapping merge ${ref}`);
    const master = cellAt(top, left);
    master.inMerge = true;
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const cell = cellAt(r, c);
        cell.kind = MERGED;
        cell.master = master;
        cell.inMerge = true;
        cell.isFormula = false;
        cell.formula = undefined;
        cell.sharedFrom = undefined;
      }
    out.push(`${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`);
  }
  return out;
}

const F = 1;
const V = 2;
const RUN = 3;

/** One <c> element (the scanner just read its start tag), as exceljs's CellXform read it. */
function readCell(
  s: XmlScanner,
  ctx: SheetContext,
  rowNumber: number,
  prevCol: number,
  shared: Map<string, string>,
): Cell | undefined {
  const r = s.attr('r');
  const type = s.attr('t');
  const styleAttr = s.attr('s');
  let formula: string | undefined;
  let shareType: string | undefined;
  let si: string | undefined;
  let sharedRef: string | undefined;
  let text: string | undefined;
  let runs: string[] | undefined;
  // Most cells are only <v>…</v>, or <f>…</f><v>…</v>: read at once (what the loop below reads them as).
  if (!s.empty && s.formulaAndValue()) {
    formula = s.f;
    text = s.v;
  } else if (!s.empty) {
    let into = 0;
    let depth = 0;
    for (;;) {
      const t = s.next();
      if (t === OPEN) {
        const name = s.name;
        if (name === 'f') {
          shareType = s.attr('t');
          si = s.attr('si');
          sharedRef = s.attr('ref');
          into = F;
        } else if (name === 'v') into = V;
        else if (name === 't') into = runs && depth >= 2 ? RUN : V;
        else if (name === 'r') {
          runs ??= [];
          runs.push('');
        } else if (name === 'rPh' || name === 'rPr' || name === 'extLst') {
          // Phonetic runs are not the text; run properties and extensions hold no text either.
          s.skip();
          continue;
        }
        if (s.empty) into = 0;
        else depth++;
      } else if (t === TEXT) {
        if (into === F) formula = (formula ?? '') + s.text;
        else if (into === V) text = (text ?? '') + s.text;
        else if (into === RUN && runs) runs[runs.length - 1] += s.text;
      } else if (t === CLOSE) {
        if (depth === 0) break;
        depth--;
        into = 0;
      } else throw new XmlDamage('sheet ends inside a cell');
    }
  }
  // A cell without its address stands after the one before it (the first of a row in column A).
  const column = (r ? decodeCell(r)?.col : undefined) ?? prevCol + 1;
  return cellOf(
    ctx,
    rowNumber,
    column,
    shared,
    r,
    type,
    styleAttr,
    formula,
    text,
    runs,
    shareType,
    si,
    sharedRef,
  );
}

/** A cell from what its element holds: attributes, formula and value texts, rich text runs, shared formula. */
function cellOf(
  ctx: SheetContext,
  rowNumber: number,
  col: number,
  shared: Map<string, string>,
  r: string | undefined,
  type: string | undefined,
  styleAttr: string | undefined,
  formulaText: string | undefined,
  valueText: string | undefined,
  runs?: string[],
  shareType?: string,
  si?: string,
  sharedRef?: string,
): Cell | undefined {
  let formula = formulaText;
  let text = valueText;
  const address = r ?? a1(rowNumber, col);
  const styleId = styleAttr ? Number.parseInt(styleAttr, 10) : 0;
  // exceljs never looked at style 0 (its index was falsy): the default format is locked, not a date.
  const format = styleId ? ctx.formats[styleId] : undefined;
  const isFormula = !!formula || !!shareType;
  if (formula) formula = detach(formula);
  if (text !== undefined && (type === 'str' || type === 'inlineStr' || type === 'e')) text = detach(text);
  const hasText = text !== undefined || runs !== undefined;
  const unlocked = format?.unlocked ?? false;
  if (isFormula) {
    let result: CellValue | undefined;
    if (text) {
      if (type === 'str') result = text;
      else if (type === 'b') result = Number.parseInt(text, 10) !== 0;
      else if (type === 'e') result = format?.date ? Number.NaN : text;
      else result = Number.parseFloat(text);
      if (format?.date && type !== 'e') result = serialOfDate(result, ctx.date1904);
    }
    // A shared formula: the master (with ref) is remembered by its index; the others name it.
    let sharedFrom: string | undefined;
    if (shareType === 'shared' && si !== undefined) {
      if (sharedRef) shared.set(si, address);
      else sharedFrom = shared.get(si);
    }
    return makeCell(
      col,
      VALUE,
      result ?? null,
      true,
      formula || undefined,
      sharedFrom,
      address,
      result === undefined,
      unlocked,
    );
  }
  if (hasText) {
    let value: CellValue;
    const raw = runs ? runs.map(unescapeX).join('') : unescapeX(text ?? '');
    if (type === 's') {
      const index = Number.parseInt(text ?? '', 10);
      if (ctx.strings === undefined) value = index;
      else {
        const found = ctx.strings[index];
        if (found === undefined) throw new CellDamage(`shared string ${text}`);
        value = found;
      }
    } else if (type === 'str') value = text ?? '';
    else if (type === 'inlineStr') value = raw;
    else if (type === 'b') value = Number.parseInt(text ?? '', 10) !== 0;
    else if (type === 'e') value = text ?? '';
    else {
      value = Number.parseFloat(text ?? '');
      if (format?.date) value = serialOfDate(value, ctx.date1904);
    }
    return makeCell(col, VALUE, value, false, undefined, undefined, address, false, unlocked);
  }
  // An empty cell with a format is a cell (it widens its row); one without is not there at all.
  if (styleId) return makeCell(col, NULL, null, false, undefined, undefined, address, false, unlocked);
  return undefined;
}
