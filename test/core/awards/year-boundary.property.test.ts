/**
 * Property: moving the same facts across a rule boundary changes only what the rules say. The same cluster
 * and people, shifted from year Y to Y+1 (dates and years moved with it), give exactly the same proposals once
 * the values that differ between the two rule sets are overridden back to the earlier ones; and without the
 * overrides, an award whose rule (and the rules it builds on) did not change gives the same outcome.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AwardRuleId,
  type ClusterDocument,
  nominateAwards,
  type NominationReport,
  type ParamValue,
  type Person,
  type ResultDocument,
  type RuleSet,
  ruleSetForYear,
} from '../../../core';
import { docOf, indicators, resultOf, TIERS, unitResult } from './helpers';

const TIER_LIST = [TIERS.excellent, TIERS.excellent, TIERS.good, TIERS.done, TIERS.failed];

const unitArb = fc.record({
  score: fc.integer({ min: 0, max: 5 }),
  tier: fc.integer({ min: 0, max: 4 }),
  arising: fc.integer({ min: 0, max: 6 }),
  missed: fc.integer({ min: 0, max: 2 }),
  exceedable: fc.integer({ min: 0, max: 4 }),
  short: fc.integer({ min: 0, max: 2 }),
  sectorVote: fc.option(fc.integer({ min: 0, max: 5 })),
  govVote: fc.option(fc.integer({ min: 0, max: 5 })),
  women: fc.integer({ min: 0, max: 10 }),
});

const personArb = fc.record({
  // Few units, so people share units and meet at the per-unit cap.
  unit: fc.integer({ min: 0, max: 2 }),
  monthsBefore: fc.integer({ min: -2, max: 250 }),
  day: fc.integer({ min: 1, max: 28 }),
  // Mostly nobody is disciplined (fc.option would give a form five times in six).
  discipline: fc.constantFrom(null, null, null, null, 'Khiển trách', 'Cảnh cáo'),
  initiative: fc.constantFrom(null, 'cơ sở', 'cơ sở', 'ngành'),
  pastTitles: fc.integer({ min: 0, max: 2 }),
  woman: fc.boolean(),
  sectorSoldierVote: fc.option(fc.integer({ min: 0, max: 10 })),
  baseVote: fc.option(fc.integer({ min: 0, max: 3 })),
  medalYear: fc.option(fc.integer({ min: 1, max: 10 })),
});

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

interface Case {
  units: Of<typeof unitArb>[];
  people: Of<typeof personArb>[];
}

function build(c: Case, year: number): { doc: ClusterDocument; result: ResultDocument } {
  const names = c.units.map((_, i) => `Đơn vị ${i + 1}`);
  const scored = c.units.map((u, i) => ({ u, name: names[i]! })).sort((a, b) => b.u.score - a.u.score);
  const units = scored.map(({ u, name }) => {
    const rank = 1 + scored.filter((x) => x.u.score > u.score).length;
    const met = Math.max(0, u.arising - u.missed);
    const exceedable = Math.min(u.exceedable, u.arising);
    return unitResult(
      name,
      rank,
      TIER_LIST[u.tier]!,
      indicators(u.arising, met, exceedable, Math.max(0, exceedable - u.short)),
    );
  });
  const votes = c.units.flatMap((u, i) => [
    ...(u.sectorVote !== null
      ? [{ award: 'Cờ thi đua của ngành KSND', candidate: names[i]!, yes: u.sectorVote, voters: 5 }]
      : []),
    ...(u.govVote !== null
      ? [{ award: 'Cờ thi đua của Chính phủ', candidate: names[i]!, yes: u.govVote, voters: 5 }]
      : []),
  ]);
  const people: Person[] = c.people.map((p, i) => {
    const at = new Date(Date.UTC(year, 11 - (p.monthsBefore % 12), p.day));
    at.setUTCFullYear(at.getUTCFullYear() - Math.floor(p.monthsBefore / 12));
    const person: Person = {
      name: `Người ${i + 1}`,
      unit: names[p.unit % names.length]!,
      recruited: at.toISOString().slice(0, 10),
      gender: p.woman ? 'Nữ' : 'Nam',
      titles: Array.from({ length: p.pastTitles }, (_, k) => ({
        year: year - 1 - k,
        title: 'Chiến sĩ thi đua cơ sở',
      })),
      initiatives: p.initiative ? [{ year, level: p.initiative }] : [],
      discipline: p.discipline ? [{ year, form: p.discipline }] : [],
    };
    if (p.medalYear !== null)
      person.titles!.push({ year: year - p.medalYear, title: 'Kỷ niệm chương Vì sự nghiệp Kiểm sát' });
    if (p.baseVote !== null)
      votes.push({ award: 'Chiến sỹ thi đua cơ sở', candidate: person.name, yes: p.baseVote, voters: 3 });
    if (p.sectorSoldierVote !== null)
      votes.push({
        award: 'Chiến sĩ thi đua ngành KSND',
        candidate: person.name,
        yes: p.sectorSoldierVote,
        voters: 10,
      });
    return person;
  });
  const unitProfiles = c.units.map((u, i) => ({
    unit: names[i]!,
    staff: 10,
    women: u.women,
    advancedWorkers: 7,
  }));
  return { doc: docOf(year, names, { votes, people, unitProfiles }), result: resultOf(year, units) };
}

/** "<rule>.<param>" → the earlier value, for every value that differs between the two rule sets. */
function differences(earlier: RuleSet, later: RuleSet): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [id, rule] of Object.entries(later.rules)) {
    const before = earlier.rules[id as AwardRuleId].params;
    for (const [name, p] of Object.entries(rule.params)) {
      const b = before[name];
      if (b && JSON.stringify(b.value) !== JSON.stringify(p.value)) out[`${id}.${name}`] = b.value;
    }
  }
  for (const [name, p] of Object.entries(later.principles.params)) {
    const b = earlier.principles.params[name];
    if (b && JSON.stringify(b.value) !== JSON.stringify(p.value)) out[`principles.${name}`] = b.value;
  }
  if (later.tiePreference && !earlier.tiePreference) out['tiePreference.preferWomen'] = false;
  return out;
}

