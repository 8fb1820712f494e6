// The Office.js host against the recording fake, which enforces load-before-read, sync ordering, the 5 MB limit,
// protection and Excel's parsing of typed text.
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../addin/app/actions';
import { cellInput } from '../../../addin/host/office/blocks';
import { MARKS_SETTING, OfficeHost } from '../../../addin/host/office/office-host';
import type { WorkbookPlan } from '../../../templates/plan';
import { FakeExcel, FakeExcelError, LIMIT } from './fake-excel';
import { clusterPlan, runCommands } from './scenario';

const smallPlan = (): WorkbookPlan => ({
  template: { id: 'test', version: '1' },
  sheets: [
    {
      name: 'Chấm điểm',
      role: 'scorecard',
      cells: [
        { ref: 'A1', value: 'Mã', style: { font: { bold: true } } },
        { ref: 'B1', value: 'Điểm' },
        { ref: 'A2', value: '1.1' },
        { ref: 'B2', value: 9.5, style: { locked: false, numFmt: '0.00' } },
        { ref: 'A3', value: '=không phải công thức' },
        { ref: 'B3', value: 8, style: { locked: false, numFmt: '0.00' } },
        { ref: 'B4', formula: '_xlfn.RANK.EQ(B2,$B$2:$B$3,0)', result: 1 },
      ],
      validations: [
        { range: 'B2:B3', kind: 'decimal', min: 0, max: 10, error: { title: 'Sai', message: 'Từ 0 đến 10' } },
      ],
      conditionalFormats: [{ range: 'B2:B3', formula: 'B2>10', style: { fill: 'FFC7CE' } }],
      freeze: { rows: 1, columns: 1 },
      protect: true,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: '1:1' },
      tables: [
        {
          name: 'BangDiem',
          ref: 'D1',
          headers: ['Đơn vị', 'Tổng'],
          rows: [
            ['A', 1],
            ['B', 2],
          ],
        },
      ],
    },
  ],
  names: [{ name: 'DanhSachDiem', ref: "'Chấm điểm'!$B$2:$B$3" }],
});

