import { describe, expect, it } from 'vitest';
import { newClusterDocument } from '../../templates/build/new-document';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import { buildUnitScorecard } from '../../templates/build/unit-scorecard';
import { sampleProvincialCriteria } from '../../templates/criteria/sample-provincial';
import { expectPlanIsSound } from './plan-checks';
import type { ClusterDocument } from '../../core';

const units = [
  'VKSND tỉnh Đắk Lắk',
  'VKSND tỉnh Gia Lai',
  'VKSND tỉnh Kon Tum',
  'VKSND tỉnh Lâm Đồng',
  'VKSND tỉnh Đắk Nông',
];

function scored(): ClusterDocument {
  const doc = newClusterDocument({ kind: 'annual', year: 2022, cluster: 'Cụm thi đua số 7', units });
  doc.scores = [
    { unit: units[0]!, criterion: 'I.1', stage: 'self', points: 8, deduction: 0.5 },
    { unit: units[0]!, criterion: 'I.2', stage: 'self', points: 12, bonus: 1.5 },
    { unit: units[0]!, criterion: 'I.2', stage: 'verified', points: 11.5, bonus: 1 },
    { unit: units[0]!, criterion: 'I.4', stage: 'self', points: 8, occurrences: 9 },
    { unit: units[1]!, criterion: 'IV.1', stage: 'self', points: 0, bonus: 2.5 },
    { unit: units[1]!, criterion: 'IV.2', stage: 'self', points: 0, bonus: 2 },
  ];
  return doc;
}

describe('the sample criteria', () => {
  it('have 100 standard points on their leaves and each group equals its children', () => {
    const leaves = sampleProvincialCriteria.filter(
      (c) => !sampleProvincialCriteria.some((d) => d.parent === c.code),
    );
    expect(leaves.reduce((a, c) => a + c.points * 1000, 0)).toBe(100_000);
    for (const g of sampleProvincialCriteria.filter((c) => !leaves.includes(c))) {
      const sum = sampleProvincialCriteria
        .filter((c) => c.parent === g.code)
        .reduce((a, c) => a + c.points * 1000, 0);
      expect(sum, g.code).toBe(g.points * 1000);
    }
  });
});

describe('buildClusterWorkbook', () => {
  it('builds a sound plan with one scorecard per member', () => {
    const plan = buildClusterWorkbook(scored(), undefined, { now: '2023-01-05T08:00:00Z' });
    expectPlanIsSound(plan);
    expect(plan.sheets.filter((s) => s.role === 'scorecard').map((s) => s.unit)).toEqual(units);
    expect(plan.sheets.map((s) => s.role)).toEqual(
      expect.arrayContaining([
        'guide',
        'members',
        'criteria',
        'indicators',
        'summary',
        'votes',
        'people',
        'log',
        'meta',
      ]),
    );
  });

  it('caps totals as the rules say and carries them as cached results', () => {
    const plan = buildClusterWorkbook(scored());
    const sheet = plan.sheets.find((s) => s.unit === units[0])!;
    const cell = (ref: string) => sheet.cells.find((c) => c.ref === ref)!;
    // Row order: I (5), I.1 (6), I.2 (7), I.3 (8), I.4 (9) ...
    expect(cell('A9').value).toBe('I.4');
    // 9 occurrences × 0,25 = 2,25, capped at 1,5.
    expect(cell('U9').result).toBe(1.5);
    expect(cell('K9').result).toBe(6.5);
    // verified I.2 replaces self; I.1 keeps its self score.
    expect(cell('P7').result).toBe(12.5);
    expect(cell('P6').result).toBe(7.5);
    // Totals: self 8-0,5 + 12+1 (I.2's bonus held to its cap 1) + 8-1,5 = 27; verified 7,5 + 12,5 + 6,5 = 26,5.
    expect(cell('K3').result).toBe(27);
    expect(cell('P3').result).toBe(26.5);
    const other = plan.sheets.find((s) => s.unit === units[1])!;
    // IV caps bonus at 5 in all; IV.1 at 3 and IV.2 at 2: 2,5 + 2 = 4,5.
    expect(other.cells.find((c) => c.ref === 'K3')!.result).toBe(4.5);
  });

  it('marks inputs unlocked with bounds and formulas locked', () => {
    const plan = buildClusterWorkbook(scored());
    const sheet = plan.sheets.find((s) => s.role === 'scorecard')!;
    const g6 = sheet.cells.find((c) => c.ref === 'G6')!;
    expect(g6.style?.locked).toBe(false);
    expect(
      sheet.validations?.some((v) => v.range.startsWith('G6:') && v.kind === 'decimal' && v.max === '$C6'),
    ).toBe(true);
    expect(sheet.protect).toBe(true);
    const summary = plan.sheets.find((s) => s.role === 'summary')!;
    expect(summary.cells.some((c) => c.formula?.startsWith('_xlfn.RANK.EQ('))).toBe(true);
    expect(summary.charts?.[0]?.kind).toBe('bar');
  });

  it('builds a member scorecard workbook', () => {
    const plan = buildUnitScorecard(scored(), 'vksnd tỉnh gia lai');
    expectPlanIsSound(plan);
    expect(plan.sheets[0]!.unit).toBe(units[1]);
    expect(plan.template.id).toBe('thidua/unit-scorecard');
  });
});

describe('cached results agree with the core', () => {
  it('scorecard totals equal computeCluster on the bundled sample', async () => {
    const { readFile } = await import('node:fs/promises');
    const { computeCluster, parseClusterJson } = await import('../../core');
    const text = await readFile(new URL('../../templates/samples/cum-7-2022.json', import.meta.url), 'utf8');
    const doc = parseClusterJson(text).doc!;
    const { result } = computeCluster(doc);
    const plan = buildClusterWorkbook(doc, { result }, { now: '2023-01-05T08:00:00Z' });
    expectPlanIsSound(plan);
    for (const u of result.units) {
      const sheet = plan.sheets.find((s) => s.unit === u.unit)!;
      const at = (ref: string) => sheet.cells.find((c) => c.ref === ref)!.result;
      expect(at('K3'), u.unit).toBe(u.self?.total ?? 0);
      if (u.verified) expect(at('P3'), u.unit).toBe(u.verified.total);
      expect(at('C3')).toBe(u.standardTotal);
    }
    const summary = plan.sheets.find((s) => s.role === 'summary')!;
    const percents = summary.cells.filter((c) => c.formula?.startsWith('IF(C') && c.formula.includes('*100'));
    expect(percents.map((c) => c.result).sort()).toEqual(result.units.map((u) => u.percent).sort());
  });
});
