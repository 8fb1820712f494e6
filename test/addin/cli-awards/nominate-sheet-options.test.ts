import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';

const SAMPLE = join(import.meta.dirname, '../../../templates/samples/cum-7-2022.json');

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd } };
}

async function sheetTexts(path: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  const texts: string[] = [];
  ws?.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
    });
  });
  return texts;
}

describe('nominate -o: the printed list takes its header and signature from the options', () => {
  it('writes the date line, place, symbol, attachment and signer given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-nominate-opts-'));
    const c = capture(dir);
    const code = await runCli(
      [
        'nominate',
        SAMPLE,
        '-o',
        'ds.xlsx',
        '--date',
        '2022-12-20',
        '--place',
        'Buôn Ma Thuột',
        '--symbol',
        'TTr-CTĐ7',
        '--attached-to',
        'Tờ trình số 15/TTr-CTĐ7 ngày 20/12/2022',
        '--signer',
        'Lê Quang Tiến',
      ],
      c.io,
    );
    expect(code).toBe(0);
    const texts = (await sheetTexts(join(dir, 'ds.xlsx'), 'DS tập thể')).join('\n');
    expect(texts).toContain('Buôn Ma Thuột, ngày 20 tháng 12 năm 2022');
    expect(texts).toContain('TTr-CTĐ7');
    expect(texts).toContain('Tờ trình số 15/TTr-CTĐ7 ngày 20/12/2022');
    expect(texts).toContain('Lê Quang Tiến');
  }, 60_000);

  it('refuses a date that is not a real YYYY-MM-DD before writing or printing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-nominate-opts-'));
    const c = capture(dir);
    expect(await runCli(['nominate', SAMPLE, '-o', 'ds.xlsx', '--date', '2022-02-30'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('--date 2022-02-30');
    expect(c.out).toEqual([]);
    await expect(readFile(join(dir, 'ds.xlsx'))).rejects.toThrow();
  });
});
