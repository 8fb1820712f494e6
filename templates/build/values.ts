/**
 * The per-criterion values a scorecard sheet's formulas evaluate to, in exact milli, so every formula cell
 * carries the right cached `result`. The rules are the spec's (cluster-data.md, "Score"): values held to their
 * bounds, occurrences × each capped by deductionMax, group caps on the sum of the leaves' bonus (deduction),
 * verified falls back to self item by item. Tests assert that these totals equal computeCluster's.
 */
import {
  type ClusterDocument,
  type CriteriaTree,
  type CriterionNode,
  type Milli,
  type Score,
  type Stage,
  buildCriteriaTree,
  matchKey,
  toMilli,
} from '../../core';

export interface StageValue {
  points: Milli;
  bonus: Milli;
  deduction: Milli;
  total: Milli;
}

export interface UnitValues {
  unit: string;
  /** Per criterion node index. */
  self: StageValue[];
  verified: StageValue[];
  /** The scores written on the sheet, per node index (leaves only). */
  entries: { self?: Score; verified?: Score }[];
  hasVerified: boolean;
  selfTotal: StageValue;
  verifiedTotal: StageValue;
}

export interface ScorecardValues {
  tree: CriteriaTree;
  /** Pre-order: the row order of a scorecard sheet. */
  rowOrder: number[];
  units: UnitValues[];
  standardTotal: Milli;
}

const ZERO: StageValue = { points: 0, bonus: 0, deduction: 0, total: 0 };
const milli = (v: number | undefined): Milli => (v === undefined ? 0 : (toMilli(v) ?? Math.round(v * 1000)));
const clamp = (v: Milli, max: Milli | undefined): Milli =>
  Math.max(0, max === undefined ? v : Math.min(v, max));

/** The cap on a leaf's bonus: its own bonusMax; none (the group caps it) when only a group above has one; else 0. */
export function leafBonusCap(node: CriterionNode): Milli | undefined {
  if (node.bonusMax !== undefined) return node.bonusMax;
  return node.bonusAllowed ? undefined : 0;
}

function leafValue(node: CriterionNode, score: Score | undefined): StageValue {
  if (!score) return ZERO;
  const points = clamp(milli(score.points), node.standard);
  const bonus = clamp(milli(score.bonus), leafBonusCap(node));
  const rawDeduction =
    score.occurrences !== undefined
      ? Math.round(score.occurrences * (node.deductionEach ?? 0))
      : milli(score.deduction);
  const deduction = clamp(rawDeduction, node.deductionMax);
  return { points, bonus, deduction, total: points + bonus - deduction };
}

function groupValue(node: CriterionNode, children: StageValue[]): StageValue {
  let points = 0;
  let bonus = 0;
  let deduction = 0;
  for (const c of children) {
    points += c.points;
    bonus += c.bonus;
    deduction += c.deduction;
  }
  if (node.bonusMax !== undefined) bonus = Math.min(bonus, node.bonusMax);
  if (node.deductionMax !== undefined) deduction = Math.min(deduction, node.deductionMax);
  return { points, bonus, deduction, total: points + bonus - deduction };
}

export function preOrder(tree: CriteriaTree): number[] {
  const out: number[] = [];
  const visit = (i: number) => {
    out.push(i);
    for (const c of tree.nodes[i]!.children) visit(c);
  };
  for (const r of tree.roots) visit(r);
  return out;
}

function sumRoots(tree: CriteriaTree, values: StageValue[]): StageValue {
  return groupValue(
    { ...tree.nodes[0]!, bonusMax: undefined, deductionMax: undefined },
    tree.roots.map((r) => values[r]!),
  );
}

export function scorecardValues(doc: ClusterDocument): ScorecardValues {
  const { tree } = buildCriteriaTree(doc.criteria);
  const rowOrder = preOrder(tree);
  const scoresByUnit = new Map<string, Score[]>();
  for (const s of doc.scores ?? []) {
    const key = matchKey(s.unit);
    const list = scoresByUnit.get(key) ?? [];
    list.push(s);
    scoresByUnit.set(key, list);
  }
  const units = doc.units.map((u): UnitValues => {
    const entries: { self?: Score; verified?: Score }[] = tree.nodes.map(() => ({}));
    for (const s of scoresByUnit.get(matchKey(u.name)) ?? []) {
      const i = tree.byKey.get(matchKey(s.criterion));
      if (i === undefined || tree.nodes[i]!.children.length > 0) continue;
      const slot = entries[i]!;
      const stage: Stage = s.stage === 'verified' ? 'verified' : 'self';
      if (slot[stage] === undefined) slot[stage] = s;
    }
    const self: StageValue[] = tree.nodes.map(() => ZERO);
    const verified: StageValue[] = tree.nodes.map(() => ZERO);
    for (const i of tree.postOrder) {
      const node = tree.nodes[i]!;
      if (node.children.length === 0) {
        self[i] = leafValue(node, entries[i]!.self);
        verified[i] = entries[i]!.verified ? leafValue(node, entries[i]!.verified) : self[i]!;
      } else {
        self[i] = groupValue(
          node,
          node.children.map((c) => self[c]!),
        );
        verified[i] = groupValue(
          node,
          node.children.map((c) => verified[c]!),
        );
      }
    }
    const hasVerified = entries.some((e) => e.verified !== undefined);
    return {
      unit: u.name,
      self,
      verified,
      entries,
      hasVerified,
      selfTotal: tree.nodes.length ? sumRoots(tree, self) : ZERO,
      verifiedTotal: tree.nodes.length ? sumRoots(tree, verified) : ZERO,
    };
  });
  return { tree, rowOrder, units, standardTotal: tree.standardTotal };
}
