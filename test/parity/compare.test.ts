/** The comparator itself: a wrong engine value is caught and named (so a parity run can fail). */
import { describe, expect, it } from 'vitest';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';
import { compareFormulaResults, mismatchReport, sameValue } from './compare';

const plan: WorkbookPlan = {
  template: { id: 't', version: '1' },
  names: [],
  sheets: [
    {
      name: 'Tổng hợp',
      role: 'summary',
      cells: [
        { ref: 'A1', value: 26.4 },
        { ref: 'A2', value: 0.7 },
        { ref: 'A3', formula: 'SUM(A1:A2)', result: 27.1 },
        { ref: 'B3', formula: 'IF(A3>27,"Đạt","Chưa đạt")', result: 'Đạt' },
        { ref: 'C3', formula: 'A3-A3', result: 0 },
      ],
    },
  ],
};

const engine = (a3: number, b3: string, c3: number | null): WorkbookSnapshot => ({
  source: 'engine',
  names: [],
  sheets: [{ name: 'Tổng hợp', values: [[26.4], [0.7], [a3, b3, c3]], tables: [] }],
});

describe('parity comparator', () => {
  it('accepts binary rounding of an exact decimal (26,4 + 0,7 = 27.099999999999998)', () => {
    expect(sameValue(26.4 + 0.7, 27.1)).toBe(true);
    expect(compareFormulaResults(plan, engine(26.4 + 0.7, 'Đạt', 0)).mismatches).toEqual([]);
  });

  it('names sheet, cell, formula and both values of every mismatch', () => {
    const { checked, mismatches } = compareFormulaResults(plan, engine(27.2, 'Chưa đạt', null));
    expect(checked).toBe(3);
    expect(mismatches.map((m) => [m.cell, m.engine, m.core])).toEqual([
      ['A3', 27.2, 27.1],
      ['B3', 'Chưa đạt', 'Đạt'],
      ['C3', null, 0],
    ]);
    expect(mismatchReport(mismatches)).toContain(
      'Tổng hợp!A3 [plan result] =SUM(A1:A2)  LibreOffice: 27.2  core: 27.1',
    );
  });
});
