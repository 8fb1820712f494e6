/**
 * Results patched into a copy of a workbook's package (addin/host/xlsx/patch) against the exceljs path it
 * replaces: for workbooks the product makes, the other-programs corpus and workbooks with what a person typed,
 * both give the same snapshot (values, formulas, tables), the same locked state per cell and the same report;
 * the parts the results do not touch are copied byte for byte, charts stay, and LibreOffice recalculates the
 * patched file to the values it holds. A package the patch does not handle falls back to exceljs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import { recalculateWorkbooks } from '../../../addin/host/libreoffice';
import { loadWorkbookBytes } from '../../../addin/host/xlsx/load';
import { type LogLine, patchResults, patchResultsLater } from '../../../addin/host/xlsx/patch';
import { nodeDeflate, nodeDeflateLater, nodeInflate } from '../../../addin/host/xlsx/write/node-deflate';
import { readZip } from '../../../addin/host/xlsx/patch/zip';
import { readWorkbookSnapshotFile } from '../../../addin/host/xlsx/files';
import { type KeptTexts, readSnapshotBytes } from '../../../addin/host/xlsx/read/direct-read';
import { SheetTexts } from '../../../addin/host/xlsx/read/row-layout';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { planToBytes, resultsCopyBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster } from '../../../core';
import { largeCluster } from '../../../scripts/bench/workbook';
import { buildClusterWorkbook, deferredClusterWorkbook } from '../../../templates/build/cluster';
import { TABLE } from '../../../templates/layouts/cluster';
import type { WorkbookSnapshot } from '../../../templates/plan';
import { sampleDoc, tempDir } from '../cli-workbook/workbooks';
import { notingMakes } from './deferred-sheets';

const NOW = '2025-01-05T09:00:00Z';
const CORPUS = join(__dirname, '../../fixtures/other-programs');
const SCORECARD = 'tỉnh Đắk Lắk';

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

async function uncomputed(doc?: ClusterDocument): Promise<Uint8Array> {
  return (await planToBytes(buildClusterWorkbook(doc ?? (await sampleDoc()), undefined, { now: NOW }))).bytes;
}

/** Bytes changed with exceljs (load, edit, save): a workbook someone edited and saved. */
async function edited(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Each cell's locked state, by sheet and address, over the cells either workbook holds. */
function lockedCells(wb: ExcelJS.Workbook): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, cell.protection?.locked !== false);
      }),
    );
  return out;
}

function sameLocks(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const la = lockedCells(a);
  const lb = lockedCells(b);
  const differ: string[] = [];
  const lockedIn = (wb: ExcelJS.Workbook, held: Map<string, boolean>, key: string) => {
    const known = held.get(key);
    if (known !== undefined) return known;
    const [sheet, ref] = key.split('!');
    return wb.getWorksheet(sheet!)?.getCell(ref!).protection?.locked !== false;
  };
  for (const key of new Set([...la.keys(), ...lb.keys()]))
    if (lockedIn(a, la, key) !== lockedIn(b, lb, key)) differ.push(key);
  return differ;
}

interface Compared {
  patched: Uint8Array;
  exceljs: Uint8Array;
  snapshot: WorkbookSnapshot;
  report: Awaited<ReturnType<typeof resultsCopyBytes>>['report'];
  copied: number;
  parts: number;
}

/**
 * `bytes` as a file, results written both ways (patched, then exceljs), and everything compared. The results
 * are the document read from the file, or `doc`'s (then the plan's values differ from what the file holds).
 */
