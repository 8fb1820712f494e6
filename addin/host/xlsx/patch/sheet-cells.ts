/**
 * One worksheet part's cells, read from its <sheetData> only where a patch touches them: rows are located
 * once (their text kept), a row's cells are read when one of them is asked for, and the part is written
 * back with every untouched row and cell as it was. What a cell holds is read as exceljs reads it (a formula's
 * cached result, shared strings, inline strings, booleans, errors), so an update decides as the exceljs host
 * does. A sheet written some way this does not read exactly (cells or rows without their address, a date
 * cell, a prefixed namespace) makes `open` give undefined: the caller falls back. No Node APIs.
 */
import { columnLetter } from '../../../../templates/layouts/a1';
import type { CellValue } from '../../../../templates/plan';
import { escText, textAt, textElement } from '../write/xml';
import { decodeCell } from '../read/sheet';
import { decodeEntities as decode } from '../read/xml-scan';
import {
  CELL_STRIDE,
  type RowLayout,
  T_B,
  T_N,
  T_NONE,
  T_OTHER,
  T_S,
  T_STR,
  typeCode,
} from '../read/row-layout';
import { attribute, attributes, itemText } from './xml-text';

/** A row index's entries (CELL_STRIDE numbers per cell). */
type RowCells = ArrayLike<number>;

/** A cell's content as the patch holds it. */
export interface CellState {
  /** Its style index (xf), undefined when the cell has none. */
  s: number | undefined;
  /** What exceljs reads as its value (a formula cell: its cached result, null without one). */
  value: CellValue;
  /** A formula cell: its formula text ('' for a shared formula's other cells, which hold none). */
  formula?: string;
  /** The formula element as written, kept when the formula stays the same. */
  formulaXml?: string;
  /** A shared or array formula's master cell (its formula spans others). */
  spanning?: boolean;
  /** The cell as written; undefined once changed. */
  raw?: string;
}

interface RowState {
  r: number;
  /** The row's start tag as written. */
  open: string;
  /** The row's text as written (start tag to end tag), and where it starts in the part. */
  raw: string;
  at: number;
  cells?: Map<number, CellState>;
  /**
   * Where its cells are, before any is read: in `raw` (rowIndex), or in the part's text when the reader noted
   * the row (RowLayout, `inPart`); null: a row not indexed so.
   */
  index?: RowCells | null;
  inPart?: boolean;
  changed?: boolean;
  /**
   * An indexed row's changed cells, by column, while its other cells stay unread (`cells` undefined): the row
   * is written as its text with these in their places (a return changes a few cells of every scorecard row).
   */
  edits?: Map<number, CellState>;
}

/**
 * A row's cell at `at`, as the cell pattern of rowCellsScanned finds it: '<c ' then the start tag to its first
 * '>' (where that '>' is, or -1), then the cell to its first '</c>' (cellEnd; the pattern's laziness).
 */
function cellTagEnd(text: string, at: number): number {
  return text.startsWith('<c ', at) ? text.indexOf('>', at) : -1;
}

const selfClosedAt = (text: string, tagEnd: number) => text.charCodeAt(tagEnd - 1) === 47;

/** Where the cell whose start tag ends at `tagEnd` ends, or -1. */
function cellEnd(text: string, tagEnd: number): number {
  if (selfClosedAt(text, tagEnd)) return tagEnd + 1;
  const close = text.indexOf('</c>', tagEnd);
  return close < 0 ? -1 : close + 4;
}

/** Where the start tag's attributes end (before its '>' or '/>'). */
const attributesEnd = (text: string, tagEnd: number) => (selfClosedAt(text, tagEnd) ? tagEnd - 1 : tagEnd);

/**
 * Where a row's cells are in its text (`raw`, the cells from `from`), when the row holds nothing but cells
 * with a plain start tag (plainTag), in the row, columns ascending, none a date cell: the rows plainRowCells
 * walks the same way. Null for any other row (read cell by cell when asked).
 */
