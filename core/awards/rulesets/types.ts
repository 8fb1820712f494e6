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

/** Rules that are not awards: the principles of the decree's Điều 4, the tie preference. */
export type GeneralRuleId = 'principles' | 'tiePreference';

export type RuleId = AwardRuleId | GeneralRuleId;

export type ParamValue = number | boolean | string | string[] | null;

/**
 * How far a value was checked: `confirmed` against the official text (never without a quote),
 * `secondary` read in a secondary copy of the text (a legal database, a Q&A page, the project's notes),
 * `unconfirmed` where no text was found (a default, an interpretation, a value carried from an older text).
 */
export type Standing = 'confirmed' | 'secondary' | 'unconfirmed';

/** Where a value comes from: the words of the text, the article, and where the copy was read. */
export interface Evidence {
  standing: Standing;
  /** The text's own words (Vietnamese), as read. */
  quote?: string;
  /** The article the quote is from. */
  cites?: Citation;
  /** Where the copy was read (e.g. "issue 11, bản sao thứ cấp"). */
  foundIn?: string;
}

export interface RuleParam extends Evidence {
  value: ParamValue;
  /**
   * False when no text was found for the value (`standing: "unconfirmed"`): shown in every output that uses
   * it. Kept beside `standing` for the readers of `thidua/nominations@1`.
   */
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
  /**
   * Why each remaining `requires` link is the award's own standard in a text and not "a lower award first"
   * (which Nghị định 98/2023, Điều 4 rules out from 2024-01-01).
   */
  requiresWhy?: Bilingual;
  /** Conditions the council judges and the program cannot (shown in the basis of every nomination). */
  councilChecks?: Bilingual[];
  params: Record<string, RuleParam>;
}

export interface GeneralRule {
  id: GeneralRuleId;
  basis: Citation[];
  params: Record<string, RuleParam>;
}

export interface TiePreferenceRule extends GeneralRule {
  id: 'tiePreference';
}

export interface PrinciplesRule extends GeneralRule {
  id: 'principles';
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
  /** General principles (Nghị định 98/2023 and 152/2025, Điều 4) and the year's reference date. */
  principles: PrinciplesRule;
  /** Nghị định 98/2023 and 152/2025, Điều 4: prefer women among tied candidates. Absent before 2024. */
  tiePreference?: TiePreferenceRule;
  /** What differs from the previous period, in words. */
  notes?: Bilingual[];
}
