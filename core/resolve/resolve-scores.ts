/**
 * Scores as typed → ResolvedScore: references, duplicates, bounds (held, with an error naming unit,
 * criterion, stage and bound), decimals, and the occurrence rule. The loop body is kept free of closures and
 * builds message text only when there is a problem: 700 units × 150 criteria × 2 stages is 210 000 entries.
 */
import { type Milli, roundMilli, toMilli } from '../exact/decimal';
import { type Bilingual, type Issue, type IssueLocation, makeIssue, type Stage } from '../issues/issue';
import { type OccurrenceDeduction, occurrenceDeduction } from '../criteria/rules';
import type { CriteriaTree, CriterionNode } from '../criteria/tree';
import { matchKey } from '../text/key';
import type { HeldValue, ResolvedClusterUnit, ResolvedScore, ScoreField } from './scores-model';
import type { Score } from '../model/types';
import { amountText, milliProblemText, numText, STAGE_TEXT } from '../model/words';

export function unknownUnitIssue(
  name: unknown,
  path: string,
  what: Bilingual,
  where: IssueLocation = {},
): Issue {
  return makeIssue(
    'error',
    'ref.unit.unknown',
    {
      vi: `${what.vi} ghi đơn vị "${String(name)}", không có trong danh sách đơn vị của cụm (units).`,
      en: `${what.en} names unit "${String(name)}", which is not among the cluster's units.`,
    },
    { ...where, unit: typeof name === 'string' ? name : undefined, path },
  );
}

export function unknownCriterionIssue(
  code: unknown,
  path: string,
  what: Bilingual,
  where: IssueLocation = {},
): Issue {
  return makeIssue(
    'error',
    'ref.criterion.unknown',
    {
      vi: `${what.vi} ghi tiêu chí "${String(code)}", không có trong bảng tiêu chí.`,
      en: `${what.en} names criterion "${String(code)}", which is not in the scorecard.`,
    },
    { ...where, criterion: typeof code === 'string' ? code : undefined, path },
  );
}

const FIELD_TEXT: Record<ScoreField, Bilingual> = {
  points: { vi: 'Điểm', en: 'Points' },
  bonus: { vi: 'Điểm cộng', en: 'Bonus' },
  deduction: { vi: 'Điểm trừ', en: 'Deduction' },
  occurrences: { vi: 'Số lần vi phạm', en: 'Occurrences' },
};

const m = (milli: Milli) => numText(milli / 1000);

export interface ScoreContext {
  units: readonly ResolvedClusterUnit[];
  tree: CriteriaTree;
  /** The unit a score's `unit` names; `entry` is the score's index (for the place of any warning). */
  findUnit(name: unknown, entry: number): number | undefined;
  issues: Issue[];
}

/** One score entry being checked; message parts are built on demand. */
interface Entry {
  s: Score;
  path: string;
  unitName: string;
  crit: CriterionNode;
  stage: Stage;
  held: HeldValue[];
  issues: Issue[];
}

const whose = (e: Entry): Bilingual => ({
  vi: `của ${e.unitName}, tiêu chí ${e.crit.code} (${STAGE_TEXT[e.stage].vi})`,
  en: `of ${e.unitName}, criterion ${e.crit.code} (${STAGE_TEXT[e.stage].en})`,
});

const at = (e: Entry, field?: string): IssueLocation => ({
  unit: e.unitName,
  criterion: e.crit.code,
  stage: e.stage,
  path: field ? `${e.path}.${field}` : e.path,
});

/** A value in [0, max] with ≤ 3 decimals, held to its bounds; `max` undefined means no upper bound. */
function bounded(
  e: Entry,
  field: 'points' | 'bonus' | 'deduction',
  max: Milli | undefined,
  maxText: Bilingual,
): Milli {
  const typed = e.s[field];
  if (typed === undefined) return 0;
  let milli = toMilli(typed);
  if (milli !== undefined && milli >= 0 && (max === undefined || milli <= max)) return milli;
  const fieldText = FIELD_TEXT[field];
  const w = whose(e);
  if (milli === undefined) {
    milli = roundMilli(typed);
    e.issues.push(
      makeIssue(
        'error',
        'score.decimals',
        {
          vi: `${fieldText.vi} ${w.vi} là ${amountText(typed, 9).vi}, ${milliProblemText(typed).vi}; tính theo ${m(milli).vi}.`,
          en: `${fieldText.en} ${w.en} is ${amountText(typed, 9).en}, which ${milliProblemText(typed).en}; counted as ${m(milli).en}.`,
        },
        at(e, field),
      ),
    );
  }
  if (milli < 0) {
    e.issues.push(
      makeIssue(
        'error',
        'score.negative',
        {
          vi: `${fieldText.vi} ${w.vi} là ${m(milli).vi}, không được âm. Khi tính tổng, lấy 0.`,
          en: `${fieldText.en} ${w.en} is ${m(milli).en} and may not be negative. Totals count 0.`,
        },
        at(e, field),
      ),
    );
    e.held.push({ field, typed, counted: 0, issueCode: 'score.negative' });
    return 0;
  }
  if (max !== undefined && milli > max) {
    const code = `score.${field}.over`;
    e.issues.push(
      makeIssue(
        'error',
        code,
        {
          vi: `${fieldText.vi} ${w.vi} là ${m(milli).vi}, vượt mức tối đa ${m(max).vi} điểm${maxText.vi}. Khi tính tổng, lấy ${m(max).vi}.`,
          en: `${fieldText.en} ${w.en} is ${m(milli).en}, above the maximum of ${m(max).en} points${maxText.en}. Totals count ${m(max).en}.`,
        },
        at(e, field),
      ),
    );
    e.held.push({ field, typed, counted: max / 1000, issueCode: code });
    return max;
  }
  return milli;
}

