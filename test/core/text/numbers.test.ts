import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumberVi, parseVietnameseNumber } from '../../../core/text/numbers';

const value = (text: string, options?: Parameters<typeof parseVietnameseNumber>[1]) => {
  const parsed = parseVietnameseNumber(text, options);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.en}`);
  return parsed;
};

describe('parseVietnameseNumber', () => {
  it.each([
    ['99,2', 99.2],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['72.000', 72000],
    ['1.000', 1000],
    ['12.345.678', 12345678],
    ['1,234,567', 1234567],
    ['0.125', 0.125],
    ['0,125', 0.125],
    ['1234.567', 1234.567],
    ['118,4', 118.4],
    ['26,4', 26.4],
    ['0,25', 0.25],
    ['-3,2', -3.2],
    ['−3,2', -3.2],
    ['+5', 5],
    ['12 345', 12345],
    ['1\u00a0234,5', 1234.5],
    ['  42  ', 42],
  ])('%s → %d', (text, expected) => {
    const parsed = value(text);
    expect(parsed.value).toBe(expected);
    expect(parsed.percent).toBe(false);
  });

  it('reads percentages, in either notation and with or without a space', () => {
    expect(value('86.58%')).toEqual({ ok: true, value: 86.58, percent: true });
    expect(value('97,7%')).toEqual({ ok: true, value: 97.7, percent: true });
    expect(value('99,2 %')).toEqual({ ok: true, value: 99.2, percent: true });
    expect(value('100%')).toEqual({ ok: true, value: 100, percent: true });
  });

  it('keeps a unit word', () => {
    expect(value('9,5 điểm')).toEqual({ ok: true, value: 9.5, percent: false, unit: 'điểm' });
    expect(value('72.000 vụ')).toEqual({ ok: true, value: 72000, percent: false, unit: 'vụ' });
  });

  it('refuses a lone separator before three digits, giving both readings (Vietnamese first)', () => {
    const dot = parseVietnameseNumber('1.234');
    expect(dot).toMatchObject({ ok: false, readings: [1234, 1.234] });
    if (!dot.ok) {
      expect(dot.error.vi).toContain('không rõ nghĩa');
      expect(dot.error.en).toContain('ambiguous');
    }
    expect(parseVietnameseNumber('1,234')).toMatchObject({ ok: false, readings: [1.234, 1234] });
    expect(parseVietnameseNumber('-12.500')).toMatchObject({ ok: false, readings: [-12500, -12.5] });
  });

  it('takes the Vietnamese reading when told the text is Vietnamese', () => {
    expect(value('1.234', { ambiguous: 'vi' }).value).toBe(1234);
    expect(value('1,234', { ambiguous: 'vi' }).value).toBe(1.234);
    expect(value('1,000', { ambiguous: 'vi' }).value).toBe(1);
  });

  it.each(['', 'abc', 'khoảng 5', '1.2.3', '1.23,4', '1,2,3', '12..5', '5 + 3', ',5', '5,', '1.234.5'])(
    'rejects %j as not a number',
    (text) => {
      const parsed = parseVietnameseNumber(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.vi).toContain(text.trim());
        expect(parsed.error.en.length).toBeGreaterThan(0);
      }
    },
  );

  it('property: formatNumberVi text parses back to the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (milli) => {
        const v = milli / 1000;
        const text = formatNumberVi(v, 3);
        // Known to be Vietnamese: exact round trip.
        expect(parseVietnameseNumber(text, { ambiguous: 'vi' })).toMatchObject({ ok: true, value: v });
        // Without that knowledge: the same value, or an ambiguity error that offers it as the Vietnamese reading.
        const auto = parseVietnameseNumber(text);
        if (auto.ok) expect(auto.value).toBe(v);
        else expect(auto.readings?.[0]).toBe(v);
      }),
      { numRuns: 2000 },
    );
  });

  it('formatNumberVi gives what Intl gives, asked again, at other decimals, and for -0', () => {
    const intl = (v: number, d: number) =>
      new Intl.NumberFormat('vi-VN', { maximumFractionDigits: d }).format(v);
    fc.assert(
      fc.property(
        fc.constantFrom(0, -0, 0.5, 1.25, -3.125, 72000.5, 1 / 3, 2.0005, Number.NaN),
        fc.constantFrom(0, 1, 3, 6),
        (v, d) => {
          expect(formatNumberVi(v, d)).toBe(intl(v, d));
          expect(formatNumberVi(v, d)).toBe(intl(v, d));
        },
      ),
      { numRuns: 200 },
    );
    expect([formatNumberVi(0), formatNumberVi(-0), formatNumberVi(0)]).toEqual(['0', '-0', '0']);
    // More values than the memo keeps: still right after it is emptied.
    for (let i = 0; i < 12_000; i++) expect(formatNumberVi(i / 8, 3)).toBe(intl(i / 8, 3));
  });
});
