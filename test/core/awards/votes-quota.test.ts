import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findVote, pickWithinQuota, quotaLimit, tallyVotes, votePasses } from '../../../core';

describe('votePasses: integer comparison, the threshold itself passes', () => {
  it.each([
    [4, 5, 80, true],
    [3, 5, 80, false],
    [79, 100, 80, false],
    [80, 100, 80, true],
    [9, 10, 90, true],
    [17, 19, 90, false], // 89.47%
    [2, 3, 66.666, true],
    [2, 3, 66.667, false],
    [0, 0, 80, false],
    [6, 5, 80, false],
  ])('%i of %i at %d%% → %s', (yes, voters, pct, pass) => {
    expect(votePasses(yes, voters, pct)).toBe(pass);
  });

  it('agrees with exact rational comparison', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 100 }),
        fc.nat(),
        (voters, pct, y) => {
          const yes = y % (voters + 1);
          expect(votePasses(yes, voters, pct)).toBe(BigInt(yes) * 100n >= BigInt(pct) * BigInt(voters));
        },
      ),
    );
  });
});

describe('tallyVotes', () => {
  it('adds up the rows of one ballot and matches names after normalisation', () => {
    const tallies = tallyVotes([
      { award: 'Cờ thi đua của ngành KSND', candidate: 'VKSND tỉnh Gia Lai', yes: 1, voters: 1 },
      { award: 'cờ thi đua của ngành  KSND', candidate: 'VKSND TỈNH GIA LAI', yes: 0, voters: 1 },
      { award: 'Cờ thi đua của ngành KSND', candidate: 'VKSND tỉnh Kon Tum', yes: 1, voters: 1 },
    ]);
    expect(tallies).toHaveLength(2);
    expect(tallies[0]).toMatchObject({ yes: 1, voters: 2, rows: [0, 1] });
    const found = findVote(
      tallies,
      ['Cờ thi đua của ngành Kiểm sát nhân dân', 'Cờ thi đua của ngành KSND'],
      'VKSND tỉnh Kon Tum',
    );
    expect(found).toMatchObject({ yes: 1, voters: 1 });
    expect(findVote(tallies, ['Cờ thi đua của Chính phủ'], 'VKSND tỉnh Kon Tum')).toBeUndefined();
  });
});

describe('quotaLimit', () => {
  it.each([
    [20, 1, 20, 4],
    [20, 1, 19, 3],
    [20, 1, 3, 1],
    [20, 1, 0, 0],
    [20, null, 3, 0],
    [15, null, 40, 6],
    [12.5, null, 8, 1],
  ])('%d%% (min %s) of %i → %i', (percent, minimum, base, limit) => {
    expect(quotaLimit({ percent, minimum }, base)).toBe(limit);
  });

  it('no cap is unlimited', () => {
    expect(quotaLimit({ percent: null, minimum: null }, 20)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('pickWithinQuota', () => {
  const rank = (r: number[]) => r.map((x, i) => ({ id: i, rank: x, woman: false }));
  const same = (a: { rank: number }, b: { rank: number }) => a.rank === b.rank;

  it('takes in order up to the limit', () => {
    const out = pickWithinQuota(rank([1, 2, 3, 4, 5]), 3, same).map((p) => p.outcome);
    expect(out).toEqual(['within', 'within', 'within', 'over', 'over']);
  });

  it('a tie straddling the limit is left to the council, and nobody below passes it', () => {
    const out = pickWithinQuota(rank([1, 2, 2, 4]), 2, same).map((p) => p.outcome);
    expect(out).toEqual(['within', 'tied', 'tied', 'over']);
  });

  it('the stated preference separates a tie', () => {
    const items = rank([1, 2, 2, 4]);
    items[2]!.woman = true;
    const out = pickWithinQuota(items, 2, same, (x) => x.woman).map((p) => [p.item.id, p.outcome]);
    expect(out).toEqual([
      [0, 'within'],
      [2, 'preferred'],
      [1, 'over'],
      [3, 'over'],
    ]);
  });

  it('property: a quota is never exceeded, and picks follow the order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ rank: fc.integer({ min: 1, max: 8 }), woman: fc.boolean() }), { maxLength: 25 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (raw, limit, usePreference) => {
          const items = [...raw].sort((a, b) => a.rank - b.rank);
          const picks = pickWithinQuota(items, limit, same, usePreference ? (x) => x.woman : undefined);
          const taken = picks.filter((p) => p.outcome === 'within' || p.outcome === 'preferred');
          expect(taken.length).toBeLessThanOrEqual(limit);
          expect(picks.map((p) => p.item)).toHaveLength(items.length);
          // Nobody ranked strictly below a candidate left out is taken.
          const worstTaken = Math.max(0, ...taken.map((p) => p.item.rank));
          const bestLeft = Math.min(99, ...picks.filter((p) => !taken.includes(p)).map((p) => p.item.rank));
          expect(worstTaken).toBeLessThanOrEqual(bestLeft);
          // When nothing is tied, every slot is used.
          if (!picks.some((p) => p.outcome === 'tied'))
            expect(taken.length).toBe(Math.min(limit, items.length));
        },
      ),
    );
  });
});
