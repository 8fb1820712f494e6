/**
 * The patch's comparison in place (SheetCells.heldAs, used by updateSheet): a cell holding what the plan
 * writes is known from the row's text without reading the cell. Whatever the sheet and the plan, the patch
 * decides as it does when every cell is read (the same text, report, formula flag, or the same refusal).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WriteReport } from '../../../addin/app/host';
import { SheetCells } from '../../../addin/host/xlsx/patch/sheet-cells';
import { updateSheet } from '../../../addin/host/xlsx/patch/update';
import { esc } from '../../../addin/host/xlsx/write/xml';
import type { CellPlan, CellValue } from '../../../templates/plan';
import { columnLetter } from '../../../templates/layouts/a1';

const STRINGS = ['một', 'hai & ba', '', '12'];

interface Spec {
  col: number;
  s?: number;
  t?: 'n' | 's' | 'str' | 'b' | 'e' | 'inlineStr';
  f?: string;
  aca?: boolean;
  v?: string;
  /** How the text is escaped: as Thi đua's writer does, only what XML requires, or as numeric entities. */
  spell?: 'esc' | 'loose' | 'numeric';
}

const SPELL = fc.constantFrom('esc', 'loose', 'numeric' as const);

function spelled(text: string, spell: Spec['spell']): string {
  if (spell === 'loose') return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (spell === 'numeric') return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return esc(text);
}

const FORMULAS = ['SUM(A1:B2)', 'IF(A1<>"",1,0)', 'A1&"x"', 'B2', 'C3\u0001'];
const TEXTS = ['0', '1', '2.5', '-3e2', '12', 'chữ & "trích"', '', '#N/A', '3'];

const anySpec = fc.record(
  {
    s: fc.integer({ min: 0, max: 3 }),
    t: fc.constantFrom('n', 's', 'str', 'b', 'e', 'inlineStr' as const),
    f: fc.constantFrom(...FORMULAS),
    aca: fc.boolean(),
    v: fc.constantFrom(...TEXTS),
    spell: SPELL,
  },
  { requiredKeys: [] },
);
const style = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
/** Cells as the product, Excel and LibreOffice write them, and any mix of attributes besides. */
const spec: fc.Arbitrary<Omit<Spec, 'col'>> = fc.oneof(
  fc.record({ s: style, v: fc.constantFrom('0', '1', '2.5', '-3e2', '12') }),
  fc.record({ s: style, t: fc.constant('s' as const), v: fc.constantFrom(...TEXTS) }),
  fc.record({
    s: style,
    f: fc.constantFrom(...FORMULAS),
    aca: fc.boolean(),
    v: fc.constantFrom('1', '2.5'),
    spell: SPELL,
  }),
  fc.record({
    s: style,
    t: fc.constant('str' as const),
    f: fc.constantFrom(...FORMULAS),
    v: fc.constantFrom(...TEXTS),
    spell: SPELL,
  }),
  fc.record({ s: style, t: fc.constant('b' as const), v: fc.constantFrom('0', '1') }),
  fc.record({ s: style }),
  anySpec,
);

/** The text of the cell's value as written (a shared string's index). */
const writtenText = (c: Spec) => (c.t === 's' ? String(TEXTS.indexOf(c.v!) % STRINGS.length) : c.v!);

function cellXml(row: number, c: Spec): string {
  const attrs = `${c.s !== undefined ? ` s="${c.s}"` : ''}${c.t !== undefined ? ` t="${c.t}"` : ''}`;
  const open = `<c r="${columnLetter(c.col)}${row}"${attrs}`;
  const f = c.f !== undefined ? `${c.aca ? '<f aca="false">' : '<f>'}${spelled(c.f, c.spell)}</f>` : '';
  let v = '';
  if (c.v !== undefined) {
    if (c.t === 'inlineStr') v = `<is><t>${spelled(c.v, c.spell)}</t></is>`;
    else if (c.t === 's') v = `<v>${writtenText(c)}</v>`;
    else v = `<v>${spelled(c.v, c.spell)}</v>`;
  }
  return f || v ? `${open}>${f}${v}</c>` : `${open}/>`;
}

