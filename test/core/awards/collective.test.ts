import { describe, expect, it } from 'vitest';
import { nominateAwards } from '../../../core';
import { anGiang, docOf, indicators, resultOf, TIERS, unitResult } from './helpers';

const EXCELLENT = 'Tập thể lao động xuất sắc';
const SECTOR_FLAG = 'Cờ thi đua của ngành Kiểm sát nhân dân';
const GOV_FLAG = 'Cờ thi đua của Chính phủ';

const names = (list: { award: string; candidate: string }[], award: string) =>
  list.filter((n) => n.award === award).map((n) => n.candidate);

describe('An Giang: 20 advanced collectives, 7 excellent', () => {
  it('2023 (TT 01/2019, no cap): all 7 are proposed', () => {
    const { doc, result } = anGiang(2023);
    const r = nominateAwards(doc, result);
    expect(r.ruleSet).toBe('vn-2019-tt01');
    expect(names(r.nominations, 'Tập thể lao động tiên tiến')).toHaveLength(20);
    expect(names(r.nominations, EXCELLENT)).toEqual([
      'Phòng 01',
      'Phòng 02',
      'Phòng 03',
      'Phòng 04',
      'Phòng 05',
      'Phòng 06',
      'Phòng 07',
    ]);
    expect(names(r.blocked, EXCELLENT)).toEqual([]);
    expect(r.quotas.find((q) => q.award === EXCELLENT)).toBeUndefined();
    expect(r.nominations.find((n) => n.award === EXCELLENT)!.basis).toContain(
      'Bộ quy tắc vn-2019-tt01 không giới hạn số "Tập thể lao động xuất sắc" (Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013) (điều khoản chưa xác minh); Thông tư 01/2019/TT-VKSTC (điều khoản chưa xác minh))',
    );
  });

  it('2024 (TT 02/2024, Điều 18): the 4 best-ranked are proposed, 3 blocked citing it', () => {
    const { doc, result } = anGiang(2024);
    const r = nominateAwards(doc, result);
    expect(r.ruleSet).toBe('vn-2024-tt02-nd98');
    expect(names(r.nominations, EXCELLENT)).toEqual(['Phòng 01', 'Phòng 02', 'Phòng 03', 'Phòng 04']);
    const blocked = r.blocked.filter((b) => b.award === EXCELLENT);
    expect(blocked.map((b) => b.candidate)).toEqual(['Phòng 05', 'Phòng 06', 'Phòng 07']);
    for (const b of blocked) {
      expect(b.reasons.join(' ')).toContain('Thông tư 02/2024/TT-VKSTC, Điều 18');
      expect(b.reasons.join(' ')).toContain('Giới hạn 4: 20% của 20');
    }
    expect(r.quotas.find((q) => q.award === EXCELLENT)).toMatchObject({ limit: 4, base: 20, proposed: 4 });
    expect(r.quotas.find((q) => q.award === EXCELLENT)!.basis).toContain('Điều 18, khoản 2');
  });

  it('with 3 qualifying units the minimum of one applies', () => {
    const { doc, result } = anGiang(2024, 2, 3);
    const r = nominateAwards(doc, result);
    expect(names(r.nominations, EXCELLENT)).toEqual(['Phòng 01']);
    expect(names(r.blocked, EXCELLENT)).toEqual(['Phòng 02']);
    expect(r.quotas.find((q) => q.award === EXCELLENT)).toMatchObject({ limit: 1, base: 3, proposed: 1 });
  });

  it('a document override of the cap is applied and shown', () => {
    const { doc, result } = anGiang(2024);
    doc.ruleOverrides = { 'excellentCollective.quotaPercent': 30 };
    const r = nominateAwards(doc, result);
    expect(names(r.nominations, EXCELLENT)).toHaveLength(6);
    expect(r.ruleValues).toContainEqual(
      expect.objectContaining({
        key: 'excellentCollective.quotaPercent',
        value: 30,
        overridden: true,
        defaultValue: 20,
      }),
    );
    expect(r.issues.map((i) => i.code)).toContain('rules.override.applied');
  });

  it('an unknown or ill-typed override is an error naming it', () => {
    const { doc, result } = anGiang(2024);
    doc.ruleOverrides = { 'excellentCollective.quota': 30, 'sectorFlag.votePercent': 'tám mươi' };
    const r = nominateAwards(doc, result);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.path)).toEqual([
      'ruleOverrides.excellentCollective.quota',
      'ruleOverrides.sectorFlag.votePercent',
    ]);
    expect(names(r.nominations, EXCELLENT)).toHaveLength(4);
  });
});

