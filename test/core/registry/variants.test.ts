import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveUnit } from '../../../core/registry/resolve';

interface Case {
  line: number;
  variant: string;
  date: string;
  code: string;
  expected: string;
  note: string;
}

const file = join(import.meta.dirname, '..', '..', 'fixtures', 'names', 'variants.tsv');
const cases: Case[] = readFileSync(file, 'utf8')
  .split('\n')
  .map((text, i) => ({ text, line: i + 1 }))
  .filter(({ text }) => text && !text.startsWith('#') && !text.startsWith('variant\t'))
  .map(({ text, line }) => {
    const [variant = '', date = '', code = '', expected = '', note = ''] = text.split('\t');
    return { line, variant, date, code, expected, note };
  });

describe('the name-variant corpus (test/fixtures/names/variants.tsv)', () => {
  it('has at least 300 variants covering all 63 + 34 units', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const units = new Set(cases.filter((c) => c.code !== '-').map((c) => `${c.code}@${c.date.slice(0, 4)}`));
    expect(units.size).toBeGreaterThanOrEqual(63 + 34);
    for (const note of [
      'NFD',
      'TCVN3',
      'VNI',
      'no diacritics, lower case',
      'old tone placement',
      'seen in documents',
    ])
      expect(
        cases.some((c) => c.note === note),
        note,
      ).toBe(true);
  });

  it('resolves at least 99% to the right unit, never to a wrong one, and lists the misses', () => {
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const c of cases) {
      const r = resolveUnit(c.variant, c.date);
      const got = r.match?.code ?? '-';
      if (got === c.code) continue;
      const line = `line ${c.line}: ${JSON.stringify(c.variant)} @${c.date} → ${r.match ? `${got} ${r.match.name}` : `no match (${r.quality}: ${r.alternatives.map((a) => a.name).join(', ')})`}, expected ${c.code} ${c.expected}`;
      misses.push(line);
      if (r.match) wrong.push(line);
    }
    const accuracy = 1 - misses.length / cases.length;
    if (misses.length)
      console.log(`variants: ${misses.length} misses of ${cases.length}\n${misses.join('\n')}`);
    expect(accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(wrong, 'a wrong unit is worse than no answer').toEqual([]);
  });

  it('flags every legacy-encoded variant as such instead of accepting it as a name', () => {
    for (const c of cases.filter((x) => x.note === 'TCVN3' || x.note === 'VNI')) {
      const r = resolveUnit(c.variant, c.date);
      expect(r.legacy?.encoding, c.variant).toBe(c.note.toLowerCase());
      expect(r.quality, c.variant).toBe('variant');
      expect(r.confidence).toBeLessThan(1);
    }
  });
});
