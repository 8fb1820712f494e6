// Column letters: the same letters asked once or many times, for every column Excel has, and none for 0.
import { describe, expect, it } from 'vitest';
import { a1, columnLetter, columnNumber } from '../../templates/layouts/a1';

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
