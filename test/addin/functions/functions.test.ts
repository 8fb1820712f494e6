// The custom functions give what the core gives on the same inputs: each is compared with the core's own
// entry points (the cluster computation, the indicator evaluation, the percentage text), including property tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_FORMAT,
  type ClusterDocument,
  computeCluster,
  evaluateClusterIndicators,
  formatPercentVi,
  resolveClusterDocument,
  roundRatio,
} from '../../../core';
import {
  exceeded,
  FunctionError,
  met,
  percentVi,
  rank,
  rankAll,
  ratio,
  tier,
} from '../../../addin/functions/formulas';
import { FUNCTIONS } from '../../../addin/functions/functions';

const errorCode = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof FunctionError) return error.code;
    throw error;
  }
};

/** numerator ≤ denominator, both small non-negative integers. */
const fractionArb = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }))
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

function indicatorDoc(
  numerator: number,
  denominator: number,
  target: number,
  lowerIsBetter: boolean,
): ClusterDocument {
  return {
    format: CLUSTER_FORMAT,
    kind: 'annual',
    year: 2022,
    cluster: { name: 'Cụm 6' },
    units: [{ name: 'VKSND tỉnh Nghệ An' }, { name: 'VKSND tỉnh Hà Tĩnh' }],
    criteria: [{ code: '1', title: 'Công tác', points: 10 }],
    indicators: [{ code: 'CT1', title: 'Giải quyết tin báo', target, lowerIsBetter }],
    indicatorResults: [{ unit: 'VKSND tỉnh Nghệ An', indicator: 'CT1', numerator, denominator }],
  };
}

describe('THIDUA.RATIO and THIDUA.PERCENTVI', () => {
  it('give the seed figures: 121/122 is 0,9918 and "99,2%", 52/52 is "100%"', () => {
    expect(ratio(121, 122)).toBe(0.9918);
    expect(percentVi(121, 122)).toBe('99,2%');
    expect(percentVi(52, 52)).toBe('100%');
    expect(percentVi(999, 1000)).toBe('99,9%');
  });

  it('equal the core on any fraction', () => {
    fc.assert(
      fc.property(fractionArb, ([n, d]) => {
        expect(percentVi(n, d)).toBe(formatPercentVi(n, d));
        if (d > 0) expect(ratio(n, d)).toBe(roundRatio(n, d, 4));
      }),
    );
  });

  it('refuse what the data format refuses, with the Excel error that says why', () => {
    expect(errorCode(() => ratio(0, 0))).toBe('#DIV/0!');
    expect(errorCode(() => ratio(5, 0))).toBe('#NUM!');
    expect(errorCode(() => ratio(123, 122))).toBe('#NUM!');
    expect(errorCode(() => ratio(-1, 4))).toBe('#NUM!');
    expect(errorCode(() => ratio(1.5, 4))).toBe('#NUM!');
    expect(errorCode(() => percentVi('12' as unknown as number, 40))).toBe('#VALUE!');
    try {
      ratio(123, 122);
    } catch (error) {
      expect((error as Error).message).toContain('123');
    }
  });
});

describe('THIDUA.MET and THIDUA.EXCEEDED', () => {
  it('judge the boundary exactly: 90/100 meets 0,9 but does not exceed it', () => {
    expect(met(90, 100, 0.9)).toBe(true);
    expect(exceeded(90, 100, 0.9)).toBe(false);
    expect(exceeded(91, 100, 0.9)).toBe(true);
    // A 100% target cannot be exceeded; lower-is-better flips the comparison.
    expect(exceeded(100, 100, 1)).toBe(false);
    expect(met(3, 100, 0.05, true)).toBe(true);
    expect(met(6, 100, 0.05, true)).toBe(false);
    // Not arising (denominator 0): neither met nor exceeded.
    expect(met(0, 0, 0.9)).toBe(false);
  });

  it('equal the core evaluation of the same indicator result', () => {
    fc.assert(
      fc.property(
        fractionArb,
        fc.integer({ min: 0, max: 1000 }).map((t) => t / 1000),
        fc.boolean(),
        ([n, d], target, lower) => {
          const { cluster } = resolveClusterDocument(indicatorDoc(n, d, target, lower));
          const outcome = evaluateClusterIndicators(cluster).units[0]!.outcomes[0]!;
          expect(met(n, d, target, lower)).toBe(outcome.met);
          expect(exceeded(n, d, target, lower)).toBe(outcome.exceeded);
        },
      ),
    );
  });

  it('refuse a target outside 0..1', () => {
    expect(errorCode(() => met(1, 2, 90))).toBe('#NUM!');
  });
});

/** A cluster whose ranking is decided by totals, then met ratio, then deduction (the default tie-break). */
function rankingDoc(
  units: { points: number; deduction: number; met: number; arising: number }[],
): ClusterDocument {
  const names = units.map((_, i) => `VKSND tỉnh số ${i + 1}`);
  return {
    format: CLUSTER_FORMAT,
    kind: 'annual',
    year: 2022,
    cluster: { name: 'Cụm thử' },
    units: names.map((name) => ({ name })),
    criteria: [{ code: '1', title: 'Công tác', points: 10, deductionMax: 5 }],
    scores: units.map((u, i) => ({
      unit: names[i]!,
      criterion: '1',
      stage: 'self' as const,
      points: u.points,
      deduction: u.deduction,
    })),
    indicators: [{ code: 'CT', title: 'Chỉ tiêu', target: 0.5 }],
    indicatorResults: units.map((u, i) => ({
      unit: names[i]!,
      indicator: 'CT',
      numerator: u.met,
      denominator: u.arising,
    })),
    ranking: { stage: 'self' },
  };
}

