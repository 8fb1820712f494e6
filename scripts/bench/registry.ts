/**
 * Name resolution throughput over the variant corpus (test/fixtures/names/variants.tsv: official names,
 * case/NFD/diacritic/abbreviation variants, typos, TCVN3 and VNI text, ambiguous inputs).
 * - "cold": each name seen for the first time (matchKey's cache cleared by unique suffixes is not possible
 *   without changing the names, so the first pass over the corpus is reported separately);
 * - "warm": repeated passes, as when a document repeats its unit names;
 * plus matchKey on unique strings and legacy-encoding detection alone. Also reports the corpus accuracy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveUnit } from '../../core/registry';
import { inspectLegacyText, matchKey } from '../../core/text';
import type { BenchRow } from '../bench';

interface Case {
  variant: string;
  date: string;
  code: string;
}

function corpus(): Case[] {
  const file = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'names', 'variants.tsv');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('variant\t'))
    .map((l) => {
      const [variant = '', date = '', code = ''] = l.split('\t');
      return { variant, date, code };
    });
}

function perSecond(count: number, run: () => void): number {
  const start = performance.now();
  run();
  return Math.round(count / ((performance.now() - start) / 1000));
}

export async function bench(): Promise<BenchRow[]> {
  const cases = corpus();
  let right = 0;
  const cold = perSecond(cases.length, () => {
    for (const c of cases) if ((resolveUnit(c.variant, c.date).match?.code ?? '-') === c.code) right++;
  });
  const passes = 20;
  const warm = perSecond(cases.length * passes, () => {
    for (let p = 0; p < passes; p++) for (const c of cases) resolveUnit(c.variant, c.date);
  });
  const unique = Array.from({ length: 20_000 }, (_, i) => `Viện KSND tỉnh Quảng Ngãi – đơn vị ${i}`);
  const keys = perSecond(unique.length, () => {
    for (const u of unique) matchKey(u);
  });
  const legacy = perSecond(cases.length * passes, () => {
    for (let p = 0; p < passes; p++) for (const c of cases) inspectLegacyText(c.variant);
  });
  return [
    {
      area: 'registry',
      case: `resolveUnit, first pass over ${cases.length} variants`,
      value: cold,
      unit: 'names/s',
    },
    { area: 'registry', case: `resolveUnit, ${passes} further passes`, value: warm, unit: 'names/s' },
    {
      area: 'registry',
      case: 'variant corpus resolved to the right unit',
      value: Math.round((1000 * right) / cases.length) / 10,
      unit: '%',
      note: `${right}/${cases.length}`,
    },
    { area: 'text', case: 'matchKey, unique names (uncached)', value: keys, unit: 'names/s' },
    { area: 'text', case: 'inspectLegacyText over the corpus', value: legacy, unit: 'names/s' },
  ];
}