/** What the cell reads as (its value, a formula's result), roughly: a plan built from it often matches. */
function contentOf(c: Spec): CellValue {
  if (c.v === undefined) return null;
  if (c.t === 's') return STRINGS[TEXTS.indexOf(c.v) % STRINGS.length]!;
  if (c.t === 'b') return c.v === '1';
  if (c.t === 'str' || c.t === 'e' || c.t === 'inlineStr') return c.v;
  const n = Number.parseFloat(c.v);
  return Number.isNaN(n) ? c.v : n;
}

const rowSpec = fc.record({
  cells: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 6 }), spec as fc.Arbitrary<Spec>), {
    maxLength: 5,
    selector: ([col]) => col,
  }),
  /** Cells written apart (a space): not a row the comparison indexes. */
  spaced: fc.boolean(),
  selfClosed: fc.boolean(),
});

const planCell = fc.record(
  {
    row: fc.integer({ min: 1, max: 5 }),
    col: fc.integer({ min: 1, max: 7 }),
    formula: fc.constantFrom(...FORMULAS),
    value: fc.constantFrom<CellValue>(
      null,
      0,
      1,
      2,
      3,
      2.5,
      -300,
      12,
      'một',
      '12',
      '1',
      '',
      true,
      false,
      'chữ & "trích"',
    ),
    /** Copy one of the sheet's own cells (a match, unless the plan is the one that reads otherwise). */
    copy: fc.nat(),
    /** With copy: only its place, the plan's content drawn as above. */
    placeOnly: fc.boolean(),
    /** With placeOnly: the text the cell holds as written, taken as a number, a text or a truth value. */
    asWritten: fc.constantFrom('number', 'text', 'truth' as const),
  },
  { requiredKeys: ['row', 'col'] },
);

function sheetOf(rows: { cells: [number, Spec][]; spaced: boolean; selfClosed: boolean }[]) {
  const data = rows
    .map((r, i) => {
      const cells = [...r.cells].sort((a, b) => a[0] - b[0]);
      if (cells.length === 0 && r.selfClosed) return `<row r="${i + 1}"/>`;
      const xml = cells.map(([col, c]) => cellXml(i + 1, { ...c, col })).join(r.spaced ? ' ' : '');
      return `<row r="${i + 1}">${xml}</row>`;
    })
    .join('');
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F4"/><sheetData>${data}</sheetData></worksheet>`;
}

/**
 * The patch compares in place, reads only the cells it changes (`alone`), or reads every cell of a row it
 * changes and compares nothing in place (`whole`: as before both).
 */
function patched(xml: string, cells: CellPlan[], unlocked: number[], how: 'inPlace' | 'alone' | 'whole') {
  const sheet = SheetCells.open(xml, () => STRINGS, undefined, { wholeRows: how === 'whole' })!;
  if (how !== 'inPlace') sheet.heldAs = () => false;
  const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
  const flags = { formulasChanged: false };
  try {
    updateSheet(sheet, { name: 'S', role: 'summary', cells }, new Set(unlocked), () => true, report, flags);
  } catch (error) {
    return { refused: (error as Error).constructor.name };
  }
  return { xml: sheet.xmlText(), report, flags };
}

