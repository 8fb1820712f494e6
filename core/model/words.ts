/** Small pieces of the bilingual messages: stages, numbers, JSON paths, value descriptions. */
import type { Bilingual, Stage } from '../issues/issue';
import { formatNumberVi } from '../text/numbers';
import { MAX_AMOUNT, isAmount } from '../exact/decimal';

export const STAGE_TEXT: Record<Stage, Bilingual> = {
  self: { vi: 'tự chấm', en: 'self score' },
  verified: { vi: 'thẩm định', en: 'verified score' },
};

/** A score-like number in both languages: 2.5 → "2,5" / "2.5". */
export function numText(value: number): Bilingual {
  return { vi: formatNumberVi(value, 6), en: String(value) };
}

/**
 * Any finite number, short: as numText up to 10^15, in powers of ten beyond (1e308 → "1 × 10^308"), so a
 * message never prints a number of three hundred digits.
 */
export function amountText(value: number, decimals = 6): Bilingual {
  if (!Number.isFinite(value) || Math.abs(value) < 1e15)
    return { vi: formatNumberVi(value, decimals), en: String(value) };
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  return { vi: `${mantissa.replace('.', ',')} × 10^${Number(exponent)}`, en: value.toExponential() };
}

/** Why a number cannot be held as milli: too many decimals, or too large (see MAX_AMOUNT). */
export function milliProblemText(value: number): Bilingual {
  return isAmount(value)
    ? { vi: 'có quá 3 chữ số thập phân', en: 'has more than 3 decimals' }
    : {
        vi: `lớn quá mức tính được (độ lớn tối đa ${formatNumberVi(MAX_AMOUNT)})`,
        en: `is too large to compute with (magnitude at most ${MAX_AMOUNT})`,
      };
}

/** "X is N, too large to compute with (at most …); not counted." for a number refused where it enters. */
export function tooLargeText(what: Bilingual, value: number, outcome: Bilingual): Bilingual {
  const shown = amountText(value);
  const problem = milliProblemText(value);
  return {
    vi: `${what.vi} là ${shown.vi}, ${problem.vi}; ${outcome.vi}`,
    en: `${what.en} is ${shown.en}, which ${problem.en}; ${outcome.en}`,
  };
}

/** "Code X is duplicated (already at …); … is left out", for a list keyed by code; `what` is e.g. "Mã chỉ tiêu". */
export function duplicateCodeText(what: Bilingual, code: string, firstPath: string, path: string): Bilingual {
  return {
    vi: `${what.vi} ${code} bị trùng (đã có ở ${firstPath}); dòng ${path} bị bỏ qua.`,
    en: `${what.en} ${code} is duplicated (already at ${firstPath}); ${path} is left out.`,
  };
}

/** `scores[3].points` from a path of keys and indexes. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(gốc)';
}

/** What a JSON value is, for "expected a number, got …". */
export function describeValue(value: unknown): Bilingual {
  if (value === undefined) return { vi: 'không có', en: 'nothing' };
  if (value === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(value)) return { vi: 'một danh sách', en: 'a list' };
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return { vi: `chuỗi ${shown}`, en: `the text ${shown}` };
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    return { vi: 'một số quá lớn', en: 'a number too large' };
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value))
    return { vi: 'một số quá nhiều chữ số', en: 'a number with too many digits' };
  if (typeof value === 'number') return { vi: `số ${formatNumberVi(value, 6)}`, en: `the number ${value}` };
  if (typeof value === 'boolean') return { vi: `giá trị ${value}`, en: `the value ${value}` };
  return { vi: 'một đối tượng', en: 'an object' };
}

const TYPE_TEXT: Record<string, Bilingual> = {
  number: { vi: 'một số', en: 'a number' },
  int: { vi: 'một số nguyên', en: 'a whole number' },
  string: { vi: 'một chuỗi', en: 'a text' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'một danh sách', en: 'a list' },
  object: { vi: 'một đối tượng', en: 'an object' },
};

export function expectedTypeText(expected: string): Bilingual {
  return TYPE_TEXT[expected] ?? { vi: expected, en: expected };
}

/** Number of decimals of a finite JS number as written (1e-7 → 7). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.slice(0, exp.index);
    const dot = mantissa.indexOf('.');
    return Number(exp[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
