/**
 * Issues the core finds in a workbook's document (a bonus above its cap, an unknown candidate, a numerator
 * above its denominator) name the sheet and cell the value was typed in: `thidua check` and `thidua compute`
 * on the .xlsx print it as 'Sheet'!Cell, and --json carries sheet and cell. Each cell is checked by reading
 * the file back with exceljs: it holds the bad value that was typed.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../core';
import { editedWorkbook, runOn } from './workbooks';

/** The cell in the column headed `header` on the row whose cell in the column headed `key` reads `value`. */
function cellAt(ws: ExcelJS.Worksheet, key: string, value: string, header: string): ExcelJS.Cell {
  for (let r = 1; r <= 10; r++) {
    const row = ws.getRow(r);
    const heads = (row.values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    const keyCol = heads.indexOf(key);
    const col = heads.indexOf(header);
    if (keyCol < 1 || col < 1) continue;
    for (let b = r + 1; b <= ws.rowCount; b++)
      if (String(ws.getRow(b).getCell(keyCol).value ?? '') === value) return ws.getRow(b).getCell(col);
  }
  throw new Error(`no "${header}" for ${key} = ${value} on ${ws.name}`);
}

/** The value a saved file holds in `sheet`!`cell`. */
async function valueIn(file: string, sheet: string, cell: string): Promise<ExcelJS.CellValue> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return wb.getWorksheet(sheet)!.getCell(cell).value;
}

const jsonIssues = (out: string): Issue[] => (JSON.parse(out) as { issues: Issue[] }).issues;

