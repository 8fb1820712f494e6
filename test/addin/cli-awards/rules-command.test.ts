import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';

const root = join(import.meta.dirname, '../../..');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: root });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('thidua rules', () => {
  it('--date 2024-12-31 prints the set in force with quotes, sources, standing and the changes', async () => {
    const r = await run(['rules', '--date', '2024-12-31']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Bộ quy tắc có hiệu lực ngày 31/12/2024: vn-2024-tt02-nd98');
    expect(r.out).toContain('• sectorFlag.voteBase = members [theo bản sao thứ cấp]');
    expect(r.out).toContain(
      '“tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng cấp trình khen thưởng từ 80%',
    );
    expect(r.out).toContain('Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7');
    expect(r.out).toContain('• governmentFlag.capPercent = — [chưa xác nhận]');
    expect(r.out).toContain('Bằng khen của Viện trưởng VKSND tối cao — Viện trưởng VKSND tối cao');
    expect(r.out).toContain('THAY ĐỔI SO VỚI vn-2024-tt01-nd98');
    expect(r.out).toContain('• advancedWorker.minMonthsSinceRecruitment: 10 → 6');
  });

  it('--json gives every value its standing; the 2023 set differs from nothing before it', async () => {
    const r = await run(['rules', '--date', '2023-06-30', '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({
      format: 'thidua/rules@1',
      id: 'vn-2019-tt01',
      date: '2023-06-30',
      changes: [],
    });
    expect(d.previous).toBeUndefined();
    const values = d.rules.flatMap((rule: { values: { standing: string; quote?: string }[] }) => rule.values);
    expect(values.length).toBeGreaterThan(30);
    for (const v of values) {
      expect(['confirmed', 'secondary', 'unconfirmed']).toContain(v.standing);
      if (v.standing === 'confirmed') expect(v.quote).toBeTruthy();
    }
    expect(d.rules.find((x: { id: string }) => x.id === 'baseEmulationSoldier').award).toBe(
      'Grassroots Emulation Fighter',
    );
  });

  it('a date before the first set exits 1; a malformed date exits 2 with one line', async () => {
    const before = await run(['rules', '--date', '2019-01-01']);
    expect(before.code).toBe(1);
    expect(before.err).toContain('Không có bộ quy tắc khen thưởng nào có hiệu lực ngày 01/01/2019');
    const bad = await run(['rules', '--date', '2024-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')).toHaveLength(1);
  });
});
