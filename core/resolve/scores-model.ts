/** The resolved units and scores: shared by the resolver and the score reader (kept apart to avoid a cycle). */
import type { OccurrenceDeduction } from '../criteria/rules';
import type { Milli } from '../exact/decimal';
import type { Stage } from '../issues/issue';

export interface ResolvedClusterUnit {
  index: number;
  /** As written in `units`: the name results use. */
  name: string;
  key: string;
  province?: string;
  path: string;
}

export type ScoreField = 'points' | 'bonus' | 'deduction' | 'occurrences';

/** A typed value that was outside its bound and is counted at the bound. */
export interface HeldValue {
  field: ScoreField;
  typed: number;
  counted: number;
  issueCode: string;
}

export interface ResolvedScore {
  /** Index in `doc.scores`; its JSON path is scorePath(index). */
  index: number;
  unit: number;
  node: number;
  stage: Stage;
  points: Milli;
  bonus: Milli;
  /** What counts: occurrences × deductionEach capped (the scorecard's rule) or the typed deduction held to its bound. */
  deduction: Milli;
  /** Present when the deduction comes from occurrences. */
  occurrenceRule: OccurrenceDeduction | undefined;
  note: string | undefined;
  held: HeldValue[];
}
