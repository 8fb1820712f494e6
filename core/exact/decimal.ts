/**
 * Exact decimal arithmetic for scores: values are held as integers in thousandths ("milli"),
 * so 26,4 + 0,7 is 27100 milli and prints as 27.1, never 27.099999.
 * Scores in the sector carry one or two decimals; three are allowed, more are an input error.
 */
export type Milli = number;

export const MILLI_SCALE = 1000;

/** A JS number with at most 3 decimals as milli, or undefined when it has more (or is not finite). */
export function toMilli(value: number): Milli | undefined {
  if (!Number.isFinite(value)) return undefined;
  const scaled = value * MILLI_SCALE;
  const rounded = Math.round(scaled);
  // The tolerance absorbs the binary error of the decimal literal itself (0.1 * 1000 = 100.00000000000001).
  if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return undefined;
  return rounded === 0 ? 0 : rounded;
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
