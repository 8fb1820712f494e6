import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Criterion, computeCluster, type Score } from '../../../core';
import { fullScores, GIA_LAI, KON_TUM, makeDoc } from '../document/fixture';

const unitResult = (doc: ReturnType<typeof makeDoc>, unit = GIA_LAI) =>
  computeCluster(doc).result.units.find((u) => u.unit === unit)!;

describe('scorecard totals', () => {
  it('adds decimals exactly (26,4 + 0,7 = 27,1; 0,1 + 0,2 = 0,3)', () => {
    const criteria: Criterion[] = [
      { code: 'A', title: 'A', points: 30 },
      { code: 'B', title: 'B', points: 1 },
      { code: 'C', title: 'C', points: 0.2 },
    ];
    const scores: Score[] = [
      { unit: GIA_LAI, criterion: 'A', stage: 'self', points: 26.4 },
      { unit: GIA_LAI, criterion: 'B', stage: 'self', points: 0.7 },
      { unit: KON_TUM, criterion: 'B', stage: 'self', points: 0.1 },
      { unit: KON_TUM, criterion: 'C', stage: 'self', points: 0.2 },
    ];
    const { result } = computeCluster(makeDoc({ criteria, scores }));
    expect(result.units.find((u) => u.unit === GIA_LAI)!.self!.total).toBe(27.1);
    expect(result.units.find((u) => u.unit === KON_TUM)!.self!.total).toBe(0.3);
  });

  it('caps deduction by occurrences at deductionMax as a rule, not an error', () => {
    const doc = makeDoc({
      scores: [
        ...fullScores(KON_TUM),
        { unit: GIA_LAI, criterion: '1.a', stage: 'self', points: 6 },
        { unit: GIA_LAI, criterion: '1.b', stage: 'self', points: 4, occurrences: 5 },
        { unit: GIA_LAI, criterion: '2', stage: 'self', points: 10 },
      ],
    });
    const c = computeCluster(doc);
    expect(c.result.issues).toEqual([]);
    expect(unitResult(doc).self).toEqual({ total: 18.5, points: 20, bonus: 0, deduction: 1.5 });
    const why = c.explain(GIA_LAI, '1.b');
    expect(why.kind).toBe('criterion');
    expect(why.lines.map((l) => l.vi).join('\n')).toContain('5 × 0,5 = 2,5, tối đa 1,5: trừ 1,5');
  });

  it('caps the bonus of a group on the sum of its leaves and says how much was cut', () => {
    const doc = makeDoc({
      scores: [
        ...fullScores(KON_TUM),
        { unit: GIA_LAI, criterion: '1.a', stage: 'self', points: 6, bonus: 0.75 },
        { unit: GIA_LAI, criterion: '1.b', stage: 'self', points: 4, bonus: 0.5 },
        { unit: GIA_LAI, criterion: '2', stage: 'self', points: 10, bonus: 2 },
      ],
    });
    const c = computeCluster(doc);
    expect(c.result.issues).toEqual([]);
    expect(unitResult(doc).self).toEqual({ total: 23, points: 20, bonus: 3, deduction: 0 });
    const why = c.explain(GIA_LAI, '1.a');
    if (why.kind !== 'criterion') throw new Error(why.kind);
    expect(why.caps).toEqual([
      expect.objectContaining({
        criterion: '1',
        kind: 'bonus',
        stage: 'self',
        before: 1.25,
        limit: 1,
        cut: 0.25,
      }),
      // No verified score: the verified stage keeps the self scores, so the cap cuts there too.
      expect.objectContaining({ criterion: '1', kind: 'bonus', stage: 'verified', cut: 0.25 }),
    ]);
    expect(why.lines.map((l) => l.vi)).toContain(
      'Nhóm 1: tổng điểm cộng các tiêu chí con là 1,25, vượt mức tối đa 1 của nhóm; tính 1 (bớt 0,25). (tự chấm)',
    );
    const group = c.explain(GIA_LAI, '1');
    if (group.kind !== 'criterion') throw new Error(group.kind);
    expect(group.self).toMatchObject({ points: 10, bonus: 1, total: 11 });
  });

  it('holds an out-of-bounds value to its bound in totals and keeps the error', () => {
    const doc = makeDoc({
      scores: [
        ...fullScores(KON_TUM),
        { unit: GIA_LAI, criterion: '1.a', stage: 'self', points: 7 },
        { unit: GIA_LAI, criterion: '1.b', stage: 'self', points: -1 },
        { unit: GIA_LAI, criterion: '2', stage: 'self', points: 10, bonus: 3 },
      ],
    });
    const c = computeCluster(doc);
    expect(c.result.issues.map((i) => i.code)).toEqual([
      'score.points.over',
      'score.negative',
      'score.bonus.over',
    ]);
    expect(unitResult(doc).self).toEqual({ total: 18, points: 16, bonus: 2, deduction: 0 });
    const why = c.explain(GIA_LAI, '1.a');
    if (why.kind !== 'criterion') throw new Error(why.kind);
    expect(why.inputs[0]!.held).toEqual([
      { field: 'points', typed: 7, counted: 6, issueCode: 'score.points.over' },
    ]);
    expect(why.issues.map((i) => i.code)).toEqual(['score.points.over']);
  });

  it('keeps the self score for items the verified stage leaves out', () => {
    const doc = makeDoc({
      scores: [
        ...fullScores(GIA_LAI),
        ...fullScores(KON_TUM),
        { unit: GIA_LAI, criterion: '2', stage: 'verified', points: 8.5, note: 'Thiếu hồ sơ' },
        { unit: KON_TUM, criterion: '1.a', stage: 'verified', points: 6 },
      ],
    });
    const c = computeCluster(doc);
    expect(c.result.stage).toBe('verified');
    expect(unitResult(doc).verified).toEqual({ total: 18.5, points: 18.5, bonus: 0, deduction: 0 });
    const kept = c.explain(GIA_LAI, '1.a');
    const cut = c.explain(GIA_LAI, '2');
    if (kept.kind !== 'criterion' || cut.kind !== 'criterion') throw new Error('criterion expected');
    expect(kept.verified.source).toBe('self');
    expect(cut.verified.source).toBe('verified');
    expect(cut.lines.map((l) => l.vi).join('\n')).toContain('Ghi chú: Thiếu hồ sơ');
  });

  it('a total equals the sum of its leaf scores, whatever the order of the entries', () => {
    const criteria: Criterion[] = [
      { code: 'G1', title: 'G1', points: 30 },
      { code: 'G2', title: 'G2', points: 30 },
      ...Array.from({ length: 12 }, (_, i) => ({
        code: `L${i}`,
        title: `L${i}`,
        parent: i < 6 ? 'G1' : 'G2',
        points: 5,
        bonusMax: 1,
        deductionMax: 1,
      })),
    ];
    const entry = fc.tuple(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
    );
    const indexes = Array.from({ length: 12 }, (_, i) => i);
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 12, maxLength: 12 }),
        fc.shuffledSubarray(indexes, { minLength: 12, maxLength: 12 }),
        (values, order) => {
          const scores: Score[] = order.map((i) => {
            const [p, b, d] = values[i]!;
            return {
              unit: GIA_LAI,
              criterion: `L${i}`,
              stage: 'self',
              points: p / 1000,
              bonus: b / 1000,
              deduction: d / 1000,
            };
          });
          const self = unitResult(makeDoc({ criteria, scores })).self!;
          // Thousandths typed as JS numbers (0.001 × k) must add up with no binary residue.
          const expectedMilli = values.reduce((s, [p, b, d]) => s + p + b - d, 0);
          expect(self.total).toBe(expectedMilli / 1000);
          expect(self.points).toBe(values.reduce((s, [p]) => s + p, 0) / 1000);
        },
      ),
      { numRuns: 150 },
    );
  });
});
