/**
 * The styles part of a written plan: each distinct plan style becomes one cell format (xf), built from
 * deduplicated fonts, fills, borders and number formats; conditional formats' styles become dxfs. Index 0 is
 * the default format (Calibri 11, locked), as Excel and exceljs write it. No Node APIs.
 */
import type { CellStyle, ConditionalFormatPlan } from '../../../../templates/plan';
import { argb, styleKey } from '../styles';
import { NS, XML_HEAD, esc } from './xml';

/** Excel's built-in number formats the templates use: written by id, not declared. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  '@': 49,
};

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';

/** A list of distinct texts (XML fragments, shared strings), each found again by its text. */
export class Distinct {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  constructor(initial: string[]) {
    for (const i of initial) this.id(i);
  }
  id(xml: string): number {
    let n = this.index.get(xml);
    if (n === undefined) {
      n = this.items.length;
      this.items.push(xml);
      this.index.set(xml, n);
    }
    return n;
  }
}

function fontXml(font: NonNullable<CellStyle['font']>): string {
  return `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}${font.underline ? '<u/>' : ''}${
    font.color ? `<color rgb="${argb(font.color)}"/>` : ''
  }${font.size !== undefined ? `<sz val="${font.size}"/>` : ''}${font.name ? `<name val="${esc(font.name)}"/>` : ''}</font>`;
}

function alignmentXml(align: NonNullable<CellStyle['align']>): string {
  const attrs = [
    align.horizontal ? ` horizontal="${align.horizontal}"` : '',
    align.vertical ? ` vertical="${align.vertical === 'middle' ? 'center' : align.vertical}"` : '',
    align.wrap ? ' wrapText="1"' : '',
    align.indent ? ` indent="${align.indent}"` : '',
  ].join('');
  return `<alignment${attrs}/>`;
}

export class StyleSheet {
  private readonly fonts = new Distinct([DEFAULT_FONT]);
  private readonly fills = new Distinct([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Distinct(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Distinct(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Distinct([]);
  private readonly byObject = new WeakMap<CellStyle, number>();
  private readonly byKey = new Map<string, number>();
  private lastStyle: CellStyle | undefined;
  private lastId = 0;

  /** The xf index of a plan style (0 for none). */
  xf(style: CellStyle | undefined): number {
    if (!style) return 0;
    // Cells next to each other mostly share a style: the last one asked is answered without a lookup.
    if (style === this.lastStyle) return this.lastId;
    let id = this.byObject.get(style);
    if (id !== undefined) {
      this.lastStyle = style;
      this.lastId = id;
      return id;
    }
    const key = styleKey(style);
    id = this.byKey.get(key);
    if (id === undefined) {
      id = this.xfs.id(this.xfXml(style));
      this.byKey.set(key, id);
    }
    this.byObject.set(style, id);
    this.lastStyle = style;
    this.lastId = id;
    return id;
  }

  /** The dxf index of a conditional format's style. */
  dxf(style: ConditionalFormatPlan['style']): number {
    const font = style.font?.color ? `<font><color rgb="${argb(style.font.color)}"/></font>` : '';
    const fill = style.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`
      : '';
    return this.dxfs.id(`<dxf>${font}${fill}</dxf>`);
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private xfXml(style: CellStyle): string {
    const numFmtId = style.numFmt ? this.formatId(style.numFmt) : 0;
    const fontId = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fillId = style.fill
      ? this.fills.id(
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`,
        )
      : 0;
    const b = style.border && style.border !== 'none' ? ` style="${style.border}"` : '';
    const borderId = b
      ? this.borders.id(`<border><left${b}/><right${b}/><top${b}/><bottom${b}/><diagonal/></border>`)
      : 0;
    const applies = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      borderId ? ' applyBorder="1"' : '',
      style.align ? ' applyAlignment="1"' : '',
      ' applyProtection="1"',
    ].join('');
    const children =
      (style.align ? alignmentXml(style.align) : '') +
      `<protection locked="${style.locked === false ? 0 : 1}"/>`;
    return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}>${children}</xf>`;
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]) =>
      items.length ? `<${tag} count="${items.length}">${items.join('')}</${tag}>` : '';
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`,
    );
    return `${XML_HEAD}<styleSheet xmlns="${NS.main}">${list('numFmts', formats)}${list('fonts', this.fonts.items)}${list(
      'fills',
      this.fills.items,
    )}${list('borders', this.borders.items)}<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${list(
      'cellXfs',
      this.xfs.items,
    )}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="${
      this.dxfs.items.length
    }">${this.dxfs.items.join('')}</dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  }
}
