import { describe, expect, it } from 'vitest';
import { computeCluster, type IndicatorResult, summarizeIndicatorCounts } from '../../../core';
import { GIA_LAI, KON_TUM, makeDoc } from '../document/fixture';

describe('indicators', () => {
  it('reproduces the seed figure: 121/122 met is "99,2%", 52/52 exceeded is "100%"', () => {
    expect(summarizeIndicatorCounts({ arising: 122, met: 121, exceedable: 52, exceeded: 52 })).toEqual({
      arising: 122,
      met: 121,
      exceedable: 52,
      exceeded: 52,
      metRatio: 0.9918,
      exceededRatio: 1,
      metText: '99,2%',
      exceededText: '100%',
    });
  });

  it('adds up a whole cluster to 121 met of 122 arising and 52 of 52 exceeded', () => {
    // Two units: 61 and 61 indicators arising; one missed by Kon Tum; 26 + 26 exceedable, all exceeded.
    const indicators = Array.from({ length: 61 }, (_, i) => ({
      code: `CT${i + 1}`,
      title: `Chỉ tiêu ${i + 1}`,
      target: i < 26 ? 0.9 : 1,
    }));
    const results: IndicatorResult[] = [];
    for (const unit of [GIA_LAI, KON_TUM])
      indicators.forEach((ind, i) => {
        const missed = unit === KON_TUM && i === 40;
        results.push({
          unit,
          indicator: ind.code,
          numerator: missed ? 99 : i < 26 ? 95 : 100,
          denominator: 100,
        });
      });
    // Not arising: counts nowhere.
    indicators.push({ code: 'CT99', title: 'Không phát sinh', target: 0.9 });
    results.push({ unit: GIA_LAI, indicator: 'CT99', numerator: 0, denominator: 0 });
    const { result } = computeCluster(makeDoc({ indicators, indicatorResults: results }));
    expect(result.clusterIndicators).toMatchObject({
      arising: 122,
      met: 121,
      exceedable: 52,
      exceeded: 52,
      metRatio: 0.9918,
      exceededRatio: 1,
      metText: '99,2%',
      exceededText: '100%',
    });
    expect(result.units.find((u) => u.unit === KON_TUM)!.indicators).toMatchObject({
      arising: 61,
      met: 60,
      metText: '98,4%',
    });
  });

  it('judges met and exceeded exactly at the target, and the other way round when lower is better', () => {
    const indicators = [
      { code: 'A', title: 'Đúng bằng mục tiêu', target: 0.9 },
      { code: 'B', title: 'Trên mục tiêu', target: 0.9 },
      { code: 'C', title: 'Trả hồ sơ', target: 0.05, lowerIsBetter: true },
      { code: 'D', title: 'Trả hồ sơ nhiều', target: 0.05, lowerIsBetter: true },
      { code: 'E', title: '100%', target: 1 },
      { code: 'F', title: 'Không được tính vượt', target: 0.8, exceedable: false },
    ];
    const indicatorResults: IndicatorResult[] = [
      { unit: GIA_LAI, indicator: 'A', numerator: 9, denominator: 10 },
      { unit: GIA_LAI, indicator: 'B', numerator: 91, denominator: 100 },
      { unit: GIA_LAI, indicator: 'C', numerator: 1, denominator: 100 },
      { unit: GIA_LAI, indicator: 'D', numerator: 6, denominator: 100 },
      { unit: GIA_LAI, indicator: 'E', numerator: 50, denominator: 50 },
      { unit: GIA_LAI, indicator: 'F', numerator: 9, denominator: 10 },
    ];
    const c = computeCluster(makeDoc({ indicators, indicatorResults }));
    const why = c.explain(GIA_LAI);
    if (why.kind !== 'unit') throw new Error(why.kind);
    const byCode = Object.fromEntries(
      why.indicatorOutcomes.map((o) => [o.indicator, [o.met, o.exceedable, o.exceeded]]),
    );
    expect(byCode).toEqual({
      A: [true, true, false],
      B: [true, true, true],
      C: [true, true, true],
      D: [false, true, false],
      E: [true, false, false],
      F: [true, false, false],
    });
    expect(why.indicators).toMatchObject({
      arising: 6,
      met: 5,
      exceedable: 4,
      exceeded: 2,
      metText: '83,3%',
      exceededText: '50%',
    });
    expect(why.indicatorOutcomes[3]!.text.vi).toBe(
      'Chỉ tiêu D «Trả hồ sơ nhiều»: 6/100 = 6% (yêu cầu ≤ 5%): không đạt, không vượt.',
    );
  });

  it('holds a numerator above its denominator to the denominator and reports it', () => {
    const c = computeCluster(
      makeDoc({
        indicators: [{ code: 'A', title: 'A', target: 0.9 }],
        indicatorResults: [{ unit: GIA_LAI, indicator: 'A', numerator: 12, denominator: 10 }],
      }),
    );
    expect(c.result.issues.map((i) => i.code)).toEqual(['indicator.numerator.over']);
    expect(c.result.units.find((u) => u.unit === GIA_LAI)!.indicators).toMatchObject({ arising: 1, met: 1 });
  });
});