describe('excellent collective conditions', () => {
  it('needs the top rating and every arising indicator met; TT 02/2024 also needs targets exceeded', () => {
    const units = [
      unitResult('A', 1, TIERS.excellent, indicators(20, 20, 10, 10)),
      unitResult('B', 2, TIERS.excellent, indicators(20, 19, 10, 10)),
      unitResult('C', 3, TIERS.excellent, indicators(20, 20, 10, 9)),
      unitResult('D', 4, TIERS.good),
      unitResult('E', 5, TIERS.done),
    ];
    const names5 = units.map((u) => u.unit);
    const y2023 = nominateAwards(docOf(2023, names5), resultOf(2023, units));
    expect(names(y2023.nominations, EXCELLENT)).toEqual(['A', 'C']);
    expect(y2023.blocked.find((b) => b.candidate === 'B' && b.award === EXCELLENT)!.reasons[0]).toContain(
      '19/20 chỉ tiêu phát sinh đạt',
    );
    expect(names(y2023.blocked, 'Tập thể lao động tiên tiến')).toEqual(['E']);

    const units24 = units.map((u) => ({ ...u }));
    const y2024 = nominateAwards(docOf(2024, names5), resultOf(2024, units24));
    expect(names(y2024.nominations, EXCELLENT)).toEqual(['A']);
    expect(y2024.blocked.find((b) => b.candidate === 'C' && b.award === EXCELLENT)!.reasons[0]).toContain(
      '9/10 chỉ tiêu có thể tính vượt',
    );
  });

  it('a rating stated in the document replaces the computed tier', () => {
    const units = [unitResult('A', 1, TIERS.excellent), unitResult('B', 2, TIERS.excellent)];
    const doc = docOf(2023, ['A', 'B'], { unitProfiles: [{ unit: 'b', rating: 'Hoàn thành nhiệm vụ' }] });
    const r = nominateAwards(doc, resultOf(2023, units));
    expect(names(r.nominations, 'Tập thể lao động tiên tiến')).toEqual(['A']);
    expect(r.blocked.find((b) => b.candidate === 'B')!.reasons[0]).toContain('Hoàn thành nhiệm vụ');
  });
});

