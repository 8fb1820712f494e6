/**
 * What the application layer needs from the pure core and the templates, as one small interface.
 * actions.ts depends on this shape only; ./core-port.ts binds it to the real modules (core/, templates/),
 * loaded lazily so the task pane's first paint does not wait for the scoring engine.
 */
import type { Bilingual, ClusterDocument, DocumentKind, Issue, ResultDocument } from '../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';

/** What reading a workbook gives: the document when it could be rebuilt, and what was wrong on the way. */
export interface ReadOutcome {
  document?: ClusterDocument;
  issues: Issue[];
}

/** One line of a "why this score" explanation, as the core's explain() gives it. */
export interface Explanation {
  unit: string;
  criterion?: string;
  /** Everything else the core reports (criteria, inputs, caps, stage, issues); shown by the explanation view. */
  [detail: string]: unknown;
}

export interface Computation {
  result: ResultDocument;
  explain(unit: string, criterion?: string): Explanation;
}

export interface Nomination {
  award: string;
  candidate: string;
  kind: 'collective' | 'individual';
  basis: string[];
}

export interface QuotaUse {
  award: string;
  limit: number;
  proposed: number;
  basis: string;
}

export interface BlockedCandidate {
  award: string;
  candidate: string;
  reasons: string[];
}

export interface NominationOutcome {
  ruleSet?: string;
  nominations: Nomination[];
  quotas: QuotaUse[];
  blocked: BlockedCandidate[];
  issues: Issue[];
}

export interface RotationOutcome {
  year: number;
  leader?: string;
  deputy?: string;
  reason: string | Bilingual;
  issues?: Issue[];
}

export interface RegistryUnit {
  name: string;
  code: string;
  validFrom: string;
  validTo?: string;
}

export interface UnitResolution {
  input: string;
  match: RegistryUnit | null;
  confidence: number;
  successor?: RegistryUnit;
  alternatives: (RegistryUnit & { confidence?: number })[];
}

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
  /** core/compute. */
  compute(document: ClusterDocument): Computation;
  /** core/awards: the dated rule set applied to the computed result. */
  nominate(document: ClusterDocument, result: ResultDocument): NominationOutcome;
  /** core/cluster: next year's leader and deputy. */
  rotate(document: ClusterDocument, result: ResultDocument): RotationOutcome;
  /** templates/build: the workbook plan, with results when a computation is given. */
  buildWorkbook(document: ClusterDocument, computation?: Computation): WorkbookPlan;
  /** A new, empty document from the bundled template (sample scorecard) for the given cluster. */
  newDocument(input: NewDocumentInput): ClusterDocument;
  /** core/registry. */
  resolveUnit(name: string, date: string): UnitResolution;
}
