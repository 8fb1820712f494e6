/**
 * `thidua compute WORKBOOK.xlsx -o OUT.xlsx`: the results go into a copy of the workbook. The input's bytes
 * never change, -o naming the input is refused, and a cell a person typed is never overwritten.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import { computeCluster } from '../../../core';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import { cli, runOn, sampleDoc, tempDir } from './workbooks';

/** The sample as a workbook without results: what `thidua new --from` gives the secretariat. */
async function uncomputed(): Promise<Uint8Array> {
  return (
    await planToBytes(buildClusterWorkbook(await sampleDoc(), undefined, { now: '2023-01-05T08:00:00Z' }))
  ).bytes;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('compute -o from a workbook', { timeout: 60_000 }, () => {
  it('writes the rule-based ranks, tiers and stamp into a copy; the input stays as it was', async () => {
    const r = await runOn(await uncomputed(), (f) => ['compute', f, '-o', 'ket-qua.xlsx']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Đã ghi kết quả vào ket-qua.xlsx.');
    const result = computeCluster(await sampleDoc()).result;

    // The input had no rule-based ranks.
    const before = (await load(r.file)).getWorksheet('Tổng hợp')!;
    expect(before.getCell('Q7').value).toBeNull();

    const out = await load(join(r.dir, 'ket-qua.xlsx'));
    const summary = out.getWorksheet('Tổng hợp')!;
    const ranks = new Map<string, unknown>();
    for (let row = 7; row < 7 + result.units.length; row++) {
      const unit = summary.getCell(`B${row}`).result ?? summary.getCell(`B${row}`).value;
      ranks.set(String(unit), [summary.getCell(`Q${row}`).value, summary.getCell(`R${row}`).value]);
    }
    for (const u of result.units) expect(ranks.get(u.unit), u.unit).toEqual([u.rank, u.tier]);
    expect(String(summary.getCell('C2').value)).toContain('giai đoạn Thẩm định');
    expect(summary.getCell('C3').value).toEqual(expect.any(Number));
    // The log says what was done.
    const log = out.getWorksheet('Nhật ký')!;
    const actions = log.getColumn(2).values.map(String);
    expect(actions).toContain('Tính kết quả');
    // The chart survives exceljs's load and save.
    const zip = await JSZip.loadAsync(await readFile(join(r.dir, 'ket-qua.xlsx')));
    expect(Object.keys(zip.files).some((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toBe(true);
    // And the copy reads back to the same document.
    const back = await readWorkbookDocument(join(r.dir, 'ket-qua.xlsx'));
    expect(computeCluster(back.doc!).result).toEqual(result);
  });

  it('refuses -o naming the input itself (exit 2) and writes nothing', async () => {
    const r = await runOn(await uncomputed(), (f) => ['compute', f, '-o', `./${f}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Tệp kết quả .*so-thi-dua\.xlsx chính là một tệp đầu vào/);
  });

  it('refuses an -o that is not .xlsx', async () => {
    const r = await runOn(await uncomputed(), (f) => ['compute', f, '-o', 'ket-qua.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('-o cần tên tệp .xlsx');
  });

  it('never overwrites a cell a person typed: the cell is refused and reported, its text kept', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await uncomputed()) as unknown as ArrayBuffer);
    // Typed as text: the reader reads 4,5, but the cell holds what the person typed.
    wb.getWorksheet('tỉnh Đắk Lắk')!.getCell('G8').value = '4,5';
    const r = await runOn(new Uint8Array(await wb.xlsx.writeBuffer()), (f) => [
      'compute',
      f,
      '-o',
      'ket-qua.xlsx',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      'Sheet "tỉnh Đắk Lắk", ô G8: ô nhập đang có giá trị khác do người dùng gõ; giữ nguyên, không ghi đè.',
    );
    const out = await load(join(r.dir, 'ket-qua.xlsx'));
    expect(out.getWorksheet('tỉnh Đắk Lắk')!.getCell('G8').value).toBe('4,5');
  });

  it('writes into renamed tabs rather than adding new sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await uncomputed()) as unknown as ArrayBuffer);
    wb.getWorksheet('Tổng hợp')!.name = 'Kết quả 2022';
    const dir = await tempDir();
    await writeFile(join(dir, 'in.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await cli(['compute', 'in.xlsx', '-o', 'out.xlsx'], dir);
    expect(r.code, r.err).toBe(0);
    const out = await load(join(dir, 'out.xlsx'));
    expect(out.getWorksheet('Tổng hợp')).toBeUndefined();
    expect(out.getWorksheet('Kết quả 2022')!.getCell('Q7').value).toEqual(expect.any(Number));
  });
});
