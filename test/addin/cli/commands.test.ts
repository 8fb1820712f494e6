import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { computeCluster, parseClusterJson } from '../../../core';

const root = join(import.meta.dirname, '../../..');
const SAMPLE = 'templates/samples/cum-7-2022.json';

async function run(argv: string[], cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const expectedResult = () =>
  computeCluster(parseClusterJson(readFileSync(join(root, SAMPLE), 'utf8')).doc!).result;

describe('thidua check', () => {
  it('finds no problem in the sample, in Vietnamese and in English', async () => {
    const vi = await run(['check', SAMPLE]);
    expect(vi).toMatchObject({ code: 0, err: '' });
    expect(vi.out).toContain('Không phát hiện vấn đề nào.');
    const en = await run(['check', SAMPLE, '--lang', 'en']);
    expect(en.out).toContain('No problems found.');
    expect(JSON.parse((await run(['check', SAMPLE, '--json'])).out)).toEqual({ issues: [] });
  });

  it('lists errors with unit, criterion and stage, and exits 1', async () => {
    const r = await run(['check', 'test/fixtures/bad-input/bonus-over.json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '✗ Lỗi: Điểm cộng của VKSND tỉnh Gia Lai, tiêu chí 2 (tự chấm) là 2,5, vượt mức tối đa 2 điểm.',
    );
    expect(r.out).toContain('[score.bonus.over · scores[2].bonus]');
    const en = await run(['check', 'test/fixtures/bad-input/bonus-over.json', '--lang', 'en']);
    expect(en.out).toContain('✗ Error: Bonus of VKSND tỉnh Gia Lai, criterion 2 (self score) is 2.5');
  });

  it('cannot run without a file, or on a file that is not there (exit 2, one line)', async () => {
    const none = await run(['check']);
    expect(none.code).toBe(2);
    const missing = await run(['check', 'khong-co.json']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe(
      'Không đọc được khong-co.json: không có tệp hoặc thư mục này; kiểm tra lại tên và đường dẫn.',
    );
    const workbook = await run(['check', 'khong-co.xlsx', '--lang', 'en']);
    expect(workbook.code).toBe(2);
    expect(workbook.err.split('\n')).toHaveLength(1);
    expect(workbook.err).toContain('khong-co.xlsx');
  });
});

describe('thidua compute', () => {
  it('prints the result document with --json', async () => {
    const r = await run(['compute', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(expectedResult());
  });

  it('prints a ranking table, how equal totals were separated, then the issues', async () => {
    const r = await run(['compute', SAMPLE]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Cụm thi đua số 7, năm 2022: xếp hạng theo điểm thẩm định');
    expect(lines.find((l) => l.includes('VKSND tỉnh Gia Lai'))).toMatch(
      /^\s+2\s+VKSND tỉnh Gia Lai\s+101,25\s+100,25\s+2\s+0\s+100\s+100,25\s+Hoàn thành xuất sắc nhiệm vụ\s+8\/8 \(100%\)\s+6\/6 \(100%\)$/,
    );
    expect(r.out).toContain('Chỉ tiêu toàn cụm: 36/37 chỉ tiêu phát sinh đạt, tỷ lệ 97,3%');
    expect(r.out).toContain(
      'VKSND tỉnh Kon Tum: Xếp trên VKSND tỉnh Đắk Nông: bằng nhau về tổng điểm; tỷ lệ chỉ tiêu đạt 7/7 (100%) so với 6/7 (85,7%).',
    );
    expect(lines.at(-1)).toBe('Không phát hiện vấn đề nào.');
  });

  it('exits 1 on data errors and still computes', async () => {
    const r = await run(['compute', 'test/fixtures/bad-input/points-as-text.json', '--json']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out);
    expect(result.units).toHaveLength(2);
    expect(result.issues[0]).toMatchObject({ code: 'document.type', path: 'scores[1].points' });
  });
});

describe('thidua demo', () => {
  it('computes the bundled sample and writes result.json and a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-demo-'));
    const r = await run(['demo', '-o', 'out'], dir);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'out/result.json'), 'utf8'));
    expect(result).toEqual(expectedResult());
    expect(existsSync(join(dir, 'out/summary.txt'))).toBe(true);
    expect(readFileSync(join(dir, 'out/summary.txt'), 'utf8')).toContain('VKSND tỉnh Đắk Lắk');
    expect(r.out).toContain(join(dir, 'out/result.json'));
  });
});
