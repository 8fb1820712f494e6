// Formats and validations grouped so a plan's request stays small: each property once per set of rectangles,
// defaults skipped on a new sheet, validations sharing a rule in one RangeAreas only where relative references
// read the same.
import { describe, expect, it } from 'vitest';
import { formatRuns, styleFacets } from '../../../addin/host/office/formats';
import { OfficeHost } from '../../../addin/host/office/office-host';
import { groupValidations } from '../../../addin/host/office/validations';
import type { CellPlan, CellStyle, ValidationPlan, WorkbookPlan } from '../../../templates/plan';
import { FakeExcel } from './fake-excel';

const header: CellStyle = {
  font: { name: 'Times New Roman', size: 11, bold: true },
  border: 'thin',
  fill: 'FFDDEBF7',
};
const input: CellStyle = {
  font: { name: 'Times New Roman', size: 11, bold: false },
  border: 'thin',
  locked: false,
  numFmt: '0.00',
  align: { wrap: false },
};

/** A header row A1:C1 and two input rows A2:C3 with different styles. */
const cells = (): CellPlan[] => [
  ...['A1', 'B1', 'C1'].map((ref) => ({ ref, value: ref, style: header })),
  ...['A2', 'B2', 'C2', 'A3', 'B3', 'C3'].map((ref) => ({ ref, value: 1, style: input })),
];

describe('formatRuns', () => {
  it('sends a property shared by different styles once over one rectangle', () => {
    const runs = formatRuns(cells(), { fresh: false });
    const of = (facet: string) => runs.filter((r) => r.facet === facet);
    expect(of('fontName')).toEqual([{ facet: 'fontName', value: 'Times New Roman', areas: [['A1:C3']] }]);
    expect(of('border')).toEqual([{ facet: 'border', value: 'thin', areas: [['A1:C3']] }]);
    expect(of('bold')).toEqual([
      { facet: 'bold', value: true, areas: [['A1:C1']] },
      { facet: 'bold', value: false, areas: [['A2:C3']] },
    ]);
    expect(of('numFmt')).toEqual([{ facet: 'numFmt', value: '0.00', areas: [['A2:C3']] }]);
  });

  it("skips Excel's defaults on a new sheet, but not on an existing one (a cell may have been bold)", () => {
    const fresh = formatRuns(cells(), { fresh: true }).map((r) => `${r.facet}=${r.value}`);
    expect(fresh).not.toContain('bold=false');
    expect(fresh).not.toContain('wrap=false');
    expect(fresh).toContain('bold=true');
    expect(fresh).toContain('locked=false');
    const existing = formatRuns(cells(), { fresh: false }).map((r) => `${r.facet}=${r.value}`);
    expect(existing).toContain('bold=false');
    expect(existing).toContain('wrap=false');
  });

  it('an update sends number formats only', () => {
    expect(formatRuns(cells(), { fresh: false, only: ['numFmt'] }).map((r) => r.facet)).toEqual(['numFmt']);
  });

  it('names every property of a style, once', () => {
    expect(styleFacets(input).map(([f]) => f)).toEqual([
      'fontName',
      'fontSize',
      'bold',
      'wrap',
      'border',
      'locked',
      'numFmt',
    ]);
  });

  it('gives each cell in the fake exactly the formats of its style, as per-style writing did', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    excel.type('Có sẵn', 'A2', null);
    excel.cell('Có sẵn', 'A2')!.font.bold = true;
    const plan: WorkbookPlan = {
      template: { id: 't', version: '1' },
      sheets: [
        { name: 'Mới', role: 'summary', cells: cells() },
        { name: 'Có sẵn', role: 'summary', cells: cells() },
      ],
      names: [],
    };
    await host.write(plan, 'create');
    for (const name of ['Mới', 'Có sẵn']) {
      const a1 = excel.cell(name, 'A1')!;
      expect(a1.font).toMatchObject({ name: 'Times New Roman', size: 11, bold: true });
      expect(a1.fill).toEqual({ color: '#DDEBF7', pattern: 'Solid' });
      expect(a1.locked).toBe(true);
      const c3 = excel.cell(name, 'C3')!;
      expect(c3.numberFormat).toBe('0.00');
      expect(c3.locked).toBe(false);
      expect(c3.borders['EdgeTop.style']).toBe('Continuous');
      expect(c3.borders['EdgeTop.weight']).toBe('Thin');
      expect(c3.fill.pattern).toBe('None');
    }
    // A bold typed on an existing sheet is undone where the plan says not bold; a new sheet needed no call for it.
    expect(excel.cell('Có sẵn', 'A2')!.font.bold).toBe(false);
    expect(excel.cell('Mới', 'A2')!.font.bold).toBeUndefined();
  });
});

describe('groupValidations', () => {
  const points = (range: string, max: string): ValidationPlan => ({
    range,
    kind: 'decimal',
    min: 0,
    max,
    error: { title: 'Sai', message: 'Từ 0 đến điểm chuẩn' },
  });

  it('groups a rule repeated for each scorer when its relative row is the same', () => {
    const groups = groupValidations([
      points('G6:G12', '$C6'),
      points('L6:L12', '$C6'),
      points('G14:G18', '$C14'),
      points('L14:L18', '$C14'),
    ]);
    expect(groups.map((g) => g.areas)).toEqual([[['G6:G12', 'L6:L12']], [['G14:G18', 'L14:L18']]]);
  });

  it('keeps apart ranges whose relative reference would read another row or column', () => {
    expect(groupValidations([points('G6:G12', '$C6'), points('G14:G18', '$C6')])).toHaveLength(2);
    expect(groupValidations([points('G6', 'C$6'), points('H6', 'C$6')])).toHaveLength(2);
    // Absolute references and numbers read the same from anywhere.
    expect(groupValidations([points('G6', '$C$6'), points('H9', '$C$6')])).toHaveLength(1);
  });

  it('writes each range of a group with the rule it would have alone, without clearing a new sheet', async () => {
    const excel = new FakeExcel();
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const validations = [points('G6:G12', '$C6'), points('L6:L12', '$C6'), points('G14:G18', '$C14')];
    const plan: WorkbookPlan = {
      template: { id: 't', version: '1' },
      sheets: [{ name: 'Chấm', role: 'scorecard', cells: [{ ref: 'A1', value: 'x' }], validations }],
      names: [],
    };
    await host.write(plan, 'create');
    const got = excel.sheet('Chấm').validations;
    expect(got.map((v) => v.ref).sort()).toEqual(['G14:G18', 'G6:G12', 'L6:L12']);
    for (const v of got) {
      const max = v.ref === 'G14:G18' ? '=$C14' : '=$C6';
      expect(v.rule).toEqual({ decimal: { formula1: 0, formula2: max, operator: 'Between' } });
      expect(v.ignoreBlanks).toBe(true);
      expect(v.errorAlert).toMatchObject({ title: 'Sai', message: 'Từ 0 đến điểm chuẩn' });
    }
    // Written again on the existing sheet: cleared first, so still one validation per range.
    await host.write(plan, 'create');
    expect(excel.sheet('Chấm').validations).toHaveLength(3);
  });
});