describe('the patch compares cells in place and reads only the cells it changes', () => {
  it('decides and writes as reading every cell of a changed row does, on any sheet and plan', () => {
    let held = 0;
    fc.assert(
      fc.property(
        fc.array(rowSpec, { minLength: 1, maxLength: 4 }),
        fc.array(planCell, { maxLength: 12 }),
        fc.subarray([0, 1, 2, 3]),
        (rows, plan, unlocked) => {
          const xml = sheetOf(rows);
          const all = rows.flatMap((r, i) => r.cells.map(([col, c]) => ({ row: i + 1, col, c })));
          const cells: CellPlan[] = plan.map((p) => {
            const own = p.copy !== undefined && all.length > 0 ? all[p.copy % all.length]! : undefined;
            const ref = own ? `${columnLetter(own.col)}${own.row}` : `${columnLetter(p.col)}${p.row}`;
            if (own && !p.placeOnly) {
              const content = contentOf(own.c);
              return own.c.f !== undefined
                ? { ref, formula: own.c.f, result: content }
                : { ref, value: content };
            }
            const text = own?.c.v === undefined ? undefined : writtenText(own.c);
            if (own && p.asWritten && text !== undefined) {
              const content =
                p.asWritten === 'number' ? Number(text) : p.asWritten === 'truth' ? text === '1' : text;
              return own.c.f !== undefined
                ? { ref, formula: own.c.f, result: content }
                : { ref, value: content };
            }
            return p.formula !== undefined
              ? { ref, formula: p.formula, result: p.value ?? null }
              : { ref, value: p.value };
          });
          const read = patched(xml, cells, unlocked, 'whole');
          expect(patched(xml, cells, unlocked, 'inPlace')).toEqual(read);
          expect(patched(xml, cells, unlocked, 'alone')).toEqual(read);
          const sheet = SheetCells.open(xml, () => STRINGS)!;
          for (const c of cells) {
            const row = Number(c.ref.slice(1));
            const content = c.formula !== undefined ? (c.result ?? null) : c.value;
            if (sheet.heldAs(row, c.ref.charCodeAt(0) - 64, c.formula, content) !== false) held++;
          }
        },
      ),
      { numRuns: 400 },
    );
    // The comparison is taken often enough for the property to say something.
    expect(held).toBeGreaterThan(200);
  });

  it('knows the cells a plan writes as they are, and only those', () => {
    const xml = sheetOf([
      {
        cells: [
          [1, { col: 1, s: 2, f: 'IF(A1<>"",1,0)', v: '1' }],
          [2, { col: 2, t: 's', v: 'chữ & "trích"' }],
          [3, { col: 3, s: 1, t: 'str', f: 'A1&"x"', aca: true, v: 'chữ & "trích"' }],
          [4, { col: 4, t: 'b', v: '1' }],
          [5, { col: 5 }],
          [6, { col: 6, t: 'inlineStr', v: 'một' }],
        ],
        spaced: false,
        selfClosed: false,
      },
    ]);
    const sheet = SheetCells.open(xml, () => STRINGS)!;
    expect(sheet.heldAs(1, 1, 'IF(A1<>"",1,0)', 1)).toBe(2);
    expect(sheet.heldAs(1, 1, 'IF(A1<>"",1,0)', 2)).toBe(false);
    expect(sheet.heldAs(1, 1, 'IF(A1<>"",1,1)', 1)).toBe(false);
    expect(sheet.heldAs(1, 1, undefined, 1)).toBe(false);
    // Shared string 1 (the sixth text, modulo the four strings).
    expect(sheet.heldAs(1, 2, undefined, 'hai & ba')).toBeUndefined();
    expect(sheet.heldAs(1, 2, undefined, 'một')).toBe(false);
    expect(sheet.heldAs(1, 3, 'A1&"x"', 'chữ & "trích"')).toBe(1);
    expect(sheet.heldAs(1, 4, undefined, true)).toBeUndefined();
    expect(sheet.heldAs(1, 4, undefined, 1)).toBe(false);
    expect(sheet.heldAs(1, 5, undefined, null)).toBeUndefined();
    expect(sheet.heldAs(1, 5, 'B2', null)).toBe(false);
    // Inline strings, a formula with a character XML cannot hold, a cell the row lacks: read to know.
    expect(sheet.heldAs(1, 6, undefined, 'một')).toBe(false);
    expect(sheet.heldAs(1, 1, 'IF(A1<>"",1,0)\u0001', 1)).toBe(false);
    expect(sheet.heldAs(1, 7, undefined, null)).toBe(false);
    expect(sheet.heldAs(2, 1, undefined, null)).toBe(false);
  });

  it('takes a text spelled otherwise as the reading does, and a prefix for no match', () => {
    const xml = sheetOf([
      {
        cells: [
          [1, { col: 1, f: 'B22', v: '12' }],
          [2, { col: 2, t: 'str', f: 'IF(A1>"",1,0)', v: 'a > "b"', spell: 'loose' }],
          [3, { col: 3, f: 'IF(A1<>"",1,0)', v: '1', spell: 'numeric' }],
        ],
        spaced: false,
        selfClosed: false,
      },
    ]);
    const sheet = SheetCells.open(xml, () => STRINGS)!;
    expect(sheet.heldAs(1, 1, 'B22', 12)).toBeUndefined();
    expect(sheet.heldAs(1, 1, 'B2', 12)).toBe(false);
    expect(sheet.heldAs(1, 1, 'B22', 1)).toBe(false);
    // Quotes and '>' as they are: the same characters; numeric entities: left to the reading.
    expect(sheet.heldAs(1, 2, 'IF(A1>"",1,0)', 'a > "b"')).toBeUndefined();
    expect(sheet.heldAs(1, 3, 'IF(A1<>"",1,0)', 1)).toBe(false);
  });
});
