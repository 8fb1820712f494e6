/**
 * LibreOffice headless really recalculates: a workbook written by exceljs with deliberately wrong cached values
 * comes back with the right ones, and the same conversion without the recalc-on-load profile keeps the wrong
 * ones (so the check can fail). Real soffice processes: serial, few.
 */
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ToolFailedError,
  ToolMissingError,
  convertToPdf,
  convertWorkbook,
  pdfPages,
  pdfToPng,
  recalculateWorkbook,
  recalculateWorkbooks,
  registryModifications,
} from '../../../addin/host/libreoffice';

let dir: string;
let input: string;

async function cachedValues(path: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('Tính thử')!;
  const out: Record<string, unknown> = {};
  for (const ref of ['B4', 'C4', 'D2', 'D3', 'E2']) {
    const v = ws.getCell(ref).value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
    out[ref] = v && typeof v === 'object' && 'result' in v ? v.result : v;
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-lo-test-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tính thử');
  ws.getColumn(1).width = 30;
  ws.getCell('A1').value = 'Đơn vị';
  ws.getCell('A2').value = 'VKSND tỉnh Đắk Lắk';
  ws.getCell('A3').value = 'VKSND tỉnh Gia Lai';
  ws.getCell('B2').value = 26.4;
  ws.getCell('B3').value = 0.7;
  ws.getCell('C2').value = 121;
  ws.getCell('C3').value = 1;
  // Wrong on purpose: only a real recalculation gives 27.1, 122, 121/122 and the ranks.
  ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 999 };
  ws.getCell('C4').value = { formula: 'SUM(C2:C3)', result: -1 };
  ws.getCell('D2').value = { formula: '_xlfn.RANK.EQ(B2,$B$2:$B$3,0)', result: 7 };
  ws.getCell('D3').value = { formula: '_xlfn.RANK.EQ(B3,$B$2:$B$3,0)', result: 7 };
  ws.getCell('E2').value = { formula: 'ROUND(C2/C4,4)', result: 0.5 };
  ws.getCell('E2').numFmt = '0.0%';
  input = join(dir, 'tinh-thu.xlsx');
  await wb.xlsx.writeFile(input);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// soffice starts take seconds, more when the machine is busy.
describe('LibreOffice headless', { timeout: 180_000 }, () => {
  it('the profile asks Calc to recalculate OOXML and ODF on load', () => {
    const xcu = registryModifications({});
    expect(xcu).toContain(
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value>',
    );
    expect(registryModifications({ recalculateOnLoad: false })).toContain(
      'OOXMLRecalcMode" oor:op="fuse"><value>1</value>',
    );
  });

  it('without recalculation on load, LibreOffice keeps the wrong cached values (the control)', async () => {
    const out = await convertWorkbook(
      input,
      join(dir, 'kept'),
      { ext: '.xlsx', filter: 'xlsx:Calc MS Excel 2007 XML' },
      { recalculate: false },
    );
    expect(await cachedValues(out)).toEqual({ B4: 999, C4: -1, D2: 7, D3: 7, E2: 0.5 });
  });

  it('recalculateWorkbook gives every formula its real value and leaves the input untouched', async () => {
    const before = await readFile(input);
    const out = await recalculateWorkbook(input, join(dir, 'recalc'));
    expect(out).toBe(join(dir, 'recalc', 'tinh-thu.xlsx'));
    expect(await cachedValues(out)).toEqual({ B4: 27.1, C4: 122, D2: 1, D3: 2, E2: 0.9918 });
    expect((await readFile(input)).equals(before)).toBe(true);
  });

  it('recalculates several workbooks with one start, outputs in input order', async () => {
    const second = join(dir, 'second', 'tinh-thu-2.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tính thử').getCell('B4').value = { formula: '10*2', result: 3 };
    await mkdir(join(dir, 'second'), { recursive: true });
    await wb.xlsx.writeFile(second);
    const outs = await recalculateWorkbooks([input, second], join(dir, 'batch'));
    expect(outs).toEqual([join(dir, 'batch', 'tinh-thu.xlsx'), join(dir, 'batch', 'tinh-thu-2.xlsx')]);
    expect((await cachedValues(outs[0]!)).B4).toBe(27.1);
    expect((await cachedValues(outs[1]!)).B4).toBe(20);
  });

  it('refuses to write over its input', async () => {
    await expect(recalculateWorkbook(input, dir)).rejects.toBeInstanceOf(ToolFailedError);
  });

  it('prints to PDF with Vietnamese text and numbers shown the Vietnamese way; poppler reads it back', async () => {
    const pdf = await convertToPdf(input, join(dir, 'pdf'));
    const [page] = await pdfPages(pdf);
    expect(page).toContain('VKSND tỉnh Đắk Lắk');
    expect(page).toContain('99,2%');
    expect(page).toContain('27,1');
    const pngs = await pdfToPng(pdf, join(dir, 'pdf', 'trang'), { dpi: 50 });
    expect(pngs).toHaveLength(1);
    const png = await readFile(pngs[0]!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('says clearly when LibreOffice is not installed', async () => {
    const saved = process.env.THIDUA_SOFFICE;
    process.env.THIDUA_SOFFICE = join(dir, 'no-such-soffice');
    try {
      const error = await recalculateWorkbook(input, join(dir, 'none')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ToolMissingError);
      expect((error as ToolMissingError).text.vi).toContain('Không tìm thấy LibreOffice');
      expect((error as ToolMissingError).text.en).toContain(
        'LibreOffice (the soffice command) was not found',
      );
    } finally {
      if (saved === undefined) delete process.env.THIDUA_SOFFICE;
      else process.env.THIDUA_SOFFICE = saved;
    }
    expect(await readdir(dir)).not.toContain('none');
  });
});
