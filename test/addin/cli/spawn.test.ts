/** The built command line as a person runs it: exit codes 0/1/2, and one line without a stack trace. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dist/cli.js', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: root, stdio: 'pipe' });
  });

  it('exits 0 and prints the result document for the sample', () => {
    const r = cli('compute', 'templates/samples/cum-7-2022.json', '--json');
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.format).toBe('thidua/result@1');
    expect(result.units.map((u: { rank: number }) => u.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('exits 1 when the data has errors', () => {
    const r = cli('compute', 'test/fixtures/bad-input/bonus-over.json', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).issues.map((i: { code: string }) => i.code)).toContain('score.bonus.over');
  });

  it('exits 2 with one line and no stack trace on malformed JSON', () => {
    const r = cli('compute', 'test/fixtures/bad-input/truncated.json', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Tệp test\/fixtures\/bad-input\/truncated\.json: JSON không hợp lệ ở dòng \d+, cột \d+: /,
    );
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it('exits 2 on a file that is not there, in English with --lang en', () => {
    const r = cli('check', 'no-such-file.json', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err.trimEnd()).toBe(
      'Cannot read no-such-file.json: no such file or folder; check the name and the path.',
    );
  });
});