describe('OfficeHost.write', () => {
  it('creates a sheet with contents, formats, table, name, validation, rule, panes, print and protection in one apply sync', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const report = await host.write(smallPlan(), 'create');
    expect(report.sheetsCreated).toEqual(['Chấm điểm']);
    expect(report.refused).toEqual([]);
    // Cold: the listing, then the apply batch (nothing to inspect on a new sheet).
    expect(excel.runs.at(-1)!.length).toBe(2);
    const s = excel.sheet('Chấm điểm');
    // Text Excel would turn into a number or a formula stays text; the formula loses _xlfn.
    expect(excel.cell('Chấm điểm', 'A2')!.value).toBe('1.1');
    expect(excel.cell('Chấm điểm', 'A3')!.value).toBe('=không phải công thức');
    expect(excel.cell('Chấm điểm', 'B4')!.formula).toBe('=RANK.EQ(B2,$B$2:$B$3,0)');
    expect(excel.cell('Chấm điểm', 'B2')!.numberFormat).toBe('0.00');
    expect(excel.cell('Chấm điểm', 'B2')!.locked).toBe(false);
    expect(excel.cell('Chấm điểm', 'A1')!.font.bold).toBe(true);
    expect(excel.cell('Chấm điểm', 'E3')!.value).toBe(2);
    expect(s.tables).toMatchObject([{ name: 'BangDiem', ref: 'D1:E3' }]);
    expect(s.validations).toHaveLength(1);
    expect(s.conditionalFormats).toMatchObject([{ ref: 'B2:B3', formula: '=B2>10', fill: '#FFC7CE' }]);
    expect(s.freeze).toEqual({ rows: 1, columns: 1 });
    expect(s.layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', titleRows: '$1:$1' });
    expect(s.protected).toBe(true);
    expect(excel.book.names.get('DanhSachDiem')!.formula).toBe("='Chấm điểm'!$B$2:$B$3");
  });

  it('never overwrites what a person typed into an input cell: refuses and reports it', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(smallPlan(), 'create');
    // A person types 7 in B2 (an input cell); B3 keeps the planned 8.
    excel.type('Chấm điểm', 'B2', 7);
    await host.read();
    const report = await host.write(smallPlan(), 'update');
    expect(report.refused).toEqual([{ sheet: 'Chấm điểm', cell: 'B2' }]);
    expect(excel.cell('Chấm điểm', 'B2')!.value).toBe(7);
    expect(report.sheetsCreated).toEqual([]);
    // Warm: inspect, then apply; protection restored after writing locked formula cells.
    expect(excel.runs.at(-1)!.length).toBe(2);
    expect(excel.sheet('Chấm điểm').protected).toBe(true);
    // An update adds no second conditional format to an existing sheet.
    expect(excel.sheet('Chấm điểm').conditionalFormats).toHaveLength(1);
  });

  it('splits a plan over the request budget into syncs that each stay under it', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      payloadBudget: 200_000,
    });
    const plan = clusterPlan(63);
    await host.write(plan, 'create');
    const syncs = excel.runs.at(-1)!;
    expect(syncs.length).toBeGreaterThan(2);
    // Estimates carry the margin the 4 MB default keeps under 5 MB.
    for (const s of syncs) expect(s.requestBytes).toBeLessThan(200_000 * 1.25);
  }, 60_000);

  it('the fake refuses a request over 5 MB, so the budget matters', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      payloadBudget: LIMIT * 4,
    });
    const cells = Array.from({ length: 60_000 }, (_, i) => ({
      ref: `A${i + 1}`,
      value: `Đơn vị số ${i + 1} `.repeat(8),
    }));
    const plan: WorkbookPlan = {
      template: { id: 't', version: '1' },
      sheets: [{ name: 'Lớn', role: 'summary', cells }],
      names: [],
    };
    await expect(host.write(plan, 'create')).rejects.toMatchObject({
      code: 'RequestPayloadSizeLimitExceeded',
    });
  });
});

describe('OfficeHost.read', () => {
  it('reads values (from A1), formulas, tables and names of every sheet in two syncs', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(smallPlan(), 'create');
    excel.addSheet('Trống');
    const snapshot = await host.read();
    expect(excel.runs.at(-1)!.length).toBe(2);
    const sheet = snapshot.sheets.find((s) => s.name === 'Chấm điểm')!;
    expect(sheet.values[0]).toEqual(['Mã', 'Điểm', null, 'Đơn vị', 'Tổng']);
    expect(sheet.values[1]![1]).toBe(9.5);
    expect(sheet.formulas![3]![1]).toBe('RANK.EQ(B2,$B$2:$B$3,0)');
    expect(sheet.tables).toEqual([{ name: 'BangDiem', ref: 'D1:E3' }]);
    expect(snapshot.sheets.find((s) => s.name === 'Trống')!.values).toEqual([]);
    expect(snapshot.names).toEqual([{ name: 'DanhSachDiem', ref: "'Chấm điểm'!$B$2:$B$3" }]);
  });

  it('falls back to row bands when the response would pass 5 MB', async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet('Lớn');
    for (let r = 1; r <= 6000; r++) {
      for (let c = 1; c <= 30; c++) excel.type('Lớn', `${String.fromCharCode(64 + (c > 26 ? 1 : c))}${r}`, 0);
    }
    // 6000 × 26 cells of long text: well over 5 MB of values.
    for (const cell of sheet.cells.values()) cell.value = 'chuỗi dài '.repeat(4);
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const snapshot = await host.read();
    expect(snapshot.sheets[0]!.values.length).toBe(6000);
    expect(snapshot.sheets[0]!.values[5999]![0]).toBe('chuỗi dài '.repeat(4));
    for (const s of excel.runs.at(-1)!.slice(3)) expect(s.responseBytes).toBeLessThan(LIMIT);
  }, 60_000);
});

