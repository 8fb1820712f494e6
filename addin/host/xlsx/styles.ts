/**
 * Plan styles as exceljs styles, one object per distinct style: exceljs looks a cell's style up by object
 * identity before serialising it, so cells that share an object cost one lookup instead of one XML rendering
 * each (a 63-unit cluster has ~260 000 styled cells and a few dozen distinct styles). No Node APIs here.
 */
import type ExcelJS from 'exceljs';
import type { CellStyle } from '../../../templates/plan';

export const argb = (hex: string) => (hex.length === 6 ? `FF${hex}` : hex).toUpperCase();

/** The exceljs style a plan style stands for: only the parts it names, protection always. */
function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.numFmt) out.numFmt = style.numFmt;
  if (style.font) {
    const { color, ...rest } = style.font;
    out.font = { ...rest, ...(color ? { color: { argb: argb(color) } } : {}) };
  }
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.align)
    out.alignment = {
      ...(style.align.horizontal ? { horizontal: style.align.horizontal } : {}),
      ...(style.align.vertical ? { vertical: style.align.vertical } : {}),
      ...(style.align.wrap ? { wrapText: true } : {}),
      ...(style.align.indent ? { indent: style.align.indent } : {}),
    };
  if (style.border && style.border !== 'none') {
    const b = { style: style.border } as ExcelJS.Border;
    out.border = { top: b, left: b, bottom: b, right: b };
  }
  out.protection = { locked: style.locked !== false };
  return out;
}

/** A key equal for plan styles that mean the same, whatever order their properties were written in. */
export function styleKey(s: CellStyle): string {
  // Concatenation, not arrays joined: it runs once per cell whose style object is new.
  const f = s.font;
  const a = s.align;
  const font = f
    ? `${f.name}\u0001${f.size}\u0001${f.bold}\u0001${f.italic}\u0001${f.underline}\u0001${f.color}`
    : '-';
  const align = a ? `${a.horizontal}\u0001${a.vertical}\u0001${a.wrap}\u0001${a.indent}` : '-';
  return `${s.numFmt ?? ''}\u0002${font}\u0002${s.fill ?? ''}\u0002${align}\u0002${s.border ?? ''}\u0002${s.locked !== false}`;
}

export interface StyleCache {
  (style: CellStyle): Partial<ExcelJS.Style>;
  /** Whether `style` is one of the shared objects this cache handed out. */
  owns(style: object): boolean;
}

/**
 * One cache per workbook write: the same plan style object, or an equal one, gives the same exceljs object.
 * The objects are shared, so they must not be changed: `applyStyle` below never mutates them.
 */
export function styleCache(): StyleCache {
  const byObject = new WeakMap<CellStyle, Partial<ExcelJS.Style>>();
  const byKey = new Map<string, Partial<ExcelJS.Style>>();
  const given = new WeakSet<object>();
  const cache = (style: CellStyle) => {
    let out = byObject.get(style);
    if (out) return out;
    const key = styleKey(style);
    out = byKey.get(key);
    if (!out) {
      out = toExcelStyle(style);
      byKey.set(key, out);
      given.add(out);
    }
    byObject.set(style, out);
    return out;
  };
  return Object.assign(cache, { owns: (style: object) => given.has(style) });
}

const isEmpty = (o: object) => {
  for (const _ in o) return false;
  return true;
};

/**
 * Gives `cell` the plan style. A cell with no style of its own takes the shared object. A merged cell, or one
 * that already has a style (a row's or column's, or read from a file), is changed in place as before (a cell
 * holding a shared object takes the new one instead): exceljs
 * shares a merge's style object between its cells, so the master's style reaches the whole merged area.
 */
export function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined, cache: StyleCache): void {
  if (!style) return;
  const shared = cache(style);
  if (!cell.isMerged && (isEmpty(cell.style) || cache.owns(cell.style))) cell.style = shared as ExcelJS.Style;
  else Object.assign(cell.style, shared);
}