describe('THIDUA.RANK', () => {
  it('shares ranks among ties (1, 2, 2, 4) and breaks ties by the ranges given', () => {
    expect(rankAll([9, 8, 8, 7])).toEqual([1, 2, 2, 4]);
    expect(rankAll([9, 8, 8, 7], [[0, 1, 2, 0]])).toEqual([1, 3, 2, 4]);
    // 26,4 + 0,7 computed in binary is 27,099999…: still a tie with a typed 27,1.
    expect(rankAll([26.4 + 0.7, 27.1])).toEqual([1, 1]);
    expect(rankAll([5, '', 'x', 6])).toEqual([2, null, null, 1]);
  });

  it('answers a single value, and refuses one that the tie-breaks split', () => {
    expect(rank([[8]], [[9], [8], [8], [7]])).toEqual([[2]]);
    expect(rank([[8]], [[9], [8], [8], [7]], [[0], [0], [0], [0]])).toEqual([[2]]);
    expect(errorCode(() => rank([[8]], [[9], [8], [8], [7]], [[0], [1], [2], [0]]))).toBe('#N/A');
    expect(errorCode(() => rank([[5]], [[9], [8]]))).toBe('#N/A');
    expect(errorCode(() => rank([[9], [8]], [[9], [8]], [[1]]))).toBe('#VALUE!');
  });

  it('spills the same ranks as the core computation of the cluster', () => {
    const unitArb = fc.record({
      points: fc.integer({ min: 0, max: 40 }).map((p) => p / 4),
      deduction: fc.integer({ min: 0, max: 4 }).map((p) => p / 2),
      met: fc.integer({ min: 0, max: 3 }),
      arising: fc.integer({ min: 3, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 2, maxLength: 9 }), (units) => {
        const doc = rankingDoc(units);
        const result = computeCluster(doc).result;
        const byName = new Map(result.units.map((u) => [u.unit, u]));
        const rows = doc.units.map((u) => byName.get(u.name)!);
        const totals = rows.map((u) => [u.self!.total]);
        const metRatios = rows.map((u) => [u.indicators.met / u.indicators.arising]);
        const lessDeduction = rows.map((u) => [-u.self!.deduction]);
        const ranks = rank(totals, totals, metRatios, lessDeduction);
        expect(ranks.map((r) => r[0])).toEqual(rows.map((u) => u.rank));
      }),
      { numRuns: 200 },
    );
  });
});

describe('THIDUA.TIER', () => {
  it('rates like the core, at and around each default threshold', () => {
    expect(tier(95)).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(tier(94.999)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(tier(80)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(tier(50)).toBe('Hoàn thành nhiệm vụ');
    expect(tier(49.9)).toBe('Không hoàn thành nhiệm vụ');
    expect(tier(118.4)).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('equals the tier of the core computation for any total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }).map((p) => p / 4),
        (points) => {
          const doc = rankingDoc([
            { points, deduction: 0, met: 1, arising: 1 },
            { points: 10, deduction: 0, met: 1, arising: 1 },
          ]);
          const unit = computeCluster(doc).result.units.find((u) => u.unit === doc.units[0]!.name)!;
          expect(tier(unit.percent)).toBe(unit.tier);
        },
      ),
    );
  });
});

describe('registration', () => {
  it('maps every metadata id to a function that loads the logic on first call and rejects with core errors outside Excel', async () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual(['EXCEEDED', 'MET', 'PERCENTVI', 'RANK', 'RATIO', 'TIER']);
    await expect(FUNCTIONS.PERCENTVI(121, 122)).resolves.toBe('99,2%');
    await expect(FUNCTIONS.RATIO(121, 122)).resolves.toBe(ratio(121, 122));
    await expect(FUNCTIONS.MET(121, 122, 0.9)).resolves.toBe(true);
    await expect(FUNCTIONS.EXCEEDED(121, 122, 1)).resolves.toBe(false);
    await expect(FUNCTIONS.RANK([[10]], [[9], [10], [8]])).resolves.toEqual([[1]]);
    await expect(FUNCTIONS.TIER(95.25)).resolves.toBe(tier(95.25));
    await expect(FUNCTIONS.RATIO(1, 0)).rejects.toBeInstanceOf(FunctionError);
  });

  it("inside Excel, a core error becomes the runtime's error value with the Vietnamese message", async () => {
    class RuntimeError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const g = globalThis as { CustomFunctions?: unknown };
    g.CustomFunctions = {
      associate: () => undefined,
      Error: RuntimeError,
      ErrorCode: { invalidValue: 'V', invalidNumber: 'N', divisionByZero: 'D', notAvailable: 'A' },
    };
    try {
      await expect(FUNCTIONS.RATIO(0, 0)).rejects.toMatchObject({
        code: 'D',
        message: expect.stringMatching(/Mẫu số bằng 0/),
      });
      await expect(FUNCTIONS.RATIO(3, 2)).rejects.toMatchObject({ code: 'N' });
      await expect(FUNCTIONS.RANK([[7]], [[9], [10]])).rejects.toMatchObject({ code: 'A' });
      await expect(FUNCTIONS.TIER('x' as unknown as number)).rejects.toBeInstanceOf(RuntimeError);
    } finally {
      delete g.CustomFunctions;
    }
  });

  it('functions.ts imports no part of the core itself: the core arrives with ./formulas on the first call', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../../addin/functions/functions.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import .*from/m);
    expect(source).toMatch(/import\('\.\/formulas'\)/);
  });
});
