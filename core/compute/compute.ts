/**
 * The whole computation of a cluster document: checks, scorecard totals at both stages, indicators,
 * stage choice, ranking and tiers, as the spec's result document, plus explain() for "why this score".
 */
import { checkHiddenText } from '../document/hidden-text';
import { type ResolvedCluster, resolveClusterDocument } from '../resolve/resolve';
import {
  type ClusterDocument,
  type IndicatorSummary,
  RESULT_FORMAT,
  type ResultDocument,
  type StageTotals,
  type TierRule,
  type UnitResult,
} from '../model/types';
import { numText, STAGE_TEXT } from '../model/words';
import type { Milli } from '../exact/decimal';
import {
  type ClusterIndicatorEvaluation,
  evaluateClusterIndicators,
  type IndicatorOutcome,
  indicatorOutcomeText,
} from '../indicators/evaluate';
import type { Bilingual, Issue, Stage } from '../issues/issue';
import { chooseRankingStage } from '../ranking/stage';
import { type KeyComparison, type RankedUnit, type RankEntry, rankUnits } from '../ranking/rank';
import { checkDocumentUnits } from '../registry';
import {
  type CapView,
  type CriterionExplanation,
  capView,
  explainCriterionScore,
} from '../scorecard/explain';
import { type ClusterScorecard, nodeTotal, scoreClusterUnits, type UnitStageScore } from '../scorecard/score';
import { findCriterion } from '../criteria/tree';
import { matchKey } from '../text/key';

export interface CriterionRow {
  criterion: string;
  title: string;
  depth: number;
  leaf: boolean;
  standard: number;
  self: number;
  verified: number;
}

export interface UnitExplanation {
  kind: 'unit';
  unit: string;
  stage: Stage;
  rank: number;
  tier: string;
  tierRule?: TierRule;
  percent: number;
  standardTotal: number;
  self: StageTotals;
  verified: StageTotals;
  tiedWith: string[];
  above?: KeyComparison;
  below?: KeyComparison;
  indicators: IndicatorSummary;
  indicatorOutcomes: (IndicatorOutcome & { text: Bilingual })[];
  /** Totals per criterion and group, in scorecard order. */
  criteria: CriterionRow[];
  caps: CapView[];
  issues: Issue[];
  lines: Bilingual[];
}

export interface CriterionScoreExplanation extends CriterionExplanation {
  kind: 'criterion';
  /** The stage the ranking uses. */
  stage: Stage;
}

export interface NotFoundExplanation {
  kind: 'notFound';
  unit: string;
  criterion?: string;
  issues: Issue[];
  lines: Bilingual[];
}

export type ScoreExplanation = UnitExplanation | CriterionScoreExplanation | NotFoundExplanation;

export interface ClusterComputation {
  result: ResultDocument;
  /** Why a unit has its total, rank and tier; with a criterion code, why it has that criterion's score. */
  explain(unit: string, criterion?: string): ScoreExplanation;
  cluster: ResolvedCluster;
  scorecard: ClusterScorecard;
  indicators: ClusterIndicatorEvaluation;
  /** In rank order. */
  ranking: RankedUnit[];
  stage: Stage;
}

const num = (m: Milli) => m / 1000;

function stageTotals(s: UnitStageScore): StageTotals {
  return { total: num(s.total), points: num(s.points), bonus: num(s.bonus), deduction: num(s.deduction) };
}

