/**
 * cellValueOf reads a formula cell's cached result. exceljs's `cell.value` leaves a falsy result out
 * ({ formula } for a result of 0, false or ""), so reading through it turned those into blanks: a score typed
 * as =5-5 was "no points". These read cells in memory and after a real .xlsx round trip.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellValueOf } from '../../../addin/host/xlsx/apply';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster, parseClusterJson } from '../../../core';
import { readFileSync } from 'node:fs';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import { readClusterWorkbook } from '../../../templates/read';

async function reopened(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

describe('cellValueOf on formula cells', () => {
  it('keeps a cached result of 0, false and "" (and the others as before)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { formula: '5-5', result: 0 } as ExcelJS.CellValue;
    ws.getCell('A2').value = { formula: '1=2', result: false } as ExcelJS.CellValue;
    ws.getCell('A3').value = { formula: 'IF(TRUE,"","x")', result: '' } as ExcelJS.CellValue;
    ws.getCell('A4').value = { formula: '2+3', result: 5 } as ExcelJS.CellValue;
    ws.getCell('A5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    ws.getCell('A6').value = { formula: 'A4' } as ExcelJS.CellValue;
    const read = (w: ExcelJS.Workbook) =>
      ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((ref) => cellValueOf(w.getWorksheet('S')!.getCell(ref)));
    expect(read(wb)).toEqual([0, false, '', 5, '#DIV/0!', null]);
    // In a saved file, an empty text result is not stored at all: it reads as blank, like no result.
    expect(read(await reopened(wb))).toEqual([0, false, null, 5, '#DIV/0!', null]);
  });

  it('reads shared formulas and merged cells through their master', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('B1').value = {
      formula: '1-1',
      result: 0,
      shareType: 'shared',
      ref: 'B1:C1',
    } as ExcelJS.CellValue;
    ws.getCell('C1').value = { sharedFormula: 'B1', result: 0 } as ExcelJS.CellValue;
    ws.getCell('D1').value = { formula: '3-3', result: 0 } as ExcelJS.CellValue;
    ws.mergeCells('D1:E1');
    const again = (await reopened(wb)).getWorksheet('S')!;
    expect(['B1', 'C1', 'D1', 'E1'].map((ref) => cellValueOf(again.getCell(ref)))).toEqual([0, 0, 0, 0]);
  });

  it('a score typed as a formula giving 0 is read as 0 points, not as a missing score', async () => {
    const sample = parseClusterJson(readFileSync('templates/samples/cum-7-2022.json', 'utf8'))
      .doc as ClusterDocument;
    const { bytes } = await planToBytes(buildClusterWorkbook(sample, computeCluster(sample)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('tỉnh Gia Lai')!;
    // Row of criterion 1.4, self points (column G): a person writes =4.5-4.5 instead of 0.
    const row = [...Array(ws.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => ws.getCell(r, 1).value === '1.4')!;
    ws.getCell(row, 7).value = { formula: '4.5-4.5', result: 0 } as ExcelJS.CellValue;
    const read = readClusterWorkbook(snapshotWorkbook(await reopened(wb), 'so.xlsx'));
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const score = read.doc!.scores!.find(
      (s) => s.unit === 'VKSND tỉnh Gia Lai' && s.criterion === '1.4' && s.stage === 'self',
    );
    expect(score?.points).toBe(0);
  });
});
