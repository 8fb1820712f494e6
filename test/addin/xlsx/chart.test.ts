/**
 * The ranking chart on the summary sheet: exceljs cannot write charts, so the file host adds the parts with
 * jszip. The parts must be present, well-formed and wired (content types, relationships, the sheet's
 * <drawing>), the bar chart must plot the summary's unit names against the ranking scores, and LibreOffice
 * must draw it when it prints the workbook (its title and data labels are in the PDF's text).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertToPdf, pdfPages } from '../../../addin/host/libreoffice';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { computeCluster, parseClusterJson } from '../../../core';
import { buildClusterWorkbook } from '../../../templates/build/cluster';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';

async function sample() {
  const text = await readFile(
    join(import.meta.dirname, '../../../templates/samples/cum-7-2022.json'),
    'utf8',
  );
  const doc = parseClusterJson(text).doc!;
  const computation = computeCluster(doc);
  const plan = buildClusterWorkbook(doc, computation, { now: '2023-01-05T08:00:00Z' });
  return { doc, computation, bytes: (await planToBytes(plan)).bytes };
}

/** Parses XML, failing on any parser error or warning (not well-formed). */
function parse(xml: string, what: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      problems.push(`${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
  expect(problems, what).toEqual([]);
  return doc;
}

describe('the ranking chart', { timeout: 120_000 }, () => {
  it('has well-formed chart and drawing parts wired to the summary sheet', async () => {
    const { bytes, doc } = await sample();
    const zip = await JSZip.loadAsync(bytes);
    const text = async (p: string) => {
      const f = zip.file(p);
      expect(f, p).not.toBeNull();
      return f!.async('string');
    };
    const types = await text('[Content_Types].xml');
    parse(types, 'content types');
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toMatch(
      /<Override PartName="\/xl\/drawings\/drawing\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"\/>/,
    );

    // Which sheet part is "Tổng hợp", through workbook.xml and its relationships.
    const workbook = await text('xl/workbook.xml');
    const rid = /<sheet [^>]*name="Tổng hợp"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
    expect(rid).toBeDefined();
    const wbRels = await text('xl/_rels/workbook.xml.rels');
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(
      wbRels,
    )!;
    const sheetPart = `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
    const sheetXml = await text(sheetPart);
    parse(sheetXml, sheetPart);
    const drawingRid = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
    expect(drawingRid).toBeDefined();
    // Schema order: <drawing> before <tableParts>.
    expect(sheetXml.indexOf('<drawing ')).toBeLessThan(sheetXml.indexOf('<tableParts'));
    const sheetRels = await text(
      sheetPart.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels'),
    );
    parse(sheetRels, 'sheet rels');
    const drawingTarget = new RegExp(
      `Id="${drawingRid}"[^>]*Target="\\.\\./(drawings/drawing\\d+\\.xml)"`,
    ).exec(sheetRels)?.[1];
    expect(drawingTarget).toBeDefined();
    const drawing = await text(`xl/${drawingTarget}`);
    parse(drawing, 'drawing');
    const drawingRels = await text(
      `xl/${drawingTarget!.replace(/drawings\/(drawing\d+\.xml)$/, 'drawings/_rels/$1.rels')}`,
    );
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');

    // The chart: a horizontal clustered bar chart of the ranking score by unit, over the summary's rows.
    const chart = parse(await text('xl/charts/chart1.xml'), 'chart');
    const bar = chart.getElementsByTagNameNS(C, 'barChart');
    expect(bar.length).toBe(1);
    const val = (tag: string) => bar[0]!.getElementsByTagNameNS(C, tag)[0]?.getAttribute('val');
    expect(val('barDir')).toBe('bar');
    expect(val('grouping')).toBe('clustered');
    const first = 7;
    const last = first + doc.units.length - 1;
    const refs = [...chart.getElementsByTagNameNS(C, 'f')].map((f) => f.textContent);
    expect(refs).toEqual([`'Tổng hợp'!$B$${first}:$B$${last}`, `'Tổng hợp'!$F$${first}:$F$${last}`]);
    // Both axes exist and cross each other.
    const ids = [...bar[0]!.getElementsByTagNameNS(C, 'axId')].map((a) => a.getAttribute('val'));
    for (const axis of ['catAx', 'valAx']) {
      const el = chart.getElementsByTagNameNS(C, axis)[0]!;
      expect(ids).toContain(el.getElementsByTagNameNS(C, 'axId')[0]!.getAttribute('val'));
    }
  });

  it('is drawn by LibreOffice: the printed summary carries its title and the scores as data labels', async () => {
    const { bytes, computation } = await sample();
    const dir = await mkdtemp(join(tmpdir(), 'thidua-chart-'));
    await writeFile(join(dir, 'cum-7.xlsx'), bytes);
    const pages = await pdfPages(await convertToPdf(join(dir, 'cum-7.xlsx'), dir));
    const summary = pages.find((p) => p.includes('TỔNG HỢP KẾT QUẢ'));
    expect(summary).toBeDefined();
    const title = summary!.indexOf('Điểm xếp hạng (thẩm định)');
    expect(title).toBeGreaterThan(0);
    // The data labels, after the title: each unit's verified total in Vietnamese notation.
    const labels = summary!.slice(title);
    for (const u of computation.result.units)
      expect(labels, u.unit).toContain(String(u.verified!.total).replace('.', ','));
  });
});
