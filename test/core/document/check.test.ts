import { describe, expect, it } from 'vitest';
import { type ClusterDocument, checkCluster, computeCluster, type Score } from '../../../core';
import { codes, DAK_LAK, fullScores, GIA_LAI, KON_TUM, makeDoc } from './fixture';

const withScores = (...extra: Score[]) =>
  makeDoc({ scores: [...fullScores(GIA_LAI), ...fullScores(KON_TUM), ...extra] });

describe('checkCluster', () => {
  it('finds nothing wrong in a clean document', () => {
    expect(checkCluster(makeDoc())).toEqual([]);
  });

  it('names unit, criterion, stage and bound for a bonus above its maximum', () => {
    const doc = makeDoc({
      criteria: [{ code: '1.a.7', title: 'Sáng kiến', points: 5, bonusMax: 2 }],
      scores: [
        { unit: GIA_LAI, criterion: '1.a.7', stage: 'self', points: 5, bonus: 2.5 },
        { unit: KON_TUM, criterion: '1.a.7', stage: 'self', points: 5 },
      ],
    });
    const [issue, ...rest] = checkCluster(doc);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      severity: 'error',
      code: 'score.bonus.over',
      unit: GIA_LAI,
      criterion: '1.a.7',
      stage: 'self',
      path: 'scores[0].bonus',
    });
    expect(issue!.message).toContain(
      'Điểm cộng của VKSND tỉnh Gia Lai, tiêu chí 1.a.7 (tự chấm) là 2,5, vượt mức tối đa 2 điểm.',
    );
    expect(issue!.messageEn).toContain('Bonus of VKSND tỉnh Gia Lai, criterion 1.a.7 (self score) is 2.5');
  });

  const cases: [string, () => ClusterDocument, string, Partial<Record<string, string>>][] = [
    [
      'a unit not in the cluster',
      () => withScores({ unit: DAK_LAK, criterion: '2', stage: 'verified', points: 1 }),
      'ref.unit.unknown',
      { path: 'scores[6].unit' },
    ],
    [
      'points above the standard',
      () =>
        makeDoc({
          scores: [...fullScores(KON_TUM), { unit: GIA_LAI, criterion: '2', stage: 'self', points: 10.5 }],
        }),
      'score.points.over',
      { unit: GIA_LAI, criterion: '2', path: 'scores[3].points' },
    ],
    [
      'a negative deduction',
      () =>
        makeDoc({
          scores: [
            ...fullScores(KON_TUM),
            { unit: GIA_LAI, criterion: '2', stage: 'self', points: 10, deduction: -1 },
          ],
        }),
      'score.negative',
      { path: 'scores[3].deduction' },
    ],
    [
      'a deduction above its maximum',
      () =>
        makeDoc({
          scores: [
            ...fullScores(KON_TUM),
            { unit: GIA_LAI, criterion: '1.b', stage: 'self', points: 4, deduction: 2 },
          ],
        }),
      'score.deduction.over',
      { criterion: '1.b' },
    ],
    [
      'a bonus where the criterion allows none',
      () =>
        makeDoc({
          criteria: [
            { code: 'A', title: 'A', points: 5 },
            { code: 'B', title: 'B', points: 5 },
          ],
          scores: [{ unit: GIA_LAI, criterion: 'A', stage: 'self', points: 5, bonus: 0.5 }],
        }),
      'score.bonus.notAllowed',
      { criterion: 'A' },
    ],
    [
      'more than 3 decimals',
      () =>
        makeDoc({
          scores: [...fullScores(KON_TUM), { unit: GIA_LAI, criterion: '2', stage: 'self', points: 9.1234 }],
        }),
      'score.decimals',
      { path: 'scores[3].points' },
    ],
    [
      'a score on a group',
      () => withScores({ unit: GIA_LAI, criterion: '1', stage: 'verified', points: 10 }),
      'score.group',
      { criterion: '1' },
    ],
    [
      'an unknown criterion',
      () => withScores({ unit: GIA_LAI, criterion: '9.9', stage: 'self', points: 1 }),
      'ref.criterion.unknown',
      { path: 'scores[6].criterion' },
    ],
    [
      'the same score twice',
      () => withScores({ unit: GIA_LAI, criterion: '2', stage: 'self', points: 9 }),
      'score.duplicate',
      { path: 'scores[6]' },
    ],
    [
      'a duplicate unit name after normalisation',
      () => makeDoc({ units: [{ name: GIA_LAI }, { name: KON_TUM }, { name: '  vksnd TỈNH gia lai ' }] }),
      'unit.duplicate',
      { path: 'units[2].name' },
    ],
    [
      'a duplicate criterion code',
      () => makeDoc({ criteria: [...makeDoc().criteria, { code: '2', title: 'Lại', points: 1 }] }),
      'criterion.duplicate',
      { path: 'criteria[4].code' },
    ],
    [
      'an unknown parent',
      () =>
        makeDoc({ criteria: [...makeDoc().criteria, { code: '3', title: 'Ba', parent: '7', points: 1 }] }),
      'ref.parent.unknown',
      { criterion: '3' },
    ],
    [
      'a cycle',
      () =>
        makeDoc({
          criteria: [
            { code: 'X', title: 'X', parent: 'Y', points: 1 },
            { code: 'Y', title: 'Y', parent: 'X', points: 1 },
            { code: 'Z', title: 'Z', points: 1 },
          ],
          scores: [],
        }),
      'criterion.cycle',
      { criterion: 'X' },
    ],
    [
      'a group whose standard is not the sum of its children',
      () => makeDoc({ criteria: makeDoc().criteria.map((c) => (c.code === '1' ? { ...c, points: 12 } : c)) }),
      'criterion.group.sum',
      { criterion: '1' },
    ],
    [
      'fewer than two units',
      () => makeDoc({ units: [{ name: GIA_LAI }], scores: fullScores(GIA_LAI) }),
      'units.tooFew',
      {},
    ],
    [
      'numerator above denominator',
      () =>
        makeDoc({
          indicators: [{ code: 'CT1', title: 'Tin báo', target: 0.9 }],
          indicatorResults: [{ unit: GIA_LAI, indicator: 'CT1', numerator: 11, denominator: 10 }],
        }),
      'indicator.numerator.over',
      { unit: GIA_LAI, indicator: 'CT1' },
    ],
    [
      'an unknown indicator',
      () =>
        makeDoc({
          indicators: [],
          indicatorResults: [{ unit: GIA_LAI, indicator: 'CT9', numerator: 1, denominator: 1 }],
        }),
      'ref.indicator.unknown',
      { path: 'indicatorResults[0].indicator' },
    ],
    [
      'a duplicate indicator',
      () =>
        makeDoc({
          indicators: [
            { code: 'CT1', title: 'A', target: 0.9 },
            { code: 'ct1', title: 'B', target: 0.8 },
          ],
        }),
      'indicator.duplicate',
      { path: 'indicators[1].code' },
    ],
    [
      'more yes votes than voters',
      () => makeDoc({ votes: [{ award: 'Cờ', candidate: GIA_LAI, yes: 6, voters: 5 }] }),
      'vote.yes.over',
      { award: 'Cờ' },
    ],
    [
      'an unknown vote candidate',
      () => makeDoc({ votes: [{ award: 'Cờ', candidate: 'Ai đó', yes: 1, voters: 5 }] }),
      'ref.candidate.unknown',
      {},
    ],
    [
      'an unknown tie-break key',
      () => makeDoc({ ranking: { tieBreak: ['luck' as 'bonus'] } }),
      'ranking.tieBreak.unknown',
      { path: 'ranking.tieBreak[0]' },
    ],
    [
      'an unknown leader',
      () => makeDoc({ cluster: { name: 'Cụm', leader: 'VKSND tỉnh Gia Lai 2' } }),
      'ref.unit.unknown',
      { path: 'cluster.leader' },
    ],
  ];

  it.each(cases)('reports %s', (_what, build, code, where) => {
    const issues = checkCluster(build());
    const found = issues.find((i) => i.code === code);
    expect(found, JSON.stringify(issues, null, 1)).toBeDefined();
    expect(found).toMatchObject(where);
    expect(found!.message.length).toBeGreaterThan(20);
    expect(found!.messageEn.length).toBeGreaterThan(20);
  });

  it('matches unit names after normalisation and never makes a new unit from a reference', () => {
    const nfd = GIA_LAI.normalize('NFD').toUpperCase().replace(' ', '  ');
    const doc = makeDoc({
      scores: [...fullScores(nfd), ...fullScores(KON_TUM), ...fullScores('VKSND tỉnh Gia Lay')],
    });
    const issues = checkCluster(doc);
    expect(codes(issues)).toEqual(['ref.unit.unknown', 'ref.unit.unknown', 'ref.unit.unknown']);
    const { result } = computeCluster(doc);
    expect(result.units.map((u) => u.unit).sort()).toEqual([GIA_LAI, KON_TUM].sort());
    expect(result.units.find((u) => u.unit === GIA_LAI)!.self!.total).toBe(20);
  });

  it('sees one provincial unit written twice with different spellings as a duplicate, naming both', () => {
    const doc = makeDoc({
      units: [{ name: GIA_LAI }, { name: DAK_LAK }, { name: 'VKSND tỉnh Đăk Lăk' }],
      scores: [...fullScores(GIA_LAI), ...fullScores(DAK_LAK)],
    });
    const dup = checkCluster(doc).filter((i) => i.code === 'unit.duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'error', unit: 'VKSND tỉnh Đăk Lăk', path: 'units[2].name' });
    for (const text of [dup[0]!.message, dup[0]!.messageEn]) {
      expect(text).toContain('"VKSND tỉnh Đăk Lăk" (units[2])');
      expect(text).toContain(`"${DAK_LAK}" (units[1])`);
    }
    expect(dup[0]!.message).toContain('danh mục tỉnh, thành phố');
    expect(
      computeCluster(doc)
        .result.units.map((u) => u.unit)
        .sort(),
    ).toEqual([DAK_LAK, GIA_LAI].sort());
  });

  it('counts a reference spelt as a registry variant for that unit, with one warning per spelling', () => {
    const doc = makeDoc({
      units: [{ name: GIA_LAI }, { name: DAK_LAK }],
      scores: [
        ...fullScores(GIA_LAI),
        ...fullScores('VKSND tỉnh Đăk Lăk'),
        ...fullScores('Dak Lak', 'verified').map((s) => ({ ...s, points: s.points - 1 })),
      ],
      indicators: [{ code: 'CT1', title: 'Chỉ tiêu 1', target: 0.9 }],
      indicatorResults: [{ unit: 'Đắc Lắc', indicator: 'CT1', numerator: 9, denominator: 10 }],
    });
    const issues = checkCluster(doc);
    expect(codes(issues).filter((c) => c.startsWith('ref.'))).toEqual([]);
    const variants = issues.filter((i) => i.code === 'unit.name.variant');
    expect(variants.map((i) => [i.severity, i.unit, i.path])).toEqual([
      ['warning', 'VKSND tỉnh Đăk Lăk', 'scores[3].unit'],
      ['warning', 'Dak Lak', 'scores[6].unit'],
      ['warning', 'Đắc Lắc', 'indicatorResults[0].unit'],
    ]);
    expect(variants[0]!.message).toContain(DAK_LAK);
    const dakLak = computeCluster(doc).result.units.find((u) => u.unit === DAK_LAK)!;
    expect(dakLak.self!.total).toBe(20);
    expect(dakLak.verified!.total).toBe(17);
    expect(dakLak.indicators.arising).toBe(1);
  });

  it('keeps area units to their spelling: a provincial look-alike is not the same unit', () => {
    const area = 'VKSND khu vực 1 Đắk Lắk';
    const doc = makeDoc({
      units: [{ name: area }, { name: DAK_LAK }],
      scores: [...fullScores(area), ...fullScores('VKSND khu vuc 1 Dak Lak'), ...fullScores('Dak Lak')],
    });
    // Two members (an area unit is not its province); the area unit's name without diacritics is not its
    // spelling, and the registry does not speak for area units, so those references stay unknown.
    expect(checkCluster(doc).map((i) => [i.code, i.unit, i.path])).toEqual([
      ['ref.unit.unknown', 'VKSND khu vuc 1 Dak Lak', 'scores[3].unit'],
      ['ref.unit.unknown', 'VKSND khu vuc 1 Dak Lak', 'scores[4].unit'],
      ['ref.unit.unknown', 'VKSND khu vuc 1 Dak Lak', 'scores[5].unit'],
      ['unit.name.variant', 'Dak Lak', 'scores[6].unit'],
    ]);
  });

  it('reports a deduction typed against the occurrence rule as a warning and counts the rule', () => {
    const doc = makeDoc({
      scores: [
        ...fullScores(KON_TUM),
        { unit: GIA_LAI, criterion: '1.b', stage: 'self', points: 4, occurrences: 2, deduction: 0.5 },
      ],
    });
    const issues = checkCluster(doc);
    expect(issues.filter((i) => i.code !== 'score.missing').map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'score.deduction.mismatch'],
    ]);
  });

  it('flags occurrences without a per-occurrence deduction', () => {
    const doc = withScores({ unit: DAK_LAK, criterion: '2', stage: 'self', points: 1 });
    doc.units.push({ name: DAK_LAK });
    doc.scores!.push({ unit: DAK_LAK, criterion: '1.a', stage: 'self', points: 6, occurrences: 1 });
    expect(codes(checkCluster(doc))).toContain('score.occurrences.noRate');
  });
});
