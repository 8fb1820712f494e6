/**
 * The reader notes where each row's cells are (addin/host/xlsx/read/row-layout.ts) so that the patch of the
 * same text does not walk the rows again: wherever it notes a row, it must give the very index the patch's own
 * walk gives (rowIndex), on the product's files and on files other programs saved, and on sheets written
 * every which way; and a patch given the layout decides exactly as one without it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WriteReport } from '../../../addin/app/host';
import { SheetCells, rowIndex } from '../../../addin/host/xlsx/patch/sheet-cells';
import { updateSheet } from '../../../addin/host/xlsx/patch/update';
import { readSnapshotBytes } from '../../../addin/host/xlsx/read/direct-read';
import { CELL_STRIDE, RowLayout, SheetTexts } from '../../../addin/host/xlsx/read/row-layout';
import { readSheet } from '../../../addin/host/xlsx/read/sheet';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { computeCluster, parseClusterJson } from '../../../core';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import type { CellPlan } from '../../../templates/plan';

const STRINGS = ['một', 'hai & ba', '', '12'];

/** Every row of a sheet's text as the patch finds it (SheetCells.open's pattern), with where it starts. */
function rowsOf(xml: string): { r: number; at: number; raw: string; open: string }[] {
  const start = xml.indexOf('<sheetData');
  const out: { r: number; at: number; raw: string; open: string }[] = [];
  for (const m of xml.slice(start).matchAll(/<row\b([^>]*?)(?:\/>|>[\s\S]*?<\/row>)/g)) {
    const r = /\sr="([^"]*)"/.exec(m[1] ?? '')?.[1];
    out.push({
      r: Number(r),
      at: start + m.index,
      raw: m[0],
      open: m[0].slice(0, m[0].indexOf('>') + 1),
    });
  }
  return out;
}

/** How many rows the layout gives, each checked against the patch's own walk. */
function compareLayout(xml: string, layout: RowLayout): { noted: number; rows: number } {
  let noted = 0;
  const rows = rowsOf(xml);
  for (const row of rows) {
    const given = layout.cellsOf(row.r, row.at, row.at + row.raw.length);
    if (given === undefined) continue;
    noted++;
    const walked = rowIndex(row.raw, row.raw === row.open ? row.raw.length : row.open.length, row.r);
    // The layout's positions are the part's, the walk's the row's own.
    const inRow = Array.from(given, (v, i) =>
      i % CELL_STRIDE >= 1 && i % CELL_STRIDE <= 3 ? v - row.at : v,
    );
    expect(inRow, `row ${row.r}`).toEqual(walked);
  }
  return { noted, rows: rows.length };
}

/** The layout the reader notes of a sheet; undefined for one it does not read (no patch is given its layout). */
function layoutOf(xml: string): RowLayout | undefined {
  const layout = new RowLayout();
  try {
    readSheet(xml, { name: 'S', strings: STRINGS, formats: [], date1904: false, rels: new Map(), layout });
  } catch {
    return undefined;
  }
  return layout;
}

/** A workbook's bytes read as the patch gets them: every kept sheet's layout checked. */
function checkFile(bytes: Uint8Array, name: string) {
  const keep = { texts: new SheetTexts(), budget: 64 * 1024 * 1024 };
  readSnapshotBytes(bytes, name, undefined, keep);
  let noted = 0;
  let rows = 0;
  for (const [part, xml] of keep.texts) {
    const layout = keep.texts.layouts.get(part);
    expect(layout, part).toBeDefined();
    const got = compareLayout(xml, layout!);
    noted += got.noted;
    rows += got.rows;
  }
  return { noted, rows };
}

const cellText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '',
      '<v>1</v>',
      '<v>2.5</v>',
      '<f>SUM(A1:B2)</f><v>3</v>',
      '<f aca="false">B2</f><v>1</v>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<f>IF(A1&lt;&gt;"",1,0)</f>',
      '<is><t>x</t></is>',
      '<v></v>',
      '<f t="shared" si="0"/>',
    ),
  },
);
const startTag = fc.record({
  s: fc.option(fc.constantFrom('0', '3', '12', '1234567890'), { nil: undefined }),
  t: fc.option(fc.constantFrom('n', 's', 'str', 'b', 'd', 'e', 'inlineStr', 'abcdefghij'), {
    nil: undefined,
  }),
  /** t before s, a second space, single quotes, another attribute, a lower-case address, another row's. */
  odd: fc.oneof(
    { weight: 12, arbitrary: fc.constant('none') },
    { weight: 1, arbitrary: fc.constantFrom('ts', 'space', 'quote', 'other', 'lower', 'row') },
  ),
});
type RowSpec = { n: number | undefined; cells: CellSpec[]; unsorted: boolean; sep: string; form: string };

const rowSpec = fc.record({
  /** Its number: the next one, or (one row in five) any, which may repeat an earlier row's or go back. */
  n: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined, freq: 4 }),
  cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), startTag, cellText), { maxLength: 5 }),
  /** Cells in the order drawn (columns may repeat or go back), else by column. */
  unsorted: fc.boolean(),
  /** Between cells, and how the row is written. */
  sep: fc.constantFrom('', '', '', '', '', ' ', '\n'),
  form: fc.constantFrom('plain', 'plain', 'plain', 'plain', 'selfClosed', 'spans', 'endSpace', 'noR'),
});