/** Shared by every entry with nothing held (never mutated: entries with held values get their own array). */
const NO_HELD: HeldValue[] = [];

/** milli when `value` is in [0, max] with ≤ 3 decimals, else -1 (the slow path then says why). */
function inBounds(value: number, max: Milli | undefined): Milli {
  const milli = toMilli(value);
  return milli !== undefined && milli >= 0 && (max === undefined || milli <= max) ? milli : -1;
}

const STANDARD_TEXT: Bilingual = { vi: ' (điểm chuẩn)', en: ' (the standard)' };
const NO_TEXT: Bilingual = { vi: '', en: '' };

function bonusOf(e: Entry): Milli {
  const typed = e.s.bonus;
  if (typed === undefined || typed === 0 || e.crit.bonusAllowed)
    return bounded(e, 'bonus', e.crit.bonusMax, NO_TEXT);
  const w = whose(e);
  e.issues.push(
    makeIssue(
      'error',
      'score.bonus.notAllowed',
      {
        vi: `Điểm cộng ${w.vi} là ${numText(typed).vi}, nhưng tiêu chí này không có điểm cộng (không có bonusMax). Khi tính tổng, lấy 0.`,
        en: `Bonus ${w.en} is ${typed}, but this criterion allows no bonus (no bonusMax). Totals count 0.`,
      },
      at(e, 'bonus'),
    ),
  );
  e.held.push({ field: 'bonus', typed, counted: 0, issueCode: 'score.bonus.notAllowed' });
  return 0;
}

/** Whole, non-negative occurrences when the criterion has a per-occurrence deduction; undefined otherwise. */
function occurrencesOf(e: Entry): number | undefined {
  const typed = e.s.occurrences;
  if (typed === undefined) return undefined;
  if (e.crit.deductionEach !== undefined && Number.isInteger(typed) && typed >= 0) return typed;
  const w = whose(e);
  const where = at(e, 'occurrences');
  if (e.crit.deductionEach === undefined) {
    e.issues.push(
      makeIssue(
        'error',
        'score.occurrences.noRate',
        {
          vi: `Số lần vi phạm ${w.vi} là ${numText(typed).vi}, nhưng tiêu chí không ghi điểm trừ mỗi lần (deductionEach); số lần không được tính, chỉ tính điểm trừ đã ghi.`,
          en: `Occurrences ${w.en} are ${typed}, but the criterion has no deductionEach; they are not counted, only the deduction typed.`,
        },
        where,
      ),
    );
    return undefined;
  }
  if (typed < 0) {
    e.issues.push(
      makeIssue(
        'error',
        'score.negative',
        {
          vi: `Số lần vi phạm ${w.vi} là ${numText(typed).vi}, không được âm. Khi tính tổng, lấy 0.`,
          en: `Occurrences ${w.en} are ${typed} and may not be negative. Totals count 0.`,
        },
        where,
      ),
    );
    e.held.push({ field: 'occurrences', typed, counted: 0, issueCode: 'score.negative' });
    return 0;
  }
  const counted = Math.floor(typed);
  e.issues.push(
    makeIssue(
      'error',
      'score.occurrences.notInteger',
      {
        vi: `Số lần vi phạm ${w.vi} là ${numText(typed).vi}, phải là số nguyên. Khi tính tổng, lấy ${counted}.`,
        en: `Occurrences ${w.en} are ${typed} and must be a whole number. Totals count ${counted}.`,
      },
      where,
    ),
  );
  e.held.push({ field: 'occurrences', typed, counted, issueCode: 'score.occurrences.notInteger' });
  return counted;
}

