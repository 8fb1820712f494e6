// Cell notes through the notes API (ExcelApi 1.18) where Excel has it; fills only where it does not. The fake
// refuses the notes API when built without 1.18, so the fallback path is proven not to touch it.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../core';
import { issueNote, MARKS_SETTING, OfficeHost } from '../../../addin/host/office/office-host';
import type { WorkbookPlan } from '../../../templates/plan';
import { FakeExcel } from './fake-excel';

const plan = (note: string): WorkbookPlan => ({
  template: { id: 't', version: '1' },
  sheets: [
    {
      name: 'Tổng hợp',
      role: 'summary',
      cells: [
        { ref: 'A1', value: 'Đơn vị' },
        { ref: 'B1', value: 'Xếp hạng', note },
        { ref: 'B2', formula: 'RANK.EQ(C2,$C$2:$C$3,0)', result: 1, note: 'Hạng theo tổng điểm' },
        { ref: 'C2', value: 95, style: { locked: false } },
        { ref: 'C3', value: 90, style: { locked: false } },
      ],
      protect: true,
    },
  ],
  names: [],
});

const issue = (cell: string, severity: Issue['severity'], message: string): Issue => ({
  severity,
  code: 'score.points.over',
  message,
  messageEn: message,
  sheet: 'Tổng hợp',
  cell,
});

const setup = async (excelApi: number) => {
  const excel = new FakeExcel({ excelApi });
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await host.write(plan('Quy tắc xếp hạng: Điều 5'), 'create');
  return { excel, host, notes: () => excel.sheet('Tổng hợp').notes };
};

describe('plan notes', () => {
  it('ExcelApi 1.18: written with the plan, updated in place on the next write, in the same syncs', async () => {
    const { excel, host, notes } = await setup(18);
    expect(Object.fromEntries(notes())).toEqual({
      B1: 'Quy tắc xếp hạng: Điều 5',
      B2: 'Hạng theo tổng điểm',
    });
    await host.read();
    await host.write(plan('Quy tắc xếp hạng: Điều 6'), 'create');
    // Warm: inspect (with the notes now there), apply.
    expect(excel.runs.at(-1)!.length).toBe(2);
    expect(Object.fromEntries(notes())).toEqual({
      B1: 'Quy tắc xếp hạng: Điều 6',
      B2: 'Hạng theo tổng điểm',
    });
  });

  it('without ExcelApi 1.18: no notes, and the notes API is never called', async () => {
    const { host, notes } = await setup(17);
    expect(notes().size).toBe(0);
    await host.read();
    await expect(host.write(plan('x'), 'update')).resolves.toMatchObject({ refused: [] });
  });
});

describe('issue notes', () => {
  it('ExcelApi 1.18: the fill and a note with every message on the cell; removed with the mark', async () => {
    const { excel, host, notes } = await setup(18);
    await host.read();
    await host.markIssues([
      issue('C2', 'warning', 'Điểm cao bất thường'),
      issue('C2', 'error', 'Điểm vượt điểm chuẩn'),
      issue('C3', 'error', 'Thiếu minh chứng'),
    ]);
    expect(excel.runs.at(-1)!.length).toBe(2);
    expect(excel.cell('Tổng hợp', 'C2')!.fill.color).toBe('#FFC7CE');
    expect(notes().get('C2')).toBe(
      'Lỗi (Thi đua): Điểm vượt điểm chuẩn\nLưu ý (Thi đua): Điểm cao bất thường',
    );
    expect(notes().get('C2')).toBe(
      issueNote([
        issue('C2', 'warning', 'Điểm cao bất thường'),
        issue('C2', 'error', 'Điểm vượt điểm chuẩn'),
      ]),
    );
    expect(notes().get('C3')).toBe('Lỗi (Thi đua): Thiếu minh chứng');
    // A person edits the note on C3; the next check finds nothing.
    notes().set('C3', 'Đã bổ sung minh chứng ngày 5/1');
    await host.markIssues([]);
    expect(notes().has('C2')).toBe(false);
    expect(notes().get('C3')).toBe('Đã bổ sung minh chứng ngày 5/1');
    expect(excel.cell('Tổng hợp', 'C2')!.fill.pattern).toBe('None');
    // The plan's own notes were never touched.
    expect(notes().get('B1')).toBe('Quy tắc xếp hạng: Điều 5');
  });

  it("ExcelApi 1.18: a person's own note on a marked cell stays as it is", async () => {
    const { host, notes, excel } = await setup(18);
    notes().set('C3', 'Ghi chú của cán bộ');
    await host.read();
    await host.markIssues([issue('C3', 'error', 'Thiếu minh chứng')]);
    expect(notes().get('C3')).toBe('Ghi chú của cán bộ');
    expect(excel.cell('Tổng hợp', 'C3')!.fill.color).toBe('#FFC7CE');
    await host.markIssues([]);
    expect(notes().get('C3')).toBe('Ghi chú của cán bộ');
    expect(String(excel.book.settings.get(MARKS_SETTING))).toBe('[]');
  });

  it('without ExcelApi 1.18: fills only, within two syncs', async () => {
    const { excel, host, notes } = await setup(17);
    await host.read();
    await host.markIssues([issue('C2', 'error', 'Điểm vượt điểm chuẩn')]);
    expect(excel.runs.at(-1)!.length).toBe(2);
    expect(excel.cell('Tổng hợp', 'C2')!.fill.color).toBe('#FFC7CE');
    expect(notes().size).toBe(0);
    await host.markIssues([]);
    expect(excel.cell('Tổng hợp', 'C2')!.fill.pattern).toBe('None');
  });
});
