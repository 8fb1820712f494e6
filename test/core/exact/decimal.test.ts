import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMilli, roundRatio, sumMilli, toMilli } from '../../../core';

describe('exact decimals', () => {
  it('adds scores without binary error', () => {
    expect(fromMilli(sumMilli([toMilli(26.4)!, toMilli(0.7)!]))).toBe(27.1);
    expect(fromMilli(sumMilli([toMilli(0.1)!, toMilli(0.2)!]))).toBe(0.3);
    expect(fromMilli(toMilli(124.4)! - toMilli(6)!)).toBe(118.4);
  });

  it('refuses more than three decimals', () => {
    expect(toMilli(1.2345)).toBeUndefined();
    expect(toMilli(Number.NaN)).toBeUndefined();
    expect(toMilli(0.125)).toBe(125);
  });

  it('any sum of 3-decimal values is the decimal sum, in any order', () => {
    const value = fc.integer({ min: 0, max: 200_000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const milli = values.map((v) => toMilli(v)!);
        const forward = sumMilli(milli);
        const backward = sumMilli([...milli].reverse());
        expect(forward).toBe(backward);
        expect(fromMilli(forward).toString()).toBe((forward / 1000).toString());
        expect(Number.isInteger(forward)).toBe(true);
      }),
    );
  });

  it('rounds ratios half up on integers: 121/122 is 0,9918', () => {
    expect(roundRatio(121, 122, 4)).toBe(0.9918);
    expect(roundRatio(52, 52, 4)).toBe(1);
    expect(roundRatio(1, 8, 2)).toBe(0.13);
    expect(roundRatio(0, 0, 4)).toBe(0);
  });
});
