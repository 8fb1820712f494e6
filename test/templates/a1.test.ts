// Column letters: the same letters asked once or many times, for every column Excel has, and none for 0.
// References parsed by hand read exactly what the pattern they replace reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, columnLetter, columnNumber, parseA1 } from '../../templates/layouts/a1';

/** The pattern parseA1 was, before it was written by hand. */
function byPattern(ref: string) {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { column: columnNumber(m[1]!), row: Number(m[2]) } : undefined;
}

describe('cell references', () => {
  it('parseA1 agrees with the pattern on references and near-references', () => {
    const piece = fc.constantFrom(
      '$',
      'A',
      'b',
      'Z',
      'x',
      'D',
      '0',
      '1',
      '9',
      '12',
      ' ',
      ':',
      '-',
      '\t',
      'Ạ',
      '',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 9 }), (parts) => {
        const ref = parts.join('');
        expect(parseA1(ref)).toEqual(byPattern(ref));
      }),
      { numRuns: 20_000 },
    );
    for (const ref of ['A1', '$B$3', ' c12 ', 'XFD1048576', 'ABCD1', 'A', '1', '$$A1', 'A$$1', 'A1B', ''])
      expect(parseA1(ref), ref).toEqual(byPattern(ref));
  });
});

describe('column letters', () => {
  it('name every column from A to XFD, the same when asked again, and back to the number', () => {
    for (const round of [1, 2]) {
      for (let c = 1; c <= 16_384; c++) {
        const letters = columnLetter(c);
        expect(columnNumber(letters), `${letters}, round ${round}`).toBe(c);
      }
    }
    expect([
      columnLetter(1),
      columnLetter(26),
      columnLetter(27),
      columnLetter(702),
      columnLetter(703),
    ]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(columnLetter(16_384)).toBe('XFD');
    expect([columnLetter(0), columnLetter(-1), columnLetter(0)]).toEqual(['', '', '']);
    expect(a1(5, 2)).toBe('B5');
  });
});
