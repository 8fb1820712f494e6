/**
 * Numbers too large for the exact milli arithmetic (issue 10; the fuzz finding "a cell holding 1e308 gives an
 * infinite standardTotal"): as a score, a standard or a cap, in a JSON document or a workbook cell, each of
 * 1e308, 1e20, -1e308 and Number.MAX_VALUE is refused where it enters, with a Vietnamese issue naming the
 * unit and criterion (document) or the sheet and cell (workbook), and every figure of the result is finite.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import {
  type ClusterDocument,
  MAX_AMOUNT,
  amountText,
  computeCluster,
  parseClusterDocument,
  parseClusterJson,
  roundMilli,
  toMilli,
} from '../../core';
import { parseRange } from '../../templates/layouts/a1';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import type { WorkbookSnapshot } from '../../templates/plan';
import { readClusterWorkbook } from '../../templates/read';

const HUGE = [1e308, 1e20, -1e308, Number.MAX_VALUE] as const;

/** Every number anywhere in `value` is finite; the paths of those that are not. */
function notFinite(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) out.push(`${path} = ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => void notFinite(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) notFinite(v, `${path}.${k}`, out);
  return out;
}

const sampleText = readFileSync('templates/samples/cum-7-2022.json', 'utf8');
const sample = parseClusterJson(sampleText).doc!;

/** The sample's first score, first leaf criterion with a standard, and first criterion with a bonus cap. */
const scoreAt = 0;
const standardAt = sample.criteria.findIndex(
  (c) => c.points > 0 && !sample.criteria.some((d) => d.parent === c.code),
);
const capAt = sample.criteria.findIndex((c) => c.bonusMax !== undefined);

const PLACES = [
  { what: 'a score', path: ['scores', scoreAt, 'points'] },
  { what: 'a standard', path: ['criteria', standardAt, 'points'] },
  { what: 'a cap', path: ['criteria', capAt, 'bonusMax'] },
] as const;

function withValue(path: readonly (string | number)[], value: number): unknown {
  const doc = structuredClone(JSON.parse(sampleText));
  let at = doc;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]!] = value;
  return doc;
}

describe('the exact arithmetic never overflows', () => {
  it('toMilli refuses a number whose milli is not an exact integer; roundMilli holds it within bounds', () => {
    for (const v of HUGE) {
      expect(toMilli(v)).toBeUndefined();
      expect(Number.isFinite(roundMilli(v))).toBe(true);
    }
    expect(toMilli(MAX_AMOUNT)).toBe(MAX_AMOUNT * 1000);
    expect(roundMilli(Number.NaN)).toBe(0);
  });

  it('prints a huge number in powers of ten, never three hundred digits', () => {
    expect(amountText(1e308)).toEqual({ vi: '1 × 10^308', en: '1e+308' });
    expect(amountText(-1e308).vi).toBe('-1 × 10^308');
    expect(amountText(Number.MAX_VALUE).vi).toBe('1,7976931348623157 × 10^308');
    expect(amountText(1e20).vi).toBe('1 × 10^20');
    expect(amountText(2.5).vi).toBe('2,5');
  });
});

describe('parseClusterDocument: numbers too large to compute with', () => {
  for (const place of PLACES)
    for (const value of HUGE)
      it(`${value} as ${place.what} is refused, named, and the result stays finite`, () => {
        const parsed = parseClusterDocument(withValue(place.path, value));
        const issue = parsed.issues.find((i) => i.code === 'document.number.tooLarge');
        expect(issue, JSON.stringify(parsed.issues.slice(0, 3))).toBeDefined();
        expect(issue!.severity).toBe('error');
        expect(issue!.path).toBe(`${place.path[0]}[${place.path[1]}].${place.path[2]}`);
        expect(issue!.message).toContain('lớn quá mức tính được');
        expect(issue!.message).not.toMatch(/\d{20}/);
        const list = place.path[0] === 'scores' ? sample.scores! : sample.criteria;
        const item = list[place.path[1]] as { unit?: string; criterion?: string; code?: string };
        expect(issue!.criterion).toBe(item.criterion ?? item.code);
        expect(issue!.message).toContain(`tiêu chí ${item.criterion ?? item.code}`);
        if (item.unit) {
          expect(issue!.unit).toBe(item.unit);
          expect(issue!.message).toContain(`đơn vị ${item.unit}`);
        }
        const doc = parsed.doc!;
        const { result } = computeCluster(doc);
        expect(Number.isFinite(result.units[0]!.standardTotal)).toBe(true);
        expect(notFinite(result)).toEqual([]);
      });

  it('a number at the bound is kept', () => {
    const parsed = parseClusterDocument(withValue(['scores', scoreAt, 'points'], MAX_AMOUNT));
    expect(parsed.issues.map((i) => i.code)).not.toContain('document.number.tooLarge');
  });

  it('1e308 in the JSON text is refused the same way', () => {
    const text = JSON.stringify(withValue(['criteria', standardAt, 'points'], 1)).replace(
      /"points":1(?=[,}])/,
      '"points":1e308',
    );
    const parsed = parseClusterJson(text);
    expect(parsed.issues.map((i) => i.code)).toContain('document.number.tooLarge');
    expect(notFinite(computeCluster(parsed.doc!).result)).toEqual([]);
  });
});

describe('readClusterWorkbook: cells too large to compute with', () => {
  let snapshot: WorkbookSnapshot;
  let cells: ReadonlyMap<string, { sheet: string; cell: string }>;

  beforeAll(async () => {
    const { bytes } = await planToBytes(buildClusterWorkbook(sample, computeCluster(sample)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    snapshot = snapshotWorkbook(wb, 'cum.xlsx');
    const read = readClusterWorkbook(snapshot);
    expect(read.issues).toEqual([]);
    cells = read.sources!.cells;
  });

  /** The snapshot with the cell that held `path` set to `value` (a number, or text as a clerk types it). */
  function withCell(
    path: string,
    value: number | string,
  ): { copy: WorkbookSnapshot; at: { sheet: string; cell: string } } {
    const at = cells.get(path)!;
    expect(at, path).toBeDefined();
    const copy = structuredClone(snapshot);
    const sheet = copy.sheets.find((s) => s.name === at.sheet)!;
    const { top, left } = parseRange(at.cell)!;
    sheet.values[top - 1]![left - 1] = value;
    return { copy, at };
  }

  const readDocOf = (copy: WorkbookSnapshot) => readClusterWorkbook(copy);

  for (const place of PLACES)
    for (const value of HUGE)
      it(`${value} as ${place.what} is refused naming sheet and cell, and the result stays finite`, () => {
        // The workbook's own document may order scores differently from the JSON: find the path by its cell.
        const read0 = readClusterWorkbook(snapshot).doc as ClusterDocument;
        const list = place.path[0] === 'scores' ? read0.scores! : read0.criteria;
        const index =
          place.path[0] === 'scores'
            ? 0
            : list.findIndex((c) => 'code' in c && c.code === sample.criteria[place.path[1]]!.code);
        const path = `${place.path[0]}[${index}].${place.path[2]}`;
        const { copy, at } = withCell(path, value);
        const read = readDocOf(copy);
        const issue = read.issues.find((i) => i.code === 'workbook.cell.tooLarge');
        expect(issue, JSON.stringify(read.issues.slice(0, 3))).toBeDefined();
        expect(issue!.sheet).toBe(at.sheet);
        expect(issue!.cell).toBe(at.cell);
        expect(issue!.message).toContain(`Sheet "${at.sheet}", ô ${at.cell}: `);
        expect(issue!.message).toContain('lớn quá mức tính được');
        expect(read.doc).toBeDefined();
        const { result } = computeCluster(read.doc!);
        expect(notFinite(result)).toEqual([]);
      });

  it('a huge number typed as text ("1e20" is not a number to a clerk; "100.000.000.000.000.000.000" is)', () => {
    const { copy, at } = withCell('scores[0].points', '100.000.000.000.000.000.000');
    const read = readDocOf(copy);
    const issue = read.issues.find((i) => i.code === 'workbook.cell.tooLarge');
    expect(issue?.cell).toBe(at.cell);
    expect(notFinite(computeCluster(read.doc!).result)).toEqual([]);
  });
});