export function rowIndex(raw: string, from: number, r: number): number[] | null {
  const out: number[] = [];
  const n = raw.length;
  let at = from;
  let last = 0;
  while (at < n) {
    if (raw.startsWith('</row>', at) && at + 6 === n) return out;
    const tagEnd = cellTagEnd(raw, at);
    const end = tagEnd < 0 ? -1 : cellEnd(raw, tagEnd);
    if (end < 0) return null;
    const tag = plainTag(raw, at, attributesEnd(raw, tagEnd));
    if (!tag || tag.row !== r || tag.column <= last || tag.t === 'd') return null;
    last = tag.column;
    out.push(tag.column, at, tagEnd + 1, end, tag.s ?? -1, typeCode(tag.t));
    at = end;
  }
  return at === from ? out : null;
}

const TYPES = [undefined, 'n', 's', 'str', 'b'];

/** An indexed row's cells, read as plainRowCells reads them (from the index: the row is not walked again). */
function indexedCells(
  raw: string,
  index: RowCells,
  r: number,
  strings: SharedStringsText,
): Map<number, CellState> | undefined {
  const cells = new Map<number, CellState>();
  for (let k = 0; k < index.length; k += CELL_STRIDE) {
    const state = indexedCell(raw, index, k, r, strings);
    if (!state) return undefined;
    cells.set(index[k]!, state);
  }
  return cells;
}

/** The cell of an indexed row's entry `k`, read as plainRowCells reads it; undefined: not so. */
function indexedCell(
  raw: string,
  index: RowCells,
  k: number,
  r: number,
  strings: SharedStringsText,
): CellState | undefined {
  const xml = raw.slice(index[k + 1], index[k + 3]);
  const openLength = index[k + 2]! - index[k + 1]!;
  const code = index[k + 5]!;
  const s = index[k + 4]! < 0 ? undefined : index[k + 4];
  return (
    (code === T_OTHER
      ? undefined
      : plainCell(xml, openLength, { row: r, column: 0, s, t: TYPES[code] }, strings)) ??
    readCell(xml, xml.slice(0, openLength), strings)
  );
}

