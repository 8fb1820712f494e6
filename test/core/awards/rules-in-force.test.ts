/**
 * Issue 11: the rules actually in force. Each case fails on the rules as they were before (votes over those
 * present, rank 1 only for the Government flag, an initiative always needed for Chiến sĩ thi đua cơ sở, …).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ClusterDocument,
  computeCluster,
  nominateAwards,
  type Person,
  proposeRotation,
} from '../../../core';
import { docOf, indicators, resultOf, TIERS, unitResult } from './helpers';

const SECTOR_FLAG = 'Cờ thi đua của ngành Kiểm sát nhân dân';
const GOV_FLAG = 'Cờ thi đua của Chính phủ';
const LDTT = 'Lao động tiên tiến';
const CSTDCS = 'Chiến sĩ thi đua cơ sở';
const ADVANCED = 'Tập thể lao động tiên tiến';
const of = (list: { award: string; candidate: string }[], award: string) =>
  list.filter((n) => n.award === award).map((n) => n.candidate);

const three = (year: number) =>
  [
    unitResult('VKSND tỉnh A', 1, TIERS.excellent),
    unitResult('VKSND tỉnh B', 2, TIERS.excellent),
    unitResult('VKSND tỉnh C', 3, TIERS.good),
  ].map((u) => ({ ...u, year }));

describe('1. council votes over all members from 2024-01-01 (Nghị định 98/2023, Điều 30, khoản 7)', () => {
  const flag = (vote: Record<string, unknown>) => {
    const units = three(2024);
    // 2024-01-01 → 2024-09-30: TT 01/2019 (no cap on excellent collectives) under Nghị định 98/2023.
    const doc = docOf(
      2024,
      units.map((u) => u.unit),
      {
        ruleSet: 'vn-2024-tt01-nd98',
        votes: [{ award: SECTOR_FLAG, candidate: 'VKSND tỉnh B', ...vote } as never],
      },
    );
    return nominateAwards(doc, resultOf(2024, units));
  };

  it('8 of 10 members passes', () => {
    const r = flag({ yes: 8, voters: 8, members: 10, body: 'council' });
    expect(of(r.nominations, SECTOR_FLAG)).toContain('VKSND tỉnh B');
    expect(r.nominations.find((n) => n.award === SECTOR_FLAG)!.basis.join(' ')).toContain(
      '8/10 thành viên Hội đồng = 80% ≥ 80%',
    );
  });

  it('7 yes of 8 present in a council of 10 is blocked, citing the decree', () => {
    const r = flag({ yes: 7, voters: 8, members: 10, body: 'council' });
    expect(of(r.nominations, SECTOR_FLAG)).not.toContain('VKSND tỉnh B');
    const reasons = r.blocked.find((b) => b.award === SECTOR_FLAG && b.candidate === 'VKSND tỉnh B')!.reasons;
    expect(reasons.join(' ')).toContain('7/10 thành viên Hội đồng = 70% < 80%');
    expect(reasons.join(' ')).toContain('Nghị định 98/2023/NĐ-CP, Điều 30, khoản 7');
  });

  it('without the council’s members the vote is an error naming it, never a ratio over those voting', () => {
    const r = flag({ yes: 8, voters: 8 });
    const error = r.issues.find((i) => i.code === 'vote.members.missing')!;
    expect(error).toMatchObject({ severity: 'error', path: 'votes[0]' });
    expect(error.message).toContain('thiếu tổng số thành viên Hội đồng');
    expect(error.message).toContain('VKSND tỉnh B');
    expect(of(r.nominations, SECTOR_FLAG)).not.toContain('VKSND tỉnh B');
  });

  it('a vote of the cluster does not stand for the council’s from 2024; in 2023 the cluster’s vote is the rule', () => {
    const r = flag({ yes: 5, voters: 5, body: 'cluster' });
    expect(r.blocked.find((b) => b.candidate === 'VKSND tỉnh B')!.reasons.join(' ')).toContain(
      'Chưa có kết quả biểu quyết của Hội đồng Thi đua - Khen thưởng (có biểu quyết của cụm: 5/5',
    );
    const units = three(2023);
    const y2023 = nominateAwards(
      docOf(
        2023,
        units.map((u) => u.unit),
        {
          votes: [{ award: SECTOR_FLAG, candidate: 'VKSND tỉnh B', yes: 4, voters: 5 }],
        },
      ),
      resultOf(2023, units),
    );
    expect(of(y2023.nominations, SECTOR_FLAG)).toEqual(['VKSND tỉnh B']);
  });
});

describe('2. Chiến sĩ thi đua cơ sở by period', () => {
  const person = (name: string, year: number, extra: Partial<Person> = {}): Person => ({
    name,
    unit: 'VKSND tỉnh A',
    recruited: '2010-01-01',
    ...extra,
    initiatives: extra.initiatives ?? [{ year, level: 'cơ sở' }],
  });
  const run = (year: number, people: Person[], extra: Partial<ClusterDocument> = {}) => {
    const units = three(year);
    return nominateAwards(
      docOf(
        year,
        units.map((u) => u.unit),
        { people, ...extra },
      ),
      resultOf(year, units),
    );
  };

  it('2023: an initiative is needed and at most 15% of the unit’s 20 Advanced Workers (3)', () => {
    const five = ['A', 'B', 'C', 'D', 'E'].map((n) => person(n, 2023));
    const excellentOnly = person('F', 2023, { rating: TIERS.excellent, initiatives: [] });
    const r = run(2023, [...five, excellentOnly], {
      unitProfiles: [{ unit: 'VKSND tỉnh A', advancedWorkers: 20 }],
      votes: [{ award: CSTDCS, candidate: 'F', yes: 5, voters: 5 }],
    });
    expect(of(r.nominations, CSTDCS)).toEqual(['A', 'B', 'C']);
    expect(r.quotas.find((q) => q.award === CSTDCS)).toMatchObject({ limit: 3, base: 20 });
    expect(r.blocked.find((b) => b.candidate === 'F' && b.award === CSTDCS)!.reasons[0]).toContain(
      'Không có sáng kiến',
    );
  });

  it('2024: "Hoàn thành xuất sắc nhiệm vụ" without an initiative qualifies, and no cap applies', () => {
    const people = [
      ...['A', 'B', 'C', 'D', 'E'].map((n) => person(n, 2024)),
      person('F', 2024, { rating: TIERS.excellent, initiatives: [] }),
    ];
    const votes = people.map((p) => ({ award: CSTDCS, candidate: p.name, yes: 9, voters: 9, members: 10 }));
    const r = run(2024, people, { unitProfiles: [{ unit: 'VKSND tỉnh A', advancedWorkers: 20 }], votes });
    expect(of(r.nominations, CSTDCS)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(r.quotas.find((q) => q.award === CSTDCS)).toBeUndefined();
    const f = r.nominations.find((n) => n.award === CSTDCS && n.candidate === 'F')!;
    expect(f.basis.join(' ')).toContain('Xếp loại "Hoàn thành xuất sắc nhiệm vụ" năm 2024');
    expect(f.basis.join(' ')).toContain('9/10 thành viên Hội đồng = 90% ≥ 80%');
    expect(f.basis.at(-1)).toContain('Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23');
  });
});

describe('3. Nghị định 98/2023, Điều 4 from 2024-01-01', () => {
  it('the women preference decides a tie in 2024 (20% cap of TT 02/2024, units tied at rank 2)', () => {
    const units = [
      unitResult('A', 1, TIERS.excellent),
      unitResult('B', 2, TIERS.excellent),
      unitResult('C', 2, TIERS.excellent),
      ...Array.from({ length: 8 }, (_, i) => unitResult(`Z${i}`, 4 + i, TIERS.good)),
    ];
    const doc = docOf(
      2024,
      units.map((u) => u.unit),
      {
        unitProfiles: [
          { unit: 'B', staff: 10, women: 3 },
          { unit: 'C', staff: 10, women: 7 },
        ],
      },
    );
    const r = nominateAwards(doc, resultOf(2024, units));
    expect(of(r.nominations, 'Tập thể lao động xuất sắc')).toEqual(['A', 'C']);
  });

  it('a pending inspection blocks every award of the person, citing Điều 4, khoản 4', () => {
    const units = three(2024);
    const people: Person[] = [
      {
        name: 'Lê Văn Tâm',
        unit: 'VKSND tỉnh A',
        recruited: '2010-01-01',
        pending: [{ kind: 'inspection' }],
      },
      { name: 'Ngô Thị Hoa', unit: 'VKSND tỉnh A', recruited: '2010-01-01' },
    ];
    const r = nominateAwards(
      docOf(
        2024,
        units.map((u) => u.unit),
        { people },
      ),
      resultOf(2024, units),
    );
    expect(of(r.nominations, LDTT)).toEqual(['Ngô Thị Hoa']);
    expect(r.blocked.find((b) => b.candidate === 'Lê Văn Tâm')!.reasons.join(' ')).toContain(
      'Chưa xét khen thưởng: đang bị thanh tra, kiểm tra (Nghị định 98/2023/NĐ-CP, Điều 4, khoản 4)',
    );
  });
});

describe('4. the Government flag’s 20% cap is the sector council’s', () => {
  it('two Government-flag candidates of one cluster are both proposed under Nghị định 91/2017', () => {
    const units = three(2022);
    const votes = ['VKSND tỉnh A', 'VKSND tỉnh B'].map((c) => ({
      award: GOV_FLAG,
      candidate: c,
      yes: 3,
      voters: 3,
    }));
    const r = nominateAwards(
      docOf(
        2022,
        units.map((u) => u.unit),
        { votes },
      ),
      resultOf(2022, units),
    );
    expect(of(r.nominations, GOV_FLAG)).toEqual(['VKSND tỉnh A', 'VKSND tỉnh B']);
    expect(r.issues.find((i) => i.code === 'awards.governmentFlag.sectorCap')!.severity).toBe('info');
  });
});

describe('5. collectives: their people, and the level of the unit', () => {
  it('a collective with 40% Advanced Workers is not "Tập thể lao động tiên tiến" under TT 01/2019', () => {
    const units = three(2023);
    const doc = docOf(
      2023,
      units.map((u) => u.unit),
      {
        unitProfiles: [
          { unit: 'VKSND tỉnh A', staff: 20, advancedWorkers: 8 },
          { unit: 'VKSND tỉnh B', staff: 20, advancedWorkers: 10 },
        ],
      },
    );
    const r = nominateAwards(doc, resultOf(2023, units));
    expect(of(r.nominations, ADVANCED)).toEqual(['VKSND tỉnh B', 'VKSND tỉnh C']);
    expect(r.blocked.find((b) => b.candidate === 'VKSND tỉnh A')!.reasons[0]).toContain(
      '8/20 cá nhân đạt "Lao động tiên tiến" (40%), dưới 50%',
    );
  });

  it('the share is counted from the people when the document lists all of them; a "cảnh cáo" blocks', () => {
    const units = three(2023);
    const people: Person[] = [
      { name: 'P1', unit: 'VKSND tỉnh A', recruited: '2010-01-01' },
      { name: 'P2', unit: 'VKSND tỉnh A', recruited: '2023-08-01' },
      {
        name: 'P3',
        unit: 'VKSND tỉnh B',
        recruited: '2010-01-01',
        discipline: [{ year: 2023, form: 'Cảnh cáo' }],
      },
    ];
    const doc = docOf(
      2023,
      units.map((u) => u.unit),
      {
        people,
        unitProfiles: [{ unit: 'VKSND tỉnh A', staff: 2 }],
      },
    );
    const r = nominateAwards(doc, resultOf(2023, units));
    expect(
      r.nominations.find((n) => n.award === ADVANCED && n.candidate === 'VKSND tỉnh A')!.basis,
    ).toContain('1/2 cá nhân đạt "Lao động tiên tiến" (50%), từ 50%');
    expect(
      r.blocked.find((b) => b.award === ADVANCED && b.candidate === 'VKSND tỉnh B')!.reasons[0],
    ).toContain('1 cá nhân bị kỷ luật từ "Cảnh cáo" trở lên năm 2023: P3');
  });

  it('a district unit is never proposed for the sector flag', () => {
    const units = [
      unitResult('VKSND huyện Tuy An', 1, TIERS.excellent),
      unitResult('VKSND thị xã Sông Cầu', 2, TIERS.excellent),
      unitResult('VKSND tỉnh Phú Yên', 3, TIERS.excellent),
    ];
    const votes = units.map((u) => ({ award: SECTOR_FLAG, candidate: u.unit, yes: 5, voters: 5 }));
    const doc = docOf(
      2022,
      units.map((u) => u.unit),
      {
        votes,
        unitProfiles: [{ unit: 'VKSND thị xã Sông Cầu', level: 'district' }],
      },
    );
    const r = nominateAwards(doc, resultOf(2022, units));
    expect(of(r.nominations, SECTOR_FLAG)).toEqual(['VKSND tỉnh Phú Yên']);
    expect(r.blocked.find((b) => b.candidate === 'VKSND huyện Tuy An')!.reasons[0]).toContain(
      'Cờ thi đua ngành chỉ tặng đơn vị thuộc VKSND tối cao, VKSND cấp cao, VKSND cấp tỉnh',
    );
  });
});

describe('6. Lao động tiên tiến: leave and the year a discipline counts in', () => {
  const run = (year: number, people: Person[]) => {
    const units = three(year);
    return nominateAwards(
      docOf(
        year,
        units.map((u) => u.unit),
        { people },
      ),
      resultOf(year, units),
    );
  };
  const base = { unit: 'VKSND tỉnh A', recruited: '2010-01-01' };

  it('TT 01/2019: 40 working days of leave blocks, 39 does not; maternity leave counts as work', () => {
    // 2023-03-01 (Wed) … 2023-04-25 (Tue): 40 working days; to 2023-04-24: 39.
    const r = run(2023, [
      { name: 'A', ...base, leave: [{ from: '2023-03-01', to: '2023-04-25' }] },
      { name: 'B', ...base, leave: [{ from: '2023-03-01', to: '2023-04-24' }] },
      { name: 'C', ...base, leave: [{ from: '2023-03-01', to: '2023-08-31', kind: 'maternity' }] },
    ]);
    expect(of(r.nominations, LDTT)).toEqual(['B', 'C']);
    expect(r.blocked.find((b) => b.candidate === 'A')!.reasons[0]).toContain(
      'Nghỉ 40 ngày làm việc trong năm 2023, từ 40 ngày làm việc trở lên',
    );
  });

  it('TT 02/2024: 03 months of leave blocks', () => {
    const r = run(2025, [
      { name: 'A', ...base, leave: [{ from: '2025-02-01', to: '2025-04-30' }] },
      { name: 'B', ...base, leave: [{ from: '2025-02-01', to: '2025-04-29' }] },
    ]);
    expect(of(r.nominations, LDTT)).toEqual(['B']);
    expect(r.blocked.find((b) => b.candidate === 'A')!.reasons[0]).toContain('Nghỉ 3 tháng trong năm 2025');
  });

  it('a decision of 2025 for an act of 2024 counts in 2024, not in the year of the decision', () => {
    const late: Person = {
      name: 'A',
      ...base,
      discipline: [{ year: 2025, actYear: 2024, decided: '2025-02-10', form: 'Khiển trách' }],
    };
    expect(of(run(2025, [late]).nominations, LDTT)).toEqual(['A']);
    const y2024 = run(2024, [late]);
    expect(of(y2024.nominations, LDTT)).toEqual([]);
    expect(y2024.blocked.find((b) => b.award === LDTT)!.reasons[0]).toContain(
      '(hành vi năm 2024, quyết định ngày 10/02/2025)',
    );
  });
});

describe('7. how many flags a cluster proposes: Cụm 8, 2020 (seed 000)', () => {
  const cum8 = (): ClusterDocument =>
    JSON.parse(readFileSync(new URL('../../fixtures/awards/cum-8-2020.json', import.meta.url), 'utf8'));

  it('both Government flags and both sector flags the cluster voted are proposed, each with its basis', () => {
    const doc = cum8();
    const r = nominateAwards(doc, computeCluster(doc).result);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(of(r.nominations, GOV_FLAG)).toEqual(['VKSND tỉnh Quảng Nam', 'VKSND tỉnh Phú Yên']);
    expect(of(r.nominations, SECTOR_FLAG)).toEqual(['VKSND tỉnh Bình Định', 'VKSND tỉnh Quảng Ngãi']);
    // Phú Yên ranks below Bình Định: the rank is no condition, the cluster's vote is.
    const py = r.nominations.find((n) => n.award === GOV_FLAG && n.candidate === 'VKSND tỉnh Phú Yên')!;
    expect(py.basis).toEqual(
      expect.arrayContaining([
        'Xếp hạng 3/6 trong cụm',
        'Biểu quyết của cụm: 6/6 phiếu đồng ý (100%) (ngưỡng 80%)',
        'Căn cứ: Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013), Điều 25; Nghị định 91/2017/NĐ-CP, Điều 11',
      ]),
    );
    const qng = r.nominations.find(
      (n) => n.award === SECTOR_FLAG && n.candidate === 'VKSND tỉnh Quảng Ngãi',
    )!;
    expect(qng.basis).toContain('Biểu quyết của cụm: 5/6 phiếu đồng ý (83,3%) (ngưỡng 80%)');
    expect(proposeRotation(doc)).toMatchObject({
      leader: 'VKSND tỉnh Phú Yên',
      deputy: 'VKSND tỉnh Bình Định',
    });
  });

  it('a stated number per cluster limits the proposals, by the vote', () => {
    const doc = cum8();
    doc.ruleOverrides = { 'governmentFlag.clusterProposals': 1, 'sectorFlag.clusterProposals': 1 };
    const r = nominateAwards(doc, computeCluster(doc).result);
    expect(of(r.nominations, SECTOR_FLAG)).toEqual(['VKSND tỉnh Bình Định']);
    expect(
      r.blocked.find((b) => b.candidate === 'VKSND tỉnh Quảng Ngãi' && b.award === SECTOR_FLAG)!.reasons[0],
    ).toContain('Vượt giới hạn: Cụm được đề nghị tối đa 1 đơn vị');
    // Quảng Nam and Phú Yên tie on the vote (6/6): the council decides, neither is proposed alone.
    expect(of(r.nominations, GOV_FLAG)).toEqual([]);
    expect(r.ruleValues.find((v) => v.key === 'governmentFlag.clusterProposals')).toMatchObject({
      value: 1,
      overridden: true,
      defaultValue: null,
    });
  });
});

describe('8–9. campaigns, indicators that did not arise, the reference date', () => {
  it('a campaign proposes no annual title and no leader', () => {
    const doc = JSON.parse(
      readFileSync(new URL('../../fixtures/awards/cum-8-2020.json', import.meta.url), 'utf8'),
    );
    doc.kind = 'campaign';
    doc.period = { from: '2020-04-01', to: '2020-06-30' };
    delete doc.election;
    const r = nominateAwards(doc, computeCluster(doc).result);
    expect(r.nominations).toEqual([]);
    expect(r.issues.map((i) => i.code)).toContain('awards.campaign');
    const rotation = proposeRotation(doc);
    expect(rotation.leader).toBeUndefined();
    expect(rotation.deputy).toBeUndefined();
  });

  it('a unit with no arising indicator (0/0) is not "every indicator met"', () => {
    const units = [
      unitResult('A', 1, TIERS.excellent, indicators(0, 0, 0, 0)),
      unitResult('B', 2, TIERS.excellent),
    ];
    const r = nominateAwards(docOf(2023, ['A', 'B']), resultOf(2023, units));
    expect(of(r.nominations, 'Tập thể lao động xuất sắc')).toEqual(['B']);
    expect(r.blocked.find((b) => b.candidate === 'A')!.reasons[0]).toContain('Không có chỉ tiêu phát sinh');
  });

  it('the reference date is stated in the output and a document may move it', () => {
    const units = three(2023);
    const people: Person[] = [{ name: 'A', unit: 'VKSND tỉnh A', recruited: '2023-02-01' }];
    const doc = docOf(
      2023,
      units.map((u) => u.unit),
      { people },
    );
    const r = nominateAwards(doc, resultOf(2023, units));
    expect(r.referenceDate).toBe('2023-12-31');
    expect(of(r.nominations, LDTT)).toEqual(['A']);
    const moved = nominateAwards(
      { ...doc, ruleOverrides: { 'principles.referenceDate': '11-30' } },
      resultOf(2023, units),
    );
    expect(moved.referenceDate).toBe('2023-11-30');
    expect(moved.blocked.find((b) => b.award === LDTT)!.reasons[0]).toContain(
      '9 tháng đến 30/11/2023, dưới 10 tháng',
    );
    const bad = nominateAwards(
      { ...doc, ruleOverrides: { 'principles.referenceDate': '02-30' } },
      resultOf(2023, units),
    );
    expect(bad.issues.find((i) => i.code === 'rules.override.type')!.path).toBe(
      'ruleOverrides.principles.referenceDate',
    );
  });
});
