// The pane's check and compute over the real file host: issues the core finds on the document (not only the
// reader's) name the sheet and cell their value was typed in, so selecting one selects that cell, and check
// notes it on that cell.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { XlsxHost } from '../../../addin/host/xlsx/host';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import type { ClusterDocument, Issue } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;

async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  const { bytes } = await planToBytes(buildClusterWorkbook(sample));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

/** The cell under `header` on the row whose `key` column reads `value` (header row found in the first rows). */
function cellAt(ws: ExcelJS.Worksheet, key: string, value: string, header: string): ExcelJS.Cell {
  for (let r = 1; r <= 10; r++) {
    const heads = (ws.getRow(r).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const keyCol = heads.indexOf(key);
    const col = heads.indexOf(header);
    if (keyCol < 1 || col < 1) continue;
    for (let b = r + 1; b <= ws.rowCount; b++)
      if (String(ws.getRow(b).getCell(keyCol).value ?? '') === value) return ws.getRow(b).getCell(col);
  }
  throw new Error(`no "${header}" for ${key} = ${value} on ${ws.name}`);
}

const find = (issues: readonly Issue[], code: string): Issue => {
  const found = issues.find((i) => i.code === code);
  expect(found, `${code} in ${issues.map((i) => i.code).join(', ')}`).toBeDefined();
  return found!;
};

describe('issues in the pane over an .xlsx name their cell', () => {
  it('check: a bonus above its cap is on the scorecard cell, selectable and noted there', async () => {
    const workbook = await sampleWorkbook();
    const bonus = cellAt(workbook.getWorksheet('tỉnh Đắk Nông')!, 'Mã', '1.3', 'Tự chấm: cộng');
    bonus.value = 4;
    const host = new XlsxHost(workbook, 'cum-7-2022.xlsx');
    const actions = createActions(host, { core: corePorts });

    const report = await actions.check();
    const issue = find(report.issues, 'score.bonus.over');
    expect(issue).toMatchObject({
      unit: 'VKSND tỉnh Đắk Nông',
      criterion: '1.3',
      stage: 'self',
      sheet: 'tỉnh Đắk Nông',
      cell: bonus.address,
    });
    expect(workbook.getWorksheet(issue.sheet!)!.getCell(issue.cell!).value).toBe(4);
    expect(String(bonus.note)).toContain('Điểm cộng của VKSND tỉnh Đắk Nông, tiêu chí 1.3');

    expect(await actions.selectIssue(issue)).toEqual({
      selected: true,
      sheet: 'tỉnh Đắk Nông',
      cell: bonus.address,
    });
    expect(host.selected).toEqual({ sheet: 'tỉnh Đắk Nông', cell: bonus.address });
  });

  it('compute: the same issue, and an unknown unit in the votes sheet on its candidate cell', async () => {
    const workbook = await sampleWorkbook();
    const bonus = cellAt(workbook.getWorksheet('tỉnh Đắk Nông')!, 'Mã', '1.3', 'Tự chấm: cộng');
    bonus.value = 4;
    const candidate = cellAt(
      workbook.getWorksheet('Biểu quyết')!,
      'Đề nghị cho',
      'VKSND tỉnh Đắk Lắk',
      'Đề nghị cho',
    );
    candidate.value = 'VKSND tỉnh Đắc Lắc Mới';
    const host = new XlsxHost(workbook, 'cum-7-2022.xlsx');
    const actions = createActions(host, { core: corePorts });

    const report = await actions.compute();
    expect(find(report.issues, 'score.bonus.over')).toMatchObject({
      sheet: 'tỉnh Đắk Nông',
      cell: bonus.address,
    });
    const unknown = find(report.issues, 'ref.candidate.unknown');
    expect({ sheet: unknown.sheet, cell: unknown.cell }).toEqual({
      sheet: 'Biểu quyết',
      cell: candidate.address,
    });
    expect(await actions.selectIssue(unknown)).toMatchObject({ selected: true, cell: candidate.address });
    expect(host.selected).toEqual({ sheet: 'Biểu quyết', cell: candidate.address });
  });
});