/** The index of `column`'s entry in a row index, or -1. */
function indexOf(index: RowCells, column: number): number {
  let lo = 0;
  let hi = index.length / CELL_STRIDE - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = index[mid * CELL_STRIDE]!;
    if (c === column) return mid * CELL_STRIDE;
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Where the formula's or value's element (LibreOffice's <f aca> too) ends when it is at `at` in `raw` and
 * reads as `text`, or -1. Read as the cell's reading reads it (entities decoded): text without entities is
 * compared as it is; with them, in the spellings textAt knows (any other is left to the reading).
 */
function elementAt(raw: string, at: number, name: 'f' | 'v', text: string): number {
  let start: number;
  if (raw.startsWith(name === 'f' ? '<f>' : '<v>', at)) start = at + 3;
  else if (name === 'f' && raw.startsWith('<f aca="false">', at)) start = at + 15;
  else if (name === 'f' && raw.startsWith('<f aca="true">', at)) start = at + 14;
  else return -1;
  const close = raw.indexOf(name === 'f' ? '</f>' : '</v>', start);
  if (close < 0) return -1;
  // An entity makes the element longer than its text: the same length is the same characters or none.
  const same =
    close - start === text.length
      ? text.indexOf('&') < 0 && text.indexOf('<') < 0 && raw.startsWith(text, start)
      : textAt(raw, start, text) === close;
  return same ? close + 4 : -1;
}

/** A cell address ("B12", "$B$12") as row and column numbers: the reader's parsing, within Excel's grid. */
export function cellAddress(ref: string): { row: number; column: number } | undefined {
  const c = decodeCell(ref);
  return c && c.row > 0 && c.col <= 16_384 ? { row: c.row, column: c.col } : undefined;
}

/** Strings of the shared strings part, read once when a cell needs one. */
export type SharedStringsText = () => string[];

export function sharedStringsOf(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) out.push(itemText(m[1] ?? ''));
  return out;
}

const CELL_S = /\ss="(\d+)"/;
const CELL_T = /\st="(\w+)"/;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/;
const VALUE = /<v(?:\s[^>]*)?(?:\/>|>([^<]*)<\/v>)/;

/**
 * A cell's XML (`open`: its start tag) as exceljs would read it, or undefined when it holds something the
 * patch does not read.
 */
function readCell(xml: string, open: string, strings: SharedStringsText): CellState | undefined {
  const sm = CELL_S.exec(open);
  const s = sm ? Number(sm[1]) : undefined;
  const t = CELL_T.exec(open)?.[1] ?? 'n';
  if (t === 'd' || /\s[st]='/.test(open)) return undefined;
  const body = open.endsWith('/>') ? '' : xml.slice(open.length, xml.length - 4);
  if (body === '') return { s, value: null, raw: xml };
  const f = body.includes('<f') ? FORMULA.exec(body) : null;
  const v = VALUE.exec(body);
  const text = v ? decode(v[1] ?? '') : undefined;
  let value: CellValue;
  if (t === 'inlineStr') {
    const is = /<is\b[^>]*?(?:\/>|>([\s\S]*?)<\/is>)/.exec(body);
    value = is ? itemText(is[1] ?? '') : text === undefined ? null : text;
  } else if (text === undefined) value = null;
  else if (t === 's') value = strings()[Number(text)] ?? null;
  else if (t === 'str' || t === 'e') value = text;
  else if (t === 'b') value = text === '1' || text === 'true';
  else {
    const n = Number.parseFloat(text);
    value = Number.isNaN(n) ? null : n;
  }
  const state: CellState = { s, value, raw: xml };
  if (f) {
    state.formula = decode(f[2] ?? '');
    state.formulaXml = f[0];
    const fa = f[1] ?? '';
    if (/\st="array"/.test(fa) || (/\st="shared"/.test(fa) && /\sref="/.test(fa))) state.spanning = true;
  } else if (body.includes('<f')) return undefined;
  return state;
}

/**
 * A row's cells when the row holds nothing but cells written plainly, one after the other (as Thi đua's
 * writer, Excel and LibreOffice write them): read by position, as the cell pattern of rowCellsScanned reads
 * them, without its matching; a cell with more than an address, a style and a type, or whose content is not
 * a plain value or formula, goes through readCell as there. Undefined for any other row (rowCellsScanned
 * reads it).
 */
function plainRowCells(
  body: string,
  r: number,
  strings: SharedStringsText,
): Map<number, CellState> | undefined {
  const cells = new Map<number, CellState>();
  const n = body.length;
  let at = 0;
  while (at < n) {
    if (body.startsWith('</row>', at) && at + 6 === n) return cells;
    const tagEnd = cellTagEnd(body, at);
    const end = tagEnd < 0 ? -1 : cellEnd(body, tagEnd);
    if (end < 0) return undefined;
    const xml = body.slice(at, end);
    const tag = plainTag(body, at, attributesEnd(body, tagEnd));
    if (!tag || tag.row !== r) {
      // Not a plain start tag: the pattern's reading of this one cell.
      const open = xml.slice(0, tagEnd + 1 - at);
      const ref = /\sr="([^"]*)"/.exec(open)?.[1];
      const a = ref ? cellAddress(ref) : undefined;
      if (!a || a.row !== r) return undefined;
      const state = readCell(xml, open, strings);
      if (!state) return undefined;
      cells.set(a.column, state);
    } else {
      const openLength = tagEnd + 1 - at;
      const state =
        plainCell(xml, openLength, tag, strings) ?? readCell(xml, xml.slice(0, openLength), strings);
      if (!state) return undefined;
      cells.set(tag.column, state);
    }
    at = end;
  }
  return n === 0 ? cells : undefined;
}

interface PlainTag {
  row: number;
  column: number;
  s: number | undefined;
  t: string | undefined;
}

/**
 * The start tag at `from` in `text`, its attributes ending at `stop` (before its '>' or '/>'), when it is
 * `<c r="B12" s="3" t="s">`: r, then s and t in any order, each once, double-quoted, one space before each;
 * the address within the grid, s digits, t a word. Undefined for any other start tag.
 */
function plainTag(text: string, from: number, stop: number): PlainTag | undefined {
  if (!text.startsWith('<c r="', from)) return undefined;
  let i = from + 6;
  let column = 0;
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + c - 64;
  }
  const digits = i;
  let row = 0;
  for (; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + c - 48;
  }
  if (column === 0 || column > 16_384 || i === digits || row === 0 || text.charCodeAt(i) !== 34)
    return undefined;
  i++;
  let s: number | undefined;
  let t: string | undefined;
  while (i < stop) {
    if (text.charCodeAt(i) !== 32 || text.charCodeAt(i + 2) !== 61 || text.charCodeAt(i + 3) !== 34)
      return undefined;
    const name = text.charCodeAt(i + 1);
    const start = i + 4;
    let k = start;
    if (name === 115 && s === undefined) {
      let n = 0;
      for (; k < stop; k++) {
        const c = text.charCodeAt(k);
        if (c < 48 || c > 57) break;
        n = n * 10 + c - 48;
      }
      s = n;
    } else if (name === 116 && t === undefined) {
      for (; k < stop; k++) {
        const c = text.charCodeAt(k);
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) break;
      }
      t = text.slice(start, k);
    } else return undefined;
    // An empty value, another character, or a style index too long to count exactly: not plain.
    if (k === start || k - start > 9 || text.charCodeAt(k) !== 34) return undefined;
    i = k + 1;
  }
  return i === stop ? { row, column, s, t } : undefined;
}

