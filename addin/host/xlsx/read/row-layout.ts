/**
 * Where a worksheet's rows and their cells are in its text, noted by the reader as it reads them, so that a
 * patch of the same text (../patch/sheet-cells.ts) does not walk every row again to find its cells. Only rows
 * written plainly are noted: cells one after the other, each with a plain start tag (an address, then a style
 * and a type, each at most once) and nothing but a formula and a value in it; the patch walks any other row
 * itself. No Node APIs.
 */

/** A row's cell entries: column, start, end of the start tag (after '>'), end, style (-1: none), type code. */
export const CELL_STRIDE = 6;
export const T_NONE = 0;
export const T_N = 1;
export const T_S = 2;
export const T_STR = 3;
export const T_B = 4;
export const T_OTHER = 5;

/** A cell's type attribute as a code; -1 for a date cell (t="d"), which the patch reads cell by cell. */
export function typeCode(t: string | undefined): number {
  if (t === undefined) return T_NONE;
  if (t === 'n') return T_N;
  if (t === 's') return T_S;
  if (t === 'str') return T_STR;
  if (t === 'b') return T_B;
  return t === 'd' ? -1 : T_OTHER;
}

/** An attribute value longer than this is not plain (a style index too long to count exactly). */
const MAX_VALUE = 9;
const MAX_COLUMN = 16_384;

export class RowLayout {
  /** Row number → its entry in `spans`: start, end, first cell entry, end of its cell entries. */
  private readonly rows = new Map<number, number>();
  private readonly spans: number[] = [];
  /** The cells' entries (CELL_STRIDE numbers each, positions in the text), grown as rows are read. */
  private cells = new Int32Array(CELL_STRIDE * 1024);
  private size = 0;
  /** The row being read: its number, start, where its next cell must start (-1: not plain). */
  private row = 0;
  private start = 0;
  private next = -1;
  private from = 0;
  private lastColumn = 0;

  /** A row's start tag from `start` to `openEnd` (after its '>'); a self-closed one is also its end. */
  beginRow(row: number, start: number, openEnd: number, selfClosed: boolean): void {
    this.row = row;
    this.start = start;
    this.next = openEnd;
    this.from = this.size;
    this.lastColumn = 0;
    if (selfClosed) this.endRow(openEnd, openEnd);
  }

  /**
   * A cell read plainly (the scanner's plainCell) from `start` to `end`, its start tag ending at `tagEnd`
   * (after '>'): its address's row and column, and its `style` and `type` attributes as written.
   */
  cell(
    row: number,
    column: number,
    style: string | undefined,
    type: string | undefined,
    start: number,
    tagEnd: number,
    end: number,
  ): void {
    if (this.next !== start) return;
    const code = typeCode(type);
    if (
      row !== this.row ||
      column <= this.lastColumn ||
      column > MAX_COLUMN ||
      code < 0 ||
      (style !== undefined && style.length > MAX_VALUE) ||
      (type !== undefined && type.length > MAX_VALUE)
    ) {
      this.next = -1;
      return;
    }
    this.lastColumn = column;
    if (this.size + CELL_STRIDE > this.cells.length) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    const at = this.size;
    this.cells[at] = column;
    this.cells[at + 1] = start;
    this.cells[at + 2] = tagEnd;
    this.cells[at + 3] = end;
    this.cells[at + 4] = style === undefined ? -1 : Number(style);
    this.cells[at + 5] = code;
    this.size = at + CELL_STRIDE;
    this.next = end;
  }

  /** Anything else inside the row (a cell read tag by tag, text between cells): the row is not noted. */
  notPlain(): void {
    this.next = -1;
  }

  /** The row's end tag from `closeStart` to `closeEnd`. */
  endRow(closeStart: number, closeEnd: number): void {
    const plain = this.next === closeStart && (closeStart === closeEnd || closeEnd - closeStart === 6);
    if (plain) {
      this.rows.set(this.row, this.spans.length);
      this.spans.push(this.start, closeEnd, this.from, this.size);
    } else this.size = this.from;
    this.next = -1;
  }

  /**
   * Row `row`'s cell entries (positions in the whole text, not copied), when the reader noted that very row:
   * the one from `start` to `end` of the same text. Undefined otherwise (the patch walks the row).
   */
  cellsOf(row: number, start: number, end: number): Int32Array | undefined {
    const k = this.rows.get(row);
    if (k === undefined || this.spans[k] !== start || this.spans[k + 1] !== end) return undefined;
    return this.cells.subarray(this.spans[k + 2], this.spans[k + 3]);
  }
}

/**
 * Worksheets' texts by part as the reader decoded them, with the layouts it noted of their rows: a layout goes
 * with the very text it was noted in, and with it when that text is let go or another takes its place.
 */
export class SheetTexts extends Map<string, string> {
  readonly layouts = new Map<string, RowLayout>();
  override set(part: string, text: string): this {
    if (super.get(part) !== text) this.layouts?.delete(part);
    return super.set(part, text);
  }
  override delete(part: string): boolean {
    this.layouts.delete(part);
    return super.delete(part);
  }
}
