/** The guarded write path's pure decisions: what may be written where, and what a killed run's leftovers are. */
import { describe, expect, it } from 'vitest';
import {
  decideOutput,
  leftoverAction,
  lockName,
  parseSideName,
  sideName,
} from '../../../../addin/host/fs/output-rules';

const at = (facts: Parameters<typeof decideOutput>[0]['facts']) => ({
  path: '/w/out.xlsx',
  shown: 'out.xlsx',
  facts,
});
const file = { force: false, kind: 'file' } as const;

describe('decideOutput', () => {
  it('creates a missing output, and refuses an existing one unless forced', () => {
    expect(decideOutput(at({ kind: 'missing' }), [], file)).toEqual({ ok: true, replace: false });
    const existing = at({ kind: 'file', id: '1:2', links: 1 });
    expect(decideOutput(existing, [], file)).toMatchObject({ ok: false, reason: 'exists' });
    expect(decideOutput(existing, [], { ...file, force: true })).toEqual({ ok: true, replace: true });
  });

  it('refuses the input by path, or by file identity (hard link, symlink to it), even when forced', () => {
    const forced = { ...file, force: true };
    expect(decideOutput(at({ kind: 'missing' }), [{ path: '/w/out.xlsx' }], forced)).toMatchObject({
      ok: false,
      reason: 'input',
    });
    const hardLink = at({ kind: 'file', id: '7:9', links: 2 });
    expect(decideOutput(hardLink, [{ path: '/w/in.xlsx', id: '7:9' }], forced)).toMatchObject({
      ok: false,
      reason: 'input',
    });
    expect(decideOutput(hardLink, [{ path: '/w/in.xlsx', id: '7:8' }], forced)).toEqual({
      ok: true,
      replace: true,
    });
  });

  it('refuses a link at the output path, dangling or not, forced or not', () => {
    for (const dangling of [true, false])
      expect(decideOutput(at({ kind: 'link', dangling }), [], { ...file, force: true })).toMatchObject({
        ok: false,
        reason: 'link',
      });
  });

  it('a file output may not be a folder; a folder output may be an empty folder, a full one only forced', () => {
    expect(decideOutput(at({ kind: 'folder', empty: true }), [], file)).toMatchObject({ reason: 'notFile' });
    const folder = { force: false, kind: 'folder' } as const;
    expect(decideOutput(at({ kind: 'folder', empty: true }), [], folder)).toEqual({
      ok: true,
      replace: true,
    });
    expect(decideOutput(at({ kind: 'folder', empty: false }), [], folder)).toMatchObject({
      reason: 'exists',
    });
    expect(decideOutput(at({ kind: 'file', id: '1:1', links: 1 }), [], folder)).toMatchObject({
      reason: 'notFolder',
    });
  });

  it('says it in Vietnamese and English, naming the file and --force', () => {
    const d = decideOutput(at({ kind: 'file', id: '1:2', links: 1 }), [], file);
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.text.vi).toMatch(/^out\.xlsx đã có: Thi đua không ghi đè .*--force/);
      expect(d.text.en).toMatch(/^out\.xlsx exists: .*--force/);
    }
  });
});

describe('names beside a target', () => {
  it('round-trips a temporary or backup name; other names are not leftovers', () => {
    const name = sideName('cum 7.xlsx', 'tmp', 4242, 'a1b2c3d4');
    expect(name).toBe('.cum 7.xlsx.thidua-4242-a1b2c3d4.tmp');
    expect(parseSideName(name)).toEqual({ base: 'cum 7.xlsx', pid: 4242, role: 'tmp' });
    expect(parseSideName(sideName('dir', 'bak', 7, 'ff'))).toEqual({ base: 'dir', pid: 7, role: 'bak' });
    for (const other of ['cum.xlsx', '.cum.xlsx', '.cum.xlsx.tmp', lockName('cum.xlsx'), '~$cum.xlsx'])
      expect(parseSideName(other)).toBeUndefined();
  });

  it('a backup goes back to its name when the target is missing, else it is removed; temporaries are removed', () => {
    expect(leftoverAction('bak', false)).toBe('restore');
    expect(leftoverAction('bak', true)).toBe('remove');
    expect(leftoverAction('tmp', false)).toBe('remove');
  });
});