function whatAt(stage: Stage, path: string): Bilingual {
  const st = STAGE_TEXT[stage] ?? { vi: String(stage), en: String(stage) };
  return { vi: `Điểm ${st.vi} ở ${path}`, en: `The ${st.en} at ${path}` };
}

export const STAGE_SELF = 0;
export const STAGE_VERIFIED = 1;
export const STAGE_OTHER = 2;

/**
 * The resolved entries column by column, so that 210 000 entries are a few typed arrays rather than as many
 * objects: entry `e` (what UnitStageScore.leafEntry points at) is `cluster.scores[e]`, built on demand by
 * scoreEntry().
 */
export interface ScoreColumns {
  length: number;
  /** Index in `doc.scores`. */
  index: Int32Array;
  unit: Int32Array;
  node: Int32Array;
  /** STAGE_SELF, STAGE_VERIFIED, or STAGE_OTHER for a stage the parser would have refused (kept as typed). */
  stage: Uint8Array;
  points: Float64Array;
  bonus: Float64Array;
  /** What counts (see ResolvedScore.deduction). */
  deduction: Float64Array;
  /** Entries with an occurrence rule or held values; every other entry has neither. */
  details: Map<number, { occurrenceRule: OccurrenceDeduction | undefined; held: HeldValue[] }>;
}

const STAGE_NAMES: (Stage | undefined)[] = ['self', 'verified'];

/** Entry `e` as a ResolvedScore; `list` is the document's scores the columns were resolved from. */
export function scoreEntry(columns: ScoreColumns, list: readonly Score[], e: number): ResolvedScore {
  const index = columns.index[e]!;
  const details = columns.details.get(e);
  // One object shape for every entry keeps loops over them monomorphic.
  return {
    index,
    unit: columns.unit[e]!,
    node: columns.node[e]!,
    stage: STAGE_NAMES[columns.stage[e]!] ?? list[index]!.stage,
    points: columns.points[e]!,
    bonus: columns.bonus[e]!,
    deduction: columns.deduction[e]!,
    occurrenceRule: details?.occurrenceRule,
    note: list[index]!.note,
    held: details?.held ?? NO_HELD,
  };
}

export function scoreEntries(columns: ScoreColumns, list: readonly Score[]): ResolvedScore[] {
  const out: ResolvedScore[] = new Array(columns.length);
  for (let e = 0; e < columns.length; e++) out[e] = scoreEntry(columns, list, e);
  return out;
}

function setEntry(
  columns: ScoreColumns,
  e: number,
  index: number,
  unit: number,
  node: number,
  stage: number,
  points: Milli,
  bonus: Milli,
  deduction: Milli,
): void {
  columns.index[e] = index;
  columns.unit[e] = unit;
  columns.node[e] = node;
  columns.stage[e] = stage;
  columns.points[e] = points;
  columns.bonus[e] = bonus;
  columns.deduction[e] = deduction;
}

