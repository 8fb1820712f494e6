// What a person typed is kept by the Office.js host (issue 10, part 2), on the recording fake: a formula
// typed in an input cell stays a formula, a value typed over a formula cell is kept and reported, and a
// number Excel cannot hold is never written.
import { describe, expect, it } from 'vitest';
import { OfficeHost } from '../../../addin/host/office/office-host';
import type { CellPlan, WorkbookPlan } from '../../../templates/plan';
import { FakeExcel } from './fake-excel';

const SHEET = 'Chấm điểm';

const plan = (b2: number, b3: number): WorkbookPlan => {
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'Điểm' },
    { ref: 'B2', value: b2, style: { locked: false } },
    { ref: 'B3', value: b3, style: { locked: false } },
    { ref: 'B4', formula: 'SUM(B2:B3)', result: b2 + b3 },
  ];
  return {
    template: { id: 'test', version: '1' },
    sheets: [{ name: SHEET, role: 'scorecard', cells, protect: true }],
    names: [],
  };
};

async function created() {
  const excel = new FakeExcel();
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await host.write(plan(9.5, 8), 'create');
  return { excel, host };
}

describe('OfficeHost update keeps what a person typed', () => {
  it('a formula typed in an input cell stays a formula when its value is the planned one', async () => {
    const { excel, host } = await created();
    excel.type(SHEET, 'B2', 9.5, { formula: '9+0.5' });
    const report = await host.write(plan(9.5, 8), 'update');
    expect(excel.cell(SHEET, 'B2')!.formula).toBe('=9+0.5');
    expect(excel.cell(SHEET, 'B2')!.value).toBe(9.5);
    expect(report.refused).toEqual([]);
  });

  it('a typed formula whose value differs is kept and reported by cell, not replaced by a constant', async () => {
    const { excel, host } = await created();
    excel.type(SHEET, 'B3', 7, { formula: '3+4' });
    const report = await host.write(plan(9.5, 8), 'update');
    expect(excel.cell(SHEET, 'B3')!.formula).toBe('=3+4');
    expect(report.refused).toEqual([{ sheet: SHEET, cell: 'B3', reason: 'formula' }]);
  });

  it('text typed over a formula cell of the template is kept and reported', async () => {
    const { excel, host } = await created();
    excel.type(SHEET, 'B4', 'sửa tay');
    delete excel.cell(SHEET, 'B4')!.formula;
    const report = await host.write(plan(9.5, 8), 'update');
    expect(excel.cell(SHEET, 'B4')!.value).toBe('sửa tay');
    expect(excel.cell(SHEET, 'B4')!.formula).toBeUndefined();
    expect(report.refused).toEqual([{ sheet: SHEET, cell: 'B4', reason: 'overFormula' }]);
  });

  it('a value that is not a number is never written (the cell keeps what it had)', async () => {
    const { excel, host } = await created();
    const report = await host.write(plan(9.5, Number.NaN), 'update');
    expect(excel.cell(SHEET, 'B3')!.value).toBe(8);
    expect(report.refused).toContainEqual({ sheet: SHEET, cell: 'B3', reason: 'notANumber' });
  });
});
