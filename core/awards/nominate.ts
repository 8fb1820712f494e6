/**
 * The cluster's proposals under the dated rule set: which rule set applies, what it proposes (with the legal
 * basis of each), how much of each cap is used, who is blocked and why, and which values were unconfirmed or
 * overridden. Pure: the document and its computed result in, the report out.
 */
import type { ClusterDocument, ResultDocument } from '../model/types';
import { type Issue, makeIssue } from '../issues/issue';
import { nominateCollectives } from './collective';
import type { AwardContext } from './draft';
import { readAwardRecords, readUnitProfiles } from './extensions';
import type { AwardHistoryInput } from './history';
import { nominateIndividuals } from './individual';
import { RuleBook, type RuleValueUse } from './params';
import { ruleSetById, ruleSetForYear, RULE_SETS } from './rulesets';
import type { AwardRuleId, ParamValue, RuleSet, Standing } from './rulesets/types';
import { tallyVotes } from './votes';

export const NOMINATIONS_FORMAT = 'thidua/nominations@1';

export type AwardLang = 'vi' | 'en';

export interface AwardNomination {
  award: string;
  candidate: string;
  kind: 'collective' | 'individual';
  /** The candidate's unit (for a collective, itself). */
  unit?: string;
  rank?: number;
  rule: AwardRuleId;
  basis: string[];
}

export interface AwardQuota {
  award: string;
  rule: AwardRuleId;
  /** The unit a per-unit cap applies to. */
  scope?: string;
  limit: number;
  /** How many qualified for the base of the cap. */
  base: number;
  proposed: number;
  basis: string;
}

export interface AwardBlocked {
  award: string;
  candidate: string;
  kind: 'collective' | 'individual';
  unit?: string;
  rule: AwardRuleId;
  reasons: string[];
}

export interface RuleValueReport {
  key: string;
  value: ParamValue;
  confirmed: boolean;
  /** confirmed / secondary / unconfirmed: how far the rule set's value was checked (docs/awards.md). */
  standing: Standing;
  overridden: boolean;
  defaultValue?: ParamValue;
  note?: string;
}

export interface NominationReport {
  format: typeof NOMINATIONS_FORMAT;
  /** Id of the rule set applied; absent when none applies to the year. */
  ruleSet?: string;
  ruleSetTitle?: string;
  year: number;
  /** The day service and leave are counted to (the rule set's or the document's `principles.referenceDate`). */
  referenceDate?: string;
  nominations: AwardNomination[];
  quotas: AwardQuota[];
  blocked: AwardBlocked[];
  /** Every value used that is unconfirmed in the legal texts or overridden by the document. */
  ruleValues: RuleValueReport[];
  issues: Issue[];
}

export interface NominateOptions {
  lang?: AwardLang;
  /** Forces a rule set (by id), over the document's `ruleSet` and the default for its year. */
  ruleSet?: string;
  /** Earlier years' titles and decisions per person (core/years buildAwardHistory). */
  history?: AwardHistoryInput;
}

/** The rule set for a document: an explicit id, else the document's `ruleSet`, else the one in force on 31 December. */
export function resolveRuleSet(
  doc: ClusterDocument,
  issues: Issue[],
  explicit?: string,
): RuleSet | undefined {
  const id = explicit ?? doc.ruleSet;
  if (id !== undefined) {
    const found = ruleSetById(id);
    if (!found)
      issues.push(
        makeIssue(
          'error',
          'rules.ruleSet.unknown',
          {
            vi: `Bộ quy tắc "${id}" không có; các bộ hiện có: ${RULE_SETS.map((r) => r.id).join(', ')}.`,
            en: `Unknown rule set "${id}"; available: ${RULE_SETS.map((r) => r.id).join(', ')}.`,
          },
          { path: 'ruleSet' },
        ),
      );
    return found;
  }
  const found = ruleSetForYear(doc.year);
  if (!found)
    issues.push(
      makeIssue(
        'error',
        'rules.ruleSet.none',
        {
          vi: `Không có bộ quy tắc khen thưởng nào có hiệu lực ngày 31/12/${doc.year} (bộ sớm nhất từ ${RULE_SETS[0]!.validFrom}).`,
          en: `No award rule set in force on ${doc.year}-12-31 (the earliest starts ${RULE_SETS[0]!.validFrom}).`,
        },
        { path: 'year' },
      ),
    );
  return found;
}

