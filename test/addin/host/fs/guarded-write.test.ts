/** The guarded write path on a real disk: refusals before anything is written, atomic commits, leftovers. */
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OutputError,
  claimOutput,
  cleanLeftovers,
  writeOutput,
} from '../../../../addin/host/fs/guarded-write';
import { lockName, sideName } from '../../../../addin/host/fs/output-rules';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-guard-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const refusal = async (job: Promise<unknown>): Promise<OutputError> => {
  const error = await job.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputError);
  return error as OutputError;
};

/** A pid that is not running: the pid of a child that has exited. */
const deadPid = (): number =>
  Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
  );

describe('writeOutput', () => {
  it('writes a new file whole, leaving nothing else beside it', async () => {
    const sub = await mkdtemp(join(dir, 'new-'));
    await writeOutput(join(sub, 'a.json'), '{"x":1}\n');
    expect(await readFile(join(sub, 'a.json'), 'utf8')).toBe('{"x":1}\n');
    expect(await readdir(sub)).toEqual(['a.json']);
  });

  it('refuses an existing file and keeps it byte for byte; --force replaces it', async () => {
    const path = join(dir, 'existing.json');
    await writeFile(path, 'old');
    const e = await refusal(writeOutput(path, 'new', { shown: 'existing.json' }));
    expect(e.text.vi).toMatch(/^existing\.json đã có/);
    expect(await readFile(path, 'utf8')).toBe('old');
    await writeOutput(path, 'new', { force: true });
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('refuses the input by path, by symlink and by hard link, even with force', async () => {
    const input = join(dir, 'input.xlsx');
    await writeFile(input, 'INPUT');
    const viaLink = join(dir, 'input-link.xlsx');
    const viaHard = join(dir, 'input-hard.xlsx');
    await symlink(input, viaLink);
    await link(input, viaHard);
    for (const out of [input, viaLink, viaHard]) {
      const e = await refusal(writeOutput(out, 'X', { inputs: [input], force: true }));
      expect(e.reason).toBe('refused');
    }
    // The input named through a link is the same file as the output named directly.
    await refusal(writeOutput(input, 'X', { inputs: [viaLink], force: true }));
    expect(await readFile(input, 'utf8')).toBe('INPUT');
  });

  it('never writes through a link: a symlink (dangling or not) as the output is refused', async () => {
    const target = join(dir, 'target.txt');
    await writeFile(target, 'T');
    const live = join(dir, 'live-link');
    const dangling = join(dir, 'dangling-link');
    await symlink(target, live);
    await symlink(join(dir, 'nowhere.txt'), dangling);
    for (const out of [live, dangling]) {
      const e = await refusal(writeOutput(out, 'X', { force: true }));
      expect(e.text.en).toMatch(/symbolic link/);
    }
    expect(await readFile(target, 'utf8')).toBe('T');
    await expect(stat(join(dir, 'nowhere.txt'))).rejects.toThrow();
  });

  it('two writers of one path cannot both succeed: the second claim is refused while the first holds it', async () => {
    const path = join(dir, 'race.xlsx');
    const first = await claimOutput(path);
    const e = await refusal(claimOutput(path, { shown: 'race.xlsx' }));
    expect(e.text.vi).toMatch(/^Một lần chạy Thi đua khác đang ghi race\.xlsx/);
    await first.write('FIRST');
    await first.commit();
    expect(await readFile(path, 'utf8')).toBe('FIRST');
    await refusal(writeOutput(path, 'SECOND'));
    expect(await readFile(path, 'utf8')).toBe('FIRST');
  });

  it('a file another program creates meanwhile is kept: the commit is create-exclusive', async () => {
    const path = join(dir, 'meanwhile.xlsx');
    const claim = await claimOutput(path);
    await claim.write('OURS');
    await writeFile(path, 'THEIRS');
    const e = await refusal(claim.commit());
    expect(e.text.vi).toMatch(/vừa được tạo bởi chương trình khác/);
    expect(await readFile(path, 'utf8')).toBe('THEIRS');
    expect((await readdir(dir)).filter((n) => n.includes('meanwhile.xlsx.thidua'))).toEqual([]);
  });

  it("cleans what a killed run left (temporary file, stale lock), and ignores a live run's", async () => {
    const sub = await mkdtemp(join(dir, 'left-'));
    const dead = deadPid();
    const stale = join(sub, sideName('out.xlsx', 'tmp', dead, 'abcd1234'));
    const live = join(sub, sideName('other.xlsx', 'tmp', process.pid, 'abcd1234'));
    await writeFile(stale, 'PARTIAL');
    await writeFile(live, 'IN PROGRESS');
    await writeFile(join(sub, lockName('out.xlsx')), `${dead}\n`);
    await writeOutput(join(sub, 'out.xlsx'), 'WHOLE');
    expect((await readdir(sub)).sort()).toEqual([
      sideName('other.xlsx', 'tmp', process.pid, 'abcd1234'),
      'out.xlsx',
    ]);
    expect(await readFile(join(sub, 'out.xlsx'), 'utf8')).toBe('WHOLE');
  });

  it("puts back a folder's backup when a replacement was killed between its two renames", async () => {
    const sub = await mkdtemp(join(dir, 'bak-'));
    const backup = join(sub, sideName('cards', 'bak', deadPid(), 'ffff0000'));
    await mkdir(backup);
    await writeFile(join(backup, '01.xlsx'), 'OLD CARD');
    await cleanLeftovers(sub);
    expect(await readdir(sub)).toEqual(['cards']);
    expect(await readFile(join(sub, 'cards', '01.xlsx'), 'utf8')).toBe('OLD CARD');
  });

  it('writes a folder whole: nothing at its path until commit; a full folder is replaced only with force', async () => {
    const path = join(dir, 'cards');
    const claim = await claimOutput(path, { kind: 'folder' });
    await claim.writeInside('01.xlsx', 'ONE');
    await claim.writeInside('02.xlsx', 'TWO');
    await expect(stat(path)).rejects.toThrow();
    await claim.commit();
    expect((await readdir(path)).sort()).toEqual(['01.xlsx', '02.xlsx']);
    await refusal(claimOutput(path, { kind: 'folder' }));
    const again = await claimOutput(path, { kind: 'folder', force: true });
    await again.writeInside('03.xlsx', 'THREE');
    await again.commit();
    expect(await readdir(path)).toEqual(['03.xlsx']);
    expect((await readdir(dir)).filter((n) => n.startsWith('.cards.'))).toEqual([]);
  });

  it('a full disk leaves no file and says so (a 64 KB tmpfs)', async () => {
    const mount = join(dir, 'tiny');
    await mkdir(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
    try {
      const e = await refusal(
        writeOutput(join(mount, 'big.xlsx'), new Uint8Array(512 * 1024), { shown: 'big.xlsx' }),
      );
      expect(e.reason).toBe('failed');
      expect(e.text.vi).toBe('Không ghi được big.xlsx: ổ đĩa đã đầy; giải phóng dung lượng rồi chạy lại.');
      expect(await readdir(mount)).toEqual([]);
    } finally {
      execFileSync('umount', [mount]);
    }
  });

  it('a folder that cannot be written is a sentence, not EACCES', async () => {
    const ro = join(dir, 'not-a-folder');
    await writeFile(ro, 'file');
    const e = await refusal(writeOutput(join(ro, 'x.json'), '{}', { shown: 'not-a-folder/x.json' }));
    expect(e.text.vi).toMatch(/^Không ghi được not-a-folder\/x\.json: /);
    expect(e.text.vi).not.toMatch(/E[A-Z]{3,}/);
  });
});
