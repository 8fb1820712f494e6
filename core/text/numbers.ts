/** Vietnamese number text: decimal comma, thousands dot, via Intl (vi-VN). */
import { roundRatio } from '../exact/decimal';

const percentFormats = new Map<number, Intl.NumberFormat>();
const numberFormats = new Map<number, Intl.NumberFormat>();

function percentFormat(decimals: number): Intl.NumberFormat {
  let f = percentFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: decimals });
    percentFormats.set(decimals, f);
  }
  return f;
}

/**
 * numerator/denominator as Vietnamese percentage text with at most `decimals` decimals, no trailing ",0":
 * 121/122 → "99,2%", 52/52 → "100%". Rounded on integers (not on a binary fraction), and a ratio below
 * one never prints as "100%" (999/1000 is "99,9%"), because "100%" reads as "every indicator met".
 */
export function formatPercentVi(numerator: number, denominator: number, decimals = 1): string {
  if (denominator === 0) return percentFormat(decimals).format(0);
  let ratio = roundRatio(numerator, denominator, decimals + 2);
  if (ratio >= 1 && numerator < denominator) ratio = 1 - 10 ** -(decimals + 2);
  return percentFormat(decimals).format(ratio);
}

/** A number as Vietnamese text: 72000.5 → "72.000,5"; at most `decimals` decimals, none trailing. */
export function formatNumberVi(value: number, decimals = 3): string {
  let f = numberFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals });
    numberFormats.set(decimals, f);
  }
  return f.format(value);
}