describe('OfficeHost.read sized from the sheets', () => {
  /** One sheet of `rows` × 20 cells of text. */
  const fill = (excel: FakeExcel, sheet: string, rows: number, text: string) => {
    excel.addSheet(sheet);
    for (let r = 1; r <= rows; r++) {
      for (let c = 0; c < 20; c++) excel.type(sheet, `${String.fromCharCode(65 + c)}${r}`, `${text} ${r}`);
    }
  };

  it('warm: sizes go with the listing and bands fill each response up to the budget', async () => {
    const excel = new FakeExcel();
    for (let i = 1; i <= 6; i++) fill(excel, `Trang ${i}`, 1200, 'văn bản khá dài '.repeat(3));
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const cold = await host.read();
    const warm = await host.read();
    expect(warm).toEqual(cold);
    expect(warm.sheets[5]!.values[1199]![19]).toBe(`${'văn bản khá dài '.repeat(3)} 1200`);
    const syncs = excel.runs.at(-1)!;
    const total = syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(total).toBeGreaterThan(LIMIT);
    // The listing with sizes, then as few content syncs as 4 MB responses allow.
    expect(syncs.length).toBe(1 + Math.ceil(total / (4 * 1024 * 1024)));
    for (const s of syncs) expect(s.responseBytes).toBeLessThan(LIMIT);
  }, 60_000);

  it('a sheet that grew past its measured size: the refused band is halved and read again', async () => {
    const excel = new FakeExcel();
    fill(excel, 'Lớn', 3000, 'ngắn');
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.read();
    // A person pastes long text everywhere: the measured bytes per cell are now far too low.
    for (const cell of excel.sheet('Lớn').cells.values()) cell.value = 'đoạn văn bản rất dài '.repeat(6);
    const snapshot = await host.read();
    expect(snapshot.sheets[0]!.values[2999]![0]).toBe('đoạn văn bản rất dài '.repeat(6));
    const syncs = excel.runs.at(-1)!;
    expect(syncs.some((s) => s.responseBytes > LIMIT)).toBe(true);
    expect(syncs.at(-1)!.responseBytes).toBeLessThan(LIMIT);
  }, 60_000);

  it('warm read after a sheet was deleted lists again instead of failing', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(smallPlan(), 'create');
    excel.addSheet('Tạm');
    await host.read();
    excel.book.sheets = excel.book.sheets.filter((s) => s.name !== 'Tạm');
    const snapshot = await host.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Chấm điểm']);
  });
});

describe('OfficeHost.markIssues and select', () => {
  it('fills the cells issues name, then restores the previous fill, keeping a colour a person chose since', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(smallPlan(), 'create');
    excel.cell('Chấm điểm', 'B3')!.fill = { color: '#00FF00', pattern: 'Solid' };
    // As the check action does: read, then mark.
    await host.read();
    const issue = (cell: string, severity: 'error' | 'warning') => ({
      severity,
      code: 'score.points.over',
      message: 'Điểm vượt điểm chuẩn',
      messageEn: 'Points over the standard',
      sheet: 'Chấm điểm',
      cell,
    });
    await host.markIssues([issue('B2', 'warning'), issue('B3', 'error'), issue('B3', 'warning')]);
    expect(excel.runs.at(-1)!.length).toBe(2);
    expect(excel.cell('Chấm điểm', 'B2')!.fill).toEqual({ color: '#FFEB9C', pattern: 'Solid' });
    expect(excel.cell('Chấm điểm', 'B3')!.fill.color).toBe('#FFC7CE');
    expect(excel.book.settings.get(MARKS_SETTING)).toContain('#00FF00');
    // The person recolours B2 by hand; the next check finds no issue anywhere.
    excel.cell('Chấm điểm', 'B2')!.fill = { color: '#0000FF', pattern: 'Solid' };
    await host.markIssues([]);
    expect(excel.cell('Chấm điểm', 'B2')!.fill.color).toBe('#0000FF');
    expect(excel.cell('Chấm điểm', 'B3')!.fill).toEqual({ color: '#00FF00', pattern: 'Solid' });
  });

  it('selects a cell in one sync and says clearly when the sheet is gone', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(smallPlan(), 'create');
    await host.select('Chấm điểm', 'B3');
    expect(excel.runs.at(-1)!.length).toBe(1);
    expect(excel.book.active).toBe('Chấm điểm');
    expect(excel.book.selected).toBe("'Chấm điểm'!B3");
    await expect(host.select('Không có', 'A1')).rejects.toBeInstanceOf(ActionError);
  });
});

