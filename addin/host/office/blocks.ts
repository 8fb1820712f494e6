/**
 * Pure helpers of the Office.js host: cells grouped into rectangular blocks (Excel writes a rectangle in one
 * operation, a cell at a time would be thousands), text that Excel must not reinterpret, payload estimates that
 * keep each request under Excel on the web's 5 MB limit, and A1 references with a sheet.
 */
import { a1, parseA1, quoteSheet } from '../../../templates/layouts/a1';
import type { CellValue } from '../../../templates/plan';

export interface Positioned<T> {
  row: number;
  column: number;
  item: T;
}

export interface Block<T> {
  top: number;
  left: number;
  /** Rows of items, each row the same width. */
  rows: T[][];
}

export const blockRef = (b: Block<unknown>): string => {
  const bottom = b.top + b.rows.length - 1;
  const right = b.left + (b.rows[0]?.length ?? 1) - 1;
  const from = a1(b.top, b.left);
  return bottom === b.top && right === b.left ? from : `${from}:${a1(bottom, right)}`;
};

/**
 * Rectangles covering exactly the given cells: runs of adjacent columns in a row, then runs stacked when the next
 * row has a run with the same columns. Cells not given are never inside a block (a block never clears a cell).
 */
export function toBlocks<T>(cells: readonly Positioned<T>[]): Block<T>[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: { row: number; left: number; items: T[] }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.left + last.items.length === c.column) last.items.push(c.item);
    else if (!(last && last.row === c.row && last.left + last.items.length > c.column)) {
      runs.push({ row: c.row, left: c.column, items: [c.item] });
    }
  }
  const open = new Map<string, Block<T>>();
  const blocks: Block<T>[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.items.length}`;
    const block = open.get(key);
    if (block && block.top + block.rows.length === run.row) {
      block.rows.push(run.items);
      continue;
    }
    const fresh: Block<T> = { top: run.row, left: run.left, rows: [run.items] };
    open.set(key, fresh);
    blocks.push(fresh);
  }
  return blocks;
}

/** Positions of the cells of a plan list, skipping references that are not single cells. */
export function positioned<T extends { ref: string }>(items: readonly T[]): Positioned<T>[] {
  const out: Positioned<T>[] = [];
  for (const item of items) {
    const at = parseA1(item.ref);
    if (at) out.push({ row: at.row, column: at.column, item });
  }
  return out;
}

/**
 * A value as Excel's `formulas` setter takes it. Text that Excel would turn into a number, date, boolean or
 * formula ("1.1", "3/4", "TRUE", "=x", "-") gets the apostrophe prefix, which Excel keeps out of the value.
 */
export function cellInput(
  value: CellValue | undefined,
  formula: string | undefined,
): string | number | boolean {
  if (formula !== undefined) return `=${stripXlfn(formula)}`;
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  if (value === '') return '';
  const risky =
    /^[=+\-@'\s]/.test(value) ||
    /^(true|false)$/i.test(value) ||
    // ASCII text with a digit may parse as a number, date, time, fraction or percentage; Vietnamese words will not.
    (/\d/.test(value) && /^[\x20-\x7e]*$/.test(value) && value.length <= 64);
  return risky ? `'${value}` : value;
}

/** Excel's formulas API takes future functions without the `_xlfn.` prefix the file format uses. */
export const stripXlfn = (formula: string): string => formula.replace(/_xlfn\./gi, '');

/** Whether what a cell holds equals what the plan would write (numbers exactly, text as typed). */
export function sameValue(held: unknown, planned: CellValue | undefined): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(held) && empty(planned)) return true;
  if (typeof held === 'number' && typeof planned === 'number') return held === planned;
  return held === planned;
}

/** Bytes of a value once serialised as JSON (UTF-8), the unit of Excel on the web's payload limit. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** UTF-8 length without allocating (runs in the browser: no Buffer). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Excel on the web refuses a request or response over 5 MB; the host stays under this with room for framing. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Splits work items into consecutive groups whose estimated bytes stay within the budget. */
export function packByBudget<T>(items: readonly T[], bytes: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytes(item);
    if (current.length > 0 && size + b > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** "'Tổng hợp'!A1:D10" → { sheet: "Tổng hợp", ref: "A1:D10" }. */
export function splitAddress(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1).replace(/\$/g, '') };
}

export const qualified = (sheet: string, ref: string): string => `${quoteSheet(sheet)}!${ref}`;

/** A hex colour as Excel's format API takes it: "#RRGGBB" (ARGB input loses its alpha). */
export function cssColor(hex: string): string {
  const h = hex.replace(/^#/, '');
  return `#${(h.length === 8 ? h.slice(2) : h).toUpperCase()}`;
}
