import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCluster, parseClusterJson, RESULT_FORMAT } from '../../../core';
import { GIA_LAI, KON_TUM, fullScores, makeDoc } from '../document/fixture';

const sample = parseClusterJson(
  readFileSync(new URL('../../../templates/samples/cum-7-2022.json', import.meta.url), 'utf8'),
).doc!;

describe('computeCluster on the bundled sample (Cụm thi đua số 7, 2022)', () => {
  const c = computeCluster(sample);

  it('prints exactly the spec result document', () => {
    expect(Object.keys(c.result)).toEqual([
      'format',
      'year',
      'cluster',
      'stage',
      'units',
      'clusterIndicators',
      'issues',
    ]);
    expect(c.result).toMatchObject({
      format: RESULT_FORMAT,
      year: 2022,
      cluster: 'Cụm thi đua số 7',
      stage: 'verified',
    });
    expect(Object.keys(c.result.units[0]!)).toEqual([
      'unit',
      'self',
      'verified',
      'standardTotal',
      'percent',
      'rank',
      'tier',
      'indicators',
      // The project's addition after the spec's keys: the stage this unit's rank used.
      'stage',
    ]);
    expect(c.result.units.map((u) => u.stage)).toEqual(c.result.units.map(() => 'verified'));
    expect(c.result.issues).toEqual([]);
  });

  it('ranks on verified totals, with the Kon Tum / Đắk Nông tie broken by indicators', () => {
    expect(c.result.units.map((u) => [u.unit, u.self?.total, u.verified?.total, u.rank])).toEqual([
      ['VKSND tỉnh Đắk Lắk', 104, 103.5, 1],
      ['VKSND tỉnh Gia Lai', 101.25, 100.25, 2],
      ['VKSND tỉnh Kon Tum', 100, 99.5, 3],
      ['VKSND tỉnh Đắk Nông', 100, 99.5, 4],
      ['VKSND tỉnh Lâm Đồng', 98, 97.5, 5],
    ]);
    const konTum = c.explain('VKSND tỉnh Kon Tum');
    if (konTum.kind !== 'unit') throw new Error(konTum.kind);
    expect(konTum.below).toMatchObject({ neighbour: 'VKSND tỉnh Đắk Nông', key: 'indicatorsMetRatio' });
    expect(c.result.units.every((u) => u.tier === 'Hoàn thành xuất sắc nhiệm vụ')).toBe(true);
  });

  it('sums the cluster indicators', () => {
    expect(c.result.clusterIndicators).toEqual({
      arising: 37,
      met: 36,
      exceedable: 27,
      exceeded: 26,
      metRatio: 0.973,
      exceededRatio: 0.963,
      metText: '97,3%',
      exceededText: '96,3%',
    });
  });

  it('explains the verified cut, the capped occurrences and the group bonus cap', () => {
    const cut = c.explain('VKSND tỉnh Gia Lai', '1.3');
    if (cut.kind !== 'criterion') throw new Error(cut.kind);
    expect([cut.self.total, cut.verified.total, cut.verified.source]).toEqual([6, 5.5, 'verified']);
    const occ = c.explain('vksnd tỉnh lâm đồng', '1.2');
    if (occ.kind !== 'criterion') throw new Error(occ.kind);
    expect(occ.verified).toMatchObject({ deduction: 1.5, total: 3.5 });
    const capped = c.explain('VKSND tỉnh Đắk Lắk', '2');
    if (capped.kind !== 'criterion') throw new Error(capped.kind);
    expect(capped.caps.map((x) => [x.stage, x.before, x.limit, x.cut])).toEqual([['self', 3.5, 3, 0.5]]);
    expect(capped.self.bonus).toBe(3);
  });

  it('explains a unit: rank, tier rule, totals per group', () => {
    const why = c.explain('VKSND tỉnh Lâm Đồng');
    if (why.kind !== 'unit') throw new Error(why.kind);
    expect(why.rank).toBe(5);
    expect(why.tierRule).toEqual({ label: 'Hoàn thành xuất sắc nhiệm vụ', minPercent: 95 });
    expect(why.criteria.filter((r) => r.depth === 0).map((r) => [r.criterion, r.verified])).toEqual([
      ['1', 19],
      ['2', 49],
      ['3', 20],
      ['4', 9.5],
    ]);
    expect(why.lines[1]!.vi).toBe(
      'Tổng điểm thẩm định 97,5 / 100 điểm chuẩn = 97,5%: Hoàn thành xuất sắc nhiệm vụ (từ 95%).',
    );
  });

  it('says when a unit or criterion is not there', () => {
    expect(c.explain('VKSND tỉnh Phú Yên').kind).toBe('notFound');
    expect(c.explain('VKSND tỉnh Gia Lai', '9.9').kind).toBe('notFound');
  });
});

describe('explaining a criterion', () => {
  it("lists each unit's entries for it in the document's order, whatever order they were typed in", () => {
    // Verified scores typed before the self scores, the two units interleaved.
    const scores = [
      ...fullScores(KON_TUM, 'verified'),
      ...fullScores(GIA_LAI, 'verified'),
      ...fullScores(GIA_LAI),
      ...fullScores(KON_TUM),
    ].map((s, i) => ({ ...s, points: s.points - (i % 2) }));
    const doc = makeDoc({ scores });
    const c = computeCluster(doc);
    for (const unit of [GIA_LAI, KON_TUM]) {
      for (const criterion of ['1.a', '1.b', '2']) {
        const e = c.explain(unit, criterion);
        if (e.kind !== 'criterion') throw new Error(e.kind);
        const typed = scores.flatMap((s, i) =>
          s.unit === unit && s.criterion === criterion ? [[s.stage, `scores[${i}]`, s.points]] : [],
        );
        expect(e.inputs.map((x) => [x.stage, x.path, x.points])).toEqual(typed);
      }
    }
    // The group has no entries of its own; asked again, the same answer.
    const group = c.explain(GIA_LAI, '1');
    if (group.kind !== 'criterion') throw new Error(group.kind);
    expect(group.inputs).toEqual([]);
    expect(c.explain(KON_TUM, '2')).toEqual(c.explain(KON_TUM, '2'));
  });
});

describe('computeCluster on bad data', () => {
  it('keeps computing, lists checkCluster issues, and totals have at most 3 decimals', () => {
    const doc = makeDoc({
      scores: [
        { unit: GIA_LAI, criterion: '1.a', stage: 'self', points: 5.12345 },
        { unit: GIA_LAI, criterion: '2', stage: 'self', points: 12 },
        { unit: 'VKSND tỉnh Atlantis', criterion: '2', stage: 'self', points: 1 },
      ],
    });
    const { result } = computeCluster(doc);
    expect(result.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['score.decimals', 'score.points.over', 'ref.unit.unknown']),
    );
    // Kon Tum has no score at all: not returned, so listed and neither ranked nor rated.
    expect(result.units.map((u) => u.unit)).toEqual([GIA_LAI]);
    expect(result.notSubmitted).toEqual([KON_TUM]);
    expect(result.issues.filter((i) => i.code === 'unit.notSubmitted').map((i) => i.unit)).toEqual([KON_TUM]);
    expect(result.units[0]!.self!.total).toBe(15.123);
  });
});
