/**
 * A dated legal rule set, as data: which awards the cluster proposes, on which conditions, with which caps
 * and vote thresholds, and where each value comes from. Nothing here is computed; the engines in core/awards
 * read these values (through ../params, which records every value used, every override and every value
 * whose source is not confirmed).
 */
import type { Bilingual } from '../../issues/issue';
import type { Citation } from '../citation';

export type AwardRuleId =
  | 'advancedCollective'
  | 'excellentCollective'
  | 'sectorFlag'
  | 'governmentFlag'
  | 'advancedWorker'
  | 'baseEmulationSoldier'
  | 'sectorEmulationSoldier'
  | 'procuracyMedal';

export type RuleId = AwardRuleId | 'tiePreference';

export type ParamValue = number | boolean | string | string[] | null;

export interface RuleParam {
  value: ParamValue;
  /** False when the value could not be confirmed in the legal text: shown in every output that uses it. */
  confirmed: boolean;
  /** Why the value is what it is, or why it is not confirmed. */
  note?: Bilingual;
  /** May a document set it to null (switching the cap or condition off)? */
  nullable?: boolean;
}

export interface AwardRule {
  id: AwardRuleId;
  /** The award's official Vietnamese name, as the nomination lists print it. */
  award: string;
  awardEn: string;
  kind: 'collective' | 'individual';
  /** Legal basis of the award as a whole. */
  basis: Citation[];
  /** Basis of the cap, when there is one (e.g. TT 02/2024, Điều 18, khoản 2). */
  quotaBasis?: Citation[];
  /** Rules whose outcome this one reads (an excellent collective must first be an advanced one). */
  requires?: AwardRuleId[];
  /** Conditions the council judges and the program cannot (shown in the basis of every nomination). */
  councilChecks?: Bilingual[];
  params: Record<string, RuleParam>;
}

export interface TiePreferenceRule {
  id: 'tiePreference';
  basis: Citation[];
  params: Record<string, RuleParam>;
}

export interface RuleSet {
  id: string;
  title: Bilingual;
  /** ISO dates, inclusive. */
  validFrom: string;
  validTo?: string;
  /** The legal texts in force for the period. */
  documents: Citation[];
  /** The four civil-service rating levels, best first (xếp loại). */
  ratingLevels: string[];
  /** Disciplinary forms for civil servants, mildest first. */
  disciplineForms: string[];
  rules: Record<AwardRuleId, AwardRule>;
  /** Nghị định 152/2025, Điều 4: prefer women among tied candidates. Absent before it. */
  tiePreference?: TiePreferenceRule;
  /** What differs from the previous period, in words. */
  notes?: Bilingual[];
}