export function resolveScores(
  list: readonly Score[],
  ctx: ScoreContext,
): { columns: ScoreColumns; unitsWithVerified: Set<number> } {
  const { units, tree, issues } = ctx;
  const nodeCount = tree.nodes.length;
  const capacity = list.length;
  const columns: ScoreColumns = {
    length: 0,
    index: new Int32Array(capacity),
    unit: new Int32Array(capacity),
    node: new Int32Array(capacity),
    stage: new Uint8Array(capacity),
    points: new Float64Array(capacity),
    bonus: new Float64Array(capacity),
    deduction: new Float64Array(capacity),
    details: new Map(),
  };
  let count = 0;
  const unitsWithVerified = new Set<number>();
  // First entry per (unit, node, stage), as an index into `list`; -1 when none yet.
  const seen = new Int32Array(units.length * nodeCount * 2).fill(-1);
  // Spelling → node index, -1 when it matches nothing: one matchKey per distinct spelling.
  const criterionCache = new Map<string, number>();

  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    const stage = s.stage;
    const unit = ctx.findUnit(s.unit, i);
    let node: number | undefined;
    const code = s.criterion;
    if (typeof code === 'string') {
      node = criterionCache.get(code);
      if (node === undefined) {
        node = tree.byKey.get(matchKey(code)) ?? -1;
        criterionCache.set(code, node);
      }
      if (node < 0) node = undefined;
    }
    if (unit === undefined || node === undefined) {
      const path = `scores[${i}]`;
      if (unit === undefined)
        issues.push(
          unknownUnitIssue(s.unit, `${path}.unit`, whatAt(stage, path), { criterion: s.criterion, stage }),
        );
      if (node === undefined)
        issues.push(
          unknownCriterionIssue(s.criterion, `${path}.criterion`, whatAt(stage, path), {
            unit: unit === undefined ? s.unit : units[unit]!.name,
            stage,
          }),
        );
      continue;
    }
    const crit = tree.nodes[node]!;
    const isVerified = stage === 'verified' ? 1 : 0;
    const stageCode = isVerified ? STAGE_VERIFIED : stage === 'self' ? STAGE_SELF : STAGE_OTHER;
    if (crit.children.length === 0) {
      const slot = (unit * nodeCount + node) * 2 + isVerified;
      if (seen[slot]! < 0) {
        // Fast path, taken by nearly every entry: all values in bounds, no occurrences, nothing to report.
        const points = inBounds(s.points, crit.standard);
        const bonus =
          s.bonus === undefined || s.bonus === 0
            ? 0
            : crit.bonusAllowed
              ? inBounds(s.bonus, crit.bonusMax)
              : -1;
        const deduction = s.deduction === undefined ? 0 : inBounds(s.deduction, crit.deductionMax);
        if (points >= 0 && bonus >= 0 && deduction >= 0 && s.occurrences === undefined) {
          seen[slot] = i;
          if (isVerified) unitsWithVerified.add(unit);
          setEntry(columns, count++, i, unit, node, stageCode, points, bonus, deduction);
          continue;
        }
      }
    }
    const e: Entry = { s, path: `scores[${i}]`, unitName: units[unit]!.name, crit, stage, held: [], issues };
    if (crit.children.length > 0) {
      const w = whose(e);
      const leaves = crit.children.map((c) => tree.nodes[c]!.code).join(', ');
      issues.push(
        makeIssue(
          'error',
          'score.group',
          {
            vi: `Điểm ${w.vi} được ghi vào một nhóm tiêu chí; chỉ chấm điểm ở tiêu chí chi tiết (${leaves}). Điểm này không được tính.`,
            en: `A score ${w.en} is given on a group; scores go on its leaf criteria (${leaves}). It is not counted.`,
          },
          at(e),
        ),
      );
      continue;
    }
    const slot = (unit * nodeCount + node) * 2 + isVerified;
    const earlier = seen[slot]!;
    if (earlier >= 0) {
      const w = whose(e);
      issues.push(
        makeIssue(
          'error',
          'score.duplicate',
          {
            vi: `Điểm ${w.vi} bị nhập hai lần (scores[${earlier}] và ${e.path}); chỉ tính lần đầu.`,
            en: `The score ${w.en} is entered twice (scores[${earlier}] and ${e.path}); only the first counts.`,
          },
          at(e),
        ),
      );
      continue;
    }
    seen[slot] = i;

    const points = bounded(e, 'points', crit.standard, STANDARD_TEXT);
    const bonus = bonusOf(e);
    const deduction = bounded(e, 'deduction', crit.deductionMax, NO_TEXT);
    const occurrences = occurrencesOf(e);

    let counted = deduction;
    let occurrenceRule: OccurrenceDeduction | undefined;
    if (occurrences !== undefined && crit.deductionEach !== undefined) {
      occurrenceRule = occurrenceDeduction(occurrences, crit.deductionEach, crit.deductionMax);
      counted = occurrenceRule.counted;
      if (s.deduction !== undefined && deduction !== counted) {
        const w = whose(e);
        const capped = occurrenceRule.cap !== undefined && occurrenceRule.raw > occurrenceRule.cap;
        issues.push(
          makeIssue(
            'warning',
            'score.deduction.mismatch',
            {
              vi: `Điểm trừ ${w.vi} ghi ${m(deduction).vi}, nhưng ${occurrences} lần × ${m(crit.deductionEach).vi} điểm${capped ? ` (tối đa ${m(occurrenceRule.cap!).vi})` : ''} là ${m(counted).vi}; tính theo số lần: ${m(counted).vi}.`,
              en: `Deduction ${w.en} is typed as ${m(deduction).en}, but ${occurrences} × ${m(crit.deductionEach).en}${capped ? ` (at most ${m(occurrenceRule.cap!).en})` : ''} gives ${m(counted).en}; the occurrences count: ${m(counted).en}.`,
            },
            at(e, 'deduction'),
          ),
        );
      }
    }
    if (isVerified) unitsWithVerified.add(unit);
    if (occurrenceRule !== undefined || e.held.length > 0)
      columns.details.set(count, { occurrenceRule, held: e.held });
    setEntry(columns, count++, i, unit, node, stageCode, points, bonus, counted);
  }
  columns.length = count;
  return { columns, unitsWithVerified };
}