/**
 * A plain cell's state as readCell gives it: no content, `<v>`, `<f>` or `<f>` then `<v>`, none with
 * attributes, their text without markup; undefined for any other cell (readCell reads it).
 */
function plainCell(
  xml: string,
  openLength: number,
  tag: PlainTag,
  strings: SharedStringsText,
): CellState | undefined {
  const { s } = tag;
  const t = tag.t ?? 'n';
  if (t === 'd' || t === 'inlineStr') return undefined;
  if (xml.length === openLength) return { s, value: null, raw: xml };
  let at = openLength;
  const stop = xml.length - 4;
  let formula: string | undefined;
  let formulaXml: string | undefined;
  if (xml.startsWith('<f>', at)) {
    const close = xml.indexOf('</f>', at + 3);
    if (close < 0 || close > stop) return undefined;
    const text = xml.slice(at + 3, close);
    if (text.includes('<')) return undefined;
    formula = decode(text);
    formulaXml = xml.slice(at, close + 4);
    at = close + 4;
  }
  let value: CellValue = null;
  if (at < stop) {
    if (!xml.startsWith('<v>', at)) return undefined;
    const close = xml.indexOf('</v>', at + 3);
    if (close + 4 !== stop) return undefined;
    const raw = xml.slice(at + 3, close);
    if (raw.includes('<')) return undefined;
    const text = decode(raw);
    if (t === 's') value = strings()[Number(text)] ?? null;
    else if (t === 'str' || t === 'e') value = text;
    else if (t === 'b') value = text === '1' || text === 'true';
    else {
      const n = Number.parseFloat(text);
      value = Number.isNaN(n) ? null : n;
    }
    at = stop;
  } else if (at !== stop) return undefined;
  if (formula === undefined) return at === openLength ? undefined : { s, value, raw: xml };
  return { s, value, formula, formulaXml, raw: xml };
}

