/**
 * A rule set in words, for `thidua rules` and the task pane: every value with its quote, source and standing,
 * the award forms, and what differs from the previous set. Pure data in, plain data out (one language).
 */
import { formatCitation, formatCitations } from './citation';
import { RULE_SETS, ruleSetFor } from './rulesets';
import { AWARD_FORMS } from './rulesets/forms';
import type { GeneralRule, ParamValue, RuleParam, RuleSet, Standing } from './rulesets/types';

export const RULES_FORMAT = 'thidua/rules@1';

type Lang = 'vi' | 'en';

export interface RuleValueDescription {
  /** "<rule>.<param>", the key a document's `ruleOverrides` uses. */
  key: string;
  value: ParamValue;
  standing: Standing;
  quote?: string;
  /** The article the value is from (formatted citation). */
  source?: string;
  /** Where the copy of the text was read. */
  foundIn?: string;
  note?: string;
}

export interface RuleDescription {
  id: string;
  /** The award's name; absent for the general rules (principles, tie preference). */
  award?: string;
  basis: string;
  requires?: string[];
  requiresWhy?: string;
  values: RuleValueDescription[];
}

export interface RuleChange {
  key: string;
  before?: ParamValue;
  after?: ParamValue;
  standingBefore?: Standing;
  standingAfter?: Standing;
}

export interface RuleSetDescription {
  format: typeof RULES_FORMAT;
  id: string;
  title: string;
  validFrom: string;
  validTo?: string;
  documents: string[];
  notes: string[];
  rules: RuleDescription[];
  forms: { name: string; authority: string; authorityStanding: Standing; proposed: boolean; rule?: string }[];
  /** The set in force before this one, and what differs from it. */
  previous?: string;
  changes: RuleChange[];
}

function generalRules(set: RuleSet): GeneralRule[] {
  return [set.principles, ...(set.tiePreference ? [set.tiePreference] : [])];
}

function valuesOf(set: RuleSet): Map<string, RuleParam> {
  const out = new Map<string, RuleParam>();
  for (const rule of [...Object.values(set.rules), ...generalRules(set)])
    for (const [name, p] of Object.entries(rule.params)) out.set(`${rule.id}.${name}`, p);
  return out;
}

function describeValue(key: string, p: RuleParam, lang: Lang): RuleValueDescription {
  const out: RuleValueDescription = { key, value: p.value, standing: p.standing };
  if (p.quote) out.quote = p.quote;
  if (p.cites) out.source = formatCitation(p.cites)[lang];
  if (p.foundIn) out.foundIn = p.foundIn;
  if (p.note) out.note = p.note[lang];
  return out;
}

/** What differs between two sets: values and standings, keys added or gone. */
export function diffRuleSets(before: RuleSet, after: RuleSet): RuleChange[] {
  const a = valuesOf(before);
  const b = valuesOf(after);
  const changes: RuleChange[] = [];
  for (const [key, p] of b) {
    const q = a.get(key);
    if (!q) changes.push({ key, after: p.value, standingAfter: p.standing });
    else if (JSON.stringify(q.value) !== JSON.stringify(p.value) || q.standing !== p.standing)
      changes.push({
        key,
        before: q.value,
        after: p.value,
        standingBefore: q.standing,
        standingAfter: p.standing,
      });
  }
  for (const [key, q] of a)
    if (!b.has(key)) changes.push({ key, before: q.value, standingBefore: q.standing });
  return changes;
}

export function describeRuleSet(set: RuleSet, lang: Lang = 'vi'): RuleSetDescription {
  const rules: RuleDescription[] = [
    ...Object.values(set.rules).map((rule) => {
      const d: RuleDescription = {
        id: rule.id,
        award: lang === 'en' ? rule.awardEn : rule.award,
        basis: formatCitations(rule.basis)[lang],
        values: Object.entries(rule.params).map(([n, p]) => describeValue(`${rule.id}.${n}`, p, lang)),
      };
      if (rule.requires) d.requires = rule.requires;
      if (rule.requiresWhy) d.requiresWhy = rule.requiresWhy[lang];
      return d;
    }),
    ...generalRules(set).map((rule) => ({
      id: rule.id,
      basis: formatCitations(rule.basis)[lang],
      values: Object.entries(rule.params).map(([n, p]) => describeValue(`${rule.id}.${n}`, p, lang)),
    })),
  ];
  const index = RULE_SETS.findIndex((r) => r.id === set.id);
  const previous = index > 0 ? RULE_SETS[index - 1] : undefined;
  const out: RuleSetDescription = {
    format: RULES_FORMAT,
    id: set.id,
    title: set.title[lang],
    validFrom: set.validFrom,
    documents: set.documents.map((c) => c.document),
    notes: (set.notes ?? []).map((n) => n[lang]),
    rules,
    forms: AWARD_FORMS.map((f) => {
      const form: RuleSetDescription['forms'][number] = {
        name: lang === 'en' ? f.nameEn : f.name,
        authority: f.authority[lang],
        authorityStanding: f.authorityStanding,
        proposed: f.rule !== undefined,
      };
      if (f.rule) form.rule = f.rule;
      return form;
    }),
    changes: previous ? diffRuleSets(previous, set) : [],
  };
  if (set.validTo) out.validTo = set.validTo;
  if (previous) out.previous = previous.id;
  return out;
}

/** The description of the set in force on a date (YYYY-MM-DD), or undefined before the first one. */
export function describeRulesOn(date: string, lang: Lang = 'vi'): RuleSetDescription | undefined {
  const set = ruleSetFor(date);
  return set ? describeRuleSet(set, lang) : undefined;
}