describe('issues found on the document name their cell', { timeout: 60_000 }, () => {
  it("a bonus above its cap typed into a member's scorecard: check names that sheet and cell", async () => {
    let typed = '';
    const bytes = await editedWorkbook((wb) => {
      const cell = cellAt(wb.getWorksheet('tỉnh Gia Lai')!, 'Mã', '1.3', 'Tự chấm: cộng');
      cell.value = 3;
      typed = cell.address;
    });
    const text = await runOn(bytes, (f) => ['check', f]);
    expect(text.code, text.out + text.err).toBe(1);
    const line = text.out.split('\n').find((l) => l.includes('score.bonus.over'));
    expect(line).toBeDefined();
    expect(line).toContain(`✗ Lỗi: 'tỉnh Gia Lai'!${typed}: Điểm cộng của VKSND tỉnh Gia Lai, tiêu chí 1.3`);
    expect(line).toContain('vượt mức tối đa 1 điểm');

    const json = await runOn(bytes, (f) => ['check', f, '--json']);
    const issue = jsonIssues(json.out).find((i) => i.code === 'score.bonus.over')!;
    expect(issue).toMatchObject({ unit: 'VKSND tỉnh Gia Lai', criterion: '1.3', stage: 'self' });
    expect(issue.path).toMatch(/^scores\[\d+\]\.bonus$/);
    expect({ sheet: issue.sheet, cell: issue.cell }).toEqual({ sheet: 'tỉnh Gia Lai', cell: typed });
    expect(await valueIn(json.file, issue.sheet!, issue.cell!)).toBe(3);
  });

  it('compute on the workbook names the same cell, in English too', async () => {
    let typed = '';
    const bytes = await editedWorkbook((wb) => {
      const cell = cellAt(wb.getWorksheet('tỉnh Kon Tum')!, 'Mã', '3.3', 'Thẩm định: cộng');
      cell.value = 2.5;
      typed = cell.address;
    });
    const r = await runOn(bytes, (f) => ['compute', f, '--lang', 'en']);
    expect(r.code, r.err).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('score.bonus.over'));
    expect(line).toContain(`✗ Error: 'tỉnh Kon Tum'!${typed}: Bonus of VKSND tỉnh Kon Tum, criterion 3.3`);
    const json = await runOn(bytes, (f) => ['compute', f, '--json']);
    const issue = jsonIssues(json.out).find((i) => i.code === 'score.bonus.over')!;
    expect(issue).toMatchObject({ stage: 'verified', sheet: 'tỉnh Kon Tum', cell: typed });
    expect(await valueIn(json.file, issue.sheet!, issue.cell!)).toBe(2.5);
  });

  it('an unknown unit name in the votes sheet: the candidate cell', async () => {
    let typed = '';
    const bytes = await editedWorkbook((wb) => {
      const cell = cellAt(wb.getWorksheet('Biểu quyết')!, 'Đề nghị cho', 'VKSND tỉnh Kon Tum', 'Đề nghị cho');
      cell.value = 'VKSND tỉnh Kontum mới';
      typed = cell.address;
    });
    const r = await runOn(bytes, (f) => ['check', f]);
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('ref.candidate.unknown'));
    expect(line).toContain(`✗ Lỗi: 'Biểu quyết'!${typed}: Phiếu bầu`);
    expect(line).toContain('"VKSND tỉnh Kontum mới"');
    const json = await runOn(bytes, (f) => ['check', f, '--json']);
    const issue = jsonIssues(json.out).find((i) => i.code === 'ref.candidate.unknown')!;
    expect({ sheet: issue.sheet, cell: issue.cell }).toEqual({ sheet: 'Biểu quyết', cell: typed });
    expect(await valueIn(json.file, issue.sheet!, issue.cell!)).toBe('VKSND tỉnh Kontum mới');
  });

  it('a unit spelled another way in the votes sheet: the warning names the cell holding that spelling', async () => {
    let typed = '';
    const bytes = await editedWorkbook((wb) => {
      const cell = cellAt(wb.getWorksheet('Biểu quyết')!, 'Đề nghị cho', 'VKSND tỉnh Đắk Lắk', 'Đề nghị cho');
      cell.value = 'VKSND tỉnh Đăk Lăk';
      typed = cell.address;
    });
    const r = await runOn(bytes, (f) => ['check', f]);
    expect(r.code, r.out).toBe(0);
    const line = r.out.split('\n').find((l) => l.includes('unit.name.variant'));
    expect(line).toContain(`! Cảnh báo: 'Biểu quyết'!${typed}: Tên "VKSND tỉnh Đăk Lăk"`);
  });

  it('more yes votes than voters and a numerator above its denominator: their number cells', async () => {
    const typed: Record<string, string> = {};
    const bytes = await editedWorkbook((wb) => {
      const yes = cellAt(
        wb.getWorksheet('Biểu quyết')!,
        'Đề nghị cho',
        'VKSND tỉnh Gia Lai',
        'Số phiếu đồng ý',
      );
      yes.value = 7;
      typed['vote.yes.over'] = yes.address;
      const results = wb.getWorksheet('Chỉ tiêu')!;
      // The first results row of Lâm Đồng, whatever indicator it holds: its numerator goes above the denominator.
      const numerator = cellAt(results, 'Đơn vị', 'VKSND tỉnh Lâm Đồng', 'Tử số');
      const denominator = results.getRow(Number(numerator.row)).getCell(Number(numerator.col) + 1);
      numerator.value = Number(denominator.value) + 5;
      typed['indicator.numerator.over'] = numerator.address;
    });
    const json = await runOn(bytes, (f) => ['check', f, '--json']);
    expect(json.code).toBe(1);
    const issues = jsonIssues(json.out);
    const yes = issues.find((i) => i.code === 'vote.yes.over')!;
    expect({ sheet: yes.sheet, cell: yes.cell }).toEqual({
      sheet: 'Biểu quyết',
      cell: typed['vote.yes.over'],
    });
    expect(await valueIn(json.file, yes.sheet!, yes.cell!)).toBe(7);
    const ratio = issues.find((i) => i.code === 'indicator.numerator.over')!;
    expect({ sheet: ratio.sheet, cell: ratio.cell }).toEqual({
      sheet: 'Chỉ tiêu',
      cell: typed['indicator.numerator.over'],
    });
    const text = await runOn(bytes, (f) => ['check', f]);
    expect(text.out).toContain(`'Chỉ tiêu'!${typed['indicator.numerator.over']}: `);
  });

  it("the reader's own issues keep their wording: the place is not printed twice", async () => {
    const bytes = await editedWorkbook((wb) => {
      cellAt(wb.getWorksheet('tỉnh Gia Lai')!, 'Mã', '1.2', 'Tự chấm: điểm').value = 'năm';
    });
    const r = await runOn(bytes, (f) => ['check', f]);
    const line = r.out.split('\n').find((l) => l.includes('workbook.cell.notNumber'))!;
    expect(line).toMatch(/^✗ Lỗi: Sheet "tỉnh Gia Lai", ô [A-Z]+\d+: /);
    expect(line).not.toContain("'tỉnh Gia Lai'!");
  });
});
