import { describe, expect, it } from 'vitest';
import { translator } from '../../../addin/taskpane/i18n';
import {
  filterIssues,
  groupByAward,
  formatScore,
  indicatorsMetText,
  issuePlace,
  progressText,
  progressValue,
  rankingRows,
  sortIssues,
  tieBreakText,
} from '../../../addin/taskpane/view-model';
import { makeIssue } from '../../../core';
import { result } from './fixtures';

const vi = translator('vi');
const en = translator('en');

describe('ranking rows', () => {
  it('formats totals, percentages and targets in Vietnamese', () => {
    const rows = rankingRows(result, 'vi');
    expect(rows.map((r) => [r.rank, r.unit, r.total, r.percent])).toEqual([
      [1, 'VKSND tỉnh Nghệ An', '118,4', '118,4%'],
      [2, 'VKSND tỉnh Hà Tĩnh', '95,25', '95,25%'],
      [2, 'VKSND tỉnh Quảng Bình', '95,25', '95,25%'],
      [4, 'VKSND tỉnh Quảng Trị', '80', '80%'],
    ]);
    expect(rows[0]?.indicators).toBe('22/22 (100%)');
  });

  it('marks shared ranks and only those', () => {
    expect(rankingRows(result, 'vi').map((r) => r.shared)).toEqual([false, true, true, false]);
  });

  it('uses the decimal point in English', () => {
    expect(rankingRows(result, 'en')[1]?.total).toBe('95.25');
    expect(formatScore(1234.5, 'en')).toBe('1,234.5');
    expect(formatScore(1234.5, 'vi')).toBe('1.234,5');
  });

  it('writes the cluster indicator line as the reports do: 121/122 (99,2%)', () => {
    expect(indicatorsMetText(result.clusterIndicators, 'vi')).toBe('121/122 (99,2%)');
    expect(indicatorsMetText(result.clusterIndicators, 'en')).toBe('121/122 (99.2%)');
  });
});

describe('tie-break text', () => {
  it('names every key in order, including criteria', () => {
    const text = tieBreakText(['indicatorsMetRatio', 'deduction', 'criterion:I.2'], vi);
    expect(text).toContain(
      'tỷ lệ chỉ tiêu đạt (cao hơn xếp trên); điểm trừ (ít hơn xếp trên); điểm tiêu chí I.2',
    );
    expect(text).toContain('đồng hạng');
    expect(tieBreakText(['bonus'], en)).toContain('bonus points (more first)');
  });
});

describe('issues', () => {
  const error = makeIssue('error', 'e', { vi: 'lỗi', en: 'error' }, { sheet: 'Gia Lai', cell: 'E7' });
  const warning = makeIssue(
    'warning',
    'w',
    { vi: 'cảnh báo', en: 'warning' },
    { unit: 'VKSND tỉnh Kon Tum', criterion: 'I.1' },
  );
  const info = makeIssue('info', 'i', { vi: 'ghi chú', en: 'note' });

  it('lists errors first and otherwise keeps the order found', () => {
    const second = { ...error, cell: 'E8' };
    expect(sortIssues([info, warning, error, second])).toEqual([error, second, warning, info]);
  });

  it('filters by severity', () => {
    expect(filterIssues([info, warning, error], 'warning')).toEqual([warning]);
    expect(filterIssues([info, warning, error], 'all')).toHaveLength(3);
  });

  it('names the place: the cell when there is one, else unit and criterion', () => {
    expect(issuePlace(error, vi)).toBe("'Gia Lai'!E7");
    expect(issuePlace(warning, vi)).toBe('đơn vị VKSND tỉnh Kon Tum, tiêu chí I.1');
    expect(issuePlace(warning, en)).toBe('unit VKSND tỉnh Kon Tum, criterion I.1');
    expect(issuePlace(info, vi)).toBe('');
  });
});

describe('progress', () => {
  it('counts the step in progress and the fraction done', () => {
    expect(progressText({ step: 'compute', done: 2, total: 5 }, vi)).toBe('Bước 3/5: tính điểm và xếp hạng');
    expect(progressText({ step: 'write', done: 5, total: 5 }, en)).toBe('Step 5/5: writing to the workbook');
    expect(progressValue({ step: 'compute', done: 2, total: 5 })).toBe(0.4);
  });
});

describe('groupByAward', () => {
  it('groups in the order awards first appear, keeping each group in order', () => {
    const items = [
      { award: 'Cờ thi đua', candidate: 'A' },
      { award: 'Giấy khen', candidate: 'B' },
      { award: 'Cờ thi đua', candidate: 'C' },
    ];
    expect(groupByAward(items)).toEqual([
      ['Cờ thi đua', [items[0], items[2]]],
      ['Giấy khen', [items[1]]],
    ]);
  });
});