async function bothWays(name: string, bytes: Uint8Array, doc?: ClusterDocument): Promise<Compared> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  const runOnce = async (patch: boolean) => {
    const read = await readWorkbookDocument(file, { keepWorkbook: true });
    expect(read.doc, name).toBeDefined();
    const written = doc ?? read.doc!;
    return resultsCopyBytes(file, written, computeCluster(written), NOW, read.workbook, { patch });
  };
  const patched = await runOnce(true);
  const exceljs = await runOnce(false);
  // The patch was taken: the input's parts the results do not touch are its very bytes.
  const input = readZip(bytes)!;
  const output = readZip(patched.bytes)!;
  const copied = output.filter((e) =>
    input.some((i) => i.name === e.name && Buffer.from(i.data).equals(Buffer.from(e.data))),
  ).length;
  expect(copied, name).toBeGreaterThan(output.length / 2);
  const a = await loadWorkbookBytes(patched.bytes, name);
  const b = await loadWorkbookBytes(exceljs.bytes, name);
  const snapshot = snapshotWorkbook(a, name);
  expect(snapshot, name).toEqual(snapshotWorkbook(b, name));
  expect(sameLocks(a, b), name).toEqual([]);
  // The same report; nothing normalised, since the package is kept as it was.
  const { notices: _, ...report } = exceljs.report;
  expect(patched.report, name).toEqual(report);
  expect(patched.report.notices).toBeUndefined();
  return {
    patched: patched.bytes,
    exceljs: exceljs.bytes,
    snapshot,
    report: patched.report,
    copied,
    parts: output.length,
  };
}

const charts = (bytes: Uint8Array) =>
  readZip(bytes)!.filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).length;

const logRows = (s: WorkbookSnapshot) =>
  s.sheets.flatMap((sheet) => sheet.values).filter((row) => row[1] === 'Tính kết quả').length;

