/**
 * "Why this score": for one unit and one criterion, the inputs typed at each stage, what was held to a
 * bound, the occurrence rule, the group caps that cut, the stage used and the issues: plain data plus
 * bilingual text lines for a panel or a terminal.
 */
import type { ScoreColumns } from '../resolve/resolve-scores';
import {
  type HeldValue,
  type ResolvedCluster,
  type ResolvedScore,
  resolvedScoreAt,
  scorePath,
} from '../resolve/resolve';
import { numText, STAGE_TEXT } from '../model/words';
import type { Milli } from '../exact/decimal';
import type { Bilingual, Issue, Stage } from '../issues/issue';
import { type CapApplied, type ClusterScorecard, nodeTotal, type UnitStageScore } from './score';
import { type CriteriaTree, criterionLineage } from '../criteria/tree';

export interface ScoreEntryView {
  stage: Stage;
  path: string;
  /** Counted values (after bounds and the occurrence rule). */
  points: number;
  bonus: number;
  deduction: number;
  occurrences?: number;
  note?: string;
  held: HeldValue[];
}

export interface CapView {
  criterion: string;
  kind: 'bonus' | 'deduction';
  stage: Stage;
  before: number;
  limit: number;
  cut: number;
  text: Bilingual;
}

export interface StageFigures {
  points: number;
  bonus: number;
  deduction: number;
  total: number;
  /** For a leaf: whose score counts at this stage (the verified stage keeps the self score when none). */
  source?: Stage | 'none';
}

export interface CriterionExplanation {
  unit: string;
  criterion: string;
  title: string;
  leaf: boolean;
  standard: number;
  bonusMax?: number;
  deductionMax?: number;
  deductionEach?: number;
  self: StageFigures;
  verified: StageFigures;
  inputs: ScoreEntryView[];
  caps: CapView[];
  issues: Issue[];
  lines: Bilingual[];
}

const num = (milli: Milli) => milli / 1000;
const t = (milli: Milli) => numText(milli / 1000);

export function capText(code: string, cap: CapApplied): Bilingual {
  const kind = cap.kind === 'bonus' ? { vi: 'điểm cộng', en: 'bonus' } : { vi: 'điểm trừ', en: 'deduction' };
  return {
    vi: `Nhóm ${code}: tổng ${kind.vi} các tiêu chí con là ${t(cap.before).vi}, vượt mức tối đa ${t(cap.limit).vi} của nhóm; tính ${t(cap.limit).vi} (bớt ${t(cap.cut).vi}).`,
    en: `Group ${code}: the ${kind.en} of its criteria adds up to ${t(cap.before).en}, above the group's maximum of ${t(cap.limit).en}; ${t(cap.limit).en} counts (${t(cap.cut).en} cut).`,
  };
}

/** A cap that cut a group's sum, as explanations show it, with its line (the cap's text and the stage). */
export function capView(
  tree: CriteriaTree,
  stage: Stage,
  cap: CapApplied,
): { view: CapView; line: Bilingual } {
  const code = tree.nodes[cap.node]!.code;
  const text = capText(code, cap);
  return {
    view: {
      criterion: code,
      kind: cap.kind,
      stage,
      before: num(cap.before),
      limit: num(cap.limit),
      cut: num(cap.cut),
      text,
    },
    line: { vi: `${text.vi} (${STAGE_TEXT[stage].vi})`, en: `${text.en} (${STAGE_TEXT[stage].en})` },
  };
}

function figures(cluster: ResolvedCluster, s: UnitStageScore, node: number, leaf: boolean): StageFigures {
  const f: StageFigures = {
    points: num(s.nodePoints[node]!),
    bonus: num(s.nodeBonus[node]!),
    deduction: num(s.nodeDeduction[node]!),
    total: num(nodeTotal(s, node)),
  };
  if (leaf) {
    const e = s.leafEntry[node]!;
    f.source = e < 0 ? 'none' : resolvedScoreAt(cluster, e).stage;
  }
  return f;
}

