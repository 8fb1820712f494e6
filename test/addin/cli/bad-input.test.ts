/** The bad-input corpus: each file gives its expected issue code, and the command line its exit code. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCluster, parseClusterJson } from '../../../core';
import { runCli } from '../../../addin/cli/main';

const dir = join(import.meta.dirname, '../../fixtures/bad-input');

/** file → [expected issue code, exit code of `check` and `compute`]. */
const expected: Record<string, [string, 1 | 2]> = {
  'not-json': ['json.syntax', 2],
  truncated: ['json.syntax', 2],
  'trailing-comma': ['json.syntax', 2],
  empty: ['json.syntax', 2],
  'array-root': ['document.notObject', 2],
  'wrong-format': ['document.format', 2],
  'missing-units': ['document.missing', 2],
  'year-as-text': ['document.type', 2],
  'points-as-text': ['document.type', 1],
  'bad-stage': ['document.value', 1],
  'bonus-over': ['score.bonus.over', 1],
  'bonus-not-allowed': ['score.bonus.notAllowed', 1],
  'points-over': ['score.points.over', 1],
  'negative-deduction': ['score.negative', 1],
  'deduction-over': ['score.deduction.over', 1],
  'too-many-decimals': ['score.decimals', 1],
  'unknown-unit': ['ref.unit.unknown', 1],
  'unknown-criterion': ['ref.criterion.unknown', 1],
  'unknown-parent': ['ref.parent.unknown', 1],
  'unknown-indicator': ['ref.indicator.unknown', 1],
  'unknown-tie-break': ['ranking.tieBreak.unknown', 1],
  'duplicate-unit': ['unit.duplicate', 1],
  'duplicate-criterion': ['criterion.duplicate', 1],
  'duplicate-score': ['score.duplicate', 1],
  'numerator-over': ['indicator.numerator.over', 1],
  'yes-over-voters': ['vote.yes.over', 1],
  'criteria-cycle': ['criterion.cycle', 1],
  'score-on-group': ['score.group', 1],
  'too-few-units': ['units.tooFew', 1],
};

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bad-input corpus', () => {
  it('has an expectation for every file, and a file for every expectation', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s.json gives its issue code', (name) => {
    const [code] = expected[name]!;
    const parsed = parseClusterJson(readFileSync(join(dir, `${name}.json`), 'utf8'));
    const issues = [...parsed.issues, ...(parsed.doc ? checkCluster(parsed.doc) : [])];
    const found = issues.find((i) => i.code === code);
    expect(found, JSON.stringify(issues, null, 1)).toBeDefined();
    expect(found!.severity).toBe('error');
    expect(found!.message).not.toBe('');
    expect(found!.messageEn).not.toBe('');
  });

  it.each(files)(
    '%s.json: check and compute exit with its code, one line when they cannot run',
    async (name) => {
      const [code, exit] = expected[name]!;
      for (const command of ['check', 'compute']) {
        const r = await run([command, `${name}.json`, '--json']);
        expect(r.code, r.err).toBe(exit);
        if (exit === 2) {
          expect(r.out).toBe('');
          expect(r.err.split('\n')).toHaveLength(1);
          expect(r.err).toContain(`${name}.json`);
          expect(r.err).not.toMatch(/\n\s+at |Error:/);
        } else {
          const printed = JSON.parse(r.out) as { issues: { code: string }[] };
          expect(printed.issues.map((i) => i.code)).toContain(code);
        }
      }
    },
  );
});
