/** Vietnamese number text: decimal comma, thousands dot, via Intl (vi-VN). */
import { roundRatio } from '../exact/decimal';
import type { Bilingual } from '../issues/issue';

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

/**
 * Texts already made, per number of decimals: Intl's format costs microseconds, and an explanation of every
 * unit's criteria (the pane's compute) asks for the same few score values a hundred thousand times.
 */
const numberTexts = new Map<number, Map<number, string>>();
const NUMBER_TEXTS_MAX = 10_000;

/** A number as Vietnamese text: 72000.5 → "72.000,5"; at most `decimals` decimals, none trailing. */
export function formatNumberVi(value: number, decimals = 3): string {
  let texts = numberTexts.get(decimals);
  if (!texts) {
    texts = new Map();
    numberTexts.set(decimals, texts);
  }
  // A Map takes -0 for 0; Intl writes them apart ("-0", "0").
  let text = Object.is(value, -0) ? undefined : texts.get(value);
  if (text === undefined) {
    let f = numberFormats.get(decimals);
    if (!f) {
      f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals });
      numberFormats.set(decimals, f);
    }
    text = f.format(value);
    if (texts.size >= NUMBER_TEXTS_MAX) texts.clear();
    if (!Object.is(value, -0)) texts.set(value, text);
  }
  return text;
}

/* ---------- reading numbers as people type them ---------- */

export interface ParsedNumber {
  ok: true;
  value: number;
  /** The text ended with "%": `value` is the percentage as written (99,2% → 99.2). */
  percent: boolean;
  /** A word after the number, as written: "9,5 điểm" → "điểm". */
  unit?: string;
}

export interface NumberParseFailure {
  ok: false;
  error: Bilingual;
  /** For ambiguous text: the Vietnamese reading first, then the English one. */
  readings?: [number, number];
}

export interface ParseNumberOptions {
  /**
   * What to do with a lone separator followed by exactly three digits ("1.234", "1,234"): `error` (default)
   * reports both readings; `vi` takes the Vietnamese one (dot = thousands, comma = decimal), for text known
   * to come from a Vietnamese-locale source such as formatNumberVi.
   */
  ambiguous?: 'error' | 'vi';
}

const SPACE_GROUPED = /^\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d+)?(?![\d.,])/;
const PLAIN = /^[\d.,]+/;

const fail = (vi: string, en: string, readings?: [number, number]): NumberParseFailure =>
  readings ? { ok: false, error: { vi, en }, readings } : { ok: false, error: { vi, en } };

const grouped = (digits: string, separator: string): boolean =>
  new RegExp(`^\\d{1,3}(?:\\${separator}\\d{3})*$`).test(digits);

/**
 * A number written the Vietnamese way or the English way, as found in real reports: "99,2", "1.234,5",
 * "86.58%", "99,2 %", "9,5 điểm", "72.000", "-3,2". Policy for the one truly ambiguous shape, a single
 * separator followed by exactly three digits:
 * - "1.234" and "1,234" are an error giving both readings (1234 or 1,234), unless options.ambiguous is 'vi';
 * - "72.000" and "1,000" are thousands: nobody writes a decimal with three trailing zeros;
 * - "0.125", "1234.567" are decimals: a thousands group never follows "0" or four digits.
 * Two different separators: the last one is the decimal separator ("1.234,5", "1,234.5"); one separator
 * repeated is grouping ("1.234.567"). Anything else (letters before the number, bad grouping) is an error.
 */
export function parseVietnameseNumber(
  text: string,
  options: ParseNumberOptions = {},
): ParsedNumber | NumberParseFailure {
  const written = text.normalize('NFC').trim();
  let rest = written;
  let sign = '';
  if (/^[+\-\u2212]/.test(rest)) {
    sign = rest[0] === '+' ? '' : '-';
    rest = rest.slice(1).trimStart();
  }
  const body = SPACE_GROUPED.exec(rest)?.[0] ?? PLAIN.exec(rest)?.[0];
  if (!body || !/^\d/.test(body))
    return fail(`"${written}" không phải là số.`, `"${written}" is not a number.`);
  let tail = rest.slice(body.length).trim();
  const percent = tail.startsWith('%');
  if (percent) tail = tail.slice(1).trim();
  if (tail && !/^\p{L}[\p{L}\s.]*$/u.test(tail))
    return fail(`"${written}" không phải là số.`, `"${written}" is not a number.`);
  const digits = body.replace(/[ \u00A0\u202F]/g, '');
  const dots = digits.split('.').length - 1;
  const commas = digits.split(',').length - 1;
  let integer: string;
  let fraction = '';
  const badGrouping = fail(
    `"${written}": dấu phân cách hàng nghìn không đúng chỗ.`,
    `"${written}": misplaced thousands separator.`,
  );
  if (dots + commas === 0) integer = digits;
  else if (dots > 0 && commas > 0) {
    const decimalSep = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const at = digits.lastIndexOf(decimalSep);
    integer = digits.slice(0, at);
    fraction = digits.slice(at + 1);
    if ((decimalSep === '.' ? dots : commas) > 1 || !grouped(integer, groupSep) || !/^\d+$/.test(fraction))
      return badGrouping;
    integer = integer.split(groupSep).join('');
  } else if (dots + commas > 1) {
    const sep = dots > 0 ? '.' : ',';
    if (!grouped(digits, sep)) return badGrouping;
    integer = digits.split(sep).join('');
  } else {
    const sep = dots > 0 ? '.' : ',';
    [integer = '', fraction = ''] = digits.split(sep);
    if (!integer || !fraction) return fail(`"${written}" không phải là số.`, `"${written}" is not a number.`);
    const couldGroup = fraction.length === 3 && integer.length <= 3 && !integer.startsWith('0');
    const vi = options.ambiguous === 'vi';
    if (couldGroup && ((fraction === '000' && !(vi && sep === ',')) || (vi && sep === '.'))) {
      integer += fraction;
      fraction = '';
    } else if (couldGroup && !vi) {
      const thousands = Number(`${sign}${integer}${fraction}`);
      const decimal = Number(`${sign}${integer}.${fraction}`);
      const decimalVi = `${sign}${integer},${fraction}`;
      const mark = sep === '.' ? { vi: 'dấu chấm', en: 'dot' } : { vi: 'dấu phẩy', en: 'comma' };
      return fail(
        `"${written}" không rõ nghĩa: ${mark.vi} có thể phân cách hàng nghìn (${thousands}) hoặc là dấu thập phân (${decimalVi}). Hãy nhập lại giá trị dưới dạng số.`,
        `"${written}" is ambiguous: the ${mark.en} may separate thousands (${thousands}) or mark decimals (${decimal}). Enter the value again as a number.`,
        sep === '.' ? [thousands, decimal] : [decimal, thousands],
      );
    }
  }
  const value = Number(`${sign}${integer}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return fail(`"${written}" không phải là số.`, `"${written}" is not a number.`);
  const parsed: ParsedNumber = { ok: true, value: value === 0 ? 0 : value, percent };
  if (tail) parsed.unit = tail;
  return parsed;
}
