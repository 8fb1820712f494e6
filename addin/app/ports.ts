/**
 * What the application layer needs from the pure core and the templates, as one small interface.
 * actions.ts depends on this shape only; ./core-port.ts binds it to the real modules (core/, templates/),
 * loaded lazily so the task pane's first paint does not wait for the scoring engine.
 */
import type {
  AwardBlocked,
  AwardNomination,
  AwardQuota,
  Bilingual,
  ClusterDocument,
  NominationReport as CoreNominationReport,
  UnitResolution as CoreUnitResolution,
  DocumentKind,
  Issue,
  ResultDocument,
  RotationProposal,
  RuleSetDescription,
  ScoreExplanation,
  TieBreakKey,
  UnitRef,
} from '../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';
import type { WorkbookSources } from '../../templates/read/sources';

/** What reading a workbook gives: the document when it could be rebuilt, and what was wrong on the way. */
export interface ReadOutcome {
  document?: ClusterDocument;
  issues: Issue[];
  /** Where the document's values sit in the workbook, so the core's issues can name their cell. */
  sources?: WorkbookSources;
  /** Set when the workbook is one member's scorecard (templates/read/workbook.ts): that member. */
  member?: string;
}

/** "Why this score" for a unit (or one of its criteria), as core/compute's explain() gives it. */
export type Explanation = ScoreExplanation;

/** What the application keeps of a computation (core/compute's computeCluster gives more). */
export interface Computation {
  result: ResultDocument;
  explain(unit: string, criterion?: string): Explanation;
  /** The tie-break keys the ranking applied, in order (the document's, else the format's default). */
  tieBreak: readonly TieBreakKey[];
}

export type NominationOutcome = CoreNominationReport;
export type { RuleSetDescription };
export type Nomination = AwardNomination;
export type QuotaUse = AwardQuota;
export type BlockedCandidate = AwardBlocked;

export type RotationOutcome = RotationProposal;

export type RegistryUnit = UnitRef;
export type UnitResolution = Pick<
  CoreUnitResolution,
  'input' | 'match' | 'confidence' | 'successor' | 'alternatives'
> & {
  notes?: Bilingual[];
};

export interface NewDocumentInput {
  kind: DocumentKind;
  year: number;
  cluster: string;
  units: string[];
}

export interface CorePorts {
  /** templates/read: a workbook snapshot back into the document format. */
  readWorkbook(snapshot: WorkbookSnapshot): ReadOutcome;
  /** core/document: every check on a document (bounds, caps, references, names). */
  checkDocument(document: ClusterDocument): Issue[];
  /** For one member's scorecard, the issues that concern that member only (others have no scores there). */
  memberIssues(member: string | undefined, issues: readonly Issue[]): Issue[];
  /** core/compute. */
  compute(document: ClusterDocument): Computation;
  /** core/awards: the dated rule set applied to the computed result. */
  nominate(document: ClusterDocument, result: ResultDocument, lang?: 'vi' | 'en'): NominationOutcome;
  /** core/awards: a rule set (by id) in words: values with quote, source, standing; changes from the previous. */
  describeRules?(ruleSetId: string, lang?: 'vi' | 'en'): RuleSetDescription | undefined;
  /** core/cluster: next year's leader and deputy (from the rotation, last year's deputy and guidance). */
  rotate(document: ClusterDocument): RotationOutcome;
  /** templates/build: the workbook plan, with results when a computation is given. */
  buildWorkbook(document: ClusterDocument, computation?: Computation): WorkbookPlan;
  /** A new, empty document from the bundled template (sample scorecard) for the given cluster. */
  newDocument(input: NewDocumentInput): ClusterDocument;
  /** core/registry: a name as typed → the official unit on the date (procuracy names: "VKSND tỉnh …"). */
  resolveUnit(name: string, date: string): UnitResolution;
}