function entryView(s: ResolvedScore): ScoreEntryView {
  const v: ScoreEntryView = {
    stage: s.stage,
    path: scorePath(s.index),
    points: num(s.points),
    bonus: num(s.bonus),
    deduction: num(s.deduction),
    held: s.held,
  };
  if (s.occurrenceRule) v.occurrences = s.occurrenceRule.occurrences;
  if (s.note !== undefined) v.note = s.note;
  return v;
}

const NO_ENTRIES: readonly number[] = [];
const entryIndex = new WeakMap<ScoreColumns, Map<number, number[]>>();

/**
 * The entries of one unit and criterion, in the document's order. Indexed once per resolved cluster: the pane
 * explains every unit's leaves after a compute, and a scan of every entry for each would be quadratic
 * (63 units × 150 leaves × 16 000 entries).
 */
function entriesAt(columns: ScoreColumns, nodeCount: number, unit: number, node: number): readonly number[] {
  let index = entryIndex.get(columns);
  if (!index) {
    index = new Map();
    for (let e = 0; e < columns.length; e++) {
      const key = columns.unit[e]! * nodeCount + columns.node[e]!;
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    }
    entryIndex.set(columns, index);
  }
  return index.get(unit * nodeCount + node) ?? NO_ENTRIES;
}

export function explainCriterionScore(
  cluster: ResolvedCluster,
  card: ClusterScorecard,
  unit: number,
  node: number,
  issues: readonly Issue[],
): CriterionExplanation {
  const { tree, scoreColumns: columns } = cluster;
  const crit = tree.nodes[node]!;
  const unitName = cluster.units[unit]!.name;
  const leaf = crit.children.length === 0;
  const self = card.self[unit]!;
  const verified = card.verified[unit]!;
  const lines: Bilingual[] = [];

  const limits: string[][] = [[], []];
  limits[0]!.push(`điểm chuẩn ${t(crit.standard).vi}`);
  limits[1]!.push(`standard ${t(crit.standard).en}`);
  if (crit.bonusMax !== undefined) {
    limits[0]!.push(`điểm cộng tối đa ${t(crit.bonusMax).vi}`);
    limits[1]!.push(`bonus at most ${t(crit.bonusMax).en}`);
  }
  if (crit.deductionMax !== undefined) {
    limits[0]!.push(`điểm trừ tối đa ${t(crit.deductionMax).vi}`);
    limits[1]!.push(`deduction at most ${t(crit.deductionMax).en}`);
  }
  if (crit.deductionEach !== undefined) {
    limits[0]!.push(`trừ ${t(crit.deductionEach).vi} mỗi lần`);
    limits[1]!.push(`${t(crit.deductionEach).en} per occurrence`);
  }
  lines.push({
    vi: `${unitName}, tiêu chí ${crit.code} «${crit.title}»: ${limits[0]!.join('; ')}.`,
    en: `${unitName}, criterion ${crit.code} «${crit.title}»: ${limits[1]!.join('; ')}.`,
  });

  // Inputs: the leaf's own entries, or (for a group) none; its leaves are explained one by one.
  const inputs: ScoreEntryView[] = [];
  if (leaf) {
    for (const e of entriesAt(columns, tree.nodes.length, unit, node)) {
      const s = resolvedScoreAt(cluster, e);
      inputs.push(entryView(s));
      const st = STAGE_TEXT[s.stage];
      lines.push({
        vi: `${st.vi[0]!.toUpperCase()}${st.vi.slice(1)} (${scorePath(s.index)}): điểm ${t(s.points).vi}, cộng ${t(s.bonus).vi}, trừ ${t(s.deduction).vi} → ${t(s.points + s.bonus - s.deduction).vi}.${s.note ? ` Ghi chú: ${s.note}` : ''}`,
        en: `${st.en[0]!.toUpperCase()}${st.en.slice(1)} (${scorePath(s.index)}): points ${t(s.points).en}, bonus ${t(s.bonus).en}, deduction ${t(s.deduction).en} → ${t(s.points + s.bonus - s.deduction).en}.${s.note ? ` Note: ${s.note}` : ''}`,
      });
      for (const h of s.held)
        lines.push({
          vi: `  ${h.field === 'points' ? 'Điểm' : h.field === 'bonus' ? 'Điểm cộng' : h.field === 'deduction' ? 'Điểm trừ' : 'Số lần'} ghi ${numText(h.typed).vi} nằm ngoài giới hạn; tính ${numText(h.counted).vi} (lỗi ${h.issueCode}).`,
          en: `  ${h.field} typed as ${h.typed} is out of bounds; ${h.counted} counts (error ${h.issueCode}).`,
        });
      const r = s.occurrenceRule;
      if (r) {
        const capped = r.cap !== undefined && r.raw > r.cap;
        lines.push({
          vi: `  Trừ theo số lần: ${r.occurrences} × ${t(r.each).vi} = ${t(r.raw).vi}${capped ? `, tối đa ${t(r.cap!).vi}: trừ ${t(r.counted).vi}` : ''}.`,
          en: `  Deduction by occurrences: ${r.occurrences} × ${t(r.each).en} = ${t(r.raw).en}${capped ? `, at most ${t(r.cap!).en}: ${t(r.counted).en} deducted` : ''}.`,
        });
      }
    }
    if (inputs.length === 0)
      lines.push({
        vi: 'Chưa có điểm ở giai đoạn nào: tính 0.',
        en: 'No score at either stage: counts 0.',
      });
    else if (!inputs.some((i) => i.stage === 'verified'))
      lines.push({
        vi: 'Không có điểm thẩm định cho tiêu chí này: giữ điểm tự chấm.',
        en: 'No verified score for this criterion: the self score stands.',
      });
  }

  // Caps: for a leaf, those of its groups (they cut a sum it is part of); for a group, its own and below.
  const lineage = new Set(criterionLineage(tree, node).map((n) => n.index));
  const inSubtree = (i: number): boolean => {
    for (let at: number | undefined = i; at !== undefined; at = tree.nodes[at]!.parent)
      if (at === node) return true;
    return false;
  };
  const caps: CapView[] = [];
  for (const stageScore of [self, verified]) {
    for (const cap of stageScore.caps) {
      if (!(leaf ? lineage.has(cap.node) : inSubtree(cap.node))) continue;
      if (leaf) {
        const own = cap.kind === 'bonus' ? stageScore.nodeBonus[node]! : stageScore.nodeDeduction[node]!;
        if (own === 0) continue;
      }
      const { view, line } = capView(tree, stageScore.stage, cap);
      caps.push(view);
      lines.push(line);
    }
  }

  const selfFig = figures(cluster, self, node, leaf);
  const verifiedFig = figures(cluster, verified, node, leaf);
  lines.push({
    vi: `Kết quả${leaf ? '' : ' của nhóm'}: tự chấm ${numText(selfFig.total).vi}; thẩm định ${numText(verifiedFig.total).vi}${leaf && verifiedFig.source === 'self' && inputs.length > 0 ? ' (giữ điểm tự chấm)' : ''}.`,
    en: `Result${leaf ? '' : ' of the group'}: self ${numText(selfFig.total).en}; verified ${numText(verifiedFig.total).en}${leaf && verifiedFig.source === 'self' && inputs.length > 0 ? ' (self score kept)' : ''}.`,
  });

  // The criterion's codes (a group's: its subtree's), looked for only when there are issues to look through.
  const codes = new Set<string>();
  if (issues.length > 0) {
    if (leaf) codes.add(crit.code);
    else for (const n of tree.nodes) if (inSubtree(n.index)) codes.add(n.code);
  }
  const related = issues.filter(
    (i) => i.unit === unitName && i.criterion !== undefined && codes.has(i.criterion),
  );
  for (const i of related)
    lines.push({
      vi: `${i.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${i.message}`,
      en: `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.messageEn}`,
    });

  const out: CriterionExplanation = {
    unit: unitName,
    criterion: crit.code,
    title: crit.title,
    leaf,
    standard: num(crit.standard),
    self: selfFig,
    verified: verifiedFig,
    inputs,
    caps,
    issues: related,
    lines,
  };
  if (crit.bonusMax !== undefined) out.bonusMax = num(crit.bonusMax);
  if (crit.deductionMax !== undefined) out.deductionMax = num(crit.deductionMax);
  if (crit.deductionEach !== undefined) out.deductionEach = num(crit.deductionEach);
  return out;
}