describe('flags', () => {
  const five = () => [
    unitResult('VKSND tỉnh Đắk Lắk', 1, TIERS.excellent),
    unitResult('VKSND tỉnh Gia Lai', 2, TIERS.excellent),
    unitResult('VKSND tỉnh Kon Tum', 3, TIERS.excellent),
    unitResult('VKSND tỉnh Lâm Đồng', 4, TIERS.good),
    unitResult('VKSND tỉnh Đắk Nông', 5, TIERS.good),
  ];
  const votes = (gl: number, kt: number) => [
    { award: GOV_FLAG, candidate: 'VKSND tỉnh Đắk Lắk', yes: 100, voters: 100 },
    { award: 'Cờ thi đua của ngành KSND', candidate: 'VKSND tỉnh Gia Lai', yes: gl, voters: 100 },
    { award: 'Cờ thi đua của ngành KSND', candidate: 'VKSND tỉnh Kon Tum', yes: kt, voters: 100 },
  ];

  it('the sector flag: 79% yes is blocked, 80% is proposed', () => {
    const units = five();
    const doc = docOf(
      2022,
      units.map((u) => u.unit),
      { votes: votes(80, 79) },
    );
    const r = nominateAwards(doc, resultOf(2022, units));
    expect(names(r.nominations, SECTOR_FLAG)).toEqual(['VKSND tỉnh Gia Lai']);
    const kt = r.blocked.find((b) => b.award === SECTOR_FLAG && b.candidate === 'VKSND tỉnh Kon Tum')!;
    expect(kt.reasons.join(' ')).toMatch(
      /79\/100 phiếu đồng ý \(79%\), dưới 80%.*Thông tư 01\/2019\/TT-VKSTC, Điều 20/,
    );
    const gl = r.nominations.find((n) => n.award === SECTOR_FLAG)!;
    expect(gl.basis.join(' ')).toContain('80/100 phiếu đồng ý (80%)');
    expect(gl.basis.at(-1)).toBe('Căn cứ: Thông tư 01/2019/TT-VKSTC, Điều 20');
  });

  it('the Government flag goes to the unit voted for it, not also to the sector flag; the 20% cap is information', () => {
    // Law demands: Nghị định 91/2017, Điều 11 counts its 20% over the whole sector (the sector council's
    // cap), so the cluster shows it and never limits by it.
    const units = five();
    const doc = docOf(
      2022,
      units.map((u) => u.unit),
      { votes: votes(80, 79) },
    );
    const r = nominateAwards(doc, resultOf(2022, units));
    expect(names(r.nominations, GOV_FLAG)).toEqual(['VKSND tỉnh Đắk Lắk']);
    expect(names(r.nominations, SECTOR_FLAG)).not.toContain('VKSND tỉnh Đắk Lắk');
    const basis = r.nominations.find((n) => n.award === GOV_FLAG)!.basis.join(' | ');
    expect(basis).toContain('Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013), Điều 25');
    expect(basis).toContain('Để biết: không quá 20% số tập thể của Ngành');
    expect(basis).toContain('Nghị định 91/2017/NĐ-CP, Điều 11');
    expect(r.quotas.find((q) => q.award === GOV_FLAG)).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toContain('awards.governmentFlag.sectorCap');
  });

  it('a unit voted for the Government flag need not be the leading one; the number a cluster proposes is a parameter', () => {
    // Law demands: no text makes rank 1 a condition (Luật 06/2022, Điều 25; seed 000: Cụm 8 proposed two).
    const units = five();
    const withGl = [
      ...votes(80, 80),
      { award: GOV_FLAG, candidate: 'VKSND tỉnh Gia Lai', yes: 90, voters: 100 },
    ];
    const doc = docOf(
      2022,
      units.map((u) => u.unit),
      { votes: withGl },
    );
    const r = nominateAwards(doc, resultOf(2022, units));
    expect(names(r.nominations, GOV_FLAG)).toEqual(['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai']);
    const one = nominateAwards(
      { ...doc, ruleOverrides: { 'governmentFlag.clusterProposals': 1 } },
      resultOf(2022, units),
    );
    expect(names(one.nominations, GOV_FLAG)).toEqual(['VKSND tỉnh Đắk Lắk']);
    const gl = one.blocked.find((b) => b.award === GOV_FLAG && b.candidate === 'VKSND tỉnh Gia Lai')!;
    expect(gl.reasons[0]).toContain('Cụm được đề nghị tối đa 1 đơn vị');
    expect(one.quotas.find((q) => q.award === GOV_FLAG)).toMatchObject({ limit: 1, base: 2, proposed: 1 });
    // Blocked for the Government flag, Gia Lai is still considered for the sector flag.
    expect(names(one.nominations, SECTOR_FLAG)).toContain('VKSND tỉnh Gia Lai');
  });

  it('after 2023 the unconfirmed values used are listed, the council vote is not among them', () => {
    const units = five();
    const council = votes(8, 7).map((v) => ({
      ...v,
      yes: v.yes === 100 ? 10 : v.yes,
      voters: 10,
      members: 10,
    }));
    const doc = docOf(
      2024,
      units.map((u) => u.unit),
      { votes: council },
    );
    const r = nominateAwards(doc, resultOf(2024, units));
    const keys = r.ruleValues.filter((v) => !v.confirmed).map((v) => v.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'governmentFlag.capPercent',
        'governmentFlag.clusterProposals',
        'principles.referenceDate',
      ]),
    );
    expect(keys).not.toContain('sectorFlag.votePercent');
    expect(r.ruleValues.find((v) => v.key === 'sectorFlag.requiresExcellent')!.note).toContain(
      'Thông tư 02/2024',
    );
  });
});

