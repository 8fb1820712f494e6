/**
 * Cell formats as few API calls as possible. A plan gives every cell a whole style; Excel sets one property at a
 * time. Grouping by whole style repeats every shared property (the font name, the borders) once per style, and
 * each repeat carries the style's whole address list: most of an 11 MB request at 63 units. Here each property
 * ("facet") is grouped on its own: all cells with the same font name, whatever else differs, become the fewest
 * rectangles, and each rectangle list gets that one property. Every cell ends with exactly the properties its
 * style names, as before; on a new sheet, values that are already Excel's defaults (not bold, not wrapped, locked,
 * indent 0) are not sent at all.
 */
import type { CellPlan, CellStyle } from '../../../templates/plan';
import { blockRef, cssColor, positioned, toBlocks, utf8Length } from './blocks';

export type Facet =
  | 'fontName'
  | 'fontSize'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'fontColor'
  | 'fill'
  | 'horizontal'
  | 'vertical'
  | 'wrap'
  | 'indent'
  | 'border'
  | 'locked'
  | 'numFmt';

export type FacetValue = string | number | boolean;

/** One property set on a list of rectangles: what the host sends (numFmt: one call per rectangle). */
export interface FormatRun {
  facet: Facet;
  value: FacetValue;
  /** Rectangles ("B3", "B3:F20"), grouped into address lists short enough for getRanges. */
  areas: string[][];
}

/** Excel's own value on a fresh sheet: a facet set to it changes nothing there. */
const DEFAULTS: Partial<Record<Facet, FacetValue>> = {
  bold: false,
  italic: false,
  underline: false,
  wrap: false,
  indent: 0,
  locked: true,
  border: 'none',
  numFmt: 'General',
};

/** The facets a style names, in a fixed order (borders: thin before medium, so a medium edge wins a shared side). */
export function styleFacets(style: CellStyle): [Facet, FacetValue][] {
  const out: [Facet, FacetValue][] = [];
  const f = style.font;
  if (f?.name) out.push(['fontName', f.name]);
  if (f?.size) out.push(['fontSize', f.size]);
  if (f?.bold !== undefined) out.push(['bold', f.bold]);
  if (f?.italic !== undefined) out.push(['italic', f.italic]);
  if (f?.underline !== undefined) out.push(['underline', f.underline]);
  if (f?.color) out.push(['fontColor', cssColor(f.color)]);
  if (style.fill) out.push(['fill', cssColor(style.fill)]);
  const a = style.align;
  if (a?.horizontal) out.push(['horizontal', a.horizontal]);
  if (a?.vertical) out.push(['vertical', a.vertical]);
  if (a?.wrap !== undefined) out.push(['wrap', a.wrap]);
  if (a?.indent !== undefined) out.push(['indent', a.indent]);
  if (style.border) out.push(['border', style.border]);
  if (style.locked === false) out.push(['locked', false]);
  if (style.numFmt) out.push(['numFmt', style.numFmt]);
  return out;
}

const FACET_ORDER: Facet[] = [
  'fontName',
  'fontSize',
  'bold',
  'italic',
  'underline',
  'fontColor',
  'fill',
  'horizontal',
  'vertical',
  'wrap',
  'indent',
  'border',
  'locked',
  'numFmt',
];
const BORDER_ORDER: Record<string, number> = { none: 0, thin: 1, medium: 2 };

/**
 * The runs that give each styled cell its style's properties. `fresh`: the sheet was just added, so defaults are
 * skipped. `only`: the facets to send (an update sends number formats only).
 */
