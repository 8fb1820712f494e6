import { describe, expect, it } from 'vitest';
import { allowedEdits, compactFold, createFuzzyIndex } from '../../../core/text/similarity';

const names = ['Quảng Nam', 'Quảng Ninh', 'Quảng Ngãi', 'Quảng Bình', 'Quảng Trị', 'Đắk Lắk', 'Đắk Nông'];
const index = createFuzzyIndex(names.map((n) => ({ text: n, group: n, value: n })));

describe('fuzzy matching', () => {
  it('folds to lower-case ASCII letters and digits', () => {
    expect(compactFold('Đắk Lắk')).toBe('daklak');
    expect(compactFold('Khu vực 1')).toBe('khuvuc1');
  });

  it('allows no edit on short names, more on long ones', () => {
    expect(allowedEdits(4)).toBe(0);
    expect(allowedEdits(8)).toBe(1);
    expect(allowedEdits(12)).toBe(2);
  });

  it('finds a name one edit away when nothing else is close, with a confidence below 1', () => {
    const found = index.find('Đắc Nông');
    expect(found.match?.value).toBe('Đắk Nông');
    expect(found.match?.distance).toBe(1);
    expect(found.match?.confidence).toBeGreaterThan(0.7);
    expect(found.match?.confidence).toBeLessThan(1);
  });

  it('matches diacritic slips at distance 0', () => {
    expect(index.find('Quãng Ngãi').match).toMatchObject({ value: 'Quảng Ngãi', distance: 0 });
  });

  it('answers nothing when two names are about as close, listing them', () => {
    const found = index.find('Quang Nai'); // one edit from Quảng Nam and from Quảng Ngãi
    expect(found.match).toBeUndefined();
    expect(found.near.map((h) => h.value)).toEqual(expect.arrayContaining(['Quảng Nam', 'Quảng Ngãi']));
    const prefix = index.find('Quang N');
    expect(prefix.match).toBeUndefined();
    expect(prefix.near.map((h) => h.value)).toEqual(
      expect.arrayContaining(['Quảng Nam', 'Quảng Ninh', 'Quảng Ngãi']),
    );
  });

  it('answers nothing for empty or far-away text', () => {
    expect(index.find('').match).toBeUndefined();
    expect(index.find('Cà Mau').match).toBeUndefined();
  });
});
