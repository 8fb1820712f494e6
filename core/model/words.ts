/** Small pieces of the bilingual messages: stages, numbers, JSON paths, value descriptions. */
import type { Bilingual, Stage } from '../issues/issue';
import { formatNumberVi } from '../text/numbers';

export const STAGE_TEXT: Record<Stage, Bilingual> = {
  self: { vi: 'tự chấm', en: 'self score' },
  verified: { vi: 'thẩm định', en: 'verified score' },
};

/** A score-like number in both languages: 2.5 → "2,5" / "2.5". */
export function numText(value: number): Bilingual {
  return { vi: formatNumberVi(value, 6), en: String(value) };
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
