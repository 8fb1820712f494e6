// The package repair run before exceljs loads a workbook another program saved, on real files of the
// corpus (test/fixtures/other-programs), and the well-formedness check that names a damaged part.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { applyPlanToWorkbook } from '../../../addin/host/xlsx/apply';
import { loadWorkbookBytes, normalisedNotice } from '../../../addin/host/xlsx/load';
import { MissingPartError, repairPackage } from '../../../addin/host/xlsx/package-repair';
import { isWellFormed } from '../../../addin/host/xlsx/xml-damage';
import type { WorkbookPlan } from '../../../templates/plan';

const corpus = (name: string) => readFile(join(import.meta.dirname, '../../fixtures/other-programs', name));

describe('repairPackage', () => {
  it("openpyxl's part names, absolute targets and unprefixed drawing are put where exceljs reads them", async () => {
    const { bytes, normalised } = await repairPackage(await corpus('py-cluster.xlsx'));
    const kinds = normalised.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['partRenamed', 'absoluteTargets', 'drawingPrefix']));
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('xl/comments1.xml')).not.toBeNull();
    expect(zip.file('xl/comments/comment1.xml')).toBeNull();
    const rels = await zip.file('xl/worksheets/_rels/sheet4.xml.rels')!.async('string');
    expect(rels).not.toContain('Target="/');
    // The content is untouched: exceljs loads it and keeps its notes.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(5);
  });

  it("LibreOffice's unstyled tables and true/false attributes are normalised; a product file is left alone", async () => {
    const { normalised } = await repairPackage(await corpus('lo-cluster.xlsx'));
    expect(normalised.map((n) => n.kind)).toEqual(['tableStyle', 'booleans']);
    const written = new Uint8Array(
      await (await loadWorkbookBytes(await corpus('lo-cluster.xlsx'), 'x.xlsx')).xlsx.writeBuffer(),
    );
    const again = await repairPackage(written);
    expect(again.normalised).toEqual([]);
    expect(again.bytes).toBe(written);
  });

  it('a relationship to a missing part is damage named by part', async () => {
    const zip = await JSZip.loadAsync(await corpus('lo-member.xlsx'));
    const table = Object.keys(zip.files).find((n) => /^xl\/tables\/table\d+\.xml$/.test(n))!;
    zip.remove(table);
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(repairPackage(bytes)).rejects.toBeInstanceOf(MissingPartError);
    await expect(loadWorkbookBytes(bytes, 'thieu.xlsx')).rejects.toMatchObject({
      text: { vi: expect.stringContaining(`phần ${table} được`) },
    });
  });

  it('the notice says what was normalised, in Vietnamese and English', async () => {
    const wb = await loadWorkbookBytes(await corpus('lo-cluster.xlsx'), 'lo-cluster.xlsx');
    const notice = normalisedNotice(wb)!;
    expect(notice.vi).toContain('Tệp lo-cluster.xlsx do chương trình khác lưu');
    expect(notice.vi).toContain('bảng không có kiểu bảng');
    expect(notice.en).toContain('tables without a table style');
  });
});

describe('isWellFormed', () => {
  it.each([
    ['<?xml version="1.0"?><a><b x="1"/><c>t</c></a>', true],
    ['<a><![CDATA[<x>]]><!-- c --></a>', true],
    ['<a><b></a>', false],
    ['<a><b/>', false],
    ['<a></a><b/>', false],
    ['not xml', false],
  ])('%s → %s', (xml, ok) => expect(isWellFormed(xml)).toBe(ok));
});

describe('applyPlanToWorkbook keeps what a person typed (file host)', () => {
  const plan = (g: number): WorkbookPlan => ({
    template: { id: 't', version: '1' },
    sheets: [
      {
        name: 'S',
        role: 'scorecard',
        cells: [
          { ref: 'A1', value: g, style: { locked: false } },
          { ref: 'A2', value: g, style: { locked: false } },
          { ref: 'A3', formula: 'A1+A2', result: 2 * g },
        ],
      },
    ],
    names: [],
  });

  it('a typed formula stays, without a cache it is named; text over a formula is kept; NaN is never written', async () => {
    const wb = new ExcelJS.Workbook();
    await applyPlanToWorkbook(wb, plan(5), 'create');
    const ws = wb.getWorksheet('S')!;
    ws.getCell('A1').value = { formula: '2+3', result: 5 } as ExcelJS.CellValue;
    ws.getCell('A2').value = { formula: '4+1' } as ExcelJS.CellValue;
    ws.getCell('A3').value = 'sửa tay';
    const report = await applyPlanToWorkbook(wb, plan(5), 'update');
    expect(ws.getCell('A1').formula).toBe('2+3');
    expect(ws.getCell('A2').formula).toBe('4+1');
    expect(ws.getCell('A3').value).toBe('sửa tay');
    expect(report.refused).toEqual([
      { sheet: 'S', cell: 'A2', reason: 'formulaNoCache' },
      { sheet: 'S', cell: 'A3', reason: 'overFormula' },
    ]);
    const nan = await applyPlanToWorkbook(wb, plan(Number.NaN), 'update');
    expect(nan.refused).toContainEqual({ sheet: 'S', cell: 'A1', reason: 'notANumber' });
    const xml = await (await JSZip.loadAsync(await wb.xlsx.writeBuffer()))
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    expect(xml).not.toContain('NaN');
  });
});
