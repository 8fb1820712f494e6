/**
 * `thidua next` writes through the guarded write path like every other command (issue 10): an existing output
 * is refused (exit 2, the product's Vietnamese sentence, the file byte for byte as it was) unless --force;
 * -o naming the input, a hard link to it or a symlink is refused; nothing is left beside the target.
 */
import { link, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, sampleWorkbookBytes, tempDir } from '../cli-workbook/workbooks';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

let dir: string;
const INPUT = 'cum-7-2022.xlsx';
const next = (...args: string[]) => cli(['next', INPUT, ...args], dir);

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, INPUT), await sampleWorkbookBytes());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Files in the folder, temporary files and locks included. */
const listing = async () => (await readdir(dir)).sort();

describe('thidua next: the guarded write path', () => {
  it('writes a new file, and refuses to replace it without --force (exit 2, file unchanged)', async () => {
    const first = await next('-o', 'cum-7-2023.xlsx');
    expect(first.code, first.err).not.toBe(2);
    const before = await readFile(join(dir, 'cum-7-2023.xlsx'));
    const again = await next('-o', 'cum-7-2023.xlsx');
    expect(again.code).toBe(2);
    expect(again.err).toContain('cum-7-2023.xlsx đã có: Thi đua không ghi đè');
    expect(again.err).toContain('--force');
    expect(again.err).not.toMatch(/EEXIST|Error|at \S+ \(/);
    expect((await readFile(join(dir, 'cum-7-2023.xlsx'))).equals(before)).toBe(true);
    const en = await next('-o', 'cum-7-2023.xlsx', '--lang', 'en');
    expect(en.err).toContain('cum-7-2023.xlsx exists: Thi đua does not overwrite it');
    expect(await listing()).toEqual([INPUT, 'cum-7-2023.xlsx']);
  });

  it('replaces it with --force', async () => {
    const forced = await next('-o', 'cum-7-2023.xlsx', '--force');
    expect(forced.code, forced.err).not.toBe(2);
    expect(forced.out).toContain('Đã tạo cum-7-2023.xlsx');
    expect(await listing()).toEqual([INPUT, 'cum-7-2023.xlsx']);
  });

  it('refuses -o naming the input, a hard link to it or a symlink, even with --force', async () => {
    const input = await readFile(join(dir, INPUT));
    await link(join(dir, INPUT), join(dir, 'hard.xlsx'));
    await symlink(join(dir, 'nowhere.xlsx'), join(dir, 'dangling.xlsx'));
    for (const out of [INPUT, 'hard.xlsx']) {
      const r = await next('-o', out, '--force');
      expect(r.code, out).toBe(2);
      expect(r.err).toContain(`Tệp kết quả ${out} chính là một tệp đầu vào`);
    }
    const viaLink = await next('-o', 'dangling.xlsx');
    expect(viaLink.code).toBe(2);
    expect(viaLink.err).toContain('dangling.xlsx là một liên kết (symlink, trỏ tới tệp không tồn tại)');
    expect((await readFile(join(dir, INPUT))).equals(input)).toBe(true);
    expect(await listing()).toEqual([INPUT, 'cum-7-2023.xlsx', 'dangling.xlsx', 'hard.xlsx']);
  });
});
