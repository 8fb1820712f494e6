import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseRankingStage,
  computeCluster,
  DEFAULT_TIERS,
  plainRankEntry,
  type RankEntry,
  rankUnits,
  type Score,
  tierFor,
} from '../../../core';
import { DAK_LAK, fullScores, GIA_LAI, KON_TUM, makeDoc } from '../document/fixture';

const entry = (unit: string, total: number, over: Partial<RankEntry> = {}): RankEntry =>
  plainRankEntry(unit, total * 1000, { standardTotal: 100_000, ...over });

describe('rankUnits', () => {
  it('shares ranks on full ties and skips the next (1, 2, 2, 4)', () => {
    const ranked = rankUnits(
      [entry('D', 90), entry('B', 95), entry('A', 99), entry('C', 95)],
      ['indicatorsMetRatio', 'deduction'],
      DEFAULT_TIERS,
    );
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 2],
      ['D', 4],
    ]);
    expect(ranked[1]!.tiedWith).toEqual(['C']);
    expect(ranked[1]!.below!.key).toBeUndefined();
    expect(ranked[1]!.below!.text.vi).toContain('Đồng hạng với C');
  });

  it('breaks a tie by the keys in order and says which key did it', () => {
    const ranked = rankUnits(
      [
        entry('Đắk Nông', 99.5, { met: 6, arising: 7, deduction: 0 }),
        entry('Kon Tum', 99.5, { met: 7, arising: 7, deduction: 500 }),
        entry('Gia Lai', 99.5, { met: 7, arising: 7, deduction: 0 }),
      ],
      ['indicatorsMetRatio', 'deduction'],
      DEFAULT_TIERS,
    );
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['Gia Lai', 1],
      ['Kon Tum', 2],
      ['Đắk Nông', 3],
    ]);
    expect(ranked[0]!.below).toMatchObject({ neighbour: 'Kon Tum', key: 'deduction' });
    expect(ranked[1]!.below!.key).toBe('indicatorsMetRatio');
    expect(ranked[1]!.below!.text.vi).toBe(
      'Xếp trên Đắk Nông: bằng nhau về tổng điểm; tỷ lệ chỉ tiêu đạt 7/7 (100%) so với 6/7 (85,7%).',
    );
  });

  it('compares ratios exactly, not on their rounded text', () => {
    const ranked = rankUnits(
      [entry('X', 90, { met: 120, arising: 121 }), entry('Y', 90, { met: 121, arising: 122 })],
      ['indicatorsMetRatio'],
      DEFAULT_TIERS,
    );
    // 120/121 = 0.99174 < 121/122 = 0.99180, though both print "99,2%".
    expect(ranked.map((r) => r.unit)).toEqual(['Y', 'X']);
  });

  it('assigns the default tiers on percent of the standard, exactly at the thresholds', () => {
    const tier = (total: number, standard = 100) =>
      tierFor(total * 1000, standard * 1000, DEFAULT_TIERS)?.label;
    expect(tier(95)).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(tier(94.999)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(tier(80)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(tier(50)).toBe('Hoàn thành nhiệm vụ');
    expect(tier(49.999)).toBe('Không hoàn thành nhiệm vụ');
    expect(tier(142.5, 150)).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(tier(142.499, 150)).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('ranks are shared exactly by units equal on every key, and never depend on row order', () => {
    const arb = fc.array(
      fc.record({ total: fc.integer({ min: 90, max: 93 }), deduction: fc.integer({ min: 0, max: 2 }) }),
      { minLength: 2, maxLength: 9 },
    );
    fc.assert(
      fc.property(arb, fc.nat(), (rows, seed) => {
        const entries = rows.map((r, i) => entry(`U${i}`, r.total, { deduction: r.deduction * 500 }));
        const ranked = rankUnits(entries, ['deduction'], DEFAULT_TIERS);
        const rankOf = new Map(ranked.map((r) => [r.unit, r.rank]));
        for (const [i, r] of rows.entries()) {
          const better = rows.filter(
            (o) => o.total > r.total || (o.total === r.total && o.deduction < r.deduction),
          );
          expect(rankOf.get(`U${i}`)).toBe(better.length + 1);
        }
        // Rotating the input changes nothing.
        const k = seed % entries.length;
        const rotated = [...entries.slice(k), ...entries.slice(0, k)];
        const again = new Map(rankUnits(rotated, ['deduction'], DEFAULT_TIERS).map((r) => [r.unit, r.rank]));
        expect(again).toEqual(rankOf);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ranking inside computeCluster', () => {
  it('adding bonus to one unit never lowers its rank', () => {
    const units = [GIA_LAI, KON_TUM, DAK_LAK];
    const leaf = fc.record({
      a: fc.integer({ min: 0, max: 12 }),
      b: fc.integer({ min: 0, max: 8 }),
      c: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(leaf, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, who, extra) => {
          const scoresFor = (bonusFor: number): Score[] =>
            rows.flatMap((r, i) => [
              { unit: units[i]!, criterion: '1.a', stage: 'self', points: r.a / 2 },
              { unit: units[i]!, criterion: '1.b', stage: 'self', points: r.b / 2 },
              {
                unit: units[i]!,
                criterion: '2',
                stage: 'self',
                points: r.c / 2,
                bonus: i === bonusFor ? extra / 2 : 0,
              },
            ]);
          const rank = (scores: Score[]) =>
            computeCluster(makeDoc({ units: units.map((name) => ({ name })), scores })).result.units.find(
              (u) => u.unit === units[who],
            )!.rank;
          expect(rank(scoresFor(who))).toBeLessThanOrEqual(rank(scoresFor(-1)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('chooses the stage per unit: verified where the cluster verified it, self otherwise', () => {
    const all = chooseRankingStage(undefined, [], 3);
    expect([all.stage, all.used(KON_TUM), all.issues]).toEqual(['verified', 'verified', []]);
    const partial = chooseRankingStage(undefined, [KON_TUM], 3);
    expect(partial.stage).toBe('verified');
    expect([partial.used(KON_TUM), partial.used(GIA_LAI)]).toEqual(['self', 'verified']);
    expect(partial.issues.map((i) => i.code)).toEqual(['ranking.stage.perUnit']);
    const none = chooseRankingStage(undefined, [GIA_LAI, KON_TUM], 2);
    expect([none.stage, none.used(GIA_LAI), none.issues]).toEqual(['self', 'self', []]);
    const forced = chooseRankingStage('verified', [KON_TUM], 2);
    expect([forced.stage, forced.used(KON_TUM)]).toEqual(['verified', 'self']);
    expect(forced.issues.map((i) => i.code)).toEqual(['ranking.stage.verifiedMissing']);
    const self = chooseRankingStage('self', [], 2);
    expect([self.stage, self.used(GIA_LAI)]).toEqual(['self', 'self']);

    // Gia Lai verified on one item (2: 9 → 1) ranks on its verified total, Kon Tum on its self score.
    const doc = makeDoc({
      scores: [
        ...fullScores(GIA_LAI),
        ...fullScores(KON_TUM),
        { unit: GIA_LAI, criterion: '2', stage: 'verified', points: 1 },
      ],
    });
    const { result } = computeCluster(doc);
    expect(result.stage).toBe('verified');
    expect(result.units.map((u) => [u.unit, u.stage, u.rank])).toEqual([
      [KON_TUM, 'self', 1],
      [GIA_LAI, 'verified', 2],
    ]);
    const asked = computeCluster({ ...doc, ranking: { stage: 'self' } }).result;
    expect(asked.units.map((u) => [u.unit, u.stage, u.rank])).toEqual([
      [GIA_LAI, 'self', 1],
      [KON_TUM, 'self', 1],
    ]);
  });

  it('breaks ties on a criterion when the document asks for it', () => {
    const doc = makeDoc({
      ranking: { tieBreak: ['criterion:2'] },
      scores: [
        { unit: GIA_LAI, criterion: '1.a', stage: 'self', points: 6 },
        { unit: GIA_LAI, criterion: '2', stage: 'self', points: 9 },
        { unit: KON_TUM, criterion: '1.a', stage: 'self', points: 5 },
        { unit: KON_TUM, criterion: '2', stage: 'self', points: 10 },
      ],
    });
    const c = computeCluster(doc);
    expect(c.result.units.map((u) => [u.unit, u.rank])).toEqual([
      [KON_TUM, 1],
      [GIA_LAI, 2],
    ]);
    expect(c.ranking[0]!.below!.text.vi).toContain('điểm tiêu chí 2 10 so với 9');
  });
});
