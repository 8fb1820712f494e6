/** The dated rule sets, oldest first, and how one is chosen for a date or a document. */
import type { RuleSet } from './types';
import { vn2019Tt01 } from './vn-2019-tt01';
import { vn2024Tt01Nd98 } from './vn-2024-tt01-nd98';
import { vn2024Tt02Nd98 } from './vn-2024-tt02-nd98';
import { vn2025Tt02Nd152 } from './vn-2025-tt02-nd152';

export type {
  AwardRule,
  AwardRuleId,
  ParamValue,
  RuleId,
  RuleParam,
  RuleSet,
  TiePreferenceRule,
  Evidence,
  GeneralRule,
  GeneralRuleId,
  PrinciplesRule,
  Standing,
} from './types';
export { AWARD_ALIASES, AWARD_NAMES } from './awards';

export const RULE_SETS: readonly RuleSet[] = [vn2019Tt01, vn2024Tt01Nd98, vn2024Tt02Nd98, vn2025Tt02Nd152];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isoOf(date: string | Date): string {
  if (typeof date === 'string') {
    if (!ISO_DATE.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
    return date;
  }
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The rule set in force on a date (ISO strings compare as dates), or undefined before the first one. */
export function ruleSetFor(date: string | Date): RuleSet | undefined {
  const iso = isoOf(date);
  return RULE_SETS.find((r) => r.validFrom <= iso && (r.validTo === undefined || iso <= r.validTo));
}

export function ruleSetById(id: string): RuleSet | undefined {
  return RULE_SETS.find((r) => r.id === id.trim());
}

/** The default for an emulation year: the rule set in force on 31 December of that year. */
export function ruleSetForYear(year: number): RuleSet | undefined {
  return ruleSetFor(`${String(year).padStart(4, '0')}-12-31`);
}