export function computeCluster(doc: ClusterDocument): ClusterComputation {
  const resolved = resolveClusterDocument(doc);
  const cluster = resolved.cluster;
  const issues: Issue[] = [...resolved.issues, ...checkDocumentUnits(doc), ...checkHiddenText(doc)];
  const scorecard = scoreClusterUnits(cluster);
  const indicators = evaluateClusterIndicators(cluster);

  // A unit with no score at either stage has not returned its scorecard: "chưa nộp", not ranked or rated
  // (the resolver reports it: unit.notSubmitted).
  const scored = new Set<number>();
  for (let e = 0; e < cluster.scoreColumns.length; e++) scored.add(cluster.scoreColumns.unit[e]!);
  const rankedUnits = cluster.units.filter((u) => scored.has(u.index));
  const notSubmitted = cluster.units.filter((u) => !scored.has(u.index)).map((u) => u.name);

  const withoutVerified = rankedUnits
    .filter((u) => !cluster.unitsWithVerified.has(u.index))
    .map((u) => u.name);
  const chosen = chooseRankingStage(cluster.requestedStage, withoutVerified, rankedUnits.length);
  const stage = chosen.stage;
  issues.push(...chosen.issues);

  const { tree } = cluster;
  const entries: RankEntry[] = rankedUnits.map((u) => {
    const s = scorecard[stage][u.index]!;
    const c = indicators.units[u.index]!.counts;
    return {
      unit: u.name,
      total: s.total,
      standardTotal: tree.standardTotal,
      bonus: s.bonus,
      deduction: s.deduction,
      met: c.met,
      arising: c.arising,
      exceeded: c.exceeded,
      exceedable: c.exceedable,
      criterionScore: (code) => {
        const node = findCriterion(tree, code);
        return node ? nodeTotal(s, node.index) : 0;
      },
    };
  });
  // `entry` back to the unit's index in the cluster (the ranked units may leave some out).
  const ranking = rankUnits(
    entries,
    cluster.tieBreak.map((t) => t.key),
    cluster.tiers,
  ).map((r) => ({ ...r, entry: rankedUnits[r.entry]!.index }));

  const units: UnitResult[] = ranking.map((r) => {
    const u = cluster.units[r.entry]!;
    const hasVerified = stage === 'verified' || cluster.unitsWithVerified.has(u.index);
    // Keys in the spec's order: unit, self, verified, standardTotal, percent, rank, tier, indicators; then
    // this project's `stage`, the stage this unit's rank used.
    return {
      unit: u.name,
      self: stageTotals(scorecard.self[u.index]!),
      ...(hasVerified ? { verified: stageTotals(scorecard.verified[u.index]!) } : {}),
      standardTotal: num(tree.standardTotal),
      percent: r.percent,
      rank: r.rank,
      tier: r.tier,
      indicators: indicators.units[u.index]!.summary,
      stage: chosen.used(u.name),
    };
  });

  const result: ResultDocument = {
    format: RESULT_FORMAT,
    year: doc.year,
    cluster: doc.cluster?.name ?? '',
    stage,
    units,
    clusterIndicators: indicators.summary,
    issues,
  };
  if (notSubmitted.length) result.notSubmitted = notSubmitted;

  const byKey = new Map(cluster.units.map((u) => [u.key, u.index]));
  const rankOf = new Map(ranking.map((r) => [r.entry, r]));

  const explain = (unitName: string, criterion?: string): ScoreExplanation => {
    const unit = byKey.get(matchKey(unitName));
    if (unit === undefined)
      return {
        kind: 'notFound',
        unit: unitName,
        ...(criterion === undefined ? {} : { criterion }),
        issues: [],
        lines: [
          {
            vi: `Không có đơn vị "${unitName}" trong cụm.`,
            en: `There is no unit "${unitName}" in the cluster.`,
          },
        ],
      };
    if (criterion !== undefined) {
      const node = findCriterion(tree, criterion);
      if (!node)
        return {
          kind: 'notFound',
          unit: cluster.units[unit]!.name,
          criterion,
          issues: [],
          lines: [
            {
              vi: `Không có tiêu chí "${criterion}" trong bảng tiêu chí.`,
              en: `There is no criterion "${criterion}" in the scorecard.`,
            },
          ],
        };
      return {
        kind: 'criterion',
        stage,
        ...explainCriterionScore(cluster, scorecard, unit, node.index, issues),
      };
    }
    if (!rankOf.has(unit))
      return {
        kind: 'notFound',
        unit: cluster.units[unit]!.name,
        issues: issues.filter((i) => i.unit === cluster.units[unit]!.name),
        lines: [
          {
            vi: `${cluster.units[unit]!.name} chưa nộp bảng chấm điểm: chưa có điểm nào, nên không xếp hạng, không xếp loại.`,
            en: `${cluster.units[unit]!.name} has not returned its scorecard: no score yet, so it is not ranked or rated.`,
          },
        ],
      };
    return explainUnit(unit);
  };

  const explainUnit = (unit: number): UnitExplanation => {
    const u = cluster.units[unit]!;
    const r = rankOf.get(unit)!;
    const self = scorecard.self[unit]!;
    const verified = scorecard.verified[unit]!;
    const usedStage = chosen.used(u.name);
    const used = scorecard[usedStage][unit]!;
    const ind = indicators.units[unit]!;
    const lines: Bilingual[] = [];
    const tied = r.tiedWith.length
      ? { vi: ` (đồng hạng với ${r.tiedWith.join('; ')})`, en: ` (shared with ${r.tiedWith.join('; ')})` }
      : { vi: '', en: '' };
    lines.push({
      vi: `${u.name}: hạng ${r.rank}/${ranking.length}${tied.vi}, xếp theo điểm ${STAGE_TEXT[usedStage].vi}.`,
      en: `${u.name}: rank ${r.rank} of ${ranking.length}${tied.en}, ranked on the ${STAGE_TEXT[usedStage].en}.`,
    });
    const tierFrom = r.tierRule
      ? { vi: ` (từ ${numText(r.tierRule.minPercent).vi}%)`, en: ` (from ${r.tierRule.minPercent}%)` }
      : { vi: ' (dưới mọi mức xếp loại)', en: ' (below every tier)' };
    lines.push({
      vi: `Tổng điểm ${STAGE_TEXT[usedStage].vi} ${numText(num(used.total)).vi} / ${numText(num(tree.standardTotal)).vi} điểm chuẩn = ${numText(r.percent).vi}%: ${r.tier}${tierFrom.vi}.`,
      en: `${STAGE_TEXT[usedStage].en} total ${num(used.total)} of a ${num(tree.standardTotal)} standard = ${r.percent}%: ${r.tier}${tierFrom.en}.`,
    });
    for (const s of [self, verified]) {
      const st = STAGE_TEXT[s.stage];
      lines.push({
        vi: `${st.vi[0]!.toUpperCase()}${st.vi.slice(1)}: điểm ${numText(num(s.points)).vi}, cộng ${numText(num(s.bonus)).vi}, trừ ${numText(num(s.deduction)).vi} → ${numText(num(s.total)).vi}.`,
        en: `${st.en[0]!.toUpperCase()}${st.en.slice(1)}: points ${num(s.points)}, bonus ${num(s.bonus)}, deduction ${num(s.deduction)} → ${num(s.total)}.`,
      });
    }
    if (r.above) lines.push(r.above.text);
    if (r.below) lines.push(r.below.text);
    const sum = ind.summary;
    lines.push({
      vi: `Chỉ tiêu: ${sum.met}/${sum.arising} chỉ tiêu phát sinh đạt (${sum.metText}); ${sum.exceeded}/${sum.exceedable} chỉ tiêu có thể tính vượt đã vượt (${sum.exceededText}).`,
      en: `Indicators: ${sum.met} of ${sum.arising} arising met (${sum.metRatio}); ${sum.exceeded} of ${sum.exceedable} exceedable exceeded (${sum.exceededRatio}).`,
    });
    const caps: CapView[] = [];
    for (const s of [self, verified])
      for (const cap of s.caps) {
        const { view, line } = capView(tree, s.stage, cap);
        caps.push(view);
        lines.push(line);
      }
    const own = issues.filter((i) => i.unit === u.name);
    if (own.length)
      lines.push({
        vi: `${own.filter((i) => i.severity === 'error').length} lỗi, ${own.filter((i) => i.severity !== 'error').length} cảnh báo/ghi chú về đơn vị này.`,
        en: `${own.filter((i) => i.severity === 'error').length} errors, ${own.filter((i) => i.severity !== 'error').length} warnings/notes about this unit.`,
      });
    const criteria: CriterionRow[] = [];
    const visit = (i: number) => {
      const n = tree.nodes[i]!;
      criteria.push({
        criterion: n.code,
        title: n.title,
        depth: n.depth,
        leaf: n.children.length === 0,
        standard: num(n.standard),
        self: num(nodeTotal(self, i)),
        verified: num(nodeTotal(verified, i)),
      });
      for (const c of n.children) visit(c);
    };
    for (const root of tree.roots) visit(root);
    const out: UnitExplanation = {
      kind: 'unit',
      unit: u.name,
      stage: usedStage,
      rank: r.rank,
      tier: r.tier,
      percent: r.percent,
      standardTotal: num(tree.standardTotal),
      self: stageTotals(self),
      verified: stageTotals(verified),
      tiedWith: r.tiedWith,
      indicators: sum,
      indicatorOutcomes: ind.outcomes.map((o) => ({ ...o, text: indicatorOutcomeText(o) })),
      criteria,
      caps,
      issues: own,
      lines,
    };
    if (r.tierRule) out.tierRule = r.tierRule;
    if (r.above) out.above = r.above;
    if (r.below) out.below = r.below;
    return out;
  };

  return { result, explain, cluster, scorecard, indicators, ranking, stage };
}
