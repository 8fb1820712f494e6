/**
 * Totals of every unit at both stages, exact in milli. A leaf scores points + bonus − deduction; a group
 * adds its children, then its bonusMax (deductionMax) caps the sum of bonus (deduction) below it; a unit's
 * total is the sum of its top-level criteria. The verified stage takes each leaf's verified score when there
 * is one and keeps the self score otherwise.
 */
import type { Milli } from '../exact/decimal';
import type { ResolvedCluster, ScoreColumns } from '../resolve/resolve';
import { STAGE_SELF } from '../resolve/resolve-scores';
import type { Stage } from '../issues/issue';
import type { CriteriaTree } from '../criteria/tree';

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

/**
 * One unit at one stage. `at` holds, per (unit, node), the entry that counts for a leaf or -1; `base` is
 * this unit's offset in it.
 */
function scoreStage(
  tree: CriteriaTree,
  columns: ScoreColumns,
  unit: number,
  stage: Stage,
  at: Int32Array,
  base: number,
): UnitStageScore {
  const n = tree.nodes.length;
  const nodePoints = new Float64Array(n);
  const nodeBonus = new Float64Array(n);
  const nodeDeduction = new Float64Array(n);
  const leafEntry = new Int32Array(n).fill(-1);
  const caps: CapApplied[] = [];
  const { postOrder, nodes } = tree;
  for (let k = 0; k < postOrder.length; k++) {
    const i = postOrder[k]!;
    const node = nodes[i]!;
    const children = node.children;
    if (children.length === 0) {
      const e = at[base + i]!;
      leafEntry[i] = e;
      if (e >= 0) {
        nodePoints[i] = columns.points[e]!;
        nodeBonus[i] = columns.bonus[e]!;
        nodeDeduction[i] = columns.deduction[e]!;
      }
      continue;
    }
    let p = 0;
    let b = 0;
    let d = 0;
    for (let c = 0; c < children.length; c++) {
      const child = children[c]!;
      p += nodePoints[child]!;
      b += nodeBonus[child]!;
      d += nodeDeduction[child]!;
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
  const { tree, scoreColumns: columns, units } = cluster;
  const n = tree.nodes.length;
  // Entry per (unit, node): the self entry, and the one the verified stage counts (its own, else self's).
  const selfAt = new Int32Array(units.length * n).fill(-1);
  const verifiedAt = new Int32Array(units.length * n).fill(-1);
  for (let e = 0; e < columns.length; e++)
    (columns.stage[e] === STAGE_SELF ? selfAt : verifiedAt)[columns.unit[e]! * n + columns.node[e]!] = e;
  for (let k = 0; k < verifiedAt.length; k++) if (verifiedAt[k]! < 0) verifiedAt[k] = selfAt[k]!;
  const self: UnitStageScore[] = [];
  const verified: UnitStageScore[] = [];
  for (const u of units) {
    const base = u.index * n;
    self.push(scoreStage(tree, columns, u.index, 'self', selfAt, base));
    verified.push(scoreStage(tree, columns, u.index, 'verified', verifiedAt, base));
  }
  return { tree, self, verified };
}
