/**
 * The workbook's defined names as the exceljs path gave them to the snapshot (../snapshot.ts): exceljs keeps
 * a name as the set of cells its absolute references cover ("$B$2", "$A$1:$C$4"; relative references,
 * constants and formulas are dropped) and gives it back as rectangles grown from each cell, down then across.
 * One reference per name (what the templates write) comes back as it is; several are regrouped the same
 * way. No Node APIs.
 */
import { columnLetter } from '../../../../templates/layouts/a1';

export interface DefinedNameXml {
  name: string;
  text: string;
}

/** "'Tên'!$B$2" → ranges, commas inside quoted sheet names kept (exceljs's extractRanges). */
function splitRanges(text: string): string[] {
  const out: string[] = [];
  let quotes = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const q = (item.match(/'/g) ?? []).length;
    if (q === 0) {
      if (quotes) last += `${item},`;
      else out.push(item);
      continue;
    }
    if (!quotes && q % 2 === 0) out.push(item);
    else if (quotes && q % 2 === 1) {
      quotes = false;
      out.push(last + item);
      last = '';
    } else {
      quotes = true;
      last += `${item},`;
    }
  }
  return out;
}

const ABSOLUTE = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

/** colCache.decodeAddress: upper-case letters then digits, "$" ignored. */
function decodeAddress(s: string): { row: number; col: number } | undefined {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = row * 10 + c - 48;
    } else if (hasRow && hasCol && c !== 36) break;
  }
  if (!hasCol || !hasRow || col > 16384) return undefined;
  return { row, col };
}

interface Area {
  sheet: string | undefined;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeArea(ref: string): Area | undefined {
  const m = ref.match(/(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/)!;
  const sheet = m[1] || m[2] || undefined;
  const parts = m[3]!.split(':');
  const a = decodeAddress(parts[0]!);
  const b = parts.length > 1 ? decodeAddress(parts[1]!) : a;
  if (!a || !b) return undefined;
  return {
    sheet,
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** exceljs's Range.$shortRange: "'Tên'!$A$1:$B$2", one cell as "'Tên'!$A$1". */
function shortRange(a: Area): string {
  const sheet = a.sheet ? (/^[a-zA-Z0-9]*$/.test(a.sheet) ? `${a.sheet}!` : `'${a.sheet}'!`) : '';
  const tl = `$${columnLetter(a.left)}$${a.top}`;
  if (a.top === a.bottom && a.left === a.right) return sheet + tl;
  return `${sheet + tl}:$${columnLetter(a.right)}$${a.bottom}`;
}

/** Past this many cells in one name, its areas are given as written rather than regrouped cell by cell. */
const MAX_CELLS = 100_000;

/** The cells of several areas regrouped as exceljs's DefinedNames.getRanges does. */
function regroup(areas: Area[]): Area[] {
  const cells = areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  if (cells > MAX_CELLS) return areas;
  // sheet (first seen first) → row → column → still unclaimed.
  const sheets = new Map<string | undefined, Map<number, Map<number, boolean>>>();
  for (const a of areas) {
    let rows = sheets.get(a.sheet);
    if (!rows) {
      rows = new Map();
      sheets.set(a.sheet, rows);
    }
    for (let r = a.top; r <= a.bottom; r++) {
      let cols = rows.get(r);
      if (!cols) {
        cols = new Map();
        rows.set(r, cols);
      }
      for (let c = a.left; c <= a.right; c++) cols.set(c, true);
    }
  }
  const out: Area[] = [];
  for (const [sheet, rows] of sheets) {
    const marked = (r: number, c: number) => rows.get(r)?.get(c) === true;
    const claim = (r: number, c: number) => rows.get(r)!.set(c, false);
    for (const r of [...rows.keys()].sort((x, y) => x - y))
      for (const c of [...rows.get(r)!.keys()].sort((x, y) => x - y)) {
        if (!marked(r, c)) continue;
        claim(r, c);
        const area: Area = { sheet, top: r, left: c, bottom: r, right: c };
        for (let y = r - 1; marked(y, c); y--) {
          claim(y, c);
          area.top = y;
        }
        for (let y = r + 1; marked(y, c); y++) {
          claim(y, c);
          area.bottom = y;
        }
        const grow = (x: number) => {
          for (let y = area.top; y <= area.bottom; y++) if (!marked(y, x)) return false;
          for (let y = area.top; y <= area.bottom; y++) claim(y, x);
          return true;
        };
        for (let x = c - 1; grow(x); x--) area.left = x;
        for (let x = c + 1; grow(x); x++) area.right = x;
        out.push(area);
      }
  }
  return out;
}

/** name → its references as exceljs's definedNames.model gave them (before ../snapshot.ts normalises them). */
export function definedNameRanges(names: DefinedNameXml[]): { name: string; ranges: string[] }[] {
  const byName = new Map<string, Area[]>();
  for (const n of names) {
    // exceljs keeps the print area and titles out of its names.
    if (n.name === '_xlnm.Print_Area' || n.name === '_xlnm.Print_Titles') continue;
    const areas: Area[] = [];
    for (const ref of splitRanges(n.text)) {
      if (!ABSOLUTE.test(ref.split('!').pop() || '')) continue;
      const area = decodeArea(ref);
      if (area) areas.push(area);
    }
    // A name written twice (local names of two sheets) is one set of cells in exceljs.
    const held = byName.get(n.name);
    if (held) held.push(...areas);
    else byName.set(n.name, areas);
  }
  const out: { name: string; ranges: string[] }[] = [];
  for (const [name, areas] of byName) {
    if (areas.length === 0) continue;
    out.push({ name, ranges: (areas.length === 1 ? areas : regroup(areas)).map(shortRange) });
  }
  return out;
}