/** Rules whose values differ, and every rule building on them (the excellent quota moves the flags). */
function affected(earlier: RuleSet, later: RuleSet): Set<AwardRuleId> {
  const out = new Set<AwardRuleId>();
  for (const key of Object.keys(differences(earlier, later))) {
    const id = key.split('.')[0]!;
    if (id === 'tiePreference') {
      for (const r of [
        'excellentCollective',
        'governmentFlag',
        'sectorFlag',
        'baseEmulationSoldier',
      ] as const)
        out.add(r);
    } else if (id !== 'principles') out.add(id as AwardRuleId);
  }
  // Params that exist only in the later set (e.g. TT 02/2024's exceeded share) change their rule too.
  for (const [id, rule] of Object.entries(later.rules))
    for (const name of Object.keys(rule.params))
      if (!(name in earlier.rules[id as AwardRuleId].params)) out.add(id as AwardRuleId);
  let grew = true;
  while (grew) {
    grew = false;
    for (const rule of Object.values(later.rules))
      if (!out.has(rule.id) && rule.requires?.some((r) => out.has(r))) {
        out.add(rule.id);
        grew = true;
      }
  }
  return out;
}

const outcome = (r: NominationReport, keep: (rule: AwardRuleId) => boolean = () => true) => ({
  nominated: r.nominations.filter((n) => keep(n.rule)).map((n) => `${n.rule}|${n.candidate}`),
  blocked: r.blocked.filter((b) => keep(b.rule)).map((b) => `${b.rule}|${b.candidate}`),
  quotas: r.quotas
    .filter((q) => keep(q.rule))
    .map((q) => `${q.rule}|${q.scope ?? ''}|${q.limit}|${q.base}|${q.proposed}`),
});

const caseArb = fc.record({
  units: fc.array(unitArb, { minLength: 2, maxLength: 8 }),
  people: fc.array(personArb, { maxLength: 8 }),
});

describe.each([
  [2023, 2024],
  [2024, 2025],
])('moving the facts from %i to %i', (y0, y1) => {
  const earlier = ruleSetForYear(y0)!;
  const later = ruleSetForYear(y1)!;

  // 2024 → 2025: Nghị định 152/2025 keeps the values of 98/2023 (the council vote carried, unconfirmed), so
  // the two sets differ in their basis and standing only, and the same facts must give the same proposals.
  const valuesDiffer = y0 === 2023;

  it('the rule sets differ (otherwise the property says nothing)', () => {
    expect(earlier.id).not.toBe(later.id);
    expect(Object.keys(differences(earlier, later)).length > 0).toBe(valuesDiffer);
    expect(JSON.stringify(earlier.rules)).not.toBe(JSON.stringify(later.rules));
  });

  it('with the differing values overridden back, every proposal is the same', () => {
    let changedWithoutOverrides = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const before = build(c, y0);
        const after = build(c, y1);
        const a = nominateAwards(before.doc, before.result);
        if (JSON.stringify(outcome(nominateAwards(after.doc, after.result))) !== JSON.stringify(outcome(a)))
          changedWithoutOverrides++;
        after.doc.ruleOverrides = differences(earlier, later);
        const b = nominateAwards(after.doc, after.result);
        expect(a.ruleSet).toBe(earlier.id);
        expect(b.ruleSet).toBe(later.id);
        expect(outcome(b)).toEqual(outcome(a));
      }),
      { numRuns: 150, seed: 20240101 },
    );
    // The rules do change something on these cases, so the equality above is not vacuous.
    if (valuesDiffer) expect(changedWithoutOverrides).toBeGreaterThan(0);
    else expect(changedWithoutOverrides).toBe(0);
  });

  it('without overrides, awards whose rules did not change keep their outcome', () => {
    const moved = affected(earlier, later);
    const keep = (id: AwardRuleId) => !moved.has(id);
    fc.assert(
      fc.property(caseArb, (c) => {
        const before = build(c, y0);
        const after = build(c, y1);
        expect(outcome(nominateAwards(after.doc, after.result), keep)).toEqual(
          outcome(nominateAwards(before.doc, before.result), keep),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: caps hold and follow rank order on whole clusters', () => {
  it('the excellent collectives proposed never exceed the limit, and none ranks below a blocked one', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(2023, 2024, 2025), (c, year) => {
        const { doc, result } = build(c, year);
        const r = nominateAwards(doc, result);
        for (const q of r.quotas) expect(q.proposed).toBeLessThanOrEqual(q.limit);
        const rankOf = new Map(result.units.map((u) => [u.unit, u.rank]));
        const proposed = r.nominations
          .filter((n) => n.rule === 'excellentCollective')
          .map((n) => rankOf.get(n.candidate)!);
        const overCap = r.blocked
          .filter((b) => b.rule === 'excellentCollective' && /giới hạn/i.test(b.reasons.join(' ')))
          .map((b) => rankOf.get(b.candidate)!);
        if (overCap.length) expect(Math.max(...proposed, 0)).toBeLessThanOrEqual(Math.min(...overCap));
        const counted = r.quotas.find((q) => q.rule === 'excellentCollective');
        if (counted) expect(counted.proposed).toBe(proposed.length);
      }),
      { numRuns: 200 },
    );
  });
});