describe('results patched into a copy, against the exceljs path', { timeout: 240_000 }, () => {
  it('a workbook the product made: only the sheets written and the log table change; the chart stays', async () => {
    const input = await uncomputed();
    const r = await bothWays('sample.xlsx', input);
    expect(r.report.cellsWritten).toBeGreaterThan(1000);
    expect(r.report.refused).toEqual([]);
    expect(charts(input)).toBe(1);
    expect(charts(r.patched)).toBe(1);
    expect(r.parts - r.copied).toBeLessThan(6);
    expect(logRows(r.snapshot)).toBe(1);
  });

  it('computed again: the second line goes under the first, the table grows by a row', async () => {
    const once = (await bothWays('once.xlsx', await uncomputed())).patched;
    const r = await bothWays('twice.xlsx', once);
    expect(logRows(r.snapshot)).toBe(2);
    const log = r.snapshot.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLE.log)!;
    const before = (await bothWays('once-again.xlsx', once)).snapshot;
    expect(log.ref).toBe(before.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLE.log)!.ref);
    // Most of a recomputed workbook is written as it already was: those rows keep their XML.
    expect(r.parts - r.copied).toBeLessThan(r.parts / 4);
  });

  it('from the snapshot the document was read from and the bytes, without an exceljs workbook', async () => {
    const bytes = await uncomputed();
    const file = join(dir, 'snapshot-source.xlsx');
    await writeFile(file, bytes);
    const read = await readWorkbookDocument(file, { keepWorkbook: true });
    const workbook = await loadWorkbookBytes(bytes, 'snapshot-source.xlsx');
    const snapshot = snapshotWorkbook(workbook, 'snapshot-source.xlsx');
    const computation = computeCluster(read.doc!);
    // What compute -o keeps (the direct reader's snapshot and the bytes), against an exceljs workbook.
    expect(read.workbook && 'bytes' in read.workbook).toBe(true);
    const a = await resultsCopyBytes(file, read.doc!, computation, NOW, read.workbook);
    const b = await resultsCopyBytes(file, read.doc!, computation, NOW, { snapshot });
    const c = await resultsCopyBytes(file, read.doc!, computation, NOW, workbook);
    expect(a.report).toEqual(c.report);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const snap = async (x: Uint8Array) => snapshotWorkbook(await loadWorkbookBytes(x, 'x.xlsx'), 'x.xlsx');
    expect(await snap(a.bytes)).toEqual(await snap(c.bytes));
  });

  it('a 12-unit workbook', async () => {
    const r = await bothWays('large-12.xlsx', await uncomputed(largeCluster(12)));
    expect(r.report.cellsWritten).toBeGreaterThan(10_000);
  });

  it("each sheet deflated on zlib's thread pool while the next is patched: the same bytes", async () => {
    const doc = largeCluster(12);
    const input = await uncomputed(doc);
    const plan = buildClusterWorkbook(doc, computeCluster(doc), { now: NOW });
    const log: LogLine = { table: TABLE.log, values: ['05/01/2025 08:00', 'Tính kết quả', 'thử'] };
    const here = patchResults(input, plan, log, { deflate: nodeDeflate, inflate: nodeInflate })!;
    // Every sheet deflated elsewhere (any size), and none (a DeflateLater that is never given a sheet).
    const everySheet = async (data: Uint8Array) => ({
      crc: nodeDeflate(data).crc,
      deflated: await new Promise<Uint8Array>((done) =>
        setTimeout(() => done(nodeDeflate(data).deflated), 1),
      ),
    });
    const later = await patchResultsLater(input, plan, log, { deflate: nodeDeflate, later: everySheet });
    expect(later!.report).toEqual(here.report);
    expect(Buffer.from(later!.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    const pool = await patchResultsLater(input, plan, log, { deflate: nodeDeflate, later: nodeDeflateLater });
    expect(Buffer.from(pool!.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    // A deflate that fails elsewhere leaves the file to the exceljs path, as any failure of the patch does.
    const failing = () => Promise.reject(new Error('zlib'));
    expect(
      await patchResultsLater(input, plan, log, { deflate: nodeDeflate, later: failing }),
    ).toBeUndefined();
  });

  it('scorecards made as the patch comes to them, each once: the same bytes as the whole plan', async () => {
    const doc = largeCluster(12);
    const input = await uncomputed(doc);
    const computation = computeCluster(doc);
    const log: LogLine = { table: TABLE.log, values: ['05/01/2025 08:00', 'Tính kết quả', 'thử'] };
    const whole = patchResults(input, buildClusterWorkbook(doc, computation, { now: NOW }), log)!;
    const deferred = deferredClusterWorkbook(doc, computation, { now: NOW });
    const { plan: counted, made } = notingMakes(deferred);
    const scorecards = deferred.sheets.filter((s) => s.role === 'scorecard');
    expect(scorecards).toHaveLength(12);
    expect(scorecards.every((s) => 'make' in s)).toBe(true);
    const patched = patchResults(input, counted, log)!;
    expect(Buffer.from(patched.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    expect(patched.report).toEqual(whole.report);
    expect(made).toEqual(scorecards.map((s) => s.name));
    // The summary's chart kept; a copy that lost it gets it back from the deferred plan (the typed-values test).
    expect(charts(whole.bytes)).toBe(1);
  });

  it("the reader's worksheet texts taken over by the patch of the same bytes: the same file, none inflated twice, all or none", async () => {
    const doc = largeCluster(12);
    const input = await uncomputed(doc);
    const path = join(dir, 'kept-texts.xlsx');
    await writeFile(path, input);
    const plan = buildClusterWorkbook(doc, computeCluster(doc), { now: NOW });
    const log: LogLine = { table: TABLE.log, values: ['05/01/2025 08:00', 'Tính kết quả', 'thử'] };
    const read = await readWorkbookSnapshotFile(path, { keepTexts: true });
    const texts = read.texts!;
    const sheets = (readZip(input) ?? []).filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
    expect([...texts.keys()].sort()).toEqual(sheets.map((e) => e.name).sort());
    expect(read.snapshot).toEqual((await readWorkbookSnapshotFile(path)).snapshot);
    // Every part the patch inflates goes through `counting`: with the texts, every worksheet fewer.
    let inflated = 0;
    const counting = (data: Uint8Array, size: number) => {
      inflated++;
      return nodeInflate(data, size);
    };
    const options = { deflate: nodeDeflate, later: nodeDeflateLater, inflate: counting };
    const plain = await patchResultsLater(input, plan, log, options);
    const withoutTexts = inflated;
    inflated = 0;
    const given = texts.size;
    const taken = await patchResultsLater(input, plan, log, { ...options, texts });
    expect(given).toBeGreaterThan(10);
    expect(inflated).toBe(withoutTexts - given);
    expect(Buffer.from(taken!.bytes).equals(Buffer.from(plain!.bytes))).toBe(true);
    expect(taken!.report).toEqual(plain!.report);
    // Taken over: each sheet's text let go once it is written.
    expect([...texts.keys()].filter((k) => sheets.some((e) => e.name === k))).toEqual([]);
    // Sheets larger in all than the budget: none is kept (holding some through the patch raised the peak).
    const total = sheets.reduce((n, e) => n + e.size, 0);
    const under: KeptTexts = { texts: new SheetTexts(), budget: total - 1 };
    readSnapshotBytes(input, 'x.xlsx', undefined, under);
    expect(under.texts.size).toBe(0);
    const exactly: KeptTexts = { texts: new SheetTexts(), budget: total };
    readSnapshotBytes(input, 'x.xlsx', undefined, exactly);
    expect(exactly.texts.size).toBe(sheets.length);
  });

  it('what a person typed is kept as exceljs keeps it: typed values, typed formulas, text over formulas', async () => {
    const sample = await sampleDoc();
    const plan = buildClusterWorkbook(sample, computeCluster(sample), { now: NOW });
    const summary = plan.sheets.find((s) => s.role === 'summary')!;
    const overFormula = summary.cells.find((c) => c.formula !== undefined && c.ref.endsWith('7'))!;
    const scorecard = plan.sheets.find((s) => s.name === SCORECARD)!;
    const inputs = scorecard.cells.filter((c) => c.style?.locked === false && typeof c.value === 'number');
    const [typed, formula, noCache, same] = inputs;
    const input = await edited(await uncomputed(), (wb) => {
      const ws = wb.getWorksheet(SCORECARD)!;
      ws.getCell(typed!.ref).value = '4,5';
      ws.getCell(formula!.ref).value = {
        formula: `${formula!.value}+1`,
        result: (formula!.value as number) + 1,
      } as ExcelJS.CellValue;
      ws.getCell(noCache!.ref).value = { formula: '2+2' } as ExcelJS.CellValue;
      ws.getCell(same!.ref).value = {
        formula: `${same!.value}+0`,
        result: same!.value as number,
      } as ExcelJS.CellValue;
      wb.getWorksheet(summary.name)!.getCell(overFormula.ref).value = 'sửa tay';
    });
    // The sample's results, not the document read back: the typed formula's value differs from the plan's.
    const r = await bothWays('typed.xlsx', input, sample);
    expect(r.report.refused).toEqual(
      expect.arrayContaining([
        { sheet: SCORECARD, cell: typed!.ref },
        { sheet: SCORECARD, cell: formula!.ref, reason: 'formula' },
        { sheet: SCORECARD, cell: noCache!.ref, reason: 'formulaNoCache' },
        { sheet: summary.name, cell: overFormula.ref, reason: 'overFormula' },
      ]),
    );
    expect(r.report.refused.some((c) => c.cell === same!.ref && c.sheet === SCORECARD)).toBe(false);
    // A workbook exceljs saved lost its chart: the patch puts the plan's back, as the exceljs path does.
    expect(charts(input)).toBe(0);
    expect(charts(r.patched)).toBe(charts(r.exceljs));
    expect(charts(r.patched)).toBe(1);
  });

  it('a renamed tab gets the results; no sheet is added', async () => {
    const input = await edited(await uncomputed(), (wb) => {
      wb.getWorksheet('Tổng hợp')!.name = 'Kết quả 2022';
    });
    const r = await bothWays('renamed.xlsx', input);
    expect(r.report.sheetsCreated).toEqual([]);
    expect(r.snapshot.sheets.some((s) => s.name === 'Tổng hợp')).toBe(false);
  });

  for (const name of [
    'lo-cluster.xlsx',
    'py-cluster.xlsx',
    'lo-py-typed-cluster.xlsx',
    'py-typed-cluster.xlsx',
    'py-variants-cluster.xlsx',
    'lo-py-variants-cluster.xlsx',
    'inline-strings-cluster.xlsx',
    'lo-campaign.xlsx',
    'py-campaign.xlsx',
  ])
    it(`saved by another program: ${name}`, async () => {
      const input = new Uint8Array(await readFile(join(CORPUS, name)));
      const r = await bothWays(name, input);
      expect(charts(r.patched)).toBeGreaterThanOrEqual(Math.min(1, charts(input)));
      expect(r.report.cellsWritten).toBeGreaterThan(0);
    });
});

describe('a package the patch does not handle is left to exceljs', () => {
  const sheetsPlan = async () => {
    const sample = await sampleDoc();
    const plan = buildClusterWorkbook(sample, computeCluster(sample), { now: NOW });
    return { ...plan, sheets: plan.sheets.filter((s) => !['log', 'meta', 'guide'].includes(s.role)) };
  };
  const line = { table: TABLE.log, values: ['a', 'b', 'c'] as [string, string, string] };

  it('a plan sheet the workbook lacks', async () => {
    const input = await edited(await uncomputed(), (wb) => {
      wb.removeWorksheet(wb.getWorksheet('Tổng hợp')!.id);
    });
    expect(patchResults(input, await sheetsPlan(), line)).toBeUndefined();
  });

  it('no log table, strict OOXML, not a zip', async () => {
    const input = await uncomputed();
    expect(patchResults(input, await sheetsPlan(), { ...line, table: 'KhongCo' })).toBeUndefined();
    expect(patchResults(new Uint8Array([1, 2, 3]), await sheetsPlan(), line)).toBeUndefined();
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(input);
    files['xl/workbook.xml'] = strToU8(
      strFromU8(files['xl/workbook.xml']!).replace(
        'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
        'http://purl.oclc.org/ooxml/spreadsheetml/main',
      ),
    );
    expect(patchResults(zipSync(files), await sheetsPlan(), line)).toBeUndefined();
  });

  it('falls back in resultsCopyBytes: the exceljs path writes it', async () => {
    const input = await edited(await uncomputed(), (wb) => {
      wb.removeWorksheet(wb.getWorksheet('Nhật ký')!.id);
    });
    const file = join(dir, 'no-log.xlsx');
    await writeFile(file, input);
    const read = await readWorkbookDocument(file, { keepWorkbook: true });
    const r = await resultsCopyBytes(file, read.doc!, computeCluster(read.doc!), NOW, read.workbook);
    expect(r.report.cellsWritten).toBeGreaterThan(1000);
    // No log table: the patch gives up, and exceljs writes the copy (without a log line), its chart put back.
    expect(patchResults(input, await sheetsPlan(), line)).toBeUndefined();
    const back = snapshotWorkbook(await loadWorkbookBytes(r.bytes, 'no-log.xlsx'), 'no-log.xlsx');
    expect(logRows(back)).toBe(0);
    expect(charts(r.bytes)).toBe(1);
  });
});

describe('LibreOffice opens and recalculates the patched file', { timeout: 300_000 }, () => {
  it("to the values the patch wrote, and to what it makes of the exceljs path's file", async () => {
    const sample = await bothWays('lo-sample.xlsx', await uncomputed());
    const typed = await bothWays(
      'lo-py.xlsx',
      new Uint8Array(await readFile(join(CORPUS, 'py-typed-cluster.xlsx'))),
    );
    const paths: string[] = [];
    for (const [n, r] of [
      ['lo-sample-patched.xlsx', sample.patched],
      ['lo-sample-exceljs.xlsx', sample.exceljs],
      ['lo-py-patched.xlsx', typed.patched],
      ['lo-py-exceljs.xlsx', typed.exceljs],
    ] as const) {
      await writeFile(join(dir, n), r);
      paths.push(join(dir, n));
    }
    const out = await recalculateWorkbooks(paths, join(dir, 'recalculated'));
    const values = async (path: string) => {
      const wb = await loadWorkbookBytes(new Uint8Array(await readFile(path)), path);
      return snapshotWorkbook(wb, 'x').sheets.map((sheet) => ({ name: sheet.name, values: sheet.values }));
    };
    const [samplePatched, sampleExceljs, pyPatched, pyExceljs] = await Promise.all(out.map(values));
    expect(samplePatched).toEqual(sampleExceljs);
    expect(pyPatched).toEqual(pyExceljs);
    // The sample's cached results are LibreOffice's own (the typed file holds a typed formula without a
    // value, which only a recalculation knows: there both files are recalculated alike, above).
    const close = (a: unknown, b: unknown) =>
      a === b ||
      (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-6) ||
      ((a === null || a === '') && (b === null || b === ''));
    const differ: string[] = [];
    for (const sheet of sample.snapshot.sheets) {
      const recalculated = samplePatched!.find((s) => s.name === sheet.name)!;
      sheet.values.forEach((row, i) => {
        row.forEach((v, c) => {
          if (sheet.formulas?.[i]?.[c] && !close(v, recalculated.values[i]?.[c]))
            differ.push(`${sheet.name}!${i + 1},${c + 1}: ${v} ≠ ${recalculated.values[i]?.[c]}`);
        });
      });
    }
    expect(differ).toEqual([]);
  });
});
