/**
 * Reading cells out of a snapshot with messages that name the sheet and the cell: numbers typed as text
 * ("9,5", "9.5") are read with core/text's parseVietnameseNumber and reported; error values (#REF!) and
 * ambiguous text are errors.
 */
import {
  type Bilingual,
  type Issue,
  isAmount,
  makeIssue,
  matchKey,
  parseVietnameseNumber,
  tooLargeText,
} from '../../core';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../plan';
import { a1, overlaps, parseRange } from '../layouts/a1';
import { HEADER_VARIANTS, TABLE } from '../layouts/cluster';
import { type WorkbookSources, emptySources } from './sources';

export const ERROR_VALUES = [
  '#REF!',
  '#DIV/0!',
  '#N/A',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#VALUE!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];

export const isErrorValue = (v: CellValue): v is string =>
  typeof v === 'string' && ERROR_VALUES.includes(v.trim().toUpperCase());

/** How the reader's messages begin: the place, in words ("Sheet "Đơn vị", ô B5: "). */
export const placeText = (sheet: string, cell?: string): Bilingual =>
  cell
    ? { vi: `Sheet "${sheet}", ô ${cell}: `, en: `Sheet "${sheet}", cell ${cell}: ` }
    : { vi: `Sheet "${sheet}": `, en: `Sheet "${sheet}": ` };

/** What a read keeps besides the document: `sources: false` for a caller that never places an issue by path. */
export interface ReadOptions {
  sources?: boolean;
}

export class Reader {
  readonly issues: Issue[] = [];
  /**
   * Where each value put into the document came from (see ./sources); none when not asked for (the merge's
   * 63 returns and base: 160 000 paths it would make and never look at).
   */
  readonly sources: WorkbookSources | undefined;
  constructor(
    readonly snapshot: WorkbookSnapshot,
    options: ReadOptions = {},
  ) {
    this.sources = options.sources === false ? undefined : emptySources();
  }

  /** Records that the document's value at `path` is read from this cell (a column the table lacks: nothing). */
  from(path: string, sheet: SheetSnapshot, row: number, col: number | undefined): void {
    if (col !== undefined) this.sources?.cells.set(path, { sheet: sheet.name, cell: a1(row, col) });
  }

  /** `path.field` for each of `fields` from this row, the k-th field in column `col(k)`. */
  fromRow(
    path: string,
    sheet: SheetSnapshot,
    row: number,
    fields: readonly string[],
    col: (k: number) => number | undefined,
  ): void {
    if (!this.sources) return;
    this.fromCells(
      path,
      sheet,
      fields,
      fields.map(() => row),
      fields.map((_, k) => col(k)),
    );
  }

  /** `path.fields[k]` from (rows[k], cols[k]): an entry whose fields stand on different rows (a score's unit). */
  fromCells(
    path: string,
    sheet: SheetSnapshot,
    fields: readonly string[],
    rows: readonly number[],
    cols: readonly (number | undefined)[],
  ): void {
    this.sources?.cells.setEntry(path, sheet.name, fields, rows, cols);
  }

  issue(
    severity: Issue['severity'],
    code: string,
    sheet: string,
    cell: string | undefined,
    text: Bilingual,
    extra: Partial<Issue> = {},
  ) {
    const where = placeText(sheet, cell);
    this.issues.push(
      makeIssue(
        severity,
        code,
        { vi: where.vi + text.vi, en: where.en + text.en },
        { sheet, ...(cell ? { cell } : {}), ...extra },
      ),
    );
  }

  sheet(name: string): SheetSnapshot | undefined {
    const key = matchKey(name);
    return this.snapshot.sheets.find((s) => matchKey(s.name) === key);
  }
}

export const cellAt = (sheet: SheetSnapshot, row: number, col: number): CellValue =>
  sheet.values[row - 1]?.[col - 1] ?? null;

export const isBlank = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

export function text(v: CellValue): string | undefined {
  if (isBlank(v)) return undefined;
  // NaN or an infinity (a damaged "<v>NaN</v>", a host's bad read) holds no text a person typed.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).normalize('NFC').trim();
}

export interface NumberOptions {
  integer?: boolean;
  /** What the messages call the number; a function when its words cost something to make (one per cell). */
  what: Bilingual | (() => Bilingual);
}

const whatOf = (opts: NumberOptions): Bilingual =>
  typeof opts.what === 'function' ? opts.what() : opts.what;

/** A message about the number at `at`: its cell's name and its words are made only now (most cells are plain numbers). */
function say(
  r: Reader,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  opts: NumberOptions,
  severity: Issue['severity'],
  code: string,
  words: (what: Bilingual) => Bilingual,
): void {
  r.issue(severity, code, sheet.name, a1(row, col), words(whatOf(opts)));
}

/** A number beyond ±MAX_AMOUNT (1e308 typed or saved by another program): named, and not counted. */
function tooLarge(
  r: Reader,
  sheet: SheetSnapshot,
  ref: string,
  opts: NumberOptions,
  value: number,
): undefined {
  r.issue(
    'error',
    'workbook.cell.tooLarge',
    sheet.name,
    ref,
    tooLargeText(whatOf(opts), value, {
      vi: 'không tính giá trị này. Hãy gõ lại số vào ô.',
      en: 'this value is not counted. Type the number again.',
    }),
  );
  return undefined;
}

/** A number from a cell: undefined when blank, unreadable or too large to compute with (reported). */
export function readNumber(
  r: Reader,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  opts: NumberOptions,
): number | undefined {
  const v = cellAt(sheet, row, col);
  if (isBlank(v)) {
    // A formula typed into an input cell, saved by a program that does not calculate (openpyxl, a script):
    // no value to read, and left blank it would count for nothing without a word.
    const formula = sheet.formulas?.[row - 1]?.[col - 1];
    if (formula)
      say(r, sheet, row, col, opts, 'error', 'workbook.cell.formulaNoValue', (what) => ({
        vi: `${what.vi} là công thức =${formula} chưa có kết quả (tệp được lưu bằng chương trình không tính công thức); không đọc được. Hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại, hoặc gõ thẳng số vào ô.`,
        en: `${what.en} is the formula =${formula} with no computed value (the file was saved by a program that does not calculate); it cannot be read. Open the file in Excel or LibreOffice and save it again, or type the number itself.`,
      }));
    return undefined;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) {
    // Never a NaN or infinite figure in a total (it would be ranked first): the cell is named instead.
    say(r, sheet, row, col, opts, 'error', 'workbook.cell.notFinite', (what) => ({
      vi: `${what.vi} không phải một số đọc được (ô bị hỏng hoặc do chương trình khác ghi sai); không tính giá trị này. Hãy gõ lại số vào ô.`,
      en: `${what.en} is not a readable number (a damaged cell or one written wrongly by another program); this value is not counted. Type the number again.`,
    }));
    return undefined;
  }
  if (typeof v === 'number') {
    if (!isAmount(v)) return tooLarge(r, sheet, a1(row, col), opts, v);
    if (opts.integer && !Number.isInteger(v))
      say(r, sheet, row, col, opts, 'error', 'workbook.cell.notInteger', (what) => ({
        vi: `${what.vi} phải là số nguyên, ô đang ghi ${v}.`,
        en: `${what.en} must be a whole number; the cell holds ${v}.`,
      }));
    return v;
  }
  if (isErrorValue(v)) {
    say(r, sheet, row, col, opts, 'error', 'workbook.cell.errorValue', (what) => ({
      vi: `${what.vi} là giá trị lỗi ${v.trim()} (công thức hỏng hoặc tham chiếu đã bị xoá); không đọc được.`,
      en: `${what.en} is the error value ${v.trim()} (a broken formula or deleted reference); it cannot be read.`,
    }));
    return undefined;
  }
  if (typeof v === 'boolean') {
    say(r, sheet, row, col, opts, 'error', 'workbook.cell.notNumber', (what) => ({
      vi: `${what.vi} phải là số, ô đang ghi ${v ? 'TRUE' : 'FALSE'}.`,
      en: `${what.en} must be a number; the cell holds ${v}.`,
    }));
    return undefined;
  }
  const parsed = parseVietnameseNumber(String(v));
  if (!parsed.ok || parsed.percent) {
    say(
      r,
      sheet,
      row,
      col,
      opts,
      'error',
      parsed.ok ? 'workbook.cell.percentText' : 'workbook.cell.notNumber',
      (what) => ({
        vi: `${what.vi} phải là số, ô đang ghi chữ "${v}"${parsed.ok ? '' : ` (${parsed.error.vi})`}; không tính giá trị này.`,
        en: `${what.en} must be a number; the cell holds the text "${v}"${parsed.ok ? '' : ` (${parsed.error.en})`}; this value is not counted.`,
      }),
    );
    return undefined;
  }
  if (!isAmount(parsed.value)) return tooLarge(r, sheet, a1(row, col), opts, parsed.value);
  say(r, sheet, row, col, opts, 'warning', 'workbook.cell.numberAsText', (what) => ({
    vi: `${what.vi} được gõ thành chữ "${v}" nên Excel không cộng vào tổng; Thi đua đọc là ${String(parsed.value).replace('.', ',')}. Hãy gõ lại thành số.`,
    en: `${what.en} was typed as the text "${v}", so Excel leaves it out of its sums; Thi đua reads it as ${parsed.value}. Retype it as a number.`,
  }));
  return parsed.value;
}

export function readText(
  r: Reader,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  what: Bilingual,
): string | undefined {
  const v = cellAt(sheet, row, col);
  if (isErrorValue(v)) {
    r.issue('error', 'workbook.cell.errorValue', sheet.name, a1(row, col), {
      vi: `${what.vi} là giá trị lỗi ${v.trim()}; không đọc được.`,
      en: `${what.en} is the error value ${v.trim()}; it cannot be read.`,
    });
    return undefined;
  }
  return text(v);
}

export interface LocatedTable {
  sheet: SheetSnapshot;
  headerRow: number;
  left: number;
  /** Last body row (inclusive); headerRow when the table has no body. */
  bottom: number;
  right: number;
  /** Expected header → 1-based column. */
  columns: Map<string, number>;
  /** How it was found, for messages. */
  byTable: boolean;
}

const headerKeys = (h: string) => [h, ...(HEADER_VARIANTS[h] ?? [])].map(matchKey);

function mapHeaders(
  sheet: SheetSnapshot,
  row: number,
  left: number,
  right: number,
  headers: readonly string[],
) {
  const columns = new Map<string, number>();
  const used = new Set<number>();
  // Exact names first, then variants, so "Điểm cộng tối đa" is not taken by the variant of another header.
  for (const pass of [0, 1] as const)
    for (const h of headers) {
      if (columns.has(h)) continue;
      const keys = pass === 0 ? [matchKey(h)] : headerKeys(h);
      for (let c = left; c <= right; c++) {
        if (used.has(c)) continue;
        const t = text(cellAt(sheet, row, c));
        if (t && keys.includes(matchKey(t))) {
          columns.set(h, c);
          used.add(c);
          break;
        }
      }
    }
  return columns;
}

/**
 * A table by its name (names survive a renamed tab), else on the named sheet by its header row (a table
 * converted to a plain range), scanning the first rows for the headers.
 */
export function locateTable(
  r: Reader,
  spec: {
    table?: string;
    tablePrefix?: string;
    sheets: string[];
    headers: readonly string[];
    required: readonly string[];
  },
): LocatedTable | undefined {
  for (const sheet of r.snapshot.sheets) {
    const t = sheet.tables.find((x) => spec.table !== undefined && matchKey(x.name) === matchKey(spec.table));
    if (!t) continue;
    const range = parseRange(t.ref);
    if (!range) continue;
    return {
      sheet,
      headerRow: range.top,
      left: range.left,
      bottom: range.bottom,
      right: range.right,
      columns: mapHeaders(sheet, range.top, range.left, range.right, spec.headers),
      byTable: true,
    };
  }
  for (const name of spec.sheets) {
    const sheet = r.sheet(name);
    if (!sheet) continue;
    const found = findHeaderRow(sheet, spec.headers, spec.required);
    if (found) return found;
  }
  // A renamed tab whose table was also converted to a plain range: any sheet with the header row.
  if (spec.sheets.length === 0 || spec.required.length < 2) return undefined;
  // Scorecard sheets are skipped: they too have "Mã", "Nội dung", "Điểm chuẩn" columns.
  const named = new Set(spec.sheets.map(matchKey));
  const scorecard = matchKey(TABLE.scorecardPrefix);
  for (const sheet of r.snapshot.sheets) {
    if (named.has(matchKey(sheet.name)) || sheet.tables.some((t) => matchKey(t.name).startsWith(scorecard)))
      continue;
    const found = findHeaderRow(sheet, spec.headers, spec.required);
    if (found) return found;
  }
  return undefined;
}

/** Header cells of a located table that match none of the expected headers (typed over or renamed). */
export function unknownHeaders(
  t: LocatedTable,
  headers: readonly string[],
): { cell: string; text: string }[] {
  const known = new Set(headers.flatMap(headerKeys));
  const out: { cell: string; text: string }[] = [];
  for (let c = t.left; c <= t.right; c++) {
    const h = text(cellAt(t.sheet, t.headerRow, c));
    if (h && !known.has(matchKey(h))) out.push({ cell: a1(t.headerRow, c), text: h });
  }
  return out;
}

/**
 * An error for each expected column a table lacks, naming the header row and, when a header cell holds an
 * unknown text, that cell (most often the column was renamed).
 */
export function reportMissingColumns(
  r: Reader,
  t: LocatedTable,
  headers: readonly string[],
  required: readonly string[],
  label: Bilingual,
): string[] {
  const lacking = required.filter((h) => !t.columns.has(h));
  if (lacking.length === 0) return lacking;
  const strangers = unknownHeaders(t, headers);
  const hint = strangers.length
    ? {
        vi: ` Ô ${strangers.map((s) => `${s.cell} ghi "${s.text}"`).join(', ')}: không phải tên cột Thi đua nhận ra; nếu đã đổi tên cột, hãy đặt lại đúng tên.`,
        en: ` Cell ${strangers.map((s) => `${s.cell} holds "${s.text}"`).join(', ')}: not a column name Thi đua knows; if a column was renamed, restore its name.`,
      }
    : { vi: '', en: '' };
  r.issue('error', 'workbook.header.missing', t.sheet.name, strangers[0]?.cell ?? a1(t.headerRow, t.left), {
    vi: `${label.vi} thiếu cột ${lacking.map((h) => `"${h}"`).join(', ')} ở dòng tiêu đề ${t.headerRow}; giá trị của cột này không được đọc.${hint.vi}`,
    en: `${label.en} has no column ${lacking.map((h) => `"${h}"`).join(', ')} in header row ${t.headerRow}; its values are not read.${hint.en}`,
  });
  return lacking;
}

export function findHeaderRow(
  sheet: SheetSnapshot,
  headers: readonly string[],
  required: readonly string[],
): LocatedTable | undefined {
  const width = Math.max(0, ...sheet.values.slice(0, 30).map((row) => row.length));
  for (let row = 1; row <= Math.min(30, sheet.values.length); row++) {
    const columns = mapHeaders(sheet, row, 1, width, headers);
    if (required.length === 0 || !required.every((h) => columns.has(h))) continue;
    const cols = [...columns.values()];
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    let bottom = row;
    while (bottom < sheet.values.length) {
      const next = bottom + 1;
      let empty = true;
      for (let c = left; c <= right; c++) if (!isBlank(cellAt(sheet, next, c))) empty = false;
      if (empty) break;
      bottom = next;
    }
    return { sheet, headerRow: row, left, bottom, right, columns, byTable: false };
  }
  return undefined;
}

/** Errors for merged ranges inside a table's body, and warnings for data right under a table (not read). */
export function checkTableShape(r: Reader, t: LocatedTable, label: Bilingual): void {
  const body = {
    top: t.headerRow + 1,
    left: t.left,
    bottom: Math.max(t.bottom, t.headerRow + 1),
    right: t.right,
  };
  for (const m of t.sheet.merges ?? []) {
    const range = parseRange(m);
    if (range && overlaps(range, body))
      r.issue('error', 'workbook.table.merged', t.sheet.name, m, {
        vi: `Vùng ô ${m} bị gộp (merge) trong ${label.vi}; hãy bỏ gộp ô để mỗi ô giữ một giá trị.`,
        en: `Range ${m} is merged inside ${label.en}; unmerge it so every cell holds one value.`,
      });
  }
  if (!t.byTable) return;
  for (let row = t.bottom + 1; row <= Math.min(t.sheet.values.length, t.bottom + 3); row++) {
    for (let c = t.left; c <= t.right; c++) {
      if (!isBlank(cellAt(t.sheet, row, c))) {
        // An error, not a warning: what a person typed there would silently count for nothing.
        r.issue('error', 'workbook.table.rowOutside', t.sheet.name, a1(row, c), {
          vi: `Dòng ${row} có dữ liệu ngay dưới ${label.vi} nhưng nằm ngoài bảng nên không được đọc; hãy mở rộng bảng (kéo góc bảng) để gồm dòng này.`,
          en: `Row ${row} holds data right under ${label.en} but outside the table, so it is not read; extend the table to include it.`,
        });
        break;
      }
    }
  }
}

/** Body rows that hold anything in the table's columns. */
export function bodyRows(t: LocatedTable): number[] {
  const rows: number[] = [];
  for (let row = t.headerRow + 1; row <= t.bottom; row++) {
    for (let c = t.left; c <= t.right; c++)
      if (!isBlank(cellAt(t.sheet, row, c))) {
        rows.push(row);
        break;
      }
  }
  return rows;
}
