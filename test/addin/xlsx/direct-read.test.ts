// The direct reader (addin/host/xlsx/read/direct-read.ts) gives the snapshot and issues the exceljs path gave
// (snapshotWorkbook over loadWorkbookBytes, with typedFormulasWithoutValue), for every workbook of the
// fixtures, the product's own workbooks, hand-written packages for each thing a sheet can hold, and random
// grids written by exceljs; files the exceljs path refused are refused in the same words. Where exceljs was
// wrong the direct reader is not made to copy it: each such place is a test below saying what and why.
// Damaged files: byte-level mutations of the corpus (a part cut short, a character deleted or inserted) are
// refused or read alike in most cases; the rest are a part cut short (refused here, read as far as it went by
// exceljs: a test below), elements exceljs refused where no XML rule is broken (a misspelt <tableColumn>),
// and a malformed package _rels/.rels, which neither reader needs beyond the workbook part.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { memberScorecardBuilder } from '../../../addin/app/cycle-core';
import { checkXlsxBytes } from '../../../addin/host/xlsx/check-bytes';
import { loadWorkbookBytes } from '../../../addin/host/xlsx/load';
import { readSnapshotBytes } from '../../../addin/host/xlsx/read/direct-read';
import { readSeal, readSnapshotSeal, sealWorkbook } from '../../../addin/host/xlsx/seal';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { typedFormulasWithoutValue } from '../../../addin/host/xlsx/typed-formulas';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster, nominateAwards } from '../../../core';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import sampleJson from '../../../templates/samples/cum-7-2022.json';

const sample = sampleJson as unknown as ClusterDocument;

type Outcome = { snapshot: unknown; issues: unknown } | { refused: unknown };

async function viaExceljs(bytes: Uint8Array, name: string): Promise<Outcome> {
  try {
    const workbook = await loadWorkbookBytes(bytes, name);
    return { snapshot: snapshotWorkbook(workbook, name), issues: typedFormulasWithoutValue(workbook) };
  } catch (error) {
    return { refused: (error as { text?: unknown }).text ?? String(error) };
  }
}

function direct(bytes: Uint8Array, name: string): Outcome {
  try {
    return readSnapshotBytes(bytes, name);
  } catch (error) {
    return { refused: (error as { text?: unknown }).text ?? String(error) };
  }
}

async function expectSame(bytes: Uint8Array, name: string): Promise<Outcome> {
  const want = await viaExceljs(bytes, name);
  expect(direct(bytes, name)).toEqual(want);
  return want;
}

function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return fixtures(path);
    return entry.endsWith('.xlsx') ? [path] : [];
  });
}

describe('the direct reader gives what the exceljs path gave', () => {
  const files = fixtures(join(__dirname, '../../fixtures'));

  it.each(files.map((f) => [f.slice(f.indexOf('fixtures/')), f]))('%s', async (_shown, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const name = path.split('/').pop()!;
    try {
      await checkXlsxBytes(bytes, name);
    } catch {
      // Refused by the package guard before either reader (both doors call it first).
      return;
    }
    await expectSame(bytes, name);
  });

  it('reads the other programs corpus and refuses its damaged part in the same words', async () => {
    const dir = join(__dirname, '../../fixtures/other-programs');
    const damaged = await expectSame(
      new Uint8Array(readFileSync(join(dir, 'damaged-part-member.xlsx'))),
      'damaged-part-member.xlsx',
    );
    expect(damaged).toEqual({
      refused: expect.objectContaining({ en: expect.stringContaining('its part xl/worksheets/sheet1.xml') }),
    });
    const lo = await expectSame(
      new Uint8Array(readFileSync(join(dir, 'lo-cluster.xlsx'))),
      'lo-cluster.xlsx',
    );
    expect((lo as { snapshot: { sheets: unknown[] } }).snapshot.sheets.length).toBeGreaterThan(10);
  });

  it.each([
    ['the cluster workbook', () => buildClusterWorkbook(sample)],
    ['the cluster workbook with results', () => buildClusterWorkbook(sample, computeCluster(sample))],
    [
      'a campaign workbook',
      () =>
        buildClusterWorkbook({
          ...sample,
          kind: 'campaign',
          title: 'Đợt thi đua cao điểm',
          period: { from: '2022-05-01', to: '2022-08-31' },
        }),
    ],
    [
      "a member's scorecard",
      () => memberScorecardBuilder(sample, '2022-12-01T00:00:00.000Z')(sample.units[1]!.name).plan,
    ],
  ])('%s built by the product', async (_name, plan) => {
    const { bytes } = await planToBytes(plan());
    const out = await expectSame(bytes, 'so.xlsx');
    expect('snapshot' in out).toBe(true);
  });
});

