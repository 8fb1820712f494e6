import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FastReader, REJECT, compileFastReader } from '../../../core/document/fast-shape';
import { listSchemas } from '../../../core/document/schema';

/** Keys in order, recursively: zod's output order is part of what the fast reader must reproduce. */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shapeOf);
  if (typeof v === 'object' && v !== null)
    return Object.entries(v).map(([k, x]) => [k, x === undefined ? '<undefined>' : shapeOf(x)]);
  return v;
}

/** Values near the edge of what each field accepts. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.constantFrom('self', 'verified', 'final', '9,5', ''),
  fc.double(),
  fc.integer({ min: -3, max: 2030 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -0, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.record({ year: fc.constantFrom(2020, 2021.5, '2022'), title: fc.constantFrom('x', 1) }), {
    maxLength: 2,
  }),
);

/** An item with some of the schema's keys plus, sometimes, an unknown one, in a shuffled or schema order. */
const itemFor = (keys: string[]) =>
  fc
    .record({
      picked: fc.subarray([...keys, 'bonnus', 'extra'], { minLength: 0 }),
      values: fc.array(anyValue, { minLength: keys.length + 2, maxLength: keys.length + 2 }),
      shuffle: fc.boolean(),
      seed: fc.integer(),
    })
    .map(({ picked, values, shuffle, seed }) => {
      const order = shuffle
        ? [...picked].sort((a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7))
        : picked;
      return Object.fromEntries(order.map((k) => [k, values[[...keys, 'bonnus', 'extra'].indexOf(k)]]));
    });

/** Well-formed items, which must take the fast path. */
const validScore = fc.record(
  {
    unit: fc.string(),
    criterion: fc.string(),
    stage: fc.constantFrom('self', 'verified'),
    points: fc.double({ noNaN: true, noDefaultInfinity: true }),
    bonus: fc.double({ noNaN: true, noDefaultInfinity: true }),
    deduction: fc.double({ noNaN: true, noDefaultInfinity: true }),
    occurrences: fc.integer(),
    note: fc.string(),
  },
  { requiredKeys: ['unit', 'criterion', 'stage', 'points'] },
);

function agree(schema: (typeof listSchemas)[keyof typeof listSchemas], read: FastReader, item: unknown) {
  const zod = schema.safeParse(item);
  for (const copy of [true, false]) {
    const fast = read(item, copy);
    if (fast === REJECT) continue; // zod decides, as before
    expect(zod.success).toBe(true);
    // Accepted only when zod would report nothing either (no unknown key).
    expect(Object.keys(item as object).every((k) => k in schema.shape)).toBe(true);
    expect(shapeOf(fast)).toEqual(shapeOf(zod.data));
    if (copy) expect(fast).not.toBe(item);
  }
}

describe('fast structural reading of list items', () => {
  for (const [list, schema] of Object.entries(listSchemas)) {
    const read = compileFastReader(schema);
    it(`${list}: compiled from the schema, and agrees with zod on whatever it accepts`, () => {
      expect(read).toBeDefined();
      fc.assert(
        fc.property(itemFor(Object.keys(schema.shape)), (item) => agree(schema, read!, item)),
        { numRuns: 400 },
      );
    });
  }

  it('takes the fast path for well-formed scores, copying only when asked', () => {
    const read = compileFastReader(listSchemas.scores)!;
    fc.assert(
      fc.property(validScore, (item) => {
        expect(read(item, true)).not.toBe(REJECT);
        expect(read(item, false)).toBe(item);
        agree(listSchemas.scores, read, item);
      }),
    );
  });

  it('leaves to zod: unknown keys, wrong types, non-finite numbers, fractional years', () => {
    const scores = compileFastReader(listSchemas.scores)!;
    const ok = { unit: 'A', criterion: '1', stage: 'self', points: 1 };
    expect(scores({ ...ok, bonnus: 1 }, true)).toBe(REJECT);
    expect(scores({ ...ok, points: '9,5' }, true)).toBe(REJECT);
    expect(scores({ ...ok, points: Number.POSITIVE_INFINITY }, true)).toBe(REJECT);
    expect(scores({ ...ok, stage: 'final' }, true)).toBe(REJECT);
    const { points: _p, ...noPoints } = ok;
    expect(scores(noPoints, true)).toBe(REJECT);
    const people = compileFastReader(listSchemas.people)!;
    expect(people({ name: 'X', unit: 'A', titles: [{ year: 2021.5, title: 't' }] }, true)).toBe(REJECT);
    // Keys out of the schema's order: still read fast, into zod's order.
    const shuffled = { points: 1, stage: 'self', criterion: '1', unit: 'A' };
    expect(Object.keys(scores(shuffled, false) as object)).toEqual(['unit', 'criterion', 'stage', 'points']);
  });
});
