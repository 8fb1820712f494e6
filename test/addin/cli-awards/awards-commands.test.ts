import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';

const root = join(import.meta.dirname, '../../..');
const SAMPLE = 'templates/samples/cum-7-2022.json';
const TALLY = 'test/fixtures/awards/cum-7-2022-awards.json';

async function run(argv: string[], cwd = root) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The sample with some changes, written to a temporary folder. */
function variant(change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(readFileSync(join(root, SAMPLE), 'utf8'));
  change(doc);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-awards-'));
  const file = join(dir, 'doc.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('thidua nominate', () => {
  it('--json prints thidua/nominations@1 with the legal basis of every proposal and blocked candidate', async () => {
    const r = await run(['nominate', SAMPLE, '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ format: 'thidua/nominations@1', ruleSet: 'vn-2019-tt01', year: 2022 });
    for (const key of ['nominations', 'quotas', 'blocked', 'issues', 'ruleValues'])
      expect(Array.isArray(report[key])).toBe(true);
    const gov = report.nominations.filter((n: { award: string }) => n.award === 'Cờ thi đua của Chính phủ');
    expect(gov.map((n: { candidate: string }) => n.candidate)).toEqual(['VKSND tỉnh Đắk Lắk']);
    const cited = /(Luật|Nghị định|Thông tư) [^;()]+?(, Điều \d+| \(điều khoản chưa xác minh\))/;
    for (const n of report.nominations) {
      expect(n).toEqual(
        expect.objectContaining({
          award: expect.any(String),
          candidate: expect.any(String),
          kind: expect.stringMatching(/^(collective|individual)$/),
        }),
      );
      expect(n.basis.join(' ')).toMatch(cited);
    }
    for (const b of report.blocked) for (const reason of b.reasons) expect(reason).toMatch(cited);
    for (const q of report.quotas)
      expect(q).toEqual(
        expect.objectContaining({
          limit: expect.any(Number),
          proposed: expect.any(Number),
          basis: expect.any(String),
        }),
      );
  });

  it('the sample’s people: a recent recruit and a reprimanded person are blocked, a medal holder too', async () => {
    const report = JSON.parse((await run(['nominate', SAMPLE, '--json'])).out);
    const blocked = (award: string) =>
      report.blocked
        .filter((b: { award: string }) => b.award === award)
        .map((b: { candidate: string }) => b.candidate);
    expect(blocked('Lao động tiên tiến')).toEqual(['Trần Minh Khoa', 'Đỗ Văn Hậu']);
    expect(blocked('Kỷ niệm chương "Vì sự nghiệp Kiểm sát"')).toEqual(['Phạm Thị Lan']);
    const medal = report.nominations
      .filter((n: { award: string }) => n.award === 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"')
      .map((n: { candidate: string }) => n.candidate);
    expect(medal).toEqual(['Nguyễn Văn Thành', 'Nguyễn Thị Thu Hà', 'Trương Thị Ngọc Ánh']);
    // "Chiến sỹ" in the titles history counts: three consecutive years, waiting for the sector council's vote.
    const sector = report.blocked.find(
      (b: { award: string; candidate: string }) =>
        b.award === 'Chiến sĩ thi đua ngành Kiểm sát nhân dân' && b.candidate === 'Hoàng Văn Dũng',
    );
    expect(sector.reasons).toEqual([
      expect.stringContaining('Chưa có kết quả biểu quyết của Hội đồng Ngành'),
    ]);
  });

  it('a sector-flag candidate with 79% yes is blocked, with 80% proposed', async () => {
    const file = (yes: number) =>
      variant((doc) => {
        doc.votes = [
          { award: 'Cờ thi đua của Chính phủ', candidate: 'VKSND tỉnh Đắk Lắk', yes: 100, voters: 100 },
          {
            award: 'Cờ thi đua của ngành Kiểm sát nhân dân',
            candidate: 'VKSND tỉnh Gia Lai',
            yes,
            voters: 100,
          },
        ];
      });
    const blocked = JSON.parse((await run(['nominate', file(79), '--json'])).out);
    const flag = 'Cờ thi đua của ngành Kiểm sát nhân dân';
    expect(blocked.nominations.filter((n: { award: string }) => n.award === flag)).toEqual([]);
    const why = blocked.blocked.find(
      (b: { award: string; candidate: string }) => b.award === flag && b.candidate === 'VKSND tỉnh Gia Lai',
    );
    expect(why.reasons.join(' ')).toContain(
      '79/100 phiếu đồng ý (79%), dưới 80% (Thông tư 01/2019/TT-VKSTC, Điều 20)',
    );
    const passed = JSON.parse((await run(['nominate', file(80), '--json'])).out);
    expect(
      passed.nominations
        .filter((n: { award: string }) => n.award === flag)
        .map((n: { candidate: string }) => n.candidate),
    ).toEqual(['VKSND tỉnh Gia Lai']);
  });

  it('the year picks the rule set; --rule-set and the document field override it', async () => {
    const y2024 = variant((doc) => {
      doc.year = 2024;
    });
    expect(JSON.parse((await run(['nominate', y2024, '--json'])).out).ruleSet).toBe('vn-2024-tt02-nd98');
    expect(
      JSON.parse((await run(['nominate', y2024, '--json', '--rule-set', 'vn-2024-tt01-nd98'])).out).ruleSet,
    ).toBe('vn-2024-tt01-nd98');
    const unknown = await run(['nominate', y2024, '--json', '--rule-set', 'vn-1999']);
    // A rule set that does not exist means the command cannot run (exit 2), before anything is read.
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(/^--rule-set "vn-1999" không có; các bộ quy tắc hiện có: vn-2019-tt01, /);
  });

  it('prints readable Vietnamese tables, English with --lang en', async () => {
    const vi = await run(['nominate', SAMPLE]);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Bộ quy tắc: vn-2019-tt01');
    expect(vi.out).toContain('ĐỀ NGHỊ KHEN THƯỞNG');
    expect(vi.out).toContain('Căn cứ: Thông tư 01/2019/TT-VKSTC, Điều 20');
    expect(vi.out).toContain('GIÁ TRỊ CHƯA XÁC NHẬN HOẶC DO TÀI LIỆU GHI ĐÈ');
    const en = await run(['nominate', SAMPLE, '--lang', 'en']);
    expect(en.out).toContain('PROPOSALS');
    expect(en.out).toContain('Government emulation flag');
    expect(en.out).toContain('Basis: Thông tư 01/2019/TT-VKSTC, Article 20');
  });

  it('a missing file is one line, exit 2', async () => {
    const r = await run(['nominate', 'khong-co.json']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});

describe('thidua rotate', () => {
  it('--json: Cụm 7 2022 (Đắk Lắk / Gia Lai) gives Gia Lai / Kon Tum for 2023', async () => {
    const r = await run(['rotate', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p).toMatchObject({
      format: 'thidua/rotation@1',
      year: 2023,
      leader: 'VKSND tỉnh Gia Lai',
      deputy: 'VKSND tỉnh Kon Tum',
    });
    expect(p.reason).toContain('Cụm phó năm 2022');
  });

  it('prints the proposal and its reason; English with --lang en', async () => {
    const vi = await run(['rotate', SAMPLE]);
    expect(vi.out).toMatch(
      /Năm 2023\n {2}Cụm trưởng: VKSND tỉnh Gia Lai\n {2}Cụm phó: {4}VKSND tỉnh Kon Tum\nLý do: /,
    );
    const en = await run(['rotate', SAMPLE, '--lang', 'en']);
    expect(en.out).toContain('Leader: VKSND tỉnh Gia Lai');
    expect(en.out).toContain('deputy in 2022, leads in 2023');
  });

  it('uses a recorded election, without warning about the field', async () => {
    const file = variant((doc) => {
      doc.year = 2024;
      doc.election = { leader: 'VKSND tỉnh Lâm Đồng', deputy: 'VKSND tỉnh Đắk Nông' };
    });
    const p = JSON.parse((await run(['rotate', file, '--json'])).out);
    expect(p).toMatchObject({
      year: 2025,
      leader: 'VKSND tỉnh Lâm Đồng',
      deputy: 'VKSND tỉnh Đắk Nông',
      source: 'election',
    });
    expect(p.issues).toEqual([]);
  });
});

describe('thidua tally', () => {
  it('--json reproduces the Cụm 7 2022 tally of seed 001', async () => {
    const r = await run(['tally', TALLY, '--json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    const row = (form: string) => t.forms.find((f: { form: string }) => f.form === form);
    expect(row('Bằng khen của Thủ tướng Chính phủ')).toMatchObject({ collective: 0, individual: 3 });
    expect(row('Bằng khen của Chủ tịch UBND tỉnh')).toMatchObject({ collective: 1, individual: 2 });
    expect(row('Bằng khen của Viện trưởng VKSND tối cao')).toMatchObject({ collective: 65, individual: 286 });
    expect(row('Kỷ niệm chương "Vì sự nghiệp Kiểm sát"')).toMatchObject({ individual: 39 });
    expect(row('Giấy khen của Viện trưởng VKSND tỉnh')).toMatchObject({ collective: 110, individual: 416 });
    expect(t.initiatives).toEqual([
      { level: 'cơ sở', count: 186 },
      { level: 'ngành', count: 20 },
    ]);
    expect(t.issues).toEqual([]);
  });

  it('several files and one unit', async () => {
    const other = variant((doc) => {
      Object.assign(doc, JSON.parse(readFileSync(join(root, TALLY), 'utf8')));
      doc.year = 2023;
    });
    const t = JSON.parse((await run(['tally', TALLY, other, '--unit', 'VKSND tỉnh Kon Tum', '--json'])).out);
    expect(t).toMatchObject({ documents: 2, years: [2022, 2023], unit: 'VKSND tỉnh Kon Tum' });
    expect(
      t.forms.find((f: { form: string }) => f.form === 'Bằng khen của Viện trưởng VKSND tối cao'),
    ).toMatchObject({
      collective: 22,
      individual: 90,
    });
  });

  it('prints a table in Vietnamese, English with --lang en', async () => {
    const vi = await run(['tally', TALLY]);
    expect(vi.out).toMatch(/Bằng khen của Viện trưởng VKSND tối cao\s+65\s+286/);
    expect(vi.out).toMatch(/cơ sở\s+186/);
    const en = await run(['tally', TALLY, '--lang', 'en']);
    expect(en.out).toContain('Award tally');
  });

  it('without a file: exit 2', async () => {
    expect((await run(['tally'])).code).toBe(2);
  });
});