describe('sync counts by cluster size (the figures scripts/bench/office.ts reports)', () => {
  it('7 units: at most 2 syncs per command', async () => {
    const { counts } = await runCommands(7);
    for (const c of counts) expect(c.syncs, c.command).toBeLessThanOrEqual(2);
  }, 60_000);

  it('63 units: at most 2 syncs per command, every request and response under 5 MB', async () => {
    const { counts } = await runCommands(63);
    for (const c of counts) {
      expect(c.maxRequestBytes, c.command).toBeLessThan(LIMIT);
      expect(c.maxResponseBytes, c.command).toBeLessThan(LIMIT);
      expect(c.syncs, c.command).toBeLessThanOrEqual(2);
    }
  }, 60_000);

  it('700 units: commands grow only by the splits that keep each request and response under 5 MB', async () => {
    const { counts, excel } = await runCommands(700);
    const runBytes = (i: number, kind: 'requestBytes' | 'responseBytes') =>
      excel.runs[i]!.reduce((n, s) => n + s[kind], 0);
    /**
     * One sync per 4 MB budget of what must travel, the budget filled to 90% at least (requests are packed by
     * estimates slightly above what the fake measures).
     */
    const splits = (bytes: number) => Math.max(1, Math.ceil(bytes / (0.9 * 4 * 1024 * 1024)));
    for (const c of counts) {
      expect(c.maxRequestBytes, c.command).toBeLessThan(LIMIT);
      expect(c.maxResponseBytes, c.command).toBeLessThan(LIMIT);
    }
    // runs: [0] read (cold), [1] write create, [2] read, [3] write update, [4] markIssues, [5] select
    expect(counts[1]!.syncs).toBeLessThanOrEqual(1 + splits(runBytes(1, 'requestBytes')));
    expect(counts[2]!.syncs).toBeLessThanOrEqual(1 + splits(runBytes(2, 'responseBytes')));
    expect(counts[3]!.syncs).toBeLessThanOrEqual(
      splits(runBytes(3, 'responseBytes')) + splits(runBytes(3, 'requestBytes')),
    );
    for (const c of counts.filter((x) => x.command === 'markIssues' || x.command === 'select')) {
      expect(c.syncs, c.command).toBeLessThanOrEqual(2);
    }
  }, 300_000);
});

describe('the fake enforces Office.js rules', () => {
  it('throws PropertyNotLoaded on a property read before load and sync', async () => {
    const excel = new FakeExcel();
    excel.addSheet('A');
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(FakeExcelError);
      sheets.load('items/name');
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(sheets.items.map((s: { name: string }) => s.name)).toEqual(['A']);
      const range = sheets.getItem('A').getRange('A1');
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });

  it('parses typed text as Excel does, which is why the host prefixes it', () => {
    expect(cellInput('1.1', undefined)).toBe("'1.1");
    expect(cellInput('Cụm 6', undefined)).toBe('Cụm 6');
    expect(cellInput('TRUE', undefined)).toBe("'TRUE");
    expect(cellInput(3, undefined)).toBe(3);
  });
});