describe("a finalised workbook's seal", () => {
  it('reads from the snapshot as readSeal read it from exceljs', async () => {
    const workbook = await loadWorkbookBytes(
      (await planToBytes(buildClusterWorkbook(sample))).bytes,
      'c.xlsx',
    );
    const { result } = computeCluster(sample);
    const awards = nominateAwards(sample, result, { lang: 'vi' });
    const facts = [
      { key: 'k1', label: 'Điểm', value: '9,5', path: 'scores.0', sheet: 'Tổng hợp', cell: 'B3' },
      { key: 'k2', label: 'Tên', value: 'Đắk Lắk', path: 'units.0' },
    ];
    const stamp = { fingerprint: 'ABCD-1234-EF', by: 'Trần Thị Bình', at: '2022-12-22T09:00:00Z' };
    await sealWorkbook(workbook, stamp, result, awards, facts);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const reopened = await loadWorkbookBytes(bytes, 'chot.xlsx');
    const seal = readSnapshotSeal(readSnapshotBytes(bytes, 'chot.xlsx').snapshot);
    expect(seal).toEqual(readSeal(reopened));
    expect(seal).toMatchObject({ ...stamp, facts });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Hand-written packages: one sheet (or more) with exactly the XML other programs write.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

interface Pack {
  sheets: { name: string; xml: string; rels?: string; target?: string }[];
  strings?: string;
  styles?: string;
  names?: string;
  workbookPr?: string;
  extra?: Record<string, string>;
  /** Workbook relationship targets written absolute ("/xl/worksheets/…"), as openpyxl does. */
  absolute?: boolean;
}

const CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

function pack(p: Pack): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => {
    files[name] = strToU8(text);
  };
  put('[Content_Types].xml', CONTENT_TYPES);
  put(
    '_rels/.rels',
    `${PKG_RELS}<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheets = p.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  put(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook ${NS} ${RNS}>${p.workbookPr ?? ''}<sheets>${sheets}</sheets>${p.names ? `<definedNames>${p.names}</definedNames>` : ''}</workbook>`,
  );
  const base = p.absolute ? '/xl/' : '';
  const rels = p.sheets.map((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    return `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${base}${target}"/>`;
  });
  if (p.strings !== undefined)
    rels.push(`<Relationship Id="rS" Type="${REL}/sharedStrings" Target="${base}sharedStrings.xml"/>`);
  if (p.styles !== undefined)
    rels.push(`<Relationship Id="rT" Type="${REL}/styles" Target="${base}styles.xml"/>`);
  put('xl/_rels/workbook.xml.rels', `${PKG_RELS}${rels.join('')}</Relationships>`);
  p.sheets.forEach((s, i) => {
    const part = `xl/${s.target ?? `worksheets/sheet${i + 1}.xml`}`;
    put(part, `<?xml version="1.0"?><worksheet ${NS} ${RNS}>${s.xml}</worksheet>`);
    if (s.rels) {
      const at = part.lastIndexOf('/');
      put(`${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`, `${PKG_RELS}${s.rels}</Relationships>`);
    }
  });
  if (p.strings !== undefined)
    put('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${p.strings}</sst>`);
  if (p.styles !== undefined)
    put('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${NS}>${p.styles}</styleSheet>`);
  for (const [name, text] of Object.entries(p.extra ?? {})) put(name, text);
  return zipSync(files);
}

const sheet = (rows: string, after = '') => `<sheetData>${rows}</sheetData>${after}`;

/** cellXfs: 0 default, 1 unlocked, 2 a date (built-in 14), 3 a custom date code, 4 a custom number code. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;đ&quot;"/></numFmts>' +
  '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyProtection="1"><protection locked="0"/></xf>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs>';

describe('hand-written packages read the same both ways', () => {
  it('numbers, text, booleans, errors, inline and rich text, entities', async () => {
    const out = await expectSame(
      pack({
        strings:
          '<si><t>Đơn vị &amp; &#x1EA1; &lt;x&gt;</t></si><si><r><rPr><b/></rPr><t>Gia </t></r><r><t xml:space="preserve">Lai</t></r></si>' +
          '<si><t>ルビ</t><rPh sb="0" eb="2"><t>るび</t></rPh></si><si><t>a_x000D_b</t></si>',
        styles: STYLES,
        sheets: [
          {
            name: 'S',
            xml: sheet(
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
                '<row r="2"><c r="A2"><v>4.5</v></c><c r="B2"><v>4,5</v></c><c r="C2"><v>NaN</v></c><c r="D2"><v>1E-3</v></c><c r="E2" s="4"><v>7</v></c></row>' +
                '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><v>văn bản</v></c></row>' +
                '<row r="4"><c r="A4" t="inlineStr"><is><t>nội tuyến</t></is></c><c r="B4" t="inlineStr"><is><r><t>a</t></r><r><rPr><i/></rPr><t>b</t></r></is></c></row>',
            ),
          },
        ],
      }),
      'a.xlsx',
    );
    expect((out as { snapshot: { sheets: { values: unknown }[] } }).snapshot.sheets[0]!.values).toEqual([
      ['Đơn vị & ạ <x>', 'Gia Lai', 'ルビ', 'a\rb', null],
      [4.5, 4, Number.NaN, 0.001, 7],
      [true, false, '#N/A', 'văn bản', null],
      ['nội tuyến', 'ab', null, null, null],
    ]);
  });

  it('dates as serial numbers, in 1900 and 1904 workbooks', async () => {
    for (const workbookPr of ['', '<workbookPr date1904="1"/>', '<workbookPr date1904="true"/>'])
      await expectSame(
        pack({
          styles: STYLES,
          workbookPr,
          sheets: [
            {
              name: 'D',
              xml: sheet(
                '<row r="1"><c r="A1" s="2"><v>44927</v></c><c r="B1" s="3"><v>44927.333333333336</v></c><c r="C1" s="2"><f>A1+1</f><v>44928</v></c><c r="D1" s="3" t="str"><f>"x"</f><v>x</v></c></row>',
              ),
            },
          ],
        }),
        'd.xlsx',
      );
  });

  it('formulas: plain, shared (master and the cells naming it), array; typed without a result', async () => {
    const out = await expectSame(
      pack({
        styles: STYLES,
        sheets: [
          {
            name: 'F',
            xml: sheet(
              '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c><c r="C1" s="1"><f>SUM(A1:B1)</f></c></row>' +
                '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">A1+$B$1</f><v>3</v></c><c r="B2" s="1"><f>1=1</f><v>1</v></c><c r="C2" s="1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
                '<row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c><c r="B3" s="1"><f t="shared" ref="B3:C3" si="1">A3</f></c><c r="C3" s="1"><f t="shared" si="1"/></c></row>' +
                '<row r="4"><c r="A4"><f t="shared" si="0"/><v>5</v></c><c r="B4"><f t="array" ref="B4">SUM(A1:A3*2)</f><v>16</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>',
            ),
          },
        ],
      }),
      'f.xlsx',
    );
    const s = (out as { snapshot: { sheets: { formulas: unknown }[] }; issues: { cell: string }[] }).snapshot;
    expect(s.sheets[0]!.formulas).toEqual([
      [null, 'A1*2', 'SUM(A1:B1)'],
      ['A1+$B$1', '1=1', '"a"&"b"'],
      ['A2+$B$1', 'A3', 'B3'],
      ['A3+$B$1', 'SUM(A1:A3*2)', '1/0'],
    ]);
    expect((out as { issues: { cell: string }[] }).issues.map((i) => i.cell)).toEqual(['C1', 'B3', 'C3']);
  });

  it('merged cells show their first cell; styled empty cells widen the range, unstyled ones do not', async () => {
    await expectSame(
      pack({
        styles: STYLES,
        sheets: [
          {
            name: 'M',
            xml: sheet(
              '<row r="1"><c r="A1" t="inlineStr"><is><t>gộp</t></is></c><c r="B1"><v>9</v></c><c r="F1"/><c r="G1" s="0"/></row>' +
                '<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="H2" s="1"/></row><row r="7" ht="20" customHeight="1"/>',
              '<mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="A2:A4"/><mergeCell ref="D6:C5"/></mergeCells>',
            ),
          },
          { name: 'Trống', xml: sheet('<row r="3"><c r="C3" s="1"/></row>') },
          { name: 'Rỗng', xml: '<sheetData/>' },
        ],
      }),
      'm.xlsx',
    );
  });

  it('tables by the sheet relationships, absolute targets, other part names; names as exceljs regrouped them', async () => {
    const table = (n: number, ref: string) =>
      `<?xml version="1.0"?><table ${NS} id="${n}" name="tbl${n}" displayName="Bang${n}" ref="${ref}"><autoFilter ref="${ref}"/><tableColumns count="1"><tableColumn id="1" name="A"/></tableColumns></table>`;
    await expectSame(
      pack({
        absolute: true,
        sheets: [
          {
            name: 'Đơn vị',
            target: 'worksheets/units.xml',
            xml: sheet(
              '<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c></row>',
              '<tableParts count="2"><tablePart r:id="rId7"/><tablePart r:id="rId8"/></tableParts>',
            ),
            rels: `<Relationship Id="rId7" Type="${REL}/table" Target="/xl/tables/t1.xml"/><Relationship Id="rId8" Type="${REL}/table" Target="../tables/table2.xml"/>`,
          },
          { name: 'S2', xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
        ],
        names:
          '<definedName name="ThiDua_Nam">\'Đơn vị\'!$A$1</definedName><definedName name="Vung">S2!$A$1:$B$3</definedName>' +
          '<definedName name="Hai">S2!$A$1,S2!$A$2:$B$2,S2!$B$1</definedName><definedName name="TuongDoi">S2!A1</definedName>' +
          '<definedName name="_xlnm.Print_Area" localSheetId="1">S2!$A$1:$C$9</definedName><definedName name="HangSo">0.5</definedName>',
        extra: { 'xl/tables/t1.xml': table(1, 'A1:A3'), 'xl/tables/table2.xml': table(2, 'C1:C2') },
      }),
      't.xlsx',
    );
  });

  it('LibreOffice\'s locked="false" is an unlocked cell; hyperlinks show their text', async () => {
    await expectSame(
      pack({
        styles: STYLES.replace('<protection locked="0"/>', '<protection locked="false" hidden="false"/>'),
        sheets: [
          {
            name: 'L',
            xml: sheet(
              '<row r="1"><c r="A1" s="1"><f>2+2</f></c><c r="B1"><v>12</v></c><c r="C1" t="str"><f>"x"</f><v>x</v></c></row>',
              '<hyperlinks><hyperlink ref="B1" r:id="rId1"/><hyperlink ref="C1" r:id="rId1"/><hyperlink ref="A1" location="L!A1"/></hyperlinks>',
            ),
            rels: `<Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/>`,
          },
        ],
      }),
      'l.xlsx',
    );
  });

  it('refuses what the exceljs path refused, in the same words', async () => {
    const good = { name: 'S', xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') };
    const cases: [string, Uint8Array][] = [
      [
        'a table part missing',
        pack({
          sheets: [
            {
              ...good,
              xml: `${good.xml}<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`,
              rels: `<Relationship Id="rId1" Type="${REL}/table" Target="../tables/table9.xml"/>`,
            },
          ],
        }),
      ],
      [
        'a sheet cut short',
        pack({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c>' }] }),
      ],
      [
        'a stray tag',
        pack({ sheets: [{ name: 'S', xml: sheet('<row r="1"><c r="A1"><v>1</c></v></row>') }] }),
      ],
      [
        'a shared string past the list',
        pack({
          strings: '<si><t>a</t></si>',
          sheets: [{ name: 'S', xml: sheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') }],
        }),
      ],
      [
        'overlapping merges',
        pack({
          sheets: [
            {
              ...good,
              xml: `${good.xml}<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`,
            },
          ],
        }),
      ],
      ['broken shared strings', pack({ strings: '<si><t>a</si>', sheets: [good] })],
    ];
    for (const [why, bytes] of cases) {
      const out = await expectSame(bytes, 'hong.xlsx');
      expect(out, why).toHaveProperty('refused');
    }
  });
});

describe('where exceljs was wrong, the direct reader is not', () => {
  it('reads rows and cells written without their address (exceljs refused the file as damaged)', async () => {
    const bytes = pack({
      sheets: [
        {
          name: 'S',
          xml: sheet(
            '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row>',
          ),
        },
      ],
    });
    expect(await viaExceljs(bytes, 'r.xlsx')).toHaveProperty('refused');
    expect(readSnapshotBytes(bytes, 'r.xlsx').snapshot.sheets[0]!.values).toEqual([
      [1, 2, null],
      [null, 3, 4],
    ]);
  });

  it('refuses a part cut short (exceljs read it as far as it went)', async () => {
    const bytes = pack({ sheets: [{ name: 'S', xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const files = unzipSync(bytes);
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
    files['xl/_rels/workbook.xml.rels'] = strToU8(rels.slice(0, rels.indexOf('/>') + 2));
    const cut = zipSync(files);
    expect(await viaExceljs(cut, 'c.xlsx')).toHaveProperty('snapshot');
    expect(direct(cut, 'c.xlsx')).toEqual({
      refused: expect.objectContaining({
        en: expect.stringContaining('its part xl/_rels/workbook.xml.rels is not valid XML'),
      }),
    });
  });

  it('an empty shared string is "" (exceljs gave "[object Object]")', async () => {
    const bytes = pack({
      strings: '<si/><si><t/></si>',
      sheets: [
        {
          name: 'S',
          xml: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'),
        },
      ],
    });
    const old = (await viaExceljs(bytes, 'e.xlsx')) as { snapshot: { sheets: { values: unknown }[] } };
    expect(old.snapshot.sheets[0]!.values).toEqual([['[object Object]', '']]);
    expect(readSnapshotBytes(bytes, 'e.xlsx').snapshot.sheets[0]!.values).toEqual([['', '']]);
  });

  it('an inline string decodes "_x000D_" as shared strings do (exceljs kept it as written)', async () => {
    const bytes = pack({
      sheets: [
        { name: 'S', xml: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>') },
      ],
    });
    const old = (await viaExceljs(bytes, 'x.xlsx')) as { snapshot: { sheets: { values: unknown }[] } };
    expect(old.snapshot.sheets[0]!.values).toEqual([['a_x000D_b']]);
    expect(readSnapshotBytes(bytes, 'x.xlsx').snapshot.sheets[0]!.values).toEqual([['a\rb']]);
  });
});

describe('random grids written by exceljs read back the same', () => {
  const value = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Đắk Lắk', ' khoảng trắng ', 'a&b<c>"d\'', '=SUM(A1)', '0,5', '#N/A'),
    fc.record({
      formula: fc.constantFrom('1+1', 'A1*2', 'SUM(A1:B2)'),
      result: fc.option(fc.integer(), { nil: undefined }),
    }),
  );
  it('values, formulas, unlocked cells and merges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 3 }),
        fc.boolean(),
        async (grid, unlocked, merge) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('Lưới');
          for (const [r, row] of grid.entries())
            for (const [c, v] of row.entries())
              if (v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
          for (const [r, c] of unlocked) ws.getCell(r + 1, c + 1).protection = { locked: false };
          if (merge) ws.mergeCells(8, 1, 9, 2);
          const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
          await expectSame(bytes, 'luoi.xlsx');
        },
      ),
      { numRuns: 60 },
    );
  });
});