export function formatRuns(
  cells: readonly CellPlan[],
  options: { fresh: boolean; only?: readonly Facet[] },
): FormatRun[] {
  const groups = new Map<string, { facet: Facet; value: FacetValue; cells: ReturnType<typeof positioned> }>();
  const byStyle = new Map<CellStyle, [Facet, FacetValue][]>();
  for (const p of positioned(cells.filter((c) => c.style))) {
    const style = p.item.style!;
    let facets = byStyle.get(style);
    if (!facets) {
      facets = styleFacets(style);
      byStyle.set(style, facets);
    }
    for (const [facet, value] of facets) {
      if (options.only && !options.only.includes(facet)) continue;
      if (options.fresh && DEFAULTS[facet] === value) continue;
      // "none" never cleared a border: nothing to send.
      if (facet === 'border' && value === 'none') continue;
      const key = `${facet}\u0000${typeof value}\u0000${String(value)}`;
      let g = groups.get(key);
      if (!g) {
        g = { facet, value, cells: [] };
        groups.set(key, g);
      }
      g.cells.push(p);
    }
  }
  const ordered = [...groups.values()].sort(
    (x, y) =>
      FACET_ORDER.indexOf(x.facet) - FACET_ORDER.indexOf(y.facet) ||
      (x.facet === 'border'
        ? (BORDER_ORDER[String(x.value)] ?? 0) - (BORDER_ORDER[String(y.value)] ?? 0)
        : 0),
  );
  return ordered.map((g) => ({
    facet: g.facet,
    value: g.value,
    areas: areaAddresses(toBlocks(g.cells).map(blockRef)),
  }));
}

/** Address lists of at most ~2000 characters each (a getRanges argument stays short). */
export function areaAddresses(refs: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const ref of refs) {
    if (current.length > 0 && length + ref.length + 1 > 2000) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(ref);
    length += ref.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
] as const;

/** API calls one area list of a run makes (borders: six edges, style and weight each; numFmt: one per rectangle). */
export function runCalls(run: FormatRun, areas: readonly string[]): number {
  if (run.facet === 'border') return run.value === 'none' ? 0 : EDGES.length * 2;
  if (run.facet === 'numFmt') return areas.length;
  return 1;
}

/** Estimated request bytes of one area list: the addresses travel with every call on them. */
export function runBytes(run: FormatRun, areas: readonly string[], callBytes: number): number {
  const addresses = utf8Length(areas.join(','));
  const value = utf8Length(JSON.stringify(run.value));
  if (run.facet === 'numFmt') return areas.reduce((n, a) => n + a.length + value + callBytes, 0);
  return runCalls(run, areas) * (addresses + value + callBytes);
}

/** Queues one area list of a run on a sheet. */
export function applyRun(
  ws: Excel.Worksheet,
  run: FormatRun,
  areas: readonly string[],
  /** ExcelApi 1.9 (RangeAreas): one call for all rectangles; else one per rectangle. */
  rangeAreas = true,
): void {
  if (run.facet === 'numFmt') {
    // A single value is applied to every cell of the range (documented for numberFormat, values and formulas;
    // the typings only declare the 2D array form). RangeAreas has no numberFormat: one call per rectangle.
    for (const ref of areas)
      (ws.getRange(ref) as unknown as { numberFormat: string }).numberFormat = String(run.value);
    return;
  }
  if (!rangeAreas) {
    for (const ref of areas) applyFormat(ws.getRange(ref).format, run);
    return;
  }
  applyFormat(ws.getRanges(areas.join(',')).format, run);
}

function applyFormat(f: Excel.RangeFormat, run: FormatRun): void {
  const v = run.value;
  switch (run.facet) {
    case 'fontName':
      f.font.name = String(v);
      break;
    case 'fontSize':
      f.font.size = Number(v);
      break;
    case 'bold':
      f.font.bold = Boolean(v);
      break;
    case 'italic':
      f.font.italic = Boolean(v);
      break;
    case 'underline':
      f.font.underline = v ? 'Single' : 'None';
      break;
    case 'fontColor':
      f.font.color = String(v);
      break;
    case 'fill':
      f.fill.color = String(v);
      break;
    case 'horizontal':
      f.horizontalAlignment = v === 'left' ? 'Left' : v === 'center' ? 'Center' : 'Right';
      break;
    case 'vertical':
      f.verticalAlignment = v === 'top' ? 'Top' : v === 'middle' ? 'Center' : 'Bottom';
      break;
    case 'wrap':
      f.wrapText = Boolean(v);
      break;
    case 'indent':
      f.indentLevel = Number(v);
      break;
    case 'locked':
      f.protection.locked = Boolean(v);
      break;
    case 'border':
      if (v === 'none') break;
      for (const edge of EDGES) {
        const b = f.borders.getItem(edge);
        b.style = 'Continuous';
        b.weight = v === 'medium' ? 'Medium' : 'Thin';
      }
      break;
  }
}
