/**
 * The reader's source map: every value of the document read from the sample workbook points at the cell that
 * holds it, and locateIssues places the core's issues (by JSON path, its nearest recorded ancestor, or a
 * score's unit, criterion and stage) without touching issues that already name a sheet.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, type Issue, computeCluster, makeIssue, parseClusterJson } from '../../core';
import { parseRange } from '../../templates/layouts/a1';
import { SC } from '../../templates/layouts/scorecard';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import type { CellValue, WorkbookSnapshot } from '../../templates/plan';
import { type WorkbookSources, locateIssues, readClusterWorkbook, scoreKey } from '../../templates/read';

const sample = parseClusterJson(readFileSync('templates/samples/cum-7-2022.json', 'utf8')).doc!;

let snapshot: WorkbookSnapshot;
let doc: ClusterDocument;
let sources: WorkbookSources;

beforeAll(async () => {
  const { bytes } = await planToBytes(buildClusterWorkbook(sample, computeCluster(sample)));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  snapshot = snapshotWorkbook(wb, 'cum-7-2022.xlsx');
  const read = readClusterWorkbook(snapshot);
  expect(read.issues).toEqual([]);
  doc = read.doc!;
  sources = read.sources!;
});

/** The value at `scores[3].bonus` in the document. */
function valueAtPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const [, key, index] of path.matchAll(/\.?([A-Za-z_]\w*)|\[(\d+)\]/g)) {
    if (at === undefined || at === null) return undefined;
    at = (at as Record<string, unknown>)[key ?? Number(index)];
  }
  return at;
}

function cellValue(sheet: string, cell: string): CellValue {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const { top, left } = parseRange(cell)!;
  return s.values[top - 1]?.[left - 1] ?? null;
}

/** Values the reader translates from the cell's words (Tự chấm → self) or takes from another column (the
 * rotation is the units' names in the order their order cells give). */
const TRANSLATED = /^(kind|ranking\.stage|cluster\.rotation\[\d+\])$/;

describe('readClusterWorkbook: sources', () => {
  it('records every entry and field the document holds, each on its own sheet', () => {
    const count = (prefix: string) =>
      [...sources.cells.keys()].filter((k) => /^\w+\[\d+\]$/.test(k) && k.startsWith(prefix)).length;
    expect(count('units[')).toBe(doc.units.length);
    expect(count('criteria[')).toBe(doc.criteria.length);
    expect(count('scores[')).toBe(doc.scores!.length);
    expect(count('indicators[')).toBe(doc.indicators!.length);
    expect(count('indicatorResults[')).toBe(doc.indicatorResults!.length);
    expect(count('votes[')).toBe(doc.votes!.length);
    expect(count('people[')).toBe(doc.people!.length);
    for (const [i, s] of doc.scores!.entries()) {
      const at = sources.cells.get(`scores[${i}].points`)!;
      // A score is on its unit's scorecard: the sheet whose unit cell names it.
      expect(cellValue(at.sheet, 'B2'), `scores[${i}]`).toBe(s.unit);
      expect(sources.cells.get(`scores[${i}].unit`)).toEqual({ sheet: at.sheet, cell: 'B2' });
      expect(sources.scores.get(scoreKey(s.unit, s.criterion, s.stage))).toBe(`scores[${i}]`);
    }
  });

  it('each number and text of the document is the value of the cell it is said to come from', () => {
    let compared = 0;
    for (const [path, at] of sources.cells) {
      const value = valueAtPath(doc, path);
      const cell = cellValue(at.sheet, at.cell);
      if (typeof value === 'number') {
        // Percent targets are stored as fractions in both; typed numbers are read as they are.
        expect(cell, `${path} at '${at.sheet}'!${at.cell}`).toBe(value);
        compared++;
      } else if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value) && !TRANSLATED.test(path)) {
        expect(String(cell).trim(), `${path} at '${at.sheet}'!${at.cell}`).toBe(value);
        compared++;
      } else if (value === undefined && /\.(bonus|deduction|occurrences|note|parent)$/.test(path)) {
        expect(cell, `${path} is blank at '${at.sheet}'!${at.cell}`).toBeNull();
      }
    }
    expect(compared).toBeGreaterThan(doc.scores!.length * 2);
  });
});

