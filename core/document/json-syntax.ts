/**
 * Where a JSON text breaks, as line and column. JSON.parse says "position N" on some inputs and nothing
 * on others (and its wording changes between Node versions), so a small scanner finds the place itself.
 * The same pass finds what JSON.parse accepts silently: a key written twice (the last would win), keys that
 * name object internals (__proto__, constructor, prototype), numbers out of range (1e400) or past exact
 * integers (20 digits), and nesting deeper than any document needs (refused before anything walks it).
 */
import type { Bilingual } from '../issues/issue';

export interface JsonSyntaxProblem {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  text: Bilingual;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly text: Bilingual,
  ) {}
}

function describeChar(ch: string | undefined): Bilingual {
  if (ch === undefined) return { vi: 'tệp kết thúc giữa chừng', en: 'the file ends too early' };
  const shown = JSON.stringify(ch);
  return { vi: `gặp ký tự ${shown} không hợp lệ`, en: `unexpected character ${shown}` };
}

/** Deeper than any thidua document (people[].titles[] is 4 levels). */
export const MAX_JSON_DEPTH = 64;
const INTERNAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonOddity {
  kind: 'duplicate' | 'internal' | 'range' | 'precision';
  /** Where, as a list of keys and indexes (the key itself last for duplicate and internal). */
  path: (string | number)[];
  /** The number as written, for range and precision. */
  written?: string;
}

/** A JSON number where the scan stands (sticky: matched at lastIndex, no copy of the rest of the text). */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function scan(text: string, odd: JsonOddity[]): void {
  let i = 0;
  const path: (string | number)[] = [];
  // By character code: a cluster's document is megabytes, and every command that takes one scans it first.
  const ws = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(i)) i++;
  };
  const fail = (expected: Bilingual): never => {
    const found = describeChar(text[i]);
    throw new Stop(i, { vi: `${found.vi}, cần ${expected.vi}`, en: `${found.en}, expected ${expected.en}` });
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail({ vi: `"${word}"`, en: `"${word}"` });
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      const c = text.charCodeAt(i);
      // Most characters: neither the closing quote, a backslash, a control character, nor the end.
      if (c > 34 && c !== 92) {
        i++;
        continue;
      }
      const ch = text[i];
      if (ch === undefined)
        throw new Stop(i, { vi: 'chuỗi chưa đóng dấu ngoặc kép', en: 'unterminated string' });
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Stop(i, { vi: 'mã \\u không hợp lệ', en: 'bad \\u escape' });
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else throw new Stop(i, { vi: 'ký tự thoát không hợp lệ', en: 'bad escape' });
        continue;
      }
      if (ch < ' ')
        throw new Stop(i, { vi: 'xuống dòng trong chuỗi', en: 'control character inside a string' });
      i++;
    }
  };
  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail({ vi: 'một giá trị', en: 'a value' });
    const written = m![0];
    i += written.length;
    if (written.length > 15 || m![3]) {
      const n = Number(written);
      if (!Number.isFinite(n)) odd.push({ kind: 'range', path: [...path], written });
      else if (!m![2] && !m![3] && !Number.isSafeInteger(n))
        odd.push({ kind: 'precision', path: [...path], written });
    }
  };
  const tooDeep = () => {
    if (path.length >= MAX_JSON_DEPTH)
      throw new Stop(i, {
        vi: `lồng nhau quá ${MAX_JSON_DEPTH} cấp`,
        en: `nested deeper than ${MAX_JSON_DEPTH} levels`,
      });
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      tooDeep();
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      const keys = new Set<string>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail({ vi: 'tên trường trong ngoặc kép', en: 'a quoted property name' });
        const start = i;
        string();
        const raw = text.slice(start + 1, i - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(start, i)) as string) : raw;
        if (keys.has(key)) odd.push({ kind: 'duplicate', path: [...path, key] });
        else keys.add(key);
        if (INTERNAL_KEYS.has(key)) odd.push({ kind: 'internal', path: [...path, key] });
        ws();
        if (text[i] !== ':') fail({ vi: 'dấu ":"', en: '":"' });
        i++;
        path.push(key);
        value();
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail({ vi: 'dấu "," hoặc "}"', en: '"," or "}"' });
      }
    }
    if (ch === '[') {
      tooDeep();
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        path.push(n);
        value();
        path.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail({ vi: 'dấu "," hoặc "]"', en: '"," or "]"' });
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  value();
  ws();
  if (i < text.length) fail({ vi: 'hết tệp', en: 'the end of the file' });
}

export interface JsonScan {
  /** The first syntax problem (or the nesting limit), when the text cannot be used. */
  problem?: JsonSyntaxProblem;
  oddities: JsonOddity[];
}

/** One pass over `text`: its first syntax problem, or what JSON.parse would accept silently. */
export function scanJson(text: string): JsonScan {
  const oddities: JsonOddity[] = [];
  if (text.trim() === '')
    return { problem: { line: 1, column: 1, text: { vi: 'tệp rỗng', en: 'the file is empty' } }, oddities };
  try {
    scan(text, oddities);
    return { oddities };
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    return { problem: { ...lineColumn(text, stop.offset), text: stop.text }, oddities };
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The first syntax problem of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  return scanJson(text).problem;
}
