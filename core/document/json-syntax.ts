/**
 * Where a JSON text breaks, as line and column. JSON.parse says "position N" on some inputs and nothing
 * on others (and its wording changes between Node versions), so a small scanner finds the place itself.
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

function scan(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (expected: Bilingual): never => {
    const found = describeChar(text[i]);
    throw new Stop(i, { vi: `${found}, cần ${expected.vi}`, en: `${found.en}, expected ${expected.en}` });
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
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail({ vi: 'một giá trị', en: 'a value' });
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail({ vi: 'tên trường trong ngoặc kép', en: 'a quoted property name' });
        string();
        ws();
        if (text[i] !== ':') fail({ vi: 'dấu ":"', en: '":"' });
        i++;
        value();
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
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
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
  if (text.trim() === '') return { line: 1, column: 1, text: { vi: 'tệp rỗng', en: 'the file is empty' } };
  try {
    scan(text);
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    return { ...lineColumn(text, stop.offset), text: stop.text };
  }
}