type CellSpec = [number, { s: string | undefined; t: string | undefined; odd: string }, string];

function cellXml(row: number, [col, tag, text]: CellSpec): string {
  const letters = String.fromCharCode(64 + Math.min(col, 26)) + (col > 26 ? 'A' : '');
  const address =
    tag.odd === 'lower' ? `${letters.toLowerCase()}${row}` : `${letters}${tag.odd === 'row' ? row + 1 : row}`;
  const q = tag.odd === 'quote' ? "'" : '"';
  const s = tag.s !== undefined ? ` s=${q}${tag.s}${q}` : '';
  const t = tag.t !== undefined ? `${tag.odd === 'space' ? '  ' : ' '}t="${tag.t}"` : '';
  const other = tag.odd === 'other' ? ' cm="1"' : '';
  const attrs = tag.odd === 'ts' ? `${t}${s}` : `${s}${t}`;
  const open = `<c r="${address}"${attrs}${other}`;
  return text ? `${open}>${text}</c>` : `${open}/>`;
}

function sheetOf(rows: RowSpec[]): string {
  const data = rows
    .map((r, i) => {
      const n = r.n ?? i + 1;
      const attrs = r.form === 'noR' ? '' : ` r="${n}"${r.form === 'spans' ? ' spans="1:6"' : ''}`;
      if (r.form === 'selfClosed' && r.cells.length === 0) return `<row${attrs}/>`;
      const ordered = r.unsorted ? r.cells : [...r.cells].sort((a, b) => a[0] - b[0]);
      const cells = ordered.map((c) => cellXml(n, c)).join(r.sep);
      return `<row${attrs}>${cells}</row${r.form === 'endSpace' ? ' ' : ''}>`;
    })
    .join('');
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
}

function patched(xml: string, cells: CellPlan[], layout?: RowLayout) {
  const sheet = SheetCells.open(xml, () => STRINGS, layout);
  if (!sheet) return { refused: 'open' };
  const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
  const flags = { formulasChanged: false };
  try {
    updateSheet(sheet, { name: 'S', role: 'summary', cells }, new Set([0, 3]), () => true, report, flags);
  } catch (error) {
    return { refused: (error as Error).constructor.name };
  }
  return { xml: sheet.xmlText(), report, flags };
}

describe("the reader's row layout", () => {
  it("gives the patch's own index for every row of the product's workbook, and notes them all", async () => {
    const sample = parseClusterJson(readFileSync('templates/samples/cum-7-2022.json', 'utf8')).doc!;
    const { bytes } = await planToBytes(buildClusterWorkbook(sample, computeCluster(sample)));
    const { noted, rows } = checkFile(bytes, 'cum.xlsx');
    expect(rows).toBeGreaterThan(200);
    // The product writes every row plainly: none is left to the patch's walk.
    expect(noted).toBe(rows);
  });

  it('gives the same index on files LibreOffice and openpyxl saved, wherever it notes a row', () => {
    const dir = 'test/fixtures/other-programs';
    let noted = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.xlsx') && !f.startsWith('damaged'))) {
      const got = checkFile(new Uint8Array(readFileSync(`${dir}/${file}`)), file);
      noted += got.noted;
    }
    expect(noted).toBeGreaterThan(1000);
  });

  it('notes only rows the patch would index, as it would, on sheets written every which way', () => {
    let noted = 0;
    let skipped = 0;
    fc.assert(
      fc.property(fc.array(rowSpec, { minLength: 1, maxLength: 5 }), (rows) => {
        const xml = sheetOf(rows);
        const layout = layoutOf(xml);
        if (!layout) return;
        const got = compareLayout(xml, layout);
        noted += got.noted;
        skipped += got.rows - got.noted;
      }),
      { numRuns: 600 },
    );
    expect(noted).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(300);
  });

  it('leaves the patch deciding exactly as it does without it', () => {
    fc.assert(
      fc.property(
        fc.array(rowSpec, { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.record({
            row: fc.integer({ min: 1, max: 6 }),
            col: fc.integer({ min: 1, max: 8 }),
            formula: fc.option(fc.constantFrom('SUM(A1:B2)', 'B2', 'IF(A1<>"",1,0)'), { nil: undefined }),
            value: fc.constantFrom(null, 1, 2.5, 3, 'x', true),
          }),
          { maxLength: 10 },
        ),
        (rows, plan) => {
          const xml = sheetOf(rows);
          const layout = layoutOf(xml);
          if (!layout) return;
          const cells: CellPlan[] = plan.map((p) => {
            const ref = `${String.fromCharCode(64 + p.col)}${p.row}`;
            return p.formula !== undefined
              ? { ref, formula: p.formula, result: p.value }
              : { ref, value: p.value };
          });
          expect(patched(xml, cells, layout)).toEqual(patched(xml, cells));
        },
      ),
      { numRuns: 400 },
    );
  });
});
