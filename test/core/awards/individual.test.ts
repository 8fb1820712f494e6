import { describe, expect, it } from 'vitest';
import { type Person, nominateAwards } from '../../../core';
import { docOf, resultOf, TIERS, unitResult } from './helpers';

const LDTT = 'Lao động tiên tiến';
const CSTDCS = 'Chiến sĩ thi đua cơ sở';
const CSTD_NGANH = 'Chiến sĩ thi đua ngành Kiểm sát nhân dân';
const MEDAL = 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"';

const UNITS = ['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai'];
const run = (year: number, people: Person[], extra = {}) =>
  nominateAwards(
    docOf(year, UNITS, { people, ...extra }),
    resultOf(year, [unitResult(UNITS[0]!, 1, TIERS.excellent), unitResult(UNITS[1]!, 2, TIERS.good)]),
  );
const of = (list: { award: string; candidate: string }[], award: string) =>
  list.filter((n) => n.award === award).map((n) => n.candidate);

describe('Lao động tiên tiến', () => {
  const recruit = (name: string, recruited: string): Person => ({ name, unit: UNITS[0]!, recruited });

  it('months since recruitment: 10 under TT 01/2019, 6 under TT 02/2024', () => {
    // 2023-03-01 → 2023-12-31: 9 months; 2024-03-01 → 2024-12-31: 9 months.
    const y2023 = run(2023, [recruit('Nguyễn Văn An', '2023-03-01'), recruit('Trần Thị Bình', '2023-02-28')]);
    expect(of(y2023.nominations, LDTT)).toEqual(['Trần Thị Bình']);
    expect(y2023.blocked.find((b) => b.award === LDTT)!.reasons[0]).toContain(
      '9 tháng đến 31/12/2023, dưới 10 tháng',
    );
    const y2024 = run(2024, [recruit('Nguyễn Văn An', '2024-03-01'), recruit('Lê Văn Cường', '2024-07-01')]);
    expect(of(y2024.nominations, LDTT)).toEqual(['Nguyễn Văn An']);
    expect(y2024.blocked.find((b) => b.award === LDTT)!.reasons[0]).toMatch(
      /5 tháng đến 31\/12\/2024, dưới 6 tháng \(.*Thông tư 02\/2024\/TT-VKSTC/,
    );
  });

  it('a reprimand (khiển trách) or worse in the year blocks; an earlier one does not', () => {
    const r = run(2022, [
      {
        name: 'A',
        unit: UNITS[0]!,
        recruited: '2010-01-01',
        discipline: [{ year: 2022, form: 'khiển trách' }],
      },
      { name: 'B', unit: UNITS[0]!, recruited: '2010-01-01', discipline: [{ year: 2021, form: 'Cảnh cáo' }] },
      {
        name: 'C',
        unit: UNITS[0]!,
        recruited: '2010-01-01',
        discipline: [{ year: 2022, form: 'phê bình nội bộ' }],
      },
    ]);
    expect(of(r.nominations, LDTT)).toEqual(['B']);
    expect(r.blocked.find((b) => b.candidate === 'A')!.reasons[0]).toContain(
      'Bị kỷ luật "khiển trách" năm 2022',
    );
    expect(r.issues.map((i) => i.code)).toContain('person.discipline.unknown');
  });

  it('a missing recruitment date is a warning, a malformed one an error', () => {
    const r = run(2022, [
      { name: 'A', unit: UNITS[0]! },
      { name: 'B', unit: UNITS[0]!, recruited: '01/02/2010' },
    ]);
    expect(r.issues.find((i) => i.code === 'person.recruited.missing')).toMatchObject({
      severity: 'warning',
      person: 'A',
    });
    expect(r.issues.find((i) => i.code === 'person.date.invalid')).toMatchObject({
      severity: 'error',
      path: 'people[1].recruited',
    });
  });
});

describe('Chiến sĩ thi đua cơ sở', () => {
  const person = (name: string, initiative: string | undefined, gender = 'Nam'): Person => ({
    name,
    unit: UNITS[0]!,
    recruited: '2010-01-01',
    gender,
    initiatives: initiative ? [{ year: 2022, level: initiative }] : [],
  });

  it('needs the Advanced Worker standard and an initiative of the year', () => {
    const r = run(2022, [person('A', 'cơ sở'), person('B', undefined), person('C', undefined)], {
      unitProfiles: [{ unit: UNITS[0], advancedWorkers: 40 }],
      votes: [{ award: 'Chiến sĩ thi đua cơ sở', candidate: 'B', yes: 5, voters: 5 }],
    });
    expect(of(r.nominations, CSTDCS)).toEqual(['A']);
    // C, with no initiative and no vote, is not a candidate at all.
    expect(of(r.blocked, CSTDCS)).toEqual(['B']);
    expect(r.blocked.find((b) => b.award === CSTDCS)!.reasons[0]).toMatch(/^Không có sáng kiến.*Điều 23/);
  });

  it('the 15% cap per unit, over the Advanced Workers stated for the unit', () => {
    const five = ['A', 'B', 'C', 'D', 'E'].map((n) => person(n, 'cơ sở'));
    const r = run(2022, five, { unitProfiles: [{ unit: UNITS[0], advancedWorkers: 20 }] });
    expect(of(r.nominations, CSTDCS)).toEqual(['A', 'B', 'C']);
    expect(r.quotas.find((q) => q.award === CSTDCS)).toMatchObject({
      limit: 3,
      base: 20,
      proposed: 3,
      scope: UNITS[0],
    });
    expect(r.blocked.find((b) => b.candidate === 'D' && b.award === CSTDCS)!.reasons[0]).toContain(
      'Nghị định 91/2017/NĐ-CP, Điều 9, khoản 3',
    );
  });

  it('from 2024 (Luật 06/2022, Điều 23) no cap applies; a document may still state one', () => {
    // Law demands: the 15% cap of Nghị định 91/2017 lapsed with it ("không bị khống chế").
    const five = ['A', 'B', 'C', 'D', 'E'].map((n) => person(n, 'cơ sở'));
    for (const p of five) p.initiatives = [{ year: 2024, level: 'cơ sở' }];
    const yes = [10, 10, 10, 9, 8];
    const votes = five.map((p, i) => ({
      award: CSTDCS,
      candidate: p.name,
      yes: yes[i]!,
      voters: 10,
      members: 10,
    }));
    const unitProfiles = [{ unit: UNITS[0], advancedWorkers: 20 }];
    const open = run(2024, five, { unitProfiles, votes });
    expect(of(open.nominations, CSTDCS)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(open.quotas.find((q) => q.award === CSTDCS)).toBeUndefined();
    const capped = run(2024, five, {
      unitProfiles,
      votes,
      ruleOverrides: { 'baseEmulationSoldier.capPercent': 15 },
    });
    expect(of(capped.nominations, CSTDCS)).toEqual(['A', 'B', 'C']);
    expect(capped.ruleValues.find((v) => v.key === 'baseEmulationSoldier.capPercent')).toMatchObject({
      value: 15,
      overridden: true,
      defaultValue: null,
    });
  });

  it('without the unit’s number of Advanced Workers the cap is not checked, and a warning says so', () => {
    const r = run(2022, [person('A', 'cơ sở'), person('B', 'ngành')]);
    expect(of(r.nominations, CSTDCS)).toEqual(['A', 'B']);
    expect(r.issues.find((i) => i.code === 'awards.cap.baseMissing')).toMatchObject({
      severity: 'warning',
      unit: UNITS[0],
    });
    expect(r.nominations.find((n) => n.award === CSTDCS)!.basis.join(' ')).toContain(
      'Giới hạn 15% chưa kiểm tra',
    );
    expect(r.quotas.find((q) => q.award === CSTDCS)).toBeUndefined();
  });

  it('from 2024 (Nghị định 98/2023, Điều 4) a woman is preferred among equal votes at a cap; not in 2023', () => {
    // Law demands: the preference is in Nghị định 98/2023 already, not only 152/2025. No cap exists from
    // 2024, so the document states one to make a tie at a cap.
    const people = [person('Ông A', 'cơ sở'), person('Bà B', 'cơ sở', 'Nữ')];
    const votes = people.map((p) => ({
      award: 'Chiến sỹ thi đua cơ sở',
      candidate: p.name,
      yes: 9,
      voters: 10,
      members: 10,
    }));
    const unitProfiles = [{ unit: UNITS[0], advancedWorkers: 7 }];
    for (const year of [2024, 2025]) {
      const r = run(
        year,
        people.map((p) => ({ ...p, initiatives: [{ year, level: 'cơ sở' }] })),
        { votes, unitProfiles, ruleOverrides: { 'baseEmulationSoldier.capPercent': 15 } },
      );
      expect(of(r.nominations, CSTDCS), String(year)).toEqual(['Bà B']);
      expect(r.nominations.find((n) => n.award === CSTDCS)!.basis.join(' ')).toContain(
        year === 2024 ? 'Nghị định 98/2023/NĐ-CP, Điều 4' : 'Nghị định 152/2025/NĐ-CP, Điều 4',
      );
    }
    const r23 = run(
      2023,
      people.map((p) => ({ ...p, initiatives: [{ year: 2023, level: 'cơ sở' }] })),
      {
        votes,
        unitProfiles,
      },
    );
    expect(of(r23.nominations, CSTDCS)).toEqual([]);
    expect(of(r23.blocked, CSTDCS)).toEqual(['Ông A', 'Bà B']);
  });
});

describe('Chiến sĩ thi đua ngành KSND', () => {
  const veteran = (titles: [number, string][], initiativeLevel = 'ngành'): Person => ({
    name: 'Phạm Thị Dung',
    unit: UNITS[0]!,
    recruited: '2005-01-01',
    titles: titles.map(([year, title]) => ({ year, title })),
    initiatives: [
      { year: 2022, level: 'cơ sở' },
      { year: 2021, level: initiativeLevel },
    ],
  });
  const vote = (yes: number) => ({
    votes: [{ award: 'Chiến sĩ thi đua ngành KSND', candidate: 'Phạm Thị Dung', yes, voters: 10 }],
    unitProfiles: [{ unit: UNITS[0], advancedWorkers: 40 }],
  });

  it('three consecutive base-level titles (spelt "Chiến sỹ"), a sector initiative, 90% of the council', () => {
    const p = veteran([
      [2020, 'Chiến sỹ thi đua cơ sở'],
      [2021, 'Chiến sĩ thi đua cơ sở'],
    ]);
    const r = run(2022, [p], vote(9));
    expect(of(r.nominations, CSTDCS)).toEqual(['Phạm Thị Dung']);
    expect(of(r.nominations, CSTD_NGANH)).toEqual(['Phạm Thị Dung']);
    expect(r.nominations.find((n) => n.award === CSTD_NGANH)!.basis.join(' | ')).toContain(
      'Thông tư 01/2019/TT-VKSTC, Điều 16, khoản 1',
    );
  });

  it('blocked with each missing condition', () => {
    const p = veteran([[2021, 'Chiến sĩ thi đua cơ sở']], 'cơ sở');
    const r = run(2022, [p], vote(8));
    const reasons = r.blocked.find((b) => b.award === CSTD_NGANH)!.reasons;
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toContain('thiếu năm 2020');
    expect(reasons[1]).toContain('Không có sáng kiến cấp Ngành');
    expect(reasons[2]).toContain('8/10 phiếu đồng ý (80%), dưới 90%');
  });
});

describe('Kỷ niệm chương "Vì sự nghiệp Kiểm sát"', () => {
  it('15 continuous years by the day of the year, once only', () => {
    const r = run(
      2024,
      [
        { name: 'Đủ', unit: UNITS[0]!, serviceStart: '2009-07-26' },
        { name: 'Thiếu một ngày', unit: UNITS[0]!, serviceStart: '2009-07-27' },
        {
          name: 'Đã có',
          unit: UNITS[1]!,
          serviceStart: '1995-01-01',
          titles: [{ year: 2012, title: 'Kỷ niệm chương “Vì sự nghiệp Kiểm sát”' }],
        },
        { name: 'Ghi nhận', unit: UNITS[1]!, serviceStart: '1998-01-01' },
      ],
      {
        awards: [
          {
            form: 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"',
            kind: 'individual',
            recipient: 'Ghi nhận',
            year: 2015,
          },
        ],
      },
    );
    expect(of(r.nominations, MEDAL)).toEqual(['Đủ']);
    expect(of(r.blocked, MEDAL)).toEqual(['Đã có', 'Ghi nhận']);
    expect(r.blocked.find((b) => b.candidate === 'Đã có' && b.award === MEDAL)!.reasons[0]).toMatch(
      /Đã được tặng \(2012\); chỉ tặng một lần \(Thông tư 02\/2024\/TT-VKSTC, Điều 21\)/,
    );
    expect(r.nominations.find((n) => n.award === MEDAL)!.basis[0]).toContain('15 năm đến 26/07/2024');
    expect(r.ruleValues.map((v) => v.key)).toContain('procuracyMedal.serviceCountedTo');
  });
});
