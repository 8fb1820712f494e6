/**
 * Generated cluster documents for the parity tests: a criteria tree with caps on leaves and groups, self and
 * (partly) verified scores including values outside their bounds (held by the formulas as by the core),
 * indicators with arising and non-arising results. Scores on a 0,25 grid, as offices write them.
 */
import fc from 'fast-check';
import type { ClusterDocument, Criterion, Indicator, IndicatorResult, Score, TieBreakKey } from '../../core';

const PROVINCES = [
  'Đắk Lắk',
  'Gia Lai',
  'Kon Tum',
  'Lâm Đồng',
  'Đắk Nông',
  'Khánh Hòa',
  'Phú Yên',
  'Bình Định',
  'Quảng Ngãi',
  'Ninh Thuận',
  'Thừa Thiên Huế',
];

/** A multiple of 0.25 between lo and hi (in quarters). */
const quarters = (lo: number, hi: number) => fc.integer({ min: lo * 4, max: hi * 4 }).map((q) => q / 4);

interface Shape {
  groups: {
    leaves: { points: number; bonusMax?: number; deductionMax?: number; deductionEach?: number }[];
    bonusMax?: number;
  }[];
}

const leafArb = fc.record(
  {
    points: quarters(1, 15),
    bonusMax: quarters(0.25, 2),
    deductionMax: quarters(0.5, 3),
    deductionEach: fc.constantFrom(0.25, 0.5, 1),
  },
  { requiredKeys: ['points'] },
);

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  groups: fc.array(
    fc.record(
      { leaves: fc.array(leafArb, { minLength: 1, maxLength: 4 }), bonusMax: quarters(0.5, 2) },
      { requiredKeys: ['leaves'] },
    ),
    { minLength: 2, maxLength: 4 },
  ),
});

function criteriaOf(shape: Shape): Criterion[] {
  const out: Criterion[] = [];
  shape.groups.forEach((g, gi) => {
    const code = String(gi + 1);
    const sum = g.leaves.reduce((s, l) => s + Math.round(l.points * 4), 0) / 4;
    const group: Criterion = { code, title: `Nhóm tiêu chí ${code}`, points: sum };
    if (g.bonusMax !== undefined) group.bonusMax = g.bonusMax;
    out.push(group);
    g.leaves.forEach((l, li) => {
      const c: Criterion = {
        code: `${code}.${li + 1}`,
        title: `Tiêu chí ${code}.${li + 1}`,
        parent: code,
        points: l.points,
      };
      if (l.bonusMax !== undefined) c.bonusMax = l.bonusMax;
      if (l.deductionMax !== undefined) c.deductionMax = l.deductionMax;
      if (l.deductionEach !== undefined) c.deductionEach = l.deductionEach;
      out.push(c);
    });
  });
  return out;
}

/** One leaf score; now and then a value steps outside its bound (the formulas must hold it as the core does). */
const scoreArb = (c: Criterion) =>
  fc
    .record({
      fraction: fc.integer({ min: 0, max: 8 }),
      wild: fc.integer({ min: 0, max: 29 }),
      bonusShare: fc.integer({ min: 0, max: 4 }),
      deductionShare: fc.integer({ min: 0, max: 4 }),
      occurrences: fc.integer({ min: 0, max: 5 }),
    })
    .map(({ fraction, wild, bonusShare, deductionShare, occurrences }) => {
      const quarter = (v: number) => Math.round(v * 4) / 4;
      const s: Omit<Score, 'unit' | 'stage'> = {
        criterion: c.code,
        points: wild === 0 ? c.points + 1 : quarter((c.points * fraction) / 8),
      };
      if (c.bonusMax !== undefined && bonusShare > 0)
        s.bonus = quarter((c.bonusMax * bonusShare) / 4) + (wild === 1 ? 0.5 : 0);
      else if (wild === 2) s.bonus = 0.25;
      if (c.deductionEach !== undefined) s.occurrences = occurrences;
      else if (deductionShare > 0)
        s.deduction = quarter(((c.deductionMax ?? 1) * deductionShare) / 4) + (wild === 3 ? 1 : 0);
      return s;
    });

interface IndicatorShape {
  target: number;
  lowerIsBetter: boolean;
  /** undefined: the default (a 100% target, or 0% when lower is better, cannot be exceeded). */
  exceedable?: boolean;
}

const indicatorArb: fc.Arbitrary<IndicatorShape> = fc.record(
  {
    target: fc.constantFrom(0, 0.7, 0.85, 0.9, 0.95, 1),
    lowerIsBetter: fc.boolean(),
    exceedable: fc.boolean(),
  },
  { requiredKeys: ['target', 'lowerIsBetter'] },
);

