/**
 * Exact decimal arithmetic for scores: values are held as integers in thousandths ("milli"),
 * so 26,4 + 0,7 is 27100 milli and prints as 27.1, never 27.099999.
 * Scores in the sector carry one or two decimals; three are allowed, more are an input error.
 */
export type Milli = number;

export const MILLI_SCALE = 1000;

/**
 * The largest magnitude a number of the computation may have where it enters (a score, a standard, a cap, a
 * count, a vote): 10^9. Held in milli it is 10^12, so a sum of thousands of such values is still an exact
 * integer (below 2^53) and no product the computation forms (total × 100 000, share × standard) is infinite.
 * The document parser and the workbook reader refuse anything larger (1e308, Number.MAX_VALUE), naming it.
 */
export const MAX_AMOUNT = 1e9;

/** A finite number within ±MAX_AMOUNT. */
export const isAmount = (value: number): boolean => Math.abs(value) <= MAX_AMOUNT;

/**
 * A JS number with at most 3 decimals as milli, or undefined when it has more, is not finite, or is too large
 * for its milli to be an exact integer.
 */
export function toMilli(value: number): Milli | undefined {
  if (!Number.isFinite(value)) return undefined;
  const scaled = value * MILLI_SCALE;
  const rounded = Math.round(scaled);
  if (!Number.isSafeInteger(rounded)) return undefined;
  // The tolerance absorbs the binary error of the decimal literal itself (0.1 * 1000 = 100.00000000000001).
  if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return undefined;
  return rounded === 0 ? 0 : rounded;
}

/** The nearest milli of any number, held within ±MAX_AMOUNT (never infinite): for values already reported. */
export function roundMilli(value: number): Milli {
  if (Number.isNaN(value)) return 0;
  const held = Math.min(MAX_AMOUNT, Math.max(-MAX_AMOUNT, value));
  return Math.round(held * MILLI_SCALE);
}

/** Milli back to a JS number: the nearest double to the decimal, which prints as the decimal. */
export function fromMilli(milli: Milli): number {
  return milli / MILLI_SCALE;
}

export function sumMilli(values: Iterable<Milli>): Milli {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function clampMilli(value: Milli, min: Milli, max: Milli): Milli {
  return value < min ? min : value > max ? max : value;
}

/** a / b as an exact-as-possible fraction rounded to `decimals` places (half away from zero). */
export function roundRatio(numerator: number, denominator: number, decimals: number): number {
  if (denominator === 0) return 0;
  const factor = 10 ** decimals;
  // Integer arithmetic: round(n * factor / d) without going through a binary fraction of n/d.
  const scaled = numerator * factor;
  const q = Math.floor(scaled / denominator);
  const r = scaled - q * denominator;
  const up = 2 * r >= denominator ? 1 : 0;
  return (q + up) / factor;
}
