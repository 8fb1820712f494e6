/**
 * `thidua nominate FILE -o OUT.xlsx`: the nomination sheets as .xlsx, and OUT.pdf beside it when LibreOffice
 * is installed; without LibreOffice the .xlsx is still written and the message says why there is no PDF.
 */
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfToText } from '../../../addin/host/libreoffice';
import { runCli } from '../../../addin/cli/main';

let dir: string;
const sample = join(import.meta.dirname, '../../../templates/samples/cum-7-2022.json');
const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir } };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-nominate-o-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('nominate -o', { timeout: 180_000 }, () => {
  it('writes the nomination sheets and their PDF; --json output stays pure JSON', async () => {
    const { out, err, io: cliIo } = io();
    const code = await runCli(['nominate', sample, '-o', 'de-nghi.xlsx', '--json'], cliIo);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.format).toBe('thidua/nominations@1');
    expect(err).toEqual(['Đã ghi de-nghi.xlsx', 'Đã ghi de-nghi.pdf']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'de-nghi.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DS tập thể', 'DS cá nhân']);
    const ws = wb.getWorksheet('DS tập thể')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    expect(ws.getCell('D1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('D1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    const text = (await pdfToText(join(dir, 'de-nghi.pdf'))).replace(/\s+/g, ' ');
    const first = report.nominations[0];
    expect(text).toContain(first.candidate);
    expect(text).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
  });

  it('never overwrites a list already made', async () => {
    const before = await readFile(join(dir, 'de-nghi.xlsx'));
    const { err, io: cliIo } = io();
    expect(await runCli(['nominate', sample, '-o', 'de-nghi.xlsx'], cliIo)).toBe(2);
    expect(err.join('\n')).toContain('de-nghi.xlsx đã có');
    expect((await readFile(join(dir, 'de-nghi.xlsx'))).equals(before)).toBe(true);
  });

  it('without LibreOffice: the .xlsx is written and the message says PDF needs LibreOffice', async () => {
    const saved = process.env.THIDUA_SOFFICE;
    process.env.THIDUA_SOFFICE = join(dir, 'no-soffice-here');
    try {
      const { out, io: cliIo } = io();
      const code = await runCli(['nominate', sample, '-o', 'khong-pdf.xlsx', '--lang', 'en'], cliIo);
      expect(code).toBe(0);
      const text = out.join('\n');
      expect(text).toContain('Wrote khong-pdf.xlsx');
      expect(text).toContain('No PDF: LibreOffice is needed to print to PDF');
      expect(await exists(join(dir, 'khong-pdf.xlsx'))).toBe(true);
      expect(await exists(join(dir, 'khong-pdf.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.THIDUA_SOFFICE;
      else process.env.THIDUA_SOFFICE = saved;
    }
  });
});
