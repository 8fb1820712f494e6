// Wrapped lines as the builder counts them: the widths by character (ASCII by table, other letters by their
// base letter, each decomposed once) give the same count as decomposing every character each time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOWER, OTHER, UPPER, fitRowHeights, wrappedLines } from '../../templates/build/row-heights';

/** The count as first written: every character decomposed (NFD) on every call. */
function referenceLines(text: string, px: number, size: number, bold: boolean): number {
  // The same advances (the tables are the data both read); what differs is decomposing every character.
  const [lower, upper, other] = [LOWER, UPPER, OTHER];
  const advance = (ch: string) => {
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : (ch.normalize('NFD')[0] ?? ch);
    const code = base.charCodeAt(0);
    if (code >= 97 && code <= 122) return lower[code - 97]! / 1000;
    if (code >= 65 && code <= 90) return upper[code - 65]! / 1000;
    if (code >= 48 && code <= 57) return 0.5;
    return (other[base] ?? 500) / 1000;
  };
  const width = (t: string) => {
    let em = 0;
    for (const ch of t) em += advance(ch);
    return em * ((size * 96) / 72) * 1.03 * (bold ? 1.05 : 1);
  };
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const w = width(word);
      const space = used > 0 ? width(' ') : 0;
      if (used > 0 && used + space + w > px) {
        lines++;
        used = 0;
      }
      if (w > px) {
        lines += Math.ceil(w / px) - 1;
        used = w % px;
      } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯWZ0123456789 ,.:;()-/"\'—–%«»\n'].concat([
  'ệ',
  'ữ',
  'Ợ',
  'ỳ',
  '😀',
  '中',
  'e\u0301',
]);

describe('wrapped lines', () => {
  it('counts as decomposing every character would, on Vietnamese text of any shape', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { maxLength: 200 }).map((cs) => cs.join('')),
        fc.integer({ min: 10, max: 600 }),
        fc.constantFrom(9, 11, 13, 14),
        fc.boolean(),
        (text, px, size, bold) => {
          expect(wrappedLines(text, px, size, bold)).toBe(referenceLines(text, px, size, bold));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives a wrapped title its lines, and leaves a short one alone', () => {
    const title = 'Kết quả giải quyết án hình sự, kiểm sát việc tạm giữ, tạm giam và thi hành án hình sự';
    const sheet = fitRowHeights({
      name: 'S',
      role: 'scorecard',
      columns: [{ index: 1, width: 20 }],
      cells: [
        { ref: 'A1', value: title, style: { align: { wrap: true }, font: { size: 13 } } },
        { ref: 'A2', value: 'Ngắn', style: { align: { wrap: true }, font: { size: 13 } } },
      ],
    });
    const lines = referenceLines(title, 20 * 7 + 5 - 6, 13, false);
    expect(lines).toBeGreaterThan(1);
    expect(sheet.rows).toEqual([{ index: 1, height: Math.ceil(lines * 13 * 1.18 + 3) }]);
  });
});
