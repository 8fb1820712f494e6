/**
 * `thidua demo`: the README's main job on the bundled sample, through runCli into a fresh folder. The files
 * must exist and read back (the cluster workbook to the same results), and the summary must say the ranking,
 * the cluster's indicator ratio, the proposals, next year's leader and deputy, and the files written.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasLibreOffice } from '../../../addin/host/libreoffice';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import { computeCluster, nominateAwards, proposeRotation } from '../../../core';
import { cli, sampleDoc, tempDir } from './workbooks';

describe('thidua demo', { timeout: 180_000 }, () => {
  it('builds, computes, nominates and rotates on the sample, writing every file', async () => {
    const dir = await tempDir();
    const r = await cli(['demo', '-o', 'ket-qua'], dir);
    expect(r.code, r.err).toBe(0);
    const out = join(dir, 'ket-qua');
    const doc = await sampleDoc();
    const expected = computeCluster(doc).result;

    // The cluster workbook reads back to the sample's results.
    const back = await readWorkbookDocument(join(out, 'cum-7-2022.xlsx'));
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(computeCluster(back.doc!).result).toEqual(expected);
    expect(JSON.parse(await readFile(join(out, 'result.json'), 'utf8'))).toEqual(expected);

    // Nominations as `thidua nominate --json` gives them.
    const nominations = JSON.parse(await readFile(join(out, 'nominations.json'), 'utf8'));
    const awards = nominateAwards(doc, expected, { lang: 'vi' });
    expect(nominations.format).toBe('thidua/nominations@1');
    expect(nominations.nominations).toEqual(JSON.parse(JSON.stringify(awards.nominations)));
    expect(nominations.nominations.length).toBeGreaterThan(0);

    // The nomination workbook has its two official sheets, each listing proposals.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'de-nghi-khen-thuong-2022.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DS tập thể', 'DS cá nhân']);
    const collective = JSON.stringify(wb.getWorksheet('DS tập thể')!.getSheetValues());
    expect(collective).toContain('VKSND tỉnh Đắk Lắk');
    if (hasLibreOffice()) expect(existsSync(join(out, 'de-nghi-khen-thuong-2022.pdf'))).toBe(true);

    // The summary: ranking, the cluster's "36/37 … 97,3%", proposals, the 2023 leader and deputy, the files.
    const rotation = proposeRotation(doc);
    expect(r.out).toMatch(/^\s+1\s+VKSND tỉnh Đắk Lắk\s+104\s+103,5/m);
    expect(r.out).toContain('36/37 chỉ tiêu phát sinh đạt, tỷ lệ 97,3%');
    expect(r.out).toContain(`Đề nghị khen thưởng (${awards.nominations.length}, ${awards.ruleSet})`);
    expect(r.out).toContain('Cờ thi đua của Chính phủ (1): VKSND tỉnh Đắk Lắk');
    expect(r.out).toContain(`Năm 2023: Cụm trưởng ${rotation.leader}; Cụm phó ${rotation.deputy}.`);
    for (const f of ['cum-7-2022.xlsx', 'de-nghi-khen-thuong-2022.xlsx', 'result.json', 'nominations.json'])
      expect(r.out).toContain(join(out, f));
    expect(await readFile(join(out, 'summary.txt'), 'utf8')).toContain('ĐỀ NGHỊ KHEN THƯỞNG');
  });

  it('says so in English with --lang en', async () => {
    const dir = await tempDir();
    const r = await cli(['demo', '-o', 'out', '--lang', 'en'], dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2023: leader VKSND tỉnh Gia Lai');
    expect(r.out).toContain('Written:');
  });

  it('runs again over its own untouched folder; a folder someone changed is kept, unless --force', async () => {
    const dir = await tempDir();
    expect((await cli(['demo'], dir)).code).toBe(0);
    const again = await cli(['demo'], dir);
    expect(again.code, again.err).toBe(0);
    const summary = join(dir, 'demo-output', 'summary.txt');
    await writeFile(summary, 'ghi chú của cán bộ');
    const refused = await cli(['demo'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('demo-output đã có');
    expect(await readFile(summary, 'utf8')).toBe('ghi chú của cán bộ');
    expect((await cli(['demo', '--force'], dir)).code).toBe(0);
    expect(await readFile(summary, 'utf8')).toContain('ĐỀ NGHỊ KHEN THƯỞNG');
  });

  it('cannot run when the output folder cannot be made (exit 2, one line)', async () => {
    const dir = await tempDir();
    // A file where the folder should go.
    await writeFile(join(dir, 'ket-qua'), 'không phải thư mục');
    const r = await cli(['demo', '-o', 'ket-qua/2022'], dir);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
