import { describe, expect, it } from 'vitest';
import { RULE_SETS, ruleSetById, ruleSetFor, ruleSetForYear } from '../../../core';

describe('ruleSetFor: the rule set in force on a date', () => {
  it.each([
    ['2019-06-27', undefined],
    ['2019-06-28', 'vn-2019-tt01'],
    ['2023-12-31', 'vn-2019-tt01'],
    ['2024-01-01', 'vn-2024-tt01-nd98'],
    ['2024-09-30', 'vn-2024-tt01-nd98'],
    ['2024-10-01', 'vn-2024-tt02-nd98'],
    ['2025-06-30', 'vn-2024-tt02-nd98'],
    ['2025-07-01', 'vn-2025-tt02-nd152'],
    ['2031-01-01', 'vn-2025-tt02-nd152'],
  ])('%s → %s', (date, id) => {
    expect(ruleSetFor(date)?.id).toBe(id);
  });

  it('accepts a Date', () => {
    expect(ruleSetFor(new Date(2024, 9, 1))?.id).toBe('vn-2024-tt02-nd98');
  });

  it('rejects a malformed date string', () => {
    expect(() => ruleSetFor('2024-1-1')).toThrow(RangeError);
  });

  it('defaults a year to 31 December: 2023 is TT 01/2019, 2024 is TT 02/2024', () => {
    expect(ruleSetForYear(2023)?.id).toBe('vn-2019-tt01');
    expect(ruleSetForYear(2024)?.id).toBe('vn-2024-tt02-nd98');
    expect(ruleSetForYear(2025)?.id).toBe('vn-2025-tt02-nd152');
    expect(ruleSetForYear(2018)).toBeUndefined();
  });

  it('periods are contiguous and do not overlap', () => {
    for (let i = 1; i < RULE_SETS.length; i++) {
      const prev = RULE_SETS[i - 1]!;
      const next = new Date(`${prev.validTo}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(RULE_SETS[i]!.validFrom).toBe(next.toISOString().slice(0, 10));
    }
    expect(RULE_SETS.at(-1)!.validTo).toBeUndefined();
  });

  it('finds a rule set by id', () => {
    expect(ruleSetById(' vn-2019-tt01 ')?.validFrom).toBe('2019-06-28');
    expect(ruleSetById('vn-1999')).toBeUndefined();
  });
});

/** What Luật 06/2022 and Nghị định 98/2023 change from 2024-01-01 while TT 01/2019 stays (issue 11). */
const CHANGED_2024 = [
  'sectorFlag.voteBody',
  'sectorFlag.voteBase',
  'governmentFlag.requiresSectorFlagConditions',
  'governmentFlag.voteBody',
  'governmentFlag.voteBase',
  'governmentFlag.capPercent',
  'baseEmulationSoldier.excellentRatingQualifies',
  'baseEmulationSoldier.capPercent',
  'baseEmulationSoldier.votePercent',
  'baseEmulationSoldier.voteBody',
  'baseEmulationSoldier.voteBase',
  'sectorEmulationSoldier.voteBase',
];

describe('rule sets as data', () => {
  it('every award has a legal basis naming a document', () => {
    for (const set of RULE_SETS)
      for (const rule of Object.values(set.rules)) {
        expect(rule.basis.length, `${set.id}.${rule.id}`).toBeGreaterThan(0);
        for (const c of rule.basis) expect(c.document).toMatch(/^(Luật|Nghị định|Thông tư) /);
      }
  });

  it('an article is cited only when verified', () => {
    for (const set of RULE_SETS)
      for (const rule of Object.values(set.rules))
        for (const c of [...rule.basis, ...(rule.quotaBasis ?? [])])
          expect(c.verified).toBe(c.article !== undefined);
  });

  it('the excellent-collective cap is TT 02/2024, Điều 18: 20%, at least 1; none under TT 01/2019', () => {
    const tt02 = ruleSetById('vn-2024-tt02-nd98')!.rules.excellentCollective;
    expect(tt02.params.quotaPercent).toMatchObject({ value: 20, confirmed: true });
    expect(tt02.params.quotaMinimum).toMatchObject({ value: 1, confirmed: true });
    expect(tt02.quotaBasis).toEqual([
      { document: 'Thông tư 02/2024/TT-VKSTC', article: 'Điều 18', clause: 'khoản 2', verified: true },
    ]);
    expect(ruleSetById('vn-2019-tt01')!.rules.excellentCollective.params.quotaPercent!.value).toBeNull();
    expect(ruleSetById('vn-2024-tt01-nd98')!.rules.excellentCollective.params.quotaPercent!.value).toBeNull();
  });

  it('gives each value its standing; nothing is confirmed without the quote of the text', () => {
    for (const set of RULE_SETS) {
      const general = [set.principles, ...(set.tiePreference ? [set.tiePreference] : [])];
      for (const rule of [...Object.values(set.rules), ...general])
        for (const [name, p] of Object.entries(rule.params)) {
          const key = `${set.id}.${rule.id}.${name}`;
          expect(['confirmed', 'secondary', 'unconfirmed'], key).toContain(p.standing);
          expect(p.confirmed, key).toBe(p.standing !== 'unconfirmed');
          if (p.standing === 'confirmed') expect(p.quote, key).toBeTruthy();
          if (p.standing === 'secondary') expect(p.foundIn, key).toBeTruthy();
          if (p.standing === 'unconfirmed') expect(p.note, key).toBeDefined();
        }
    }
  });

  it('flags what the texts leave unconfirmed (issue 11, DOMAIN.md)', () => {
    const y2019 = ruleSetById('vn-2019-tt01')!.rules;
    const y2024 = ruleSetById('vn-2024-tt02-nd98')!.rules;
    const y2025 = ruleSetById('vn-2025-tt02-nd152')!.rules;
    expect(y2019.sectorFlag.params.votePercent).toMatchObject({ value: 80, standing: 'secondary' });
    expect(y2019.sectorFlag.params.voteBody!.value).toBe('cluster');
    expect(y2019.sectorFlag.params.votePercent!.quote).toContain('các thành viên trong cụm, khối thi đua');
    expect(y2024.sectorFlag.params.votePercent).toMatchObject({ value: 80, standing: 'secondary' });
    expect(y2024.sectorFlag.params.voteBase!.value).toBe('members');
    expect(y2024.sectorFlag.params.votePercent!.quote).toContain('tính trên tổng số thành viên của Hội đồng');
    expect(y2025.sectorFlag.params.votePercent).toMatchObject({ value: 80, standing: 'unconfirmed' });
    expect(y2019.governmentFlag.params.capPercent).toMatchObject({ value: 20, standing: 'secondary' });
    expect(y2024.governmentFlag.params.capPercent).toMatchObject({ value: null, standing: 'unconfirmed' });
    expect(y2019.baseEmulationSoldier.params.capPercent!.value).toBe(15);
    expect(y2024.baseEmulationSoldier.params.capPercent).toMatchObject({
      value: null,
      standing: 'secondary',
    });
    expect(y2024.baseEmulationSoldier.params.capPercent!.quote).toBe('không bị khống chế');
  });

  it('from 2024 no award requires a lower one unless the text makes it its own standard', () => {
    for (const set of RULE_SETS.filter((r) => r.validFrom >= '2024-01-01')) {
      expect(set.principles.params.lowerAwardNotPrecondition!.value, set.id).toBe(true);
      expect(set.rules.governmentFlag.requires, set.id).toBeUndefined();
      expect(set.rules.governmentFlag.params.requiresSectorFlagConditions!.value, set.id).toBe(false);
      for (const rule of Object.values(set.rules))
        if (rule.requires) expect(rule.requiresWhy, `${set.id}.${rule.id}`).toBeDefined();
    }
    expect(ruleSetById('vn-2019-tt01')!.rules.governmentFlag.requires).toEqual([
      'sectorFlag',
      'excellentCollective',
    ]);
  });

  it('recruitment months: 10 under TT 01/2019, 6 under TT 02/2024', () => {
    expect(ruleSetForYear(2023)!.rules.advancedWorker.params.minMonthsSinceRecruitment!.value).toBe(10);
    expect(ruleSetFor('2024-05-01')!.rules.advancedWorker.params.minMonthsSinceRecruitment!.value).toBe(10);
    expect(ruleSetForYear(2024)!.rules.advancedWorker.params.minMonthsSinceRecruitment!.value).toBe(6);
  });

  it('the tie preference for women is in Nghị định 98/2023 and 152/2025, Điều 4: from 2024-01-01', () => {
    expect(RULE_SETS.filter((r) => r.tiePreference).map((r) => r.id)).toEqual([
      'vn-2024-tt01-nd98',
      'vn-2024-tt02-nd98',
      'vn-2025-tt02-nd152',
    ]);
    expect(ruleSetById('vn-2025-tt02-nd152')!.tiePreference!.params.collectiveWomenPercent!.value).toBe(70);
    expect(ruleSetById('vn-2024-tt01-nd98')!.tiePreference!.basis[0]).toMatchObject({
      document: 'Nghị định 98/2023/NĐ-CP',
      article: 'Điều 4',
    });
    expect(ruleSetById('vn-2025-tt02-nd152')!.tiePreference!.basis[0]).toMatchObject({
      document: 'Nghị định 152/2025/NĐ-CP',
      article: 'Điều 4',
    });
  });

  it('2024 under TT 01/2019: the sector values of 2019, the national basis of Law 2022 and Decree 98/2023', () => {
    const y2019 = ruleSetById('vn-2019-tt01')!;
    const y2024 = ruleSetById('vn-2024-tt01-nd98')!;
    const documents = (rule: { basis: { document: string }[] }) => rule.basis.map((c) => c.document);
    for (const id of Object.keys(y2019.rules) as (keyof typeof y2019.rules)[]) {
      const before = y2019.rules[id];
      const after = y2024.rules[id];
      // Same award, same values, except what the law and decree of 2024 changed.
      expect(after.award).toBe(before.award);
      for (const [name, p] of Object.entries(after.params))
        if (!CHANGED_2024.includes(`${id}.${name}`))
          expect(p.value, `${id}.${name}`).toEqual(before.params[name]!.value);
      expect(documents(after).join(' '), id).not.toMatch(/2003|91\/2017/);
    }
    expect(documents(y2024.rules.governmentFlag)).toEqual([
      'Luật Thi đua, khen thưởng 06/2022/QH15',
      'Nghị định 98/2023/NĐ-CP',
    ]);
    expect(y2024.rules.sectorFlag.basis[0]).toEqual(y2019.rules.sectorFlag.basis[0]);
    expect(y2024.rules.advancedWorker.params.minMonthsSinceRecruitment!.value).toBe(10);
  });
});