describe('ties at a cap', () => {
  // Eleven advanced units, so 20% gives 2 places; units 2 and 3 tie at rank 2.
  const tied = (year: number, womenOfB: number, ruleOverrides?: Record<string, number>) => {
    const units = [
      unitResult('A', 1, TIERS.excellent),
      unitResult('B', 2, TIERS.excellent),
      unitResult('C', 2, TIERS.excellent),
      ...Array.from({ length: 8 }, (_, i) => unitResult(`Z${i}`, 4 + i, TIERS.good)),
    ];
    const doc = docOf(
      year,
      units.map((u) => u.unit),
      {
        unitProfiles: [
          { unit: 'B', staff: 10, women: womenOfB },
          { unit: 'C', staff: 10, women: 5 },
        ],
        ...(ruleOverrides ? { ruleOverrides } : {}),
      },
    );
    return nominateAwards(doc, resultOf(year, units));
  };

  it('before 2024 a tie at the limit is left to the council', () => {
    // TT 01/2019 has no cap: the document states one to make the tie.
    const r = tied(2023, 7, {
      'excellentCollective.quotaPercent': 20,
      'excellentCollective.quotaMinimum': 1,
    });
    expect(names(r.nominations, EXCELLENT)).toEqual(['A']);
    expect(r.blocked.filter((b) => b.award === EXCELLENT).map((b) => b.reasons[0])).toEqual([
      expect.stringContaining('Đồng hạng 2 tại giới hạn'),
      expect.stringContaining('Đồng hạng 2 tại giới hạn'),
    ]);
  });

  it('in 2024 (Nghị định 98/2023, Điều 4) the collective with at least 70% women is preferred', () => {
    // Law demands: the preference applies from 2024-01-01, not only from 2025-07-01.
    const r = tied(2024, 7);
    expect(names(r.nominations, EXCELLENT)).toEqual(['A', 'B']);
    expect(
      r.nominations.find((n) => n.candidate === 'B' && n.award === EXCELLENT)!.basis.join(' '),
    ).toContain('Nghị định 98/2023/NĐ-CP, Điều 4');
  });

  it('from 2025-07-01 the collective with at least 70% women is preferred', () => {
    const r = tied(2025, 7);
    expect(names(r.nominations, EXCELLENT)).toEqual(['A', 'B']);
    expect(
      r.nominations.find((n) => n.candidate === 'B' && n.award === EXCELLENT)!.basis.join(' '),
    ).toContain('Nghị định 152/2025/NĐ-CP, Điều 4');
    expect(r.blocked.find((b) => b.candidate === 'C' && b.award === EXCELLENT)!.reasons[0]).toContain(
      'Vượt giới hạn',
    );
  });

  it('69% women is not enough for the preference', () => {
    const r = tied(2025, 6);
    expect(names(r.nominations, EXCELLENT)).toEqual(['A']);
  });
});

describe('every nomination and every blocked candidate carries its legal basis', () => {
  it('in Vietnamese and English', () => {
    const units = [
      unitResult('A', 1, TIERS.excellent),
      unitResult('B', 2, TIERS.excellent),
      unitResult('C', 3, TIERS.good),
      unitResult('D', 4, TIERS.failed),
    ];
    const doc = docOf(2024, ['A', 'B', 'C', 'D'], {
      votes: [{ award: SECTOR_FLAG, candidate: 'B', yes: 3, voters: 4 }],
    });
    for (const lang of ['vi', 'en'] as const) {
      const r = nominateAwards(doc, resultOf(2024, units), { lang });
      expect(r.nominations.length).toBeGreaterThan(0);
      expect(r.blocked.length).toBeGreaterThan(0);
      const cited =
        /(Luật|Nghị định|Thông tư) [^,;()]+(, (Điều|Article) \d+| \((điều khoản chưa xác minh|article not verified)\))/;
      for (const n of r.nominations) expect(n.basis.join(' '), `${n.award} ${n.candidate}`).toMatch(cited);
      for (const b of r.blocked) for (const reason of b.reasons) expect(reason).toMatch(cited);
    }
  });
});
