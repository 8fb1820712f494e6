/**
 * The long fuzzing run of issue 10: the property of test/fuzz/harness.ts (mutated documents and workbooks
 * through check, compute, nominate, rotate and merge) over THIDUA_FUZZ_RUNS cases (default 10 000), with a
 * random seed unless THIDUA_FUZZ_SEED is given; prints the seed, the time and the heap, and the
 * counterexample when one fails (rerun it with the same seed).
 *
 *   npm run fuzz                                  # 10 000 cases
 *   THIDUA_FUZZ_RUNS=50000 THIDUA_FUZZ_SEED=42 npm run fuzz
 */
import fc from 'fast-check';
import { fuzzProperty, loadSeeds } from '../test/fuzz/harness';

const runs = Number(process.env.THIDUA_FUZZ_RUNS ?? 10_000);
const seed =
  process.env.THIDUA_FUZZ_SEED !== undefined ? Number(process.env.THIDUA_FUZZ_SEED) : Date.now() % 2 ** 31;
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('THIDUA_FUZZ_RUNS and THIDUA_FUZZ_SEED must be whole numbers.');
  process.exit(2);
}

const seeds = await loadSeeds();
const started = performance.now();
let peakHeap = 0;
let done = 0;
const property = fuzzProperty(seeds).afterEach(() => {
  done++;
  if (done % 500 === 0) {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    process.stdout.write(`\r${done}/${runs}`);
  }
});
const details = fc.check(property, { seed, numRuns: runs });
const seconds = (performance.now() - started) / 1000;
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
process.stdout.write('\n');
const mb = (n: number) => (n / 1048576).toFixed(0);
console.log(
  `fuzz: ${details.numRuns} cases, seed ${seed}, ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, details.numRuns)).toFixed(2)} ms a case), heap peak ${mb(peakHeap)} MB, RSS ${mb(process.memoryUsage().rss)} MB`,
);
if (details.failed) {
  console.error(fc.defaultReportMessage(details));
  console.error(details.errorInstance);
  process.exit(1);
}
