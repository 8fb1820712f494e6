import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badDateText, DATE_FLAG } from '../../../addin/app/date-text';
import { runCli } from '../../../addin/cli/main';

const root = join(import.meta.dirname, '../../..');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: root });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('thidua units', () => {
  it('prints the spec JSON: match, confidence, successor, alternatives (exit 0)', async () => {
    const r = await run(['units', 'VKSND tỉnh Phú Yên', '--date', '2026-01-01', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      input: 'VKSND tỉnh Phú Yên',
      match: { name: 'VKSND tỉnh Phú Yên', code: '54', validFrom: '2008-08-01', validTo: '2025-06-30' },
      confidence: 1,
      successor: { name: 'VKSND tỉnh Đắk Lắk', code: '66', validFrom: '2025-07-01' },
      alternatives: [],
    });
  });

  it('reads code and dates together: Bắc Ninh is 27 in 2024 and 24 from 2025-07-01', async () => {
    const before = JSON.parse((await run(['units', 'Bắc Ninh', '--date', '2024-12-31', '--json'])).out);
    const after = JSON.parse((await run(['units', 'Bắc Ninh', '--date', '2025-07-01', '--json'])).out);
    expect(before.match.code).toBe('27');
    expect(after.match).toEqual({ name: 'Tỉnh Bắc Ninh', code: '24', validFrom: '2025-07-01' });
  });

  it('explains in Vietnamese by default, in English with --lang en', async () => {
    const vi = await run(['units', 'VKSND tỉnh Phú Yên', '--date', '2026-01-01']);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain(
      'Đơn vị: VKSND tỉnh Phú Yên (mã 54, từ 01/08/2008 đến 30/06/2025), độ tin cậy 100%',
    );
    expect(vi.out).toContain('Không còn hiệu lực ngày 01/01/2026.');
    expect(vi.out).toContain('Đơn vị kế thừa: VKSND tỉnh Đắk Lắk (mã 66, từ 01/07/2025)');
    const en = await run(['units', 'Quãng Ngãi', '--date', '2020-12-31', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Unit: Tỉnh Quảng Ngãi (code 51, 2008-08-01 to 2025-06-30), confidence 95%');
    expect(en.out).toContain('diacritics differ from "Quảng Ngãi"');
  });

  it('joins unquoted words into one name', async () => {
    const r = await run(['units', 'Thừa', 'Thiên', '-', 'Huế', '--date', '2022-12-31', '--json']);
    expect(JSON.parse(r.out).match.name).toBe('Tỉnh Thừa Thiên Huế');
  });

  it('exits 1 with alternatives when the name is ambiguous, never guessing', async () => {
    const r = await run(['units', 'Quang N', '--date', '2024-06-30', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.match).toBeNull();
    expect(json.confidence).toBe(0);
    expect(json.alternatives.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['49', '22', '51']),
    );
    const vi = await run(['units', 'Quang N', '--date', '2024-06-30']);
    expect(vi.out).toContain('Không khớp đơn vị nào (gần với nhiều đơn vị, không đoán).');
    expect(vi.out).toContain('Có thể là:');
  });

  it('exits 1 for what is not a provincial unit', async () => {
    const r = await run(['units', 'VKSND khu vực 1', '--date', '2025-12-31']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('không phải tên tỉnh, thành phố hay VKSND cấp tỉnh');
  });

  it('shows what legacy-encoded text says and flags it', async () => {
    const r = await run(['units', 'VKSND tØnh §¾k L¾k', '--date', '2024-06-30']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('văn bản mã cũ TCVN3, đọc thành "VKSND tỉnh Đắk Lắk"');
    expect(r.out).toContain('độ tin cậy 90%');
  });

  it('names the predecessor of a unit not yet in force', async () => {
    const r = await run(['units', 'Thành phố Huế', '--date', '2024-06-01']);
    expect(r.out).toContain('Chưa có hiệu lực ngày 01/06/2024.');
    expect(r.out).toContain('Khi đó là: Tỉnh Thừa Thiên Huế');
  });

  it('exits 2 on bad arguments with a one-line reason', async () => {
    // A bad date in the one sentence the other commands and the pane say (addin/app/date-text.ts), naming the flag.
    const badDate = await run(['units', 'Gia Lai', '--date', '2025-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.out).toBe('');
    expect(badDate.err).toBe('--date 2025-02-30: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2025-07-01.');
    expect(badDate.err).toBe(badDateText(DATE_FLAG, '2025-02-30', '2025-07-01').vi);
    const en = await run(['units', 'Gia Lai', '--date', '1/7/2025', '--lang', 'en']);
    expect(en.err).toBe('--date 1/7/2025: expected a real date as YYYY-MM-DD, e.g. 2025-07-01.');
    const blank = await run(['units', 'Gia Lai', '--date', ' ']);
    expect(blank.code).toBe(2);
    expect(blank.err).toBe('--date (chưa nhập): cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2025-07-01.');
    const missing = await run(['units']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Thiếu tên đơn vị.');
    expect((await run(['units', 'Gia Lai', '--bogus'])).code).toBe(2);
  });

  it('defaults to today', async () => {
    const r = JSON.parse((await run(['units', 'Gia Lai', '--json'])).out);
    expect(r.match).toMatchObject({ name: 'Tỉnh Gia Lai', code: '52', validFrom: '2025-07-01' });
  });

  it('runs as a process with the same exit codes and no stack trace', () => {
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'addin/cli/bin.ts', 'units', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const ok = cli(['Đắc Nông', '--date', '2022-12-31', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).match.code).toBe('67');
    const bad = cli(['Đắc Nông', '--date', 'hôm qua']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  }, 90_000); // two cold starts of tsx loading the whole CLI; slow when the machine is busy
});
