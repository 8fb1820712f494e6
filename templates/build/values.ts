/**
 * The per-criterion values a scorecard sheet's formulas evaluate to, so every formula cell carries the right
 * cached `result`. They come from the core (computeCluster: the scorecard engine's per-node totals after caps,
 * the verified stage falling back to self item by item): the builder holds no scoring rule of its own, and the
 * parity tests check the sheet's formulas against these values in a real spreadsheet engine.
 */
import {
  type ClusterComputation,
  type ClusterDocument,
  type CriteriaTree,
  type CriterionNode,
  type IndicatorCounts,
  type IndicatorOutcome,
  type Milli,
  type Score,
  computeCluster,
  judgeIndicator,
  matchKey,
  unitCriterionValues,
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
  /** The scores written on the sheet, per node index (leaves only): the entries the core counts. */
  entries: { self?: Score; verified?: Score }[];
  hasVerified: boolean;
  selfTotal: StageValue;
  verifiedTotal: StageValue;
  /** The unit's indicator counts (core/indicators). */
  indicators: IndicatorCounts;
}

export interface ScorecardValues {
  tree: CriteriaTree;
  /** Pre-order: the row order of a scorecard sheet. */
  rowOrder: number[];
  /** In document order of `units`. */
  units: UnitValues[];
  standardTotal: Milli;
  /** The core's judgement of each `indicatorResults` entry it counts, by its index in the document. */
  indicatorOutcomes: Map<number, IndicatorOutcome>;
  computation: ClusterComputation;
}

const ZERO: StageValue = { points: 0, bonus: 0, deduction: 0, total: 0 };
const NO_COUNTS: IndicatorCounts = { arising: 0, met: 0, exceedable: 0, exceeded: 0 };

/**
 * The cap a leaf's bonus formula applies: its own bonusMax; none on the leaf when only a group above has one
 * (the group's formula caps the sum); else 0 (no bonus allowed). Mirrors core/document's bonus bound.
 */
export function leafBonusCap(node: CriterionNode): Milli | undefined {
  if (node.bonusMax !== undefined) return node.bonusMax;
  return node.bonusAllowed ? undefined : 0;
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

export function scorecardValues(
  doc: ClusterDocument,
  computation: ClusterComputation = computeCluster(doc),
): ScorecardValues {
  const { cluster } = computation;
  const { tree } = cluster;
  const byKey = new Map(cluster.units.map((u) => [u.key, u.index]));
  const units = doc.units.map((u): UnitValues => {
    const index = byKey.get(matchKey(u.name));
    // A unit the core left out (a duplicate name) gets an empty scorecard: the core counts it nowhere.
    if (index === undefined || cluster.units[index]!.name !== u.name)
      return {
        unit: u.name,
        self: tree.nodes.map(() => ZERO),
        verified: tree.nodes.map(() => ZERO),
        entries: tree.nodes.map(() => ({})),
        hasVerified: false,
        selfTotal: ZERO,
        verifiedTotal: ZERO,
        indicators: NO_COUNTS,
      };
    const v = unitCriterionValues(computation.scorecard, index);
    const entries = tree.nodes.map((_, node) => {
      const slot: { self?: Score; verified?: Score } = {};
      const self = v.self.nodes[node]!.entry;
      const verified = v.verified.nodes[node]!.entry;
      if (self >= 0) slot.self = doc.scores![cluster.scores[self]!.index]!;
      if (verified >= 0 && cluster.scores[verified]!.stage === 'verified')
        slot.verified = doc.scores![cluster.scores[verified]!.index]!;
      return slot;
    });
    return {
      unit: u.name,
      self: v.self.nodes,
      verified: v.verified.nodes,
      entries,
      hasVerified: cluster.unitsWithVerified.has(index),
      selfTotal: v.self.total,
      verifiedTotal: v.verified.total,
      indicators: computation.indicators.units[index]!.counts,
    };
  });
  const indicatorOutcomes = new Map<number, IndicatorOutcome>();
  for (const r of cluster.indicatorResults)
    indicatorOutcomes.set(
      r.index,
      judgeIndicator(cluster.indicators[r.indicator]!, r.numerator, r.denominator),
    );
  return {
    tree,
    rowOrder: preOrder(tree),
    units,
    standardTotal: tree.standardTotal,
    indicatorOutcomes,
    computation,
  };
}
