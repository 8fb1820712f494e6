// The pane's "next year" action over the real file host: one read of a 2024 Cụm 7 workbook, nothing written into
// it, and the plan of the 2025 workbook that the host saves, read back through exceljs.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { nextFileName, prepareNextYear } from '../../../addin/app/next-year';
import { XlsxHost } from '../../../addin/host/xlsx/host';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { type ClusterDocument, computeCluster } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import { readClusterWorkbook } from '../../../templates/read/cluster';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;

describe('prepareNextYear', () => {
  it('2024 → 2025: members after the merger, the membership question, and a plan that reads back', async () => {
    const doc = { ...sample, year: 2024 };
    const { bytes } = await planToBytes(buildClusterWorkbook(doc, computeCluster(doc)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    let writes = 0;
    const host = new XlsxHost(workbook, 'cum-7-2024.xlsx');
    const write = host.write.bind(host);
    host.write = (...args) => {
      writes++;
      return write(...args);
    };
    const report = await prepareNextYear(host);
    expect(writes).toBe(0);
    expect(report.fileName).toBe('cum-7-2025.xlsx');
    expect(report.year).toBe(2025);
    expect(report.merged.map((m) => m.into)).toEqual(['VKSND tỉnh Lâm Đồng']);
    expect(report.issues.map((i) => i.code)).toContain('years.membership.merged');
    const next = new ExcelJS.Workbook();
    await next.xlsx.load((await planToBytes(report.plan)).bytes.buffer as ArrayBuffer);
    const read = readClusterWorkbook(snapshotWorkbook(next, report.fileName));
    expect(read.doc!.units.map((u) => u.name)).toEqual([
      'VKSND tỉnh Đắk Lắk',
      'VKSND tỉnh Gia Lai',
      'VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Lâm Đồng',
    ]);
    expect(next.getWorksheet('So với năm trước')).toBeDefined();
    await expect(prepareNextYear(host, { year: 2024 })).rejects.toThrow('is not after');
  });

  it('names the next file after the year it holds', () => {
    expect(nextFileName('cum-7-2022.xlsx', 2022, 2023)).toBe('cum-7-2023.xlsx');
    expect(nextFileName('So thi dua.xlsx', 2022, 2023)).toBe('So thi dua-2023.xlsx');
  });
});