/**
 * Every indicator shape at once: targets 0, 90% and 100%, × higher or lower is better, × exceedable by
 * default, stated or refused. The lower-is-better 100% target is the case the workbook once got wrong.
 */
export const EVERY_INDICATOR_SHAPE: readonly IndicatorShape[] = [0, 0.9, 1].flatMap((target) =>
  [false, true].flatMap((lowerIsBetter) =>
    [undefined, true, false].map((exceedable) => ({
      target,
      lowerIsBetter,
      ...(exceedable === undefined ? {} : { exceedable }),
    })),
  ),
);

/** A result: a denominator of 0 (not arising) one time in six, a numerator from 0 to the denominator. */
const resultArb = fc
  .oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }) })
  .chain((d) =>
    fc
      .oneof(fc.constant(d), fc.constant(0), fc.integer({ min: Math.floor(d * 0.6), max: d }))
      .map((n) => [n, d] as const),
  );

/** Member names: provinces for small clusters, numbered units beyond them. */
const unitNamesArb = (count?: number): fc.Arbitrary<string[]> =>
  count === undefined || count <= PROVINCES.length
    ? fc
        .shuffledSubarray(PROVINCES, { minLength: count ?? 2, maxLength: count ?? 7 })
        .map((ps) => ps.map((p) => `VKSND tỉnh ${p}`))
    : fc.constant(Array.from({ length: count }, (_, i) => `Đơn vị số ${i + 1}`));

/**
 * Generated cluster documents: 2–7 members and 1–5 random indicators by default; `units` fixes the member
 * count and `indicators` the indicator shapes (e.g. EVERY_INDICATOR_SHAPE).
 */
export const clusterDocumentArbOf = (
  options: { units?: number; indicators?: readonly IndicatorShape[] } = {},
): fc.Arbitrary<ClusterDocument> =>
  fc
    .record({
      shape: shapeArb,
      units: unitNamesArb(options.units),
      indicators: options.indicators
        ? fc.constant([...options.indicators])
        : fc.array(indicatorArb, { minLength: 1, maxLength: 5 }),
      tieBreak: fc.shuffledSubarray<TieBreakKey>(
        ['indicatorsMetRatio', 'indicatorsExceededRatio', 'deduction', 'bonus', 'criterion:1'],
        {
          minLength: 0,
          maxLength: 3,
        },
      ),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      campaign: fc.boolean(),
    })
    .chain(({ shape, units, indicators, tieBreak, seed, campaign }) => {
      const criteria = criteriaOf(shape);
      const leaves = criteria.filter((c) => c.parent !== undefined);
      const perUnit = fc.record({
        self: fc.tuple(...leaves.map(scoreArb)),
        verified: fc.tuple(...leaves.map((c) => fc.option(scoreArb(c), { nil: undefined, freq: 3 }))),
        hasVerified: fc.boolean(),
        results: fc.tuple(...indicators.map(() => resultArb)),
      });
      return fc.tuple(...units.map(() => perUnit)).map((perUnits) => {
        const scores: Score[] = [];
        const results: IndicatorResult[] = [];
        perUnits.forEach((u, ui) => {
          const unit = units[ui]!;
          for (const s of u.self) scores.push({ ...s, unit, stage: 'self' });
          if (u.hasVerified)
            for (const s of u.verified) if (s) scores.push({ ...s, unit, stage: 'verified' });
          u.results.forEach(([numerator, denominator], ii) => {
            results.push({ unit, indicator: `CT${ii + 1}`, numerator, denominator });
          });
        });
        const indicatorList: Indicator[] = indicators.map((i, ii) => ({
          code: `CT${ii + 1}`,
          title: `Chỉ tiêu ${ii + 1}`,
          target: i.target,
          ...(i.lowerIsBetter ? { lowerIsBetter: true } : {}),
          ...(i.exceedable === undefined ? {} : { exceedable: i.exceedable }),
        }));
        const doc: ClusterDocument = {
          format: 'thidua/cluster@1',
          kind: campaign ? 'campaign' : 'annual',
          year: 2020 + (seed % 5),
          ...(campaign
            ? { period: { from: `${2020 + (seed % 5)}-04-01`, to: `${2020 + (seed % 5)}-06-30` } }
            : {}),
          cluster: { name: `Cụm thi đua số ${1 + (seed % 12)}`, leader: units[0]!, deputy: units[1]! },
          units: units.map((name) => ({ name })),
          criteria,
          scores,
          indicators: indicatorList,
          indicatorResults: results,
          ranking: { tieBreak },
        };
        return doc;
      });
    });

export const clusterDocumentArb: fc.Arbitrary<ClusterDocument> = clusterDocumentArbOf();
