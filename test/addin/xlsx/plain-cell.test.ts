/**
 * The reader's fast path for cells written plainly (XmlScanner.plainCell, taken by readSheet before the
 * generic tag-by-tag reading): every sheet reads to the same snapshot whichever path its cells take, the
 * fast path refuses every cell it does not read exactly (the generic path then reads it), and damage in a
 * plain cell is still damage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SheetContext, readSheet } from '../../../addin/host/xlsx/read/sheet';
import { columnLetter } from '../../../templates/layouts/a1';
import { XmlDamage, XmlScanner } from '../../../addin/host/xlsx/read/xml-scan';
import { esc } from '../../../addin/host/xlsx/write/xml';

const ctx: SheetContext = {
  name: 'Sheet1',
  strings: ['một', 'hai & ba', ''],
  formats: [
    { unlocked: false, date: false },
    { unlocked: true, date: false },
    { unlocked: false, date: true },
  ],
  date1904: false,
  rels: new Map(),
};

interface CellSpec {
  col: number;
  s?: number;
  t?: 's' | 'str' | 'b' | 'e' | 'n';
  f?: string;
  /** LibreOffice's form of <f>. */
  aca?: 'false' | 'true';
  v?: string;
}

/** A cell's XML; `generic` writes the same cell so that the fast path does not take it (a space before '>'). */
function cellXml(row: number, c: CellSpec, generic: boolean, sFirst: boolean): string {
  const attrs = [
    ...(c.s !== undefined ? [` s="${c.s}"`] : []),
    ...(c.t !== undefined ? [` t="${c.t}"`] : []),
  ];
  if (!sFirst) attrs.reverse();
  const open = `<c r="${columnLetter(c.col)}${row}"${attrs.join('')}${generic ? ' ' : ''}`;
  const body = `${c.f !== undefined ? `${c.aca ? `<f aca="${c.aca}">` : '<f>'}${esc(c.f)}</f>` : ''}${c.v !== undefined ? `<v>${esc(c.v)}</v>` : ''}`;
  return body ? `${open}>${body}</c>` : `${open}/>`;
}

const cellSpec = fc.record(
  {
    s: fc.integer({ min: 0, max: 2 }),
    t: fc.constantFrom('s', 'str', 'b', 'e', 'n' as const),
    f: fc.constantFrom('SUM(A1:B2)', 'IF(A1<>"",A1&" x",0)', '""', 'A1>0'),
    aca: fc.constantFrom('false', 'true' as const),
    v: fc.constantFrom('0', '1', '2', '1.25', '-3e2', 'chữ & "trích"', '#N/A', ''),
  },
  { requiredKeys: [] },
);

const sheetOf = (rows: { r: number; cells: string[] }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r) => `<row r="${r.r}">${r.cells.join('')}</row>`)
    .join('')}</sheetData></worksheet>`;

describe('cells written plainly read as the generic path reads them', () => {
  it('random sheets: the same snapshot and issues with every cell on either path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(cellSpec, fc.boolean(), fc.boolean()), { maxLength: 6 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (grid) => {
          const rows = (generic: (k: boolean) => boolean) =>
            grid.map((cells, i) => ({
              r: i + 1,
              cells: cells.map(([c, g, sFirst], k) =>
                cellXml(i + 1, { ...c, col: k + 1 }, generic(g), sFirst),
              ),
            }));
          const fast = sheetOf(rows(() => false));
          const mixed = sheetOf(rows((g) => g));
          const slow = sheetOf(rows(() => true));
          const read = (xml: string) => {
            try {
              return readSheet(xml, ctx);
            } catch (e) {
              return { damage: (e as Error).constructor.name };
            }
          };
          const expected = read(slow);
          expect(read(fast)).toEqual(expected);
          expect(read(mixed)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the plain forms and reads their attributes and texts', () => {
    const s = new XmlScanner('<c r="AB12" t="s" s="3"><f>A1&amp;B1</f><v>1</v></c><c r="C1"/>');
    expect(s.plainCell()).toBe(true);
    expect([s.cellR, s.cellS, s.cellT, s.f, s.v]).toEqual(['AB12', '3', 's', 'A1&B1', '1']);
    expect(s.plainCell()).toBe(true);
    expect([s.cellR, s.cellS, s.cellT, s.f, s.v]).toEqual(['C1', undefined, undefined, undefined, undefined]);
    const lo = new XmlScanner('<c r="D4" s="2" t="n"><f aca="false">SUM(A1:A3)</f><v>6</v></c>');
    expect(lo.plainCell()).toBe(true);
    expect([lo.cellR, lo.f, lo.v]).toEqual(['D4', 'SUM(A1:A3)', '6']);
  });

  it('leaves every other form to the generic path, nothing read', () => {
    for (const xml of [
      '<c r="a1"/>',
      '<c r="A"/>',
      '<c r="1"/>',
      '<c  r="A1"/>',
      '<c r="A1" />',
      '<c r="A1" s="1" s="2"/>',
      '<c r="A1" t="inlineStr"><is><t>x</t></is></c>',
      '<c r="A1"><f t="shared" si="0"/><v>1</v></c>',
      '<c r="A1"><f aca="false" t="array" ref="A1">1</f><v>1</v></c>',
      '<c r="A1"><f aca="false"/><v>1</v></c>',
      '<c r="A1"><v xml:space="preserve">1</v></c>',
      '<c r="A1" x="1"/>',
      "<c r='A1'/>",
      '<c s="1" r="A1"/>',
      '<x:c r="A1"/>',
      '<c r="A1"><v>1</v><extLst/></c>',
      ' <c r="A1"/>',
    ]) {
      const s = new XmlScanner(`<sheetData>${xml}</sheetData>`);
      s.next();
      expect(s.plainCell(), xml).toBe(false);
    }
  });

  it('an unknown entity in a plain cell is damage, as on the generic path', () => {
    const s = new XmlScanner('<c r="A1"><v>&bad;</v></c>');
    expect(() => s.plainCell()).toThrow(XmlDamage);
  });
});
