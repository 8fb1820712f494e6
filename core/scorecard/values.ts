/**
 * One unit's scorecard as plain per-criterion values: for each stage, every node's counted points, bonus and
 * deduction (after the caps below it) with the entry that counts for a leaf, and the unit's totals. A view of
 * the scorecard engine's output for the workbook builder and anything else that lays a scorecard out.
 */
import type { Milli } from '../exact/decimal';
import type { Stage } from '../issues/issue';
import type { ClusterScorecard, UnitStageScore } from './score';

export interface CriterionStageValue {
  points: Milli;
  bonus: Milli;
  deduction: Milli;
  /** points + bonus − deduction. */
  total: Milli;
  /** For a leaf: the index in the resolved cluster's scores of the entry that counts (verified may be a self entry), or -1. */
  entry: number;
}

export interface UnitStageValues {
  stage: Stage;
  /** Per criterion node index. */
  nodes: CriterionStageValue[];
  total: { points: Milli; bonus: Milli; deduction: Milli; total: Milli };
}

function stageValues(s: UnitStageScore): UnitStageValues {
  const nodes: CriterionStageValue[] = [];
  for (let i = 0; i < s.nodePoints.length; i++) {
    const points = s.nodePoints[i]!;
    const bonus = s.nodeBonus[i]!;
    const deduction = s.nodeDeduction[i]!;
    nodes.push({ points, bonus, deduction, total: points + bonus - deduction, entry: s.leafEntry[i]! });
  }
  return {
    stage: s.stage,
    nodes,
    total: { points: s.points, bonus: s.bonus, deduction: s.deduction, total: s.total },
  };
}

/** The per-criterion values of the unit at `unit` (its index in the resolved cluster), at both stages. */
export function unitCriterionValues(
  scorecard: ClusterScorecard,
  unit: number,
): { self: UnitStageValues; verified: UnitStageValues } {
  return { self: stageValues(scorecard.self[unit]!), verified: stageValues(scorecard.verified[unit]!) };
}
