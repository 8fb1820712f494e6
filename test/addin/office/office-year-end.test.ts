// The dossier's write into the workbook on the recording fake (issue 14): one read run and one write run, each
// within two syncs; the ballots and count sheet created with the count table; counts typed into it read back
// as votes on the next run, which writes nothing (the sheets are kept as typed). Next year's workbook: one read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { docxFiles } from '../../../addin/host/docx';
import { OfficeHost } from '../../../addin/host/office/office-host';
import { xlsxFiles } from '../../../addin/host/xlsx/workbook-bytes';
import { type ClusterDocument, computeCluster } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import { BALLOT_SHEET, COUNT_SHEET, COUNT_TABLE, officialNamer } from '../../../templates/dossier';
import { parseRange } from '../../../templates/layouts/a1';
import { cellOf, FakeExcel } from './fake-excel';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;

const syncsOf = (excel: FakeExcel, from: number) => excel.runs.slice(from).map((r) => r.length);

describe('the year’s end on the Office host', () => {
  it('dossier: one read and one write of ≤ 2 syncs; counts typed on the count sheet read back', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1');
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(buildClusterWorkbook(sample, computeCluster(sample)), 'create');
    const actions = createActions(host, {
      core: corePorts,
      files: xlsxFiles,
      documents: docxFiles,
      now: () => '2022-12-01T08:00:00.000Z',
    });

    let from = excel.runs.length;
    const first = await actions.dossier({ date: '2022-12-20', signer: 'Nguyễn Văn An' });
    const runs = syncsOf(excel, from);
    expect(runs).toHaveLength(2);
    for (const n of runs) expect(n).toBeLessThanOrEqual(2);
    expect(first.write.sheetsCreated).toEqual([BALLOT_SHEET, COUNT_SHEET]);
    expect(first.files.length).toBeGreaterThanOrEqual(6);

    // The count table is in Excel; the clerk types 5 of 5 for Lâm Đồng's sector flag.
    const sheet = excel.sheet(COUNT_SHEET);
    const table = sheet.tables.find((t) => t.name === COUNT_TABLE)!;
    expect(table).toBeDefined();
    const range = parseRange(table.ref)!;
    const name = officialNamer(sample);
    let row = 0;
    for (let r = range.top + 1; r <= range.bottom; r++)
      if (
        cellOf(sheet, r, range.left).value === 'Cờ thi đua của ngành Kiểm sát nhân dân' &&
        cellOf(sheet, r, range.left + 1).value === name('VKSND tỉnh Lâm Đồng')
      )
        row = r;
    expect(row).toBeGreaterThan(0);
    cellOf(sheet, row, range.left + 2).value = 5;
    cellOf(sheet, row, range.left + 3).value = 5;

    from = excel.runs.length;
    const second = await actions.dossier({ date: '2022-12-20' });
    // Nothing to write: only the read run.
    const again = syncsOf(excel, from);
    expect(again).toHaveLength(1);
    expect(again[0]).toBeLessThanOrEqual(2);
    expect(second.kept).toEqual([BALLOT_SHEET, COUNT_SHEET]);
    // The three votes the workbook recorded were printed on the count sheet; with the typed one, four.
    expect(second.counted).toBe(4);
    expect(second.fingerprint).not.toBe(first.fingerprint);
    expect(cellOf(sheet, row, range.left + 2).value).toBe(5);

    // Next year's workbook: a file, from one read run, nothing written into Excel.
    from = excel.runs.length;
    const next = await actions.nextYear();
    const nextRuns = syncsOf(excel, from);
    expect(nextRuns).toHaveLength(1);
    expect(nextRuns[0]).toBeLessThanOrEqual(2);
    expect(next.year).toBe(2023);
    expect(next.file.bytes.length).toBeGreaterThan(1000);
  });
});