/** The XML of a cell's state (a changed cell: only its address and style are kept). */
function cellXml(ref: string, c: CellState): string {
  if (c.raw !== undefined) return c.raw;
  const s = c.s !== undefined ? ` s="${c.s}"` : '';
  const v = c.value;
  if (c.formula !== undefined) {
    const f = c.formulaXml ?? `<f>${escText(c.formula)}</f>`;
    if (v === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${escText(v)}</v></c>`;
  }
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textElement(v)}</is></c>`;
}

export class SheetCells {
  private readonly rows = new Map<number, RowState>();
  /** Where <sheetData>'s content starts and ends in the part. */
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly selfClosed: boolean;
  /** Column styles by column number (from <cols>), for cells a patch adds. */
  private columnStyles?: Map<number, number>;
  private readonly merged: { top: number; left: number; bottom: number; right: number }[] = [];
  changed = false;

  private constructor(
    private readonly xml: string,
    private readonly strings: SharedStringsText,
    at: { start: number; end: number; selfClosed: boolean },
    private readonly layout: RowLayout | undefined,
    private readonly wholeRows: boolean,
  ) {
    this.dataStart = at.start;
    this.dataEnd = at.end;
    this.selfClosed = at.selfClosed;
  }

  /**
   * The part's cells, or undefined when the part is not one this patches exactly. `layout`: where the reader
   * found the rows and cells of this very text, when it read it. `wholeRows`: a changed row is read whole,
   * every cell (what the reading of changed cells alone is checked against).
   */
  static open(
    xml: string,
    strings: SharedStringsText,
    layout?: RowLayout,
    options: { wholeRows?: boolean } = {},
  ): SheetCells | undefined {
    // A prefixed namespace (<x:sheetData>) is left to the exceljs path.
    if (xml.includes(':sheetData')) return undefined;
    const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!open) return undefined;
    const selfClosed = open[1] === '/';
    const start = open.index + open[0].length;
    const end = selfClosed ? start : xml.indexOf('</sheetData>', start);
    if (end < 0) return undefined;
    const sheet = new SheetCells(
      xml,
      strings,
      { start, end, selfClosed },
      layout,
      options.wholeRows === true,
    );
    const data = xml.slice(start, end);
    for (const m of data.matchAll(/<row\b([^>]*?)(?:\/>|>[\s\S]*?<\/row>)/g)) {
      const r = attribute(m[1] ?? '', 'r');
      if (r === undefined) return undefined;
      const tagEnd = m[0].indexOf('>') + 1;
      sheet.rows.set(Number(r), {
        r: Number(r),
        open: m[0].slice(0, tagEnd),
        raw: m[0],
        at: start + m.index,
      });
    }
    for (const m of xml.matchAll(/<mergeCell\b[^>]*?ref="([^"]+)"/g)) {
      const [from, to] = m[1]!.split(':');
      const a = cellAddress(from ?? '');
      const b = cellAddress(to ?? from ?? '');
      if (a && b) sheet.merged.push({ top: a.row, left: a.column, bottom: b.row, right: b.column });
    }
    return sheet;
  }

  /** True when the cell is part of a merged area but not its top-left cell (exceljs writes the master). */
  mergedAway(row: number, column: number): boolean {
    return this.merged.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        column >= m.left &&
        column <= m.right &&
        (row !== m.top || column !== m.left),
    );
  }

  private rowCells(row: RowState): Map<number, CellState> | undefined {
    if (row.cells) return row.cells;
    const body = row.raw.endsWith('/>') && row.raw === row.open ? '' : row.raw.slice(row.open.length);
    const cells =
      (row.index
        ? indexedCells(row.inPart ? this.xml : row.raw, row.index, row.r, this.strings)
        : plainRowCells(body, row.r, this.strings)) ?? this.rowCellsScanned(body, row.r);
    if (!cells) return undefined;
    // Cells changed while the others were unread take their places.
    for (const [column, state] of row.edits ?? []) cells.set(column, state);
    row.edits = undefined;
    row.cells = cells;
    return cells;
  }

  /** Where a row's cells are in the text, found the first time it is asked (null: not a row so indexed). */
  private indexed(r: RowState): RowCells | null {
    if (r.index === undefined) {
      const noted = this.layout?.cellsOf(r.r, r.at, r.at + r.raw.length);
      r.inPart = noted !== undefined;
      r.index = noted ?? rowIndex(r.raw, r.raw === r.open ? r.raw.length : r.open.length, r.r);
    }
    return r.index;
  }

  /**
   * A cell of an indexed row whose cells are not all read: read alone (null: the row lacks it), or undefined
   * when the row is not one so read (then read whole).
   */
  private cellAlone(r: RowState, column: number): CellState | null | undefined {
    if (r.cells || this.wholeRows) return undefined;
    const index = this.indexed(r);
    if (!index) return undefined;
    const edited = r.edits?.get(column);
    if (edited) return edited;
    const k = indexOf(index, column);
    if (k < 0) return null;
    return indexedCell(r.inPart ? this.xml : r.raw, index, k, r.r, this.strings);
  }

  /** Any row's cells, by the cell pattern (what plainRowCells does not take). */
  private rowCellsScanned(body: string, r: number): Map<number, CellState> | undefined {
    const cells = new Map<number, CellState>();
    for (const m of body.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const xml = m[0];
      const open = xml.slice(0, xml.indexOf('>') + 1);
      const ref = /\sr="([^"]*)"/.exec(open)?.[1];
      const at = ref ? cellAddress(ref) : undefined;
      if (!at || at.row !== r) return undefined;
      const state = readCell(xml, open, this.strings);
      if (!state) return undefined;
      cells.set(at.column, state);
    }
    return cells;
  }

  /**
   * Whether the cell already holds, as written, what a plan writing `formula` (a formula cell) and `content`
   * (its result, else its value) would write: its style then (undefined: none), else false (not known
   * without reading it: cell() reads it). Compared in the row's text without reading any cell, as `cell`
   * would read it: most cells of a recomputed workbook are written as they were.
   */
  heldAs(row: number, column: number, formula: string | undefined, content: CellValue | undefined) {
    const r = this.rows.get(row);
    if (!r || r.cells || content === undefined || r.edits?.has(column)) return false;
    const index = this.indexed(r);
    const k = index ? indexOf(index, column) : -1;
    if (k < 0) return false;
    const raw = r.inPart ? this.xml : r.raw;
    let at = index![k + 2]!;
    const end = index![k + 3]!;
    const s = index![k + 4]!;
    const t = index![k + 5]!;
    // What the cell ends with says at once whether it can hold the content: most that do not, do not.
    if (
      content !== null
        ? !raw.startsWith('</v></c>', end - 8)
        : formula !== undefined && !raw.startsWith('</f></c>', end - 8)
    )
      return false;
    if (formula !== undefined) {
      at = elementAt(raw, at, 'f', formula);
      if (at < 0) return false;
      if (content === null && at !== end - 4) return false;
    } else if (content === null && at !== end) return false;
    if (content !== null) {
      if (typeof content === 'number') {
        if (t !== T_NONE && t !== T_N) return false;
        at = elementAt(raw, at, 'v', String(content));
      } else if (typeof content === 'boolean') {
        if (t !== T_B) return false;
        at = elementAt(raw, at, 'v', content ? '1' : '0');
      } else if (t === T_STR) {
        at = elementAt(raw, at, 'v', content);
      } else if (t === T_S && formula === undefined) {
        at = this.sharedStringAt(raw, at, content);
      } else return false;
      if (at !== end - 4) return false;
    }
    return s < 0 ? undefined : s;
  }

  /** Where `<v>n</v>` ends at `at` when shared string n is `text`, or -1. */
  private sharedStringAt(raw: string, at: number, text: string): number {
    if (!raw.startsWith('<v>', at)) return -1;
    let i = at + 3;
    let n = 0;
    for (; i < raw.length && i < at + 12; i++) {
      const c = raw.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + c - 48;
    }
    if (i === at + 3 || !raw.startsWith('</v>', i)) return -1;
    return this.strings()[n] === text ? i + 4 : -1;
  }

  /** A cell's state; a cell the sheet lacks has none (null, no style) unless `create`. Undefined: unreadable. */
  cell(row: number, column: number): CellState | null | undefined {
    const r = this.rows.get(row);
    if (!r) return null;
    const alone = this.cellAlone(r, column);
    if (alone !== undefined) return alone;
    const cells = this.rowCells(r);
    if (!cells) return undefined;
    return cells.get(column) ?? null;
  }

  /**
   * The style a cell the sheet lacks gets when written, as exceljs gives it (the row's style, else the
   * column's); 'mixed' when both differ (exceljs merges them into a new format the patch does not make).
   */
  newCellStyle(row: number, column: number): number | undefined | 'mixed' {
    const r = this.rows.get(row);
    const rowStyle = r ? attribute(r.open.slice(4), 's') : undefined;
    const colStyle = this.columnStyle(column);
    const rs = rowStyle !== undefined && rowStyle !== '0' ? Number(rowStyle) : undefined;
    if (rs !== undefined && colStyle !== undefined && rs !== colStyle) return 'mixed';
    return rs ?? colStyle;
  }

  private columnStyle(column: number): number | undefined {
    if (!this.columnStyles) {
      this.columnStyles = new Map();
      const cols = /<cols\b[^>]*>([\s\S]*?)<\/cols>/.exec(this.xml.slice(0, this.dataStart));
      for (const m of (cols?.[1] ?? '').matchAll(/<col\b[^>]*>/g)) {
        const a = attributes(m[0]);
        const style = Number(a.get('style') ?? 0);
        if (!style) continue;
        for (let c = Number(a.get('min')); c <= Number(a.get('max')); c++) this.columnStyles.set(c, style);
      }
    }
    return this.columnStyles.get(column);
  }

  /** Sets a cell's new state (its raw text dropped), adding the row and the cell where missing. */
  set(row: number, column: number, state: CellState): void {
    let r = this.rows.get(row);
    if (!r) {
      r = { r: row, open: `<row r="${row}">`, raw: '', at: -1, cells: new Map() };
      this.rows.set(row, r);
    }
    const alone = this.cellAlone(r, column);
    const cells = alone === undefined ? (r.cells ?? this.rowCells(r)!) : undefined;
    // A cell written as it already is (the same formula and cached result, the same value) stays as written:
    // most of a recomputed workbook, so most rows and many parts are copied unchanged.
    const old = cells ? cells.get(column) : alone;
    if (
      old?.raw !== undefined &&
      old.s === state.s &&
      old.value === state.value &&
      old.formula === state.formula &&
      old.formulaXml === state.formulaXml
    )
      return;
    const { raw: _, ...changed } = state;
    if (cells) cells.set(column, changed);
    else {
      r.edits ??= new Map();
      r.edits.set(column, changed);
    }
    r.changed = true;
    this.changed = true;
  }

  /**
   * An indexed row's cells into `out`: its text between changed cells as written, the changed and added cells
   * in column order, as a row read whole is written. The row's last column.
   */
  private editedCells(r: RowState, out: string[]): number {
    const index = r.index!;
    const raw = r.inPart ? this.xml : r.raw;
    const edits = r.edits!;
    const columns = [...edits.keys()].sort((a, b) => a - b);
    const cell = (c: number) => cellXml(`${columnLetter(c)}${r.r}`, edits.get(c)!);
    let j = 0;
    // Unchanged cells one after another are one stretch of the text.
    let from = -1;
    let to = -1;
    const stretch = () => {
      if (from >= 0) out.push(raw.slice(from, to));
      from = -1;
    };
    let last = 0;
    for (let k = 0; k < index.length; k += CELL_STRIDE) {
      const column = index[k]!;
      for (; j < columns.length && columns[j]! < column; j++) {
        stretch();
        out.push(cell(columns[j]!));
      }
      if (columns[j] === column) {
        stretch();
        out.push(cell(column));
        j++;
      } else {
        if (from < 0) from = index[k + 1]!;
        to = index[k + 3]!;
      }
      last = column;
    }
    stretch();
    for (; j < columns.length; j++) out.push(cell(columns[j]!));
    return Math.max(last, columns[columns.length - 1] ?? 0);
  }

  /** The part's text: untouched rows as written, changed rows rebuilt (their untouched cells as written). */
  xmlText(): string {
    if (!this.changed) return this.xml;
    const order = [...this.rows.keys()].sort((a, b) => a - b);
    const out: string[] = [];
    let bottom = 0;
    let right = 0;
    for (const n of order) {
      const r = this.rows.get(n)!;
      if (!r.changed) {
        out.push(r.raw);
        continue;
      }
      // A row's spans hint is dropped where cells were added: it is optional and would be wrong.
      const open = r.open.replace(/\sspans="[^"]*"/, '').replace(/\/>$/, '>');
      out.push(open);
      if (r.cells) {
        const cells = [...r.cells.keys()].sort((a, b) => a - b);
        for (const c of cells) {
          out.push(cellXml(`${columnLetter(c)}${n}`, r.cells.get(c)!));
          if (c > right) right = c;
        }
      } else right = Math.max(right, this.editedCells(r, out));
      out.push('</row>');
      if (n > bottom) bottom = n;
    }
    const data = out.join('');
    let head = this.xml.slice(0, this.dataStart);
    let tail = this.xml.slice(this.dataEnd);
    if (this.selfClosed) {
      head = head.replace(/<sheetData\b([^>]*?)\/>$/, '<sheetData$1>');
      tail = `</sheetData>${tail}`;
    }
    return widenDimension(head, bottom, right) + data + tail;
  }
}

/** The <dimension> grown to hold the last row and column written. */
function widenDimension(head: string, bottom: number, right: number): string {
  return head.replace(/<dimension\b[^>]*?ref="([^"]*)"/, (m, ref: string) => {
    const [from, to] = ref.split(':');
    const a = cellAddress(from ?? '');
    const b = cellAddress(to ?? from ?? '');
    if (!a || !b) return m;
    const wide = `${from}:${columnLetter(Math.max(b.column, right))}${Math.max(b.row, bottom)}`;
    return m.replace(`ref="${ref}"`, `ref="${wide}"`);
  });
}
