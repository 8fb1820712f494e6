/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice refits a row's height to wrapped text when it
 * opens a written file, so a long criterion or a wrapped header would spill over the next row on screen and
 * on paper. The builder sets each row's height from its wrapped cells: the text is broken into lines by
 * words against the column's width, with the widths of Times New Roman's glyphs (with a little to spare,
 * so an estimate errs on the side of one line too many rather than too few). Column widths are in
 * characters of the default font (Calibri; LibreOffice needs Carlito, its metric twin, to size them alike). Pure.
 */
import type { CellPlan, CellStyle, SheetPlan } from '../plan';
import { parseA1, parseRange } from '../layouts/a1';

/** Excel's default column width (characters of "0" in the default font). */
const DEFAULT_WIDTH = 8.43;
/** Excel's default row height in points; rows that fit in it are left alone. */
const DEFAULT_HEIGHT = 15;

/** Advances of Times New Roman (Liberation Serif has the same metrics), thousandths of an em. */
export const LOWER = [
  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500,
  500, 722, 500, 500, 444,
];
export const UPPER = [
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722,
  722, 944, 722, 722, 611,
];
export const OTHER: Record<string, number> = {
  ' ': 250,
  ',': 250,
  '.': 250,
  ':': 278,
  ';': 278,
  '(': 333,
  ')': 333,
  '-': 333,
  '/': 278,
  '"': 408,
  "'": 180,
  '—': 1000,
  '–': 500,
  '%': 833,
  '«': 500,
  '»': 500,
};

/** Advances of the ASCII characters, in em, by code. */
const ASCII = Array.from({ length: 128 }, (_, code) => {
  if (code >= 97 && code <= 122) return LOWER[code - 97]! / 1000;
  if (code >= 65 && code <= 90) return UPPER[code - 65]! / 1000;
  if (code >= 48 && code <= 57) return 0.5;
  return (OTHER[String.fromCharCode(code)] ?? 500) / 1000;
});
/** Advances of the other characters met, so each is decomposed once (a 63-unit workbook has 10 000 titles). */
const OTHERS = new Map<string, number>();

/** A character's advance in em; a Vietnamese letter has its base letter's width (marks add none). */
function advance(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 128) return ASCII[code]!;
  let em = OTHERS.get(ch);
  if (em === undefined) {
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : (ch.normalize('NFD')[0] ?? ch);
    const b = base.charCodeAt(0);
    em = b < 128 ? ASCII[b]! : (OTHER[base] ?? 500) / 1000;
    OTHERS.set(ch, em);
  }
  return em;
}

/** Width of text in pixels (96 dpi) at `size` points. */
function textWidth(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  // 3% to spare: engines differ a little in kerning and padding; bold is about 5% wider.
  return em * ((size * 96) / 72) * 1.03 * (bold ? 1.05 : 1);
}

/** Lines needed for `text` in a cell `px` pixels wide, words wrapped greedily as the engines do. */
export function wrappedLines(text: string, px: number, size: number, bold: boolean): number {
  let lines = 0;
  const spaceWidth = textWidth(' ', size, bold);
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const w = textWidth(word, size, bold);
      const space = used > 0 ? spaceWidth : 0;
      if (used > 0 && used + space + w > px) {
        lines++;
        used = 0;
      }
      // A word longer than the cell breaks across lines.
      if (w > px) {
        lines += Math.ceil(w / px) - 1;
        used = w % px;
      } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/** A column width in characters → the cell's usable width in pixels (Excel: 7 px a character + 5, less padding). */
const columnPixels = (width: number) => width * 7 + 5 - 6;

function cellText(c: CellPlan): string | undefined {
  const v = c.formula !== undefined ? c.result : c.value;
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

const wraps = (style: CellStyle | undefined) => style?.align?.wrap === true;

/**
 * Lines of the texts met, by width, size and weight: the 63 scorecards of a cluster wrap the same criterion
 * titles in the same column. Emptied when it grows large (a workbook's distinct texts are a few thousand).
 */
const LINES = new Map<string, number>();

function linesOf(text: string, px: number, size: number, bold: boolean): number {
  const key = `${px}\u0000${size}\u0000${bold}\u0000${text}`;
  let lines = LINES.get(key);
  if (lines === undefined) {
    if (LINES.size >= 50_000) LINES.clear();
    lines = wrappedLines(text, px, size, bold);
    LINES.set(key, lines);
  }
  return lines;
}

/** The sheet with heights on the rows whose wrapped text needs more than one line (planned heights kept if taller). */
export function fitRowHeights(sheet: SheetPlan): SheetPlan {
  const widths = new Map<number, number>();
  for (const c of sheet.columns ?? []) if (c.width !== undefined) widths.set(c.index, c.width);
  const widthOf = (col: number) => widths.get(col) ?? DEFAULT_WIDTH;
  // A merged range wraps across its columns; one spanning rows is left to its own planned heights.
  const spans = new Map<string, { columns: number; rows: number }>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    if (!r) continue;
    spans.set(`${r.top}:${r.left}`, { columns: r.right - r.left + 1, rows: r.bottom - r.top + 1 });
  }
  // Heights by row number in an array: with a Map, V8 dropped this function's optimized code at the Map's
  // `size` on nearly every call (61 times in a 63-unit merge) and ran the rest of it unoptimized.
  const needed: number[] = [];
  for (const c of sheet.cells) {
    if (!wraps(c.style)) continue;
    const text = cellText(c);
    if (!text) continue;
    const at = parseA1(c.ref);
    if (!at) continue;
    const span = spans.get(`${at.row}:${at.column}`) ?? { columns: 1, rows: 1 };
    if (span.rows > 1) continue;
    let width = 0;
    for (let k = 0; k < span.columns; k++) width += widthOf(at.column + k);
    const size = c.style?.font?.size ?? 11;
    const lines = linesOf(text, columnPixels(width), size, c.style?.font?.bold === true);
    if (lines <= 1) continue;
    const height = Math.ceil(lines * size * 1.18 + 3);
    needed[at.row] = Math.max(needed[at.row] ?? 0, height);
  }
  if (needed.length === 0) return sheet;
  const rows = new Map((sheet.rows ?? []).map((r) => [r.index, { ...r }]));
  for (let index = 0; index < needed.length; index++) {
    const height = needed[index];
    if (height === undefined || height <= DEFAULT_HEIGHT) continue;
    const planned = rows.get(index);
    if (planned?.hidden) continue;
    if (planned?.height !== undefined && planned.height >= height) continue;
    rows.set(index, { ...planned, index, height });
  }
  return { ...sheet, rows: [...rows.values()].sort((a, b) => a.index - b.index) };
}
