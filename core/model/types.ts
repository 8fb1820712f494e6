/**
 * The interchange format `thidua/cluster@1` (input) and `thidua/result@1` (output),
 * exactly as ../shared/spec/cluster-data.md fixes them. Numbers here are plain JS numbers as written
 * in JSON; the engines convert scores to exact milli (core/exact) before adding anything.
 */
import type { Issue, Stage } from '../issues/issue';

export const CLUSTER_FORMAT = 'thidua/cluster@1';
export const RESULT_FORMAT = 'thidua/result@1';

export type DocumentKind = 'annual' | 'campaign';

export interface ClusterInfo {
  name: string;
  leader?: string;
  deputy?: string;
  /** The order in which units take the lead. */
  rotation?: string[];
}

export interface UnitEntry {
  name: string;
  /** Statistics-office province code, e.g. "66" (Đắk Lắk); read with the document's year. */
  province?: string;
}

export interface Criterion {
  code: string;
  title: string;
  parent?: string;
  /** Standard points (điểm chuẩn), ≥ 0. On a group: expected to equal the sum of its children. */
  points: number;
  bonusMax?: number;
  deductionMax?: number;
  deductionEach?: number;
  evidenceRequired?: boolean;
}

export interface Score {
  unit: string;
  criterion: string;
  stage: Stage;
  points: number;
  bonus?: number;
  deduction?: number;
  occurrences?: number;
  note?: string;
}

export interface Indicator {
  code: string;
  title: string;
  /** Fraction: 0.9 = 90%. */
  target: number;
  /** Default: target < 1. */
  exceedable?: boolean;
  lowerIsBetter?: boolean;
}

export interface IndicatorResult {
  unit: string;
  indicator: string;
  numerator: number;
  denominator: number;
}

export type TieBreakKey =
  | 'indicatorsMetRatio'
  | 'indicatorsExceededRatio'
  | 'deduction'
  | 'bonus'
  | `criterion:${string}`;

export interface TierRule {
  label: string;
  minPercent: number;
}

export interface RankingOptions {
  stage?: Stage;
  tieBreak?: TieBreakKey[];
  tiers?: TierRule[];
}

export interface Vote {
  award: string;
  /** A unit or a person, by name. */
  candidate: string;
  yes: number;
  voters: number;
  // --- Awards extensions (issue 11; docs/awards.md) ---
  /** Which body voted: the cluster's members or the emulation council of the proposing level. */
  body?: 'cluster' | 'council';
  /** The body's total members: the base when a rule counts over all members (Nghị định 98/2023, Điều 30). */
  members?: number;
}

export interface PersonTitle {
  year: number;
  title: string;
}

export interface PersonInitiative {
  year: number;
  /** e.g. "cơ sở" (unit level) or "ngành" (sector level). */
  level: string;
}

export interface PersonDiscipline {
  year: number;
  form: string;
  // --- Awards extensions (issue 11; docs/awards.md) ---
  /** The year of the act, when it differs from `year` (Thông tư 02/2024: it counts in the year of the act). */
  actYear?: number;
  /** The date of the decision, YYYY-MM-DD. */
  decided?: string;
}

/** Project extension (docs/awards.md): a period of leave in the year; maternity leave counts as work. */
export interface PersonLeave {
  from: string;
  to: string;
  kind?: string;
}

/** Project extension (docs/awards.md): a discipline procedure, investigation or inspection in progress. */
export interface PersonPending {
  kind: 'discipline' | 'investigation' | 'inspection';
  note?: string;
}

export interface Person {
  name: string;
  unit: string;
  titles?: PersonTitle[];
  initiatives?: PersonInitiative[];
  serviceStart?: string;
  recruited?: string;
  discipline?: PersonDiscipline[];
  gender?: string;
  /** Project extension (docs/awards.md): the person's own rating for the year. */
  rating?: string;
  // --- Awards extensions (issue 11; docs/awards.md) ---
  leave?: PersonLeave[];
  pending?: PersonPending[];
}

export interface ClusterDocument {
  format: typeof CLUSTER_FORMAT;
  kind: DocumentKind;
  year: number;
  title?: string;
  period?: { from: string; to: string };
  cluster: ClusterInfo;
  units: UnitEntry[];
  criteria: Criterion[];
  scores?: Score[];
  indicators?: Indicator[];
  indicatorResults?: IndicatorResult[];
  ranking?: RankingOptions;
  votes?: Vote[];
  people?: Person[];
  ruleSet?: string;
  /** Project extension (README): present on illustrative data, e.g. "Số liệu minh hoạ". */
  sample?: string;
  /** Optional extensions of this project are documented in README.md; unknown keys are kept. */
  [extension: string]: unknown;
}

/* ---------- result document ---------- */

export interface StageTotals {
  total: number;
  points: number;
  bonus: number;
  deduction: number;
}

export interface IndicatorSummary {
  arising: number;
  met: number;
  exceedable: number;
  exceeded: number;
  metRatio: number;
  exceededRatio: number;
  metText: string;
  exceededText: string;
}

export interface UnitResult {
  unit: string;
  self?: StageTotals;
  verified?: StageTotals;
  standardTotal: number;
  percent: number;
  rank: number;
  tier: string;
  indicators: IndicatorSummary;
  /**
   * Project extension: the stage this unit's rank used, `verified` where the cluster verified the unit and
   * `self` otherwise (ranking on the verified stage keeps the self score of every item not verified).
   */
  stage?: Stage;
}

export interface ResultDocument {
  format: typeof RESULT_FORMAT;
  year: number;
  cluster: string;
  stage: Stage;
  /** In rank order; units that have not returned a scorecard are left out (see notSubmitted). */
  units: UnitResult[];
  /** Project extension: members with no score at either stage ("chưa nộp"): not ranked, not rated. */
  notSubmitted?: string[];
  clusterIndicators: IndicatorSummary;
  issues: Issue[];
}
