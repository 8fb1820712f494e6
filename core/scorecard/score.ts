/**
 * Totals of every unit at both stages, exact in milli. A leaf scores points + bonus − deduction; a group
 * adds its children, then its bonusMax (deductionMax) caps the sum of bonus (deduction) below it; a unit's
 * total is the sum of its top-level criteria. The verified stage takes each leaf's verified score when there
 * is one and keeps the self score otherwise.
 */
import type { Milli } from '../exact/decimal';
import type { ResolvedCluster, ResolvedScore } from '../document/resolve';
import type { Stage } from '../issues/issue';
import type { CriteriaTree } from './tree';

/** A group cap that cut the sum below it. */
export interface CapApplied {
  node: number;
  kind: 'bonus' | 'deduction';
  /** The sum of the children before the cap. */
  before: Milli;
  limit: Milli;
  cut: Milli;
}

export interface UnitStageScore {
  unit: number;
  stage: Stage;
  points: Milli;
  bonus: Milli;
  deduction: Milli;
  total: Milli;
  /** Per node index, after caps. */
  nodePoints: Float64Array;
  nodeBonus: Float64Array;
  nodeDeduction: Float64Array;
  /** Per node index: the index (in cluster.scores) of the entry that counts for a leaf, or -1. */
  leafEntry: Int32Array;
  caps: CapApplied[];
}

export interface ClusterScorecard {
  tree: CriteriaTree;
  self: UnitStageScore[];
  verified: UnitStageScore[];
}

export const nodeTotal = (s: UnitStageScore, node: number): Milli =>
  s.nodePoints[node]! + s.nodeBonus[node]! - s.nodeDeduction[node]!;

function scoreStage(
  tree: CriteriaTree,
  scores: readonly ResolvedScore[],
  unit: number,
  stage: Stage,
  pick: (node: number) => number,
): UnitStageScore {
  const n = tree.nodes.length;
  const nodePoints = new Float64Array(n);
  const nodeBonus = new Float64Array(n);
  const nodeDeduction = new Float64Array(n);
  const leafEntry = new Int32Array(n).fill(-1);
  const caps: CapApplied[] = [];
  for (const i of tree.postOrder) {
    const node = tree.nodes[i]!;
    if (node.children.length === 0) {
      const e = pick(i);
      leafEntry[i] = e;
      if (e >= 0) {
        const s = scores[e]!;
        nodePoints[i] = s.points;
        nodeBonus[i] = s.bonus;
        nodeDeduction[i] = s.deduction;
      }
      continue;
    }
    let p = 0;
    let b = 0;
    let d = 0;
    for (const c of node.children) {
      p += nodePoints[c]!;
      b += nodeBonus[c]!;
      d += nodeDeduction[c]!;
    }
    if (node.bonusMax !== undefined && b > node.bonusMax) {
      caps.push({ node: i, kind: 'bonus', before: b, limit: node.bonusMax, cut: b - node.bonusMax });
      b = node.bonusMax;
    }
    if (node.deductionMax !== undefined && d > node.deductionMax) {
      caps.push({
        node: i,
        kind: 'deduction',
        before: d,
        limit: node.deductionMax,
        cut: d - node.deductionMax,
      });
      d = node.deductionMax;
    }
    nodePoints[i] = p;
    nodeBonus[i] = b;
    nodeDeduction[i] = d;
  }
  let points = 0;
  let bonus = 0;
  let deduction = 0;
  for (const r of tree.roots) {
    points += nodePoints[r]!;
    bonus += nodeBonus[r]!;
    deduction += nodeDeduction[r]!;
  }
  return {
    unit,
    stage,
    points,
    bonus,
    deduction,
    total: points + bonus - deduction,
    nodePoints,
    nodeBonus,
    nodeDeduction,
    leafEntry,
    caps,
  };
}

export function scoreClusterUnits(cluster: ResolvedCluster): ClusterScorecard {
  const { tree, scores, units } = cluster;
  const n = tree.nodes.length;
  // Entry index per (unit, node) and stage; -1 when none.
  const selfAt = new Int32Array(units.length * n).fill(-1);
  const verifiedAt = new Int32Array(units.length * n).fill(-1);
  scores.forEach((s, e) => {
    (s.stage === 'self' ? selfAt : verifiedAt)[s.unit * n + s.node] = e;
  });
  const self: UnitStageScore[] = [];
  const verified: UnitStageScore[] = [];
  for (const u of units) {
    const base = u.index * n;
    self.push(scoreStage(tree, scores, u.index, 'self', (i) => selfAt[base + i]!));
    verified.push(
      scoreStage(tree, scores, u.index, 'verified', (i) => {
        const v = verifiedAt[base + i]!;
        return v >= 0 ? v : selfAt[base + i]!;
      }),
    );
  }
  return { tree, self, verified };
}
