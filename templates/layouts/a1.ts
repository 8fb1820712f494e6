/** A1 references: the only address arithmetic the templates and hosts need. */

/** Letters made, by column (up to XFD): a reader and a plan name the same few columns a hundred thousand times. */
const LETTERS: string[] = [];
const MAX_COLUMN = 16_384;

export function columnLetter(column: number): string {
  const known = LETTERS[column];
  if (known !== undefined) return known;
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  if (Number.isInteger(column) && column > 0 && column <= MAX_COLUMN) LETTERS[column] = out;
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** (row, column), both 1-based, as "B3". */
export const a1 = (row: number, column: number): string => `${columnLetter(column)}${row}`;

/** "$B$3". */
export const abs = (row: number, column: number): string => `$${columnLetter(column)}$${row}`;

export interface CellAddress {
  row: number;
  column: number;
}

export function parseA1(ref: string): CellAddress | undefined {
  // By hand: plans and readers parse hundreds of thousands of references; "$B$3" and " B3 " as the pattern
  // /^\$?([A-Za-z]{1,3})\$?(\d+)$/ over the trimmed text.
  const text = ref.charCodeAt(0) <= 32 || ref.charCodeAt(ref.length - 1) <= 32 ? ref.trim() : ref;
  const n = text.length;
  let i = text.charCodeAt(0) === 36 ? 1 : 0;
  const lettersFrom = i;
  let column = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + c - 96;
  }
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return undefined;
  if (text.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + c - 48;
  }
  if (i === digitsFrom) return undefined;
  return { column, row };
}

export interface RangeAddress {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): RangeAddress | undefined {
  const [from, to] = ref.split(':');
  const a = parseA1(from ?? '');
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export const rangeRef = (r: RangeAddress): string => `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

/** A sheet name as formulas write it: always quoted, quotes doubled. */
export const quoteSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** "'Tổng hợp'!$B$5:$B$9". */
/** A sheet-qualified reference as the plan writes it ("'Tên'!$B$2"), whether or not the sheet was quoted. */
export function normaliseRef(ref: string): string {
  const at = ref.lastIndexOf('!');
  if (at < 0) return ref;
  const sheet = ref
    .slice(0, at)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  return `${quoteSheet(sheet)}!${ref.slice(at + 1)}`;
}

export const sheetRef = (sheet: string, ref: string): string => `${quoteSheet(sheet)}!${ref}`;

export function overlaps(a: RangeAddress, b: RangeAddress): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