const ORDER: AwardRuleId[] = [
  'advancedCollective',
  'excellentCollective',
  'governmentFlag',
  'sectorFlag',
  'advancedWorker',
  'baseEmulationSoldier',
  'sectorEmulationSoldier',
  'procuracyMedal',
];

export function nominateAwards(
  doc: ClusterDocument,
  result: ResultDocument,
  options: NominateOptions = {},
): NominationReport {
  const lang = options.lang ?? 'vi';
  const issues: Issue[] = [];
  const report: NominationReport = {
    format: NOMINATIONS_FORMAT,
    year: doc.year,
    nominations: [],
    quotas: [],
    blocked: [],
    ruleValues: [],
    issues,
  };
  const ruleSet = resolveRuleSet(doc, issues, options.ruleSet);
  if (!ruleSet) return report;
  report.ruleSet = ruleSet.id;
  report.ruleSetTitle = ruleSet.title[lang];
  const book = new RuleBook(ruleSet, doc.ruleOverrides, issues);
  const ctx: AwardContext = {
    doc,
    result,
    book,
    issues,
    votes: tallyVotes(doc.votes ?? []),
    profiles: readUnitProfiles(doc, issues),
    records: readAwardRecords(doc, issues),
    nominations: [],
    blocked: [],
    quotas: [],
  };
  if (doc.kind === 'campaign') {
    // A short-term campaign gives its own certificates by its own rules: no annual title is proposed.
    issues.push(
      makeIssue('info', 'awards.campaign', {
        vi: 'Đợt thi đua ngắn hạn (kind "campaign"): không xét danh hiệu thi đua năm, cờ thi đua hay cụm trưởng; khen thưởng của đợt theo quy định riêng của đợt.',
        en: 'A short-term campaign (kind "campaign"): no annual titles, flags or next leader are proposed; the campaign awards by its own rules.',
      }),
    );
    return report;
  }
  if (options.history) ctx.history = options.history;
  report.referenceDate = book.referenceDate(doc.year);
  // People first: a collective's share of Advanced Workers may be counted from its people's outcome.
  nominateIndividuals(ctx);
  nominateCollectives(ctx);

  const rank = (id: AwardRuleId) => ORDER.indexOf(id);
  const award = (id: AwardRuleId) => (lang === 'en' ? book.rule(id).awardEn : book.rule(id).award);
  report.nominations = ctx.nominations
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n.ruleId) - rank(b.n.ruleId) || a.i - b.i)
    .map(({ n }) => {
      const out: AwardNomination = {
        award: award(n.ruleId),
        candidate: n.candidate,
        kind: n.kind,
        rule: n.ruleId,
        basis: n.basis.map((b) => b[lang]),
      };
      if (n.unit !== undefined) out.unit = n.unit;
      if (n.rank !== undefined) out.rank = n.rank;
      return out;
    });
  report.blocked = ctx.blocked
    .map((b, i) => ({ b, i }))
    .sort((a, b) => rank(a.b.ruleId) - rank(b.b.ruleId) || a.i - b.i)
    .map(({ b }) => {
      const out: AwardBlocked = {
        award: award(b.ruleId),
        candidate: b.candidate,
        kind: b.kind,
        rule: b.ruleId,
        reasons: b.reasons.map((r) => r[lang]),
      };
      if (b.unit !== undefined) out.unit = b.unit;
      return out;
    });
  // Only caps in force appear as quotas; "no cap" is said in the basis of each nomination instead.
  report.quotas = ctx.quotas.flatMap((q) => {
    if (q.limit === null) return [];
    const out: AwardQuota = {
      award: award(q.ruleId),
      rule: q.ruleId,
      limit: q.limit,
      base: q.base,
      proposed: q.proposed,
      basis: q.basis.map((b) => b[lang]).join('; '),
    };
    if (q.scope !== undefined) out.scope = q.scope;
    return [out];
  });
  report.ruleValues = book.used().map((u: RuleValueUse) => {
    const out: RuleValueReport = {
      key: u.key,
      value: u.value,
      confirmed: u.confirmed,
      standing: u.standing,
      overridden: u.overridden,
    };
    if (u.defaultValue !== undefined) out.defaultValue = u.defaultValue;
    if (u.note) out.note = u.note[lang];
    return out;
  });
  return report;
}
