/**
 * One sheet plan as its package parts: the worksheet XML (in the schema's element order), and the parts it
 * points to: tables, notes (comments with their VML shapes, so Excel shows them on hover), and a drawing with
 * the plan's charts. No Node APIs.
 */
import { a1, columnLetter, parseA1, parseRange, quoteSheet } from '../../../../templates/layouts/a1';
import type { SheetPlan, ValidationPlan } from '../../../../templates/plan';
import type { WriteReport } from '../../../app/host';
import { excelSerial, validationRule } from '../apply';
import { argb } from '../styles';
import { moveFormula } from '../read/sheet';
import { anchorXml, chartXml } from '../chart';
import { type Grid, type GridCell, sheetGrid } from './cell-grid';
import { Distinct, type StyleSheet } from './style-sheet';
import { NS, XML_HEAD, esc, escAttr, escText, relsXml, textElement } from './xml';

/** Strings written once, each cell naming its index. */
export class SharedStrings {
  private readonly distinct = new Distinct([]);
  count = 0;
  id(text: string): number {
    this.count++;
    return this.distinct.id(text);
  }
  xml(): string {
    const list = this.distinct.items;
    const items = list.map((t) => `<si>${textElement(t)}</si>`).join('');
    return `${XML_HEAD}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${list.length}">${items}</sst>`;
  }
}

export interface PackageCounters {
  table: number;
  drawing: number;
  chart: number;
  comments: number;
}

export interface PartOut {
  path: string;
  text: string;
  contentType?: string;
}

export interface SheetPartOut {
  xml: string;
  /** The sheet's relationships part, when it has any. */
  rels?: string;
  parts: PartOut[];
}

