/**
 * The fuzzing suite in the default test run: a fixed seed and a few hundred cases of mutated documents and
 * workbooks through check, compute, nominate, rotate and merge (test/fuzz/harness.ts). `npm run fuzz` runs
 * the same property 10 000 times (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { type Seeds, fuzzProperty, loadSeeds } from './harness';

const RUNS = 200;
const SEED = 20261202;

describe('fuzzing (fixed seed)', () => {
  let seeds: Seeds;
  beforeAll(async () => {
    seeds = await loadSeeds();
  });

  it(`${RUNS} mutated documents and workbooks: no throw, no library text, no NaN`, () => {
    fc.assert(fuzzProperty(seeds), { seed: SEED, numRuns: RUNS });
  }, 60_000);
});