describe('readClusterWorkbook without sources (the merge reads its files so)', () => {
  it('reads the same document and the same messages, and keeps no source map', () => {
    // Cells the messages name by what the number is: text for a number, an error value, a fraction of times.
    const sheets = snapshot.sheets.map((s) => ({ ...s, values: s.values.map((row) => [...row]) }));
    const card = sheets.find((s) => s.tables.some((t) => t.name.startsWith('ChamDiem_')))!;
    const rows = card.values
      .map((row, i) => ({ row, i }))
      .filter(({ row }) => typeof row[SC.selfPoints - 1] === 'number')
      .slice(0, 3);
    rows[0]!.row[SC.selfBonus - 1] = '0,5';
    rows[1]!.row[SC.verDeduction - 1] = '#REF!';
    rows[2]!.row[SC.selfOccurrences - 1] = 1.5;
    const damaged = { ...snapshot, sheets };
    const withSources = readClusterWorkbook(damaged);
    const without = readClusterWorkbook(damaged, { sources: false });
    expect(without.sources).toBeUndefined();
    expect(withSources.sources?.cells.size).toBeGreaterThan(0);
    expect(without.doc).toEqual(withSources.doc);
    expect(without.issues).toEqual(withSources.issues);
    const code = (k: number) => String(rows[k]!.row[SC.code - 1]);
    const texts = without.issues.map((i) => i.message);
    expect(texts).toContainEqual(
      expect.stringContaining(`Điểm cộng tự chấm của tiêu chí ${code(0)} được gõ thành chữ "0,5"`),
    );
    expect(texts).toContainEqual(
      expect.stringContaining(`Điểm trừ thẩm định của tiêu chí ${code(1)} là giá trị lỗi #REF!`),
    );
    expect(texts).toContainEqual(
      expect.stringContaining(`Số lần trừ tự chấm của tiêu chí ${code(2)} phải là số nguyên`),
    );
    expect(without.issues.find((i) => i.message.includes('"0,5"'))).toMatchObject({
      sheet: card.name,
      cell: `H${rows[0]!.i + 1}`,
    });
  });
});

describe('locateIssues', () => {
  const bonusIssue = (where: Partial<Issue>) =>
    makeIssue('error', 'score.bonus.over', { vi: 'Điểm cộng vượt mức.', en: 'Bonus above its cap.' }, where);

  it('places an issue by its path, or the nearest recorded part of it', () => {
    const i = doc.scores!.findIndex((s) => s.bonus !== undefined);
    const [byPath, byEntry, nested] = locateIssues(
      [
        bonusIssue({ path: `scores[${i}].bonus` }),
        bonusIssue({ path: `scores[${i}].stage` }),
        bonusIssue({ path: 'people[0].titles[0].year' }),
      ],
      sources,
    );
    expect(byPath).toMatchObject(sources.cells.get(`scores[${i}].bonus`)!);
    expect(cellValue(byPath!.sheet!, byPath!.cell!)).toBe(doc.scores![i]!.bonus);
    expect(byEntry).toMatchObject(sources.cells.get(`scores[${i}].points`)!);
    expect(nested).toMatchObject(sources.cells.get('people[0].titles')!);
  });

  it("places a score's issue without a path by unit, criterion and stage", () => {
    const s = doc.scores!.find((x) => x.stage === 'verified')!;
    const [placed] = locateIssues(
      [bonusIssue({ unit: s.unit, criterion: s.criterion, stage: 'verified' })],
      sources,
    );
    const i = doc.scores!.indexOf(s);
    expect(placed).toMatchObject(sources.cells.get(`scores[${i}].points`)!);
  });

  it('leaves alone what it cannot place and what already names a sheet; no sources, no change', () => {
    const own = bonusIssue({ sheet: 'Đơn vị', cell: 'B5', path: 'scores[0].bonus' });
    const nowhere = bonusIssue({ path: 'ruleOverrides.x', unit: 'VKSND tỉnh Không Có' });
    const issues = [own, nowhere];
    expect(locateIssues(issues, sources)).toEqual(issues);
    expect(locateIssues(issues, sources)[0]).toBe(own);
    expect(locateIssues(issues, undefined)).toEqual(issues);
  });
});