const CONTENT = {
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

function cellXml(ref: string, cell: GridCell, styles: StyleSheet, strings: SharedStrings): string {
  const xf = styles.xf(cell.style);
  const s = xf ? ` s="${xf}"` : '';
  if (cell.formula !== undefined) {
    const f = `<f>${escText(cell.formula)}</f>`;
    const r = cell.result;
    if (r === null || r === undefined) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof r === 'number') return `<c r="${ref}"${s}>${f}<v>${r}</v></c>`;
    if (typeof r === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${escText(r)}</v></c>`;
  }
  const v = cell.value;
  if (v === null || v === undefined) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
}

interface SheetData {
  xml: string;
  /** The used range: up to the last row and the widest column holding a cell ("A1:A1" when none). */
  used: string;
  /** The cells with a note, by row then column. */
  notes: { row: number; column: number; text: string }[];
}

/** The sheet's cells as XML, and in the same pass its used range and notes. */
function sheetData(sheet: SheetPlan, grid: Grid, styles: StyleSheet, strings: SharedStrings): SheetData {
  const rowPlans = new Map((sheet.rows ?? []).map((r) => [r.index, r]));
  // Rows in order: the grid's (an array by row number) and the plan's rows without cells.
  const bottom = Math.max(grid.rows.length - 1, ...rowPlans.keys());
  const out: string[] = ['<sheetData>'];
  const notes: SheetData['notes'] = [];
  let usedBottom = 1;
  let usedRight = 1;
  for (let r = 1; r <= bottom; r++) {
    const cells = grid.rows[r];
    const plan = rowPlans.get(r);
    if (!cells && !plan) continue;
    const attrs =
      (plan?.height !== undefined ? ` ht="${plan.height}" customHeight="1"` : '') +
      (plan?.hidden ? ' hidden="1"' : '');
    let xml = '';
    if (cells)
      for (let c = 1; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        xml += cellXml(`${columnLetter(c)}${r}`, cell, styles, strings);
        if (cell.note !== undefined) notes.push({ row: r, column: c, text: cell.note });
        if (r > usedBottom) usedBottom = r;
        if (c > usedRight) usedRight = c;
      }
    out.push(xml ? `<row r="${r}"${attrs}>${xml}</row>` : `<row r="${r}"${attrs}/>`);
  }
  out.push('</sheetData>');
  return { xml: out.join(''), used: `A1:${columnLetter(usedRight)}${usedBottom}`, notes };
}

function paneXml(freeze: NonNullable<SheetPlan['freeze']>): string {
  const { rows, columns } = freeze;
  if (rows <= 0 && columns <= 0) return '';
  const pane = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const topLeft = `${columnLetter(columns + 1)}${rows + 1}`;
  return `<pane${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

/**
 * A validation's attributes but its range, made once per distinct rule and messages: a 63-unit workbook has
 * 26 000 validations and a few dozen distinct messages. One cache per written package.
 */
export type ValidationAttrs = Map<string, string>;

const attr = (name: string, value: string | boolean | undefined) =>
  value === undefined || value === false ? '' : ` ${name}="${value === true ? 1 : escAttr(value)}"`;

/** A validation's attributes but its range (cached by rule and messages) and its formulas as written. */
function validationParts(v: ValidationPlan, cache: ValidationAttrs): { attrs: string; formulae: string[] } {
  const rule = validationRule(v);
  const allowBlank = v.allowBlank ?? false;
  const key = `${rule.type}\u0001${rule.operator}\u0001${allowBlank}\u0001${v.error.title}\u0001${v.error.message}\u0001${
    v.prompt ? `${v.prompt.title}\u0001${v.prompt.message}` : ''
  }`;
  let attrs = cache.get(key);
  if (attrs === undefined) {
    attrs = `${attr('type', rule.type)}${attr('operator', rule.operator)}${attr('allowBlank', allowBlank)}${attr(
      'showInputMessage',
      v.prompt ? true : undefined,
    )}${attr('showErrorMessage', true)}${attr('errorStyle', 'stop')}${attr('errorTitle', v.error.title)}${attr(
      'error',
      v.error.message,
    )}${attr('promptTitle', v.prompt?.title)}${attr('prompt', v.prompt?.message)}`;
    cache.set(key, attrs);
  }
  const formulae = rule.formulae.map((f) =>
    v.kind === 'date' ? String(excelSerial(new Date(String(f)))) : String(f),
  );
  return { attrs, formulae };
}

/** One `<dataValidation>`: a rule, its messages, and the ranges it holds for. */
interface ValidationOut {
  attrs: string;
  formulae: string[];
  ranges: string[];
  /** The first range's top-left cell, which the formulas' relative references are written from. */
  top: number;
  left: number;
}

/** Ranges one `<dataValidation>` holds at most: a bound of ours (no limit of Excel's was found), so a long list stays short lines. */
const AREAS_HELD = 64;

/**
 * The list as `<dataValidation>` elements, a rule repeated over several ranges written once for all of them:
 * a scorecard's 420 validations are one rule per column and group, and their messages were 40 % of each
 * member's sheet (written, zipped, unzipped and scanned at every step of the cycle). A range joins the last
 * element of its rule and messages when its formulas are that element's moved by the offset between their
 * top-left cells (so each cell checks what its own validation said) and it lies below and right of the
 * element's first range (whose top-left cell is then the whole list's, whichever of the two a reader takes
 * the relative references from).
 */
function mergedValidations(list: readonly ValidationPlan[], cache: ValidationAttrs): ValidationOut[] {
  const out: ValidationOut[] = [];
  const open = new Map<string, ValidationOut>();
  for (const v of list) {
    const { attrs, formulae } = validationParts(v, cache);
    const at = v.range.includes(' ') ? undefined : parseRange(v.range);
    const held = at && open.get(attrs);
    if (
      at &&
      held &&
      held.ranges.length < AREAS_HELD &&
      at.top >= held.top &&
      at.left >= held.left &&
      held.formulae.length === formulae.length &&
      formulae.every(
        (f, i) => f === moveFormula(held.formulae[i]!, a1(held.top, held.left), a1(at.top, at.left)),
      )
    ) {
      held.ranges.push(v.range);
      continue;
    }
    const made = { attrs, formulae, ranges: [v.range], top: at?.top ?? 0, left: at?.left ?? 0 };
    out.push(made);
    if (at) open.set(attrs, made);
    else open.delete(attrs);
  }
  return out;
}

function validationXml(v: ValidationOut): string {
  let formulae = '';
  v.formulae.forEach((f, i) => {
    formulae += `<formula${i + 1}>${esc(f)}</formula${i + 1}>`;
  });
  return `<dataValidation${v.attrs} sqref="${esc(v.ranges.join(' '))}">${formulae}</dataValidation>`;
}

/**
 * A sheet's validations as XML, once per list: the XML depends on the list alone, and every scorecard of a
 * criteria tree shares its list (templates/build/scorecard-sheet.ts).
 */
const VALIDATIONS_XML = new WeakMap<readonly ValidationPlan[], string>();

function validationsXml(list: readonly ValidationPlan[], attrs: ValidationAttrs): string {
  let xml = VALIDATIONS_XML.get(list);
  if (xml === undefined) {
    const merged = mergedValidations(list, attrs);
    xml = `<dataValidations count="${merged.length}">${merged.map(validationXml).join('')}</dataValidations>`;
    VALIDATIONS_XML.set(list, xml);
  }
  return xml;
}

/** Notes as a comments part and the legacy VML shapes Excel needs to show them. */
function notesParts(notes: SheetData['notes'], n: number): { comments: string; vml: string } | undefined {
  if (notes.length === 0) return undefined;
  const list = notes
    .map(
      (x) =>
        `<comment ref="${columnLetter(x.column)}${x.row}" authorId="0"><text><r>${textElement(x.text)}</r></text></comment>`,
    )
    .join('');
  const comments = `${XML_HEAD}<comments xmlns="${NS.main}"><authors><author>Thi đua</author></authors><commentList>${list}</commentList></comments>`;
  const shapes = notes
    .map(
      (x, i) =>
        `<v:shape id="_x0000_s${n * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:105pt;margin-top:10pt;width:180pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${x.column}, 15, ${x.row - 1}, 10, ${x.column + 3}, 15, ${x.row + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${x.row - 1}</x:Row><x:Column>${x.column - 1}</x:Column></x:ClientData></v:shape>`,
    )
    .join('');
  const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shapes}</xml>`;
  return { comments, vml };
}

function tableXml(t: NonNullable<SheetPlan['tables']>[number], id: number): string | undefined {
  const start = parseRange(t.ref);
  if (!start) return undefined;
  const bodyRows = Math.max(1, t.rows.length) + (t.totalsRow ? 1 : 0);
  const ref = `${columnLetter(start.left)}${start.top}:${columnLetter(start.left + t.headers.length - 1)}${start.top + bodyRows}`;
  const filterRef = t.totalsRow
    ? `${columnLetter(start.left)}${start.top}:${columnLetter(start.left + t.headers.length - 1)}${start.top + bodyRows - 1}`
    : ref;
  const columns = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escAttr(h)}"/>`).join('');
  return `${XML_HEAD}<table xmlns="${NS.main}" id="${id}" name="${esc(t.name)}" displayName="${esc(t.name)}" ref="${ref}"${
    t.totalsRow ? ' totalsRowCount="1"' : ' totalsRowShown="0"'
  }><autoFilter ref="${filterRef}"/><tableColumns count="${t.headers.length}">${columns}</tableColumns><tableStyleInfo name="${esc(
    t.style ?? 'TableStyleLight9',
  )}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

/** "A1:H24" as the absolute area a print range is ("$A$1:$H$24"). */
export const absoluteArea = (area: string) =>
  area
    .split(':')
    .map((corner) => corner.replace(/\$/g, '').replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');

/** "1:4" as print titles ("$1:$4"). */
export const titleRows = (rows: string) =>
  rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '')}`)
    .join(':');

export function sheetPart(
  sheet: SheetPlan,
  styles: StyleSheet,
  strings: SharedStrings,
  counters: PackageCounters,
  report: WriteReport,
  validationAttrs: ValidationAttrs = new Map(),
): SheetPartOut {
  const grid = sheetGrid(sheet, report);
  const rels: { id: string; type: string; target: string }[] = [];
  const parts: PartOut[] = [];
  const rel = (type: string, target: string) => {
    const id = `rId${rels.length + 1}`;
    rels.push({ id, type, target });
    return id;
  };
  const x: string[] = [`${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`];
  const fit = sheet.print?.fitToWidth;
  if (sheet.tabColor || fit)
    x.push(
      `<sheetPr>${sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`,
    );
  const data = sheetData(sheet, grid, styles, strings);
  x.push(`<dimension ref="${data.used}"/>`);
  x.push(
    `<sheetViews><sheetView workbookViewId="0">${sheet.freeze ? paneXml(sheet.freeze) : ''}</sheetView></sheetViews>`,
  );
  x.push('<sheetFormatPr defaultRowHeight="15"/>');
  const columns = [...(sheet.columns ?? [])].sort((a, b) => a.index - b.index);
  if (columns.length)
    x.push(
      `<cols>${columns
        .map(
          (c) =>
            `<col min="${c.index}" max="${c.index}" width="${c.width ?? 9.140625}"${c.width !== undefined ? ' customWidth="1"' : ''}${
              c.hidden ? ' hidden="1"' : ''
            }/>`,
        )
        .join('')}</cols>`,
    );
  x.push(data.xml);
  if (sheet.protect)
    x.push('<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>');
  if (sheet.merges?.length)
    x.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`,
    );
  let priority = 1;
  for (const cf of sheet.conditionalFormats ?? [])
    x.push(
      `<conditionalFormatting sqref="${esc(cf.range)}"><cfRule type="expression" dxfId="${styles.dxf(cf.style)}" priority="${priority++}"><formula>${esc(
        cf.formula,
      )}</formula></cfRule></conditionalFormatting>`,
    );
  if (sheet.validations?.length) x.push(validationsXml(sheet.validations, validationAttrs));
  // Every sheet has margins and a page setup, as Excel writes them (Excel's defaults where the plan has none).
  const p = sheet.print;
  const m =
    p?.margins ??
    (p
      ? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 }
      : { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 });
  x.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`,
  );
  x.push(
    p
      ? `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`
      : '<pageSetup orientation="portrait"/>',
  );
  if (p?.footer) x.push(`<headerFooter><oddFooter>${esc(p.footer)}</oddFooter></headerFooter>`);
  if (sheet.charts?.length) {
    const drawing = ++counters.drawing;
    const anchors: string[] = [];
    const chartRels: { id: string; type: string; target: string }[] = [];
    sheet.charts.forEach((chart, i) => {
      const n = ++counters.chart;
      parts.push({ path: `xl/charts/chart${n}.xml`, text: chartXml(chart), contentType: CONTENT.chart });
      anchors.push(anchorXml(chart, i + 1));
      chartRels.push({ id: `rId${i + 1}`, type: 'chart', target: `../charts/chart${n}.xml` });
    });
    parts.push({
      path: `xl/drawings/drawing${drawing}.xml`,
      text: `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.rel}">${anchors.join('')}</xdr:wsDr>`,
      contentType: CONTENT.drawing,
    });
    parts.push({ path: `xl/drawings/_rels/drawing${drawing}.xml.rels`, text: relsXml(chartRels) });
    x.push(`<drawing r:id="${rel('drawing', `../drawings/drawing${drawing}.xml`)}"/>`);
  }
  const notes = notesParts(data.notes, counters.comments + 1);
  if (notes) {
    const n = ++counters.comments;
    parts.push({ path: `xl/comments${n}.xml`, text: notes.comments, contentType: CONTENT.comments });
    parts.push({ path: `xl/drawings/vmlDrawing${n}.vml`, text: notes.vml });
    rel('comments', `../comments${n}.xml`);
    x.push(`<legacyDrawing r:id="${rel('vmlDrawing', `../drawings/vmlDrawing${n}.vml`)}"/>`);
  }
  const tableIds: string[] = [];
  for (const t of sheet.tables ?? []) {
    const id = ++counters.table;
    const xml = tableXml(t, id);
    if (!xml) continue;
    parts.push({ path: `xl/tables/table${id}.xml`, text: xml, contentType: CONTENT.table });
    tableIds.push(rel('table', `../tables/table${id}.xml`));
  }
  if (tableIds.length)
    x.push(
      `<tableParts count="${tableIds.length}">${tableIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`,
    );
  x.push('</worksheet>');
  return { xml: x.join(''), ...(rels.length ? { rels: relsXml(rels) } : {}), parts };
}

/** The print names of a sheet (titles, area) as workbook defined names with its local index. */
export function printNames(sheet: Pick<SheetPlan, 'name' | 'print'>, index: number): string[] {
  const out: string[] = [];
  const p = sheet.print;
  if (!p) return out;
  const q = quoteSheet(sheet.name);
  if (p.titleRows)
    out.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${esc(`${q}!${titleRows(p.titleRows)}`)}</definedName>`,
    );
  if (p.area && parseA1(p.area.split(':')[0] ?? ''))
    out.push(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${esc(`${q}!${absoluteArea(p.area)}`)}</definedName>`,
    );
  return out;
}
