/** What the award engines write while they work (bilingual), before the report is rendered in one language. */
import type { ClusterDocument, ResultDocument } from '../model/types';
import type { Bilingual, Issue } from '../issues/issue';
import { matchKey } from '../text/key';
import type { AwardRecord, UnitProfile } from './extensions';
import type { AwardHistoryInput } from './history';
import type { RuleBook } from './params';
import { AWARD_ALIASES, AWARD_NAMES } from './rulesets/awards';
import type { AwardRuleId } from './rulesets/types';
import type { VoteTally } from './votes';

export interface DraftNomination {
  ruleId: AwardRuleId;
  candidate: string;
  kind: 'collective' | 'individual';
  unit?: string;
  rank?: number;
  basis: Bilingual[];
}

export interface DraftBlocked {
  ruleId: AwardRuleId;
  candidate: string;
  kind: 'collective' | 'individual';
  unit?: string;
  reasons: Bilingual[];
}

export interface DraftQuota {
  ruleId: AwardRuleId;
  /** The unit a per-unit cap applies to. */
  scope?: string;
  /** null: no cap (such entries are left out of the report's quotas). */
  limit: number | null;
  base: number;
  proposed: number;
  basis: Bilingual[];
}

export interface AwardContext {
  doc: ClusterDocument;
  result: ResultDocument;
  book: RuleBook;
  issues: Issue[];
  votes: VoteTally[];
  profiles: UnitProfile[];
  records: AwardRecord[];
  nominations: DraftNomination[];
  blocked: DraftBlocked[];
  quotas: DraftQuota[];
  /** Earlier years (issue 13, core/awards/history.ts); absent: the typed titles only. */
  history?: AwardHistoryInput;
}

/** Every name an award goes by (official, aliases), for matching votes, titles and records. */
export function awardNames(id: AwardRuleId): string[] {
  return [AWARD_NAMES[id].vi, AWARD_NAMES[id].en, ...AWARD_ALIASES[id]];
}

const keyCache = new Map<AwardRuleId, Set<string>>();

export function isAward(name: string, id: AwardRuleId): boolean {
  let keys = keyCache.get(id);
  if (!keys) {
    keys = new Set(awardNames(id).map(matchKey));
    keyCache.set(id, keys);
  }
  return keys.has(matchKey(name));
}

/** Index of a label in an ordered list (rating levels, disciplinary forms) after normalisation; -1 if absent. */
export function levelIndex(levels: readonly string[], label: string): number {
  const key = matchKey(label);
  return levels.findIndex((l) => matchKey(l) === key);
}
