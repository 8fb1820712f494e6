/**
 * From the document as written to the model the engines compute on: references resolved by matchKey,
 * numbers in exact milli, every value held to its bound. Each problem becomes an Issue naming the unit,
 * criterion, stage and bound; nothing is silently dropped (what cannot be counted is reported as such).
 */
import { toMilli } from '../exact/decimal';
import { type Bilingual, type Issue, type IssueLocation, makeIssue, type Stage } from '../issues/issue';
import { buildCriteriaTree, type CriteriaTree } from '../criteria/tree';
import {
  type ScoreColumns,
  resolveScores,
  STAGE_SELF,
  scoreEntries,
  scoreEntry,
  unknownCriterionIssue,
  unknownUnitIssue,
} from './resolve-scores';
import { documentDate } from '../registry/check';
import { provincialIdentity } from '../registry/identity';
import { matchKey } from '../text/key';
import { formatNumberVi } from '../text/numbers';
import type { ClusterDocument, Score, TieBreakKey, TierRule } from '../model/types';
import { decimalsOf, duplicateCodeText, numText } from '../model/words';

export type { ScoreColumns } from './resolve-scores';

export type { HeldValue, ResolvedClusterUnit, ResolvedScore, ScoreField } from './scores-model';
import type { ResolvedClusterUnit, ResolvedScore } from './scores-model';

export const scorePath = (index: number): string => `scores[${index}]`;

export interface ResolvedIndicator {
  index: number;
  code: string;
  title: string;
  target: number;
  /** Target in millionths, for exact comparison with integer ratios. */
  targetMicro: number;
  exceedable: boolean;
  lowerIsBetter: boolean;
  path: string;
}

export interface ResolvedIndicatorResult {
  index: number;
  path: string;
  unit: number;
  indicator: number;
  numerator: number;
  denominator: number;
}

export interface ResolvedTieBreak {
  key: TieBreakKey;
  /** Node index for `criterion:<code>`. */
  node?: number;
}

export interface ResolvedCluster {
  doc: ClusterDocument;
  units: ResolvedClusterUnit[];
  tree: CriteriaTree;
  /** Every counted entry as an object, built on first use (the engines read scoreColumns). */
  readonly scores: ResolvedScore[];
  /** The same entries column by column. */
  scoreColumns: ScoreColumns;
  indicators: ResolvedIndicator[];
  indicatorResults: ResolvedIndicatorResult[];
  tieBreak: ResolvedTieBreak[];
  /** Highest first. */
  tiers: TierRule[];
  requestedStage?: Stage;
  /** Units (indexes) that have at least one verified score. */
  unitsWithVerified: Set<number>;
}

export const DEFAULT_TIE_BREAK: readonly TieBreakKey[] = ['indicatorsMetRatio', 'deduction'];

export const DEFAULT_TIERS: readonly TierRule[] = [
  { label: 'Hoàn thành xuất sắc nhiệm vụ', minPercent: 95 },
  { label: 'Hoàn thành tốt nhiệm vụ', minPercent: 80 },
  { label: 'Hoàn thành nhiệm vụ', minPercent: 50 },
  { label: 'Không hoàn thành nhiệm vụ', minPercent: 0 },
];

const TIE_BREAK_NAMES = new Set(['indicatorsMetRatio', 'indicatorsExceededRatio', 'deduction', 'bonus']);

/**
 * Resolves names to indexes with one matchKey per distinct spelling. With `identity`, a name that matches no
 * spelling may still match by that identity (the registry's unit for provincial names), which
 * `newIdentityMatch` tells once per spelling.
 */
class NameIndex {
  private readonly byKey = new Map<string, number>();
  private readonly byIdentity = new Map<string, number>();
  /** Spelling → index, -1 when it matches nothing. */
  private readonly cache = new Map<string, number>();
  constructor(private readonly identity?: (name: string) => string | undefined) {}
  /** Adds a name; the index of an earlier entry it duplicates, by spelling or by identity, if any. */
  add(name: string, index: number): { first: number; by: 'name' | 'identity' } | undefined {
    const key = matchKey(name);
    const had = this.byKey.get(key);
    if (had !== undefined) return { first: had, by: 'name' };
    const id = this.identity?.(name);
    if (id !== undefined) {
      const same = this.byIdentity.get(id);
      if (same !== undefined) return { first: same, by: 'identity' };
      this.byIdentity.set(id, index);
    }
    this.byKey.set(key, index);
    return undefined;
  }
  /** True right after a find() that matched a spelling by identity for the first time. */
  newIdentityMatch = false;
  find(name: unknown): number | undefined {
    this.newIdentityMatch = false;
    if (typeof name !== 'string') return undefined;
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit < 0 ? undefined : hit;
    let found = this.byKey.get(matchKey(name));
    if (found === undefined && this.identity) {
      const id = this.identity(name);
      found = id === undefined ? undefined : this.byIdentity.get(id);
      this.newIdentityMatch = found !== undefined;
    }
    this.cache.set(name, found ?? -1);
    return found;
  }
}

const scoreUnitPath = (i: number) => `${scorePath(i)}.unit`;
const resultUnitPath = (i: number) => `indicatorResults[${i}].unit`;

export function resolveClusterDocument(doc: ClusterDocument): { cluster: ResolvedCluster; issues: Issue[] } {
  const issues: Issue[] = [];
  const add = (severity: 'error' | 'warning' | 'info', code: string, text: Bilingual, where: IssueLocation) =>
    issues.push(makeIssue(severity, code, text, where));

  /* ---------- units ---------- */
  const units: ResolvedClusterUnit[] = [];
  const identityOf = provincialIdentity(Number.isInteger(doc.year) ? documentDate(doc) : undefined);
  const unitIndex = new NameIndex(identityOf);
  (doc.units ?? []).forEach((u, i) => {
    const path = `units[${i}]`;
    const name = typeof u.name === 'string' ? u.name.trim() : '';
    if (name === '') {
      add(
        'error',
        'unit.name.empty',
        {
          vi: `Đơn vị thứ ${i + 1} không có tên; bị bỏ qua.`,
          en: `Unit number ${i + 1} has no name; left out.`,
        },
        { path: `${path}.name` },
      );
      return;
    }
    const dup = unitIndex.add(name, units.length);
    if (dup !== undefined) {
      const first = units[dup.first]!;
      const same =
        dup.by === 'identity'
          ? {
              vi: ', cùng một đơn vị theo danh mục tỉnh, thành phố',
              en: ', the same unit in the register of provinces',
            }
          : { vi: '', en: '' };
      add(
        'error',
        'unit.duplicate',
        {
          vi: `Đơn vị "${name}" (${path}) bị trùng với "${first.name}" (${first.path})${same.vi}; dòng ${path} bị bỏ qua.`,
          en: `Unit "${name}" (${path}) duplicates "${first.name}" (${first.path})${same.en}; ${path} is left out.`,
        },
        { unit: name, path: `${path}.name` },
      );
      return;
    }
    units.push({ index: units.length, name, key: matchKey(name), province: u.province, path });
  });
  if (units.length < 2)
    add(
      'error',
      'units.tooFew',
      {
        vi: `Cụm thi đua cần ít nhất 2 đơn vị, nhưng chỉ có ${units.length}.`,
        en: `A cluster needs at least 2 units, but has ${units.length}.`,
      },
      { path: 'units' },
    );
  // A reference that matches a unit only through the registry ("Đăk Lăk" for "Đắk Lắk"): counted for that
  // unit, with a warning at its first use.
  const variantIssue = (name: string, unit: number, path: string, where: IssueLocation = {}) =>
    add(
      'warning',
      'unit.name.variant',
      {
        vi: `Tên "${name}" ở ${path} khác tên đơn vị "${units[unit]!.name}" trong danh sách đơn vị; theo danh mục tỉnh, thành phố đây là cùng một đơn vị nên được tính cho "${units[unit]!.name}".`,
        en: `Name "${name}" at ${path} differs from the unit "${units[unit]!.name}" in the units list; the register of provinces makes them one unit, so it counts for "${units[unit]!.name}".`,
      },
      { ...where, unit: name, path },
    );
  /** `entry` and `place` make the path of a warning: `place(entry)`, built only when there is one. */
  const findUnit = <T>(
    name: unknown,
    entry: T,
    place: (entry: T) => string,
    where?: IssueLocation,
  ): number | undefined => {
    const found = unitIndex.find(name);
    if (unitIndex.newIdentityMatch) variantIssue(name as string, found!, place(entry), where);
    return found;
  };
  const unitRef = (
    name: unknown,
    path: string,
    what: Bilingual,
    where: IssueLocation = {},
  ): number | undefined => {
    const found = findUnit(name, path, (p) => p, where);
    if (found === undefined) issues.push(unknownUnitIssue(name, path, what, where));
    return found;
  };

  /* ---------- cluster ---------- */
  const info = doc.cluster;
  if (info) {
    if (info.leader !== undefined)
      unitRef(info.leader, 'cluster.leader', { vi: 'Cụm trưởng', en: 'The leader' });
    if (info.deputy !== undefined)
      unitRef(info.deputy, 'cluster.deputy', { vi: 'Cụm phó', en: 'The deputy' });
    if (
      info.leader !== undefined &&
      info.deputy !== undefined &&
      matchKey(info.leader) === matchKey(info.deputy)
    )
      add(
        'warning',
        'cluster.deputy.sameAsLeader',
        {
          vi: `Cụm trưởng và cụm phó cùng là "${info.leader}".`,
          en: `Leader and deputy are both "${info.leader}".`,
        },
        { unit: info.leader, path: 'cluster.deputy' },
      );
    if (info.rotation) {
      const seen = new Set<number>();
      info.rotation.forEach((name, i) => {
        const u = unitRef(name, `cluster.rotation[${i}]`, {
          vi: `Thứ tự luân phiên (vị trí ${i + 1})`,
          en: `The rotation (place ${i + 1})`,
        });
        if (u === undefined) return;
        if (seen.has(u))
          add(
            'error',
            'cluster.rotation.duplicate',
            {
              vi: `${units[u]!.name} xuất hiện hai lần trong thứ tự luân phiên cụm trưởng.`,
              en: `${units[u]!.name} appears twice in the leadership rotation.`,
            },
            { unit: units[u]!.name, path: `cluster.rotation[${i}]` },
          );
        seen.add(u);
      });
      const missing = units.filter((u) => !seen.has(u.index)).map((u) => u.name);
      if (missing.length > 0)
        add(
          'warning',
          'cluster.rotation.incomplete',
          {
            vi: `Thứ tự luân phiên cụm trưởng thiếu: ${missing.join('; ')}.`,
            en: `The leadership rotation leaves out: ${missing.join('; ')}.`,
          },
          { path: 'cluster.rotation' },
        );
    }
  }

  /* ---------- period and year ---------- */
  if (doc.period) {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const valid = (d: string) => iso.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
    if (!valid(doc.period.from) || !valid(doc.period.to) || doc.period.from > doc.period.to)
      add(
        'error',
        'period.invalid',
        {
          vi: `Thời gian của đợt thi đua "${doc.period.from}" → "${doc.period.to}" không hợp lệ (cần YYYY-MM-DD, ngày bắt đầu không sau ngày kết thúc).`,
          en: `The campaign period "${doc.period.from}" → "${doc.period.to}" is invalid (YYYY-MM-DD, start not after end).`,
        },
        { path: 'period' },
      );
  }
  if (Number.isInteger(doc.year) && (doc.year < 2000 || doc.year > 2100))
    add(
      'warning',
      'document.year.range',
      { vi: `Năm thi đua ${doc.year} có vẻ không đúng.`, en: `The emulation year ${doc.year} looks wrong.` },
      { path: 'year' },
    );

  /* ---------- criteria ---------- */
  const built = buildCriteriaTree(doc.criteria ?? []);
  const tree = built.tree;
  issues.push(...built.issues);
  const criterionRef = (code: unknown, path: string, what: Bilingual, where: IssueLocation = {}) => {
    const found = typeof code === 'string' ? tree.byKey.get(matchKey(code)) : undefined;
    if (found === undefined) issues.push(unknownCriterionIssue(code, path, what, where));
    return found;
  };

  /* ---------- scores ---------- */
  const scoreList = doc.scores ?? [];
  const { columns, unitsWithVerified } = resolveScores(scoreList, {
    units,
    tree,
    findUnit: (name, i) => findUnit(name, i, scoreUnitPath),
    issues,
  });

  // Items a unit has not scored itself: reported once per unit, so a half-filled scorecard is visible.
  const nodeCount = tree.nodes.length;
  const selfScored = new Uint8Array(units.length * nodeCount);
  const anyScored = new Uint8Array(units.length);
  for (let e = 0; e < columns.length; e++) {
    anyScored[columns.unit[e]!] = 1;
    if (columns.stage[e] === STAGE_SELF) selfScored[columns.unit[e]! * nodeCount + columns.node[e]!] = 1;
  }
  for (const u of units) {
    // A unit with no score at all has not returned its scorecard: "chưa nộp", left out of the ranking.
    if (anyScored[u.index] === 0) {
      add(
        'warning',
        'unit.notSubmitted',
        {
          vi: `${u.name}: chưa nộp bảng chấm điểm (không có điểm nào); không xếp hạng, không xếp loại.`,
          en: `${u.name}: has not returned its scorecard (no score at all); not ranked, not rated.`,
        },
        { unit: u.name },
      );
      continue;
    }
    const missing = tree.leaves.filter((l) => selfScored[u.index * nodeCount + l] === 0);
    if (missing.length === 0 || tree.leaves.length === 0) continue;
    const codes = missing.map((l) => tree.nodes[l]!.code);
    const list = codes.length > 8 ? `${codes.slice(0, 8).join(', ')}, …` : codes.join(', ');
    if (missing.length === tree.leaves.length)
      add(
        'warning',
        'score.unit.none',
        {
          vi: `${u.name} chưa có điểm tự chấm nào; tổng điểm tự chấm tính là 0.`,
          en: `${u.name} has no self score at all; its self total counts 0.`,
        },
        { unit: u.name, stage: 'self' },
      );
    else
      add(
        'warning',
        'score.missing',
        {
          vi: `${u.name} chưa có điểm tự chấm cho ${missing.length} tiêu chí (${list}); các tiêu chí này tính 0 điểm.`,
          en: `${u.name} has no self score for ${missing.length} criteria (${list}); they count 0 points.`,
        },
        { unit: u.name, stage: 'self' },
      );
  }

  /* ---------- indicators ---------- */
  const indicators: ResolvedIndicator[] = [];
  const indicatorIndex = new NameIndex();
  (doc.indicators ?? []).forEach((ind, i) => {
    const path = `indicators[${i}]`;
    const code = typeof ind.code === 'string' ? ind.code.trim() : '';
    if (code === '') {
      add(
        'error',
        'indicator.code.empty',
        {
          vi: `Chỉ tiêu thứ ${i + 1} (${ind.title ?? ''}) không có mã; bị bỏ qua.`,
          en: `Indicator number ${i + 1} (${ind.title ?? ''}) has no code; left out.`,
        },
        { path: `${path}.code` },
      );
      return;
    }
    const first = indicatorIndex.add(code, indicators.length)?.first;
    if (first !== undefined) {
      add(
        'error',
        'indicator.duplicate',
        duplicateCodeText({ vi: 'Mã chỉ tiêu', en: 'Indicator code' }, code, indicators[first]!.path, path),
        { indicator: code, path: `${path}.code` },
      );
      return;
    }
    let target = ind.target;
    if (!Number.isFinite(target) || target < 0 || target > 1) {
      const held = Number.isFinite(target) ? Math.min(1, Math.max(0, target)) : 0;
      add(
        'error',
        'indicator.target.range',
        {
          vi: `Chỉ tiêu ${code}: mức chỉ tiêu ${numText(target).vi} phải là tỷ lệ từ 0 đến 1 (0,9 là 90%); tính theo ${numText(held).vi}.`,
          en: `Indicator ${code}: target ${target} must be a fraction from 0 to 1 (0.9 is 90%); computed as ${held}.`,
        },
        { indicator: code, path: `${path}.target` },
      );
      target = held;
    } else if (decimalsOf(target) > 6)
      add(
        'warning',
        'indicator.target.decimals',
        {
          vi: `Chỉ tiêu ${code}: mức chỉ tiêu ${numText(target).vi} có hơn 6 chữ số thập phân; so sánh theo 6 chữ số.`,
          en: `Indicator ${code}: target ${target} has more than 6 decimals; compared on 6.`,
        },
        { indicator: code, path: `${path}.target` },
      );
    const lowerIsBetter = ind.lowerIsBetter === true;
    // The spec's default is "target < 1: a 100% target cannot be exceeded"; the same reasoning makes a 0%
    // target of a lower-is-better indicator unexceedable.
    const reachable = lowerIsBetter ? target > 0 : target < 1;
    const exceedable = ind.exceedable ?? reachable;
    if (exceedable && !reachable)
      add(
        'warning',
        'indicator.exceedable.unreachable',
        {
          vi: `Chỉ tiêu ${code} được ghi "có thể vượt", nhưng mức ${formatNumberVi(target * 100, 4)}% không thể vượt; chỉ tiêu sẽ luôn tính là chưa vượt.`,
          en: `Indicator ${code} is marked exceedable, but a ${target * 100}% target cannot be exceeded; it will always count as not exceeded.`,
        },
        { indicator: code, path: `${path}.exceedable` },
      );
    indicators.push({
      index: indicators.length,
      code,
      title: ind.title ?? '',
      target,
      targetMicro: Math.round(target * 1e6),
      exceedable,
      lowerIsBetter,
      path,
    });
  });

  const indicatorResults: ResolvedIndicatorResult[] = [];
  // First result per (unit, indicator), as its index in doc.indicatorResults; -1 when none yet.
  const firstResult = new Int32Array(units.length * indicators.length).fill(-1);
  (doc.indicatorResults ?? []).forEach((r, i) => {
    // Fast path: known unit and indicator, first entry, whole non-negative numbers, numerator ≤ denominator.
    const fastUnit = findUnit(r.unit, i, resultUnitPath, { indicator: r.indicator });
    const fastIndicator = indicatorIndex.find(r.indicator);
    if (fastUnit !== undefined && fastIndicator !== undefined) {
      const slot = fastUnit * indicators.length + fastIndicator;
      const { numerator, denominator } = r;
      if (
        firstResult[slot] === -1 &&
        Number.isInteger(numerator) &&
        Number.isInteger(denominator) &&
        numerator >= 0 &&
        numerator <= denominator
      ) {
        firstResult[slot] = i;
        const path = `indicatorResults[${i}]`;
        indicatorResults.push({
          index: i,
          path,
          unit: fastUnit,
          indicator: fastIndicator,
          numerator,
          denominator,
        });
        return;
      }
    }
    const path = `indicatorResults[${i}]`;
    const what = { vi: `Kết quả chỉ tiêu ở ${path}`, en: `The indicator result at ${path}` };
    const unit = unitRef(r.unit, `${path}.unit`, what, { indicator: r.indicator });
    const indicator = indicatorIndex.find(r.indicator);
    if (indicator === undefined)
      add(
        'error',
        'ref.indicator.unknown',
        {
          vi: `${what.vi} ghi chỉ tiêu "${String(r.indicator)}", không có trong danh sách chỉ tiêu (indicators).`,
          en: `${what.en} names indicator "${String(r.indicator)}", which is not among the indicators.`,
        },
        { unit: r.unit, indicator: r.indicator, path: `${path}.indicator` },
      );
    if (unit === undefined || indicator === undefined) return;
    const unitName = units[unit]!.name;
    const code = indicators[indicator]!.code;
    const where = { unit: unitName, indicator: code };
    const whose = { vi: `của ${unitName}, chỉ tiêu ${code}`, en: `of ${unitName}, indicator ${code}` };
    const slot = unit * indicators.length + indicator;
    const first = firstResult[slot]!;
    if (first >= 0) {
      const earlier = `indicatorResults[${first}]`;
      add(
        'error',
        'indicator.result.duplicate',
        {
          vi: `Kết quả ${whose.vi} bị nhập hai lần (${earlier} và ${path}); chỉ tính lần đầu.`,
          en: `The result ${whose.en} is entered twice (${earlier} and ${path}); only the first counts.`,
        },
        { ...where, path },
      );
      return;
    }
    firstResult[slot] = i;
    const whole = (field: 'numerator' | 'denominator'): number | undefined => {
      const v = r[field];
      const label =
        field === 'numerator' ? { vi: 'Tử số', en: 'Numerator' } : { vi: 'Mẫu số', en: 'Denominator' };
      if (!Number.isInteger(v)) {
        add(
          'error',
          'indicator.value.notInteger',
          {
            vi: `${label.vi} ${whose.vi} là ${numText(v).vi}, phải là số nguyên; kết quả này không được tính.`,
            en: `${label.en} ${whose.en} is ${v} and must be a whole number; this result is not counted.`,
          },
          { ...where, path: `${path}.${field}` },
        );
        return undefined;
      }
      if (v < 0) {
        add(
          'error',
          'indicator.value.negative',
          {
            vi: `${label.vi} ${whose.vi} là ${numText(v).vi}, không được âm; tính là 0.`,
            en: `${label.en} ${whose.en} is ${v} and may not be negative; counted as 0.`,
          },
          { ...where, path: `${path}.${field}` },
        );
        return 0;
      }
      return v;
    };
    let numerator = whole('numerator');
    const denominator = whole('denominator');
    if (numerator === undefined || denominator === undefined) return;
    if (numerator > denominator) {
      add(
        'error',
        'indicator.numerator.over',
        {
          vi: `Kết quả ${whose.vi}: tử số ${numerator} lớn hơn mẫu số ${denominator}. Khi tính, lấy ${denominator}/${denominator}.`,
          en: `Result ${whose.en}: numerator ${numerator} is above denominator ${denominator}. Counted as ${denominator}/${denominator}.`,
        },
        { ...where, path: `${path}.numerator` },
      );
      numerator = denominator;
    }
    indicatorResults.push({ index: i, path, unit, indicator, numerator, denominator });
  });

  /* ---------- people and votes ---------- */
  const people = new NameIndex();
  const seenPerson = new Set<string>();
  (doc.people ?? []).forEach((p, i) => {
    const path = `people[${i}]`;
    const unit = unitRef(
      p.unit,
      `${path}.unit`,
      { vi: `Cá nhân ${p.name}`, en: `Person ${p.name}` },
      { person: p.name },
    );
    people.add(p.name, i);
    const key = `${matchKey(p.name)}|${unit ?? p.unit}`;
    if (seenPerson.has(key))
      add(
        'warning',
        'person.duplicate',
        {
          vi: `Cá nhân "${p.name}" (${p.unit}) được ghi hai lần.`,
          en: `Person "${p.name}" (${p.unit}) is listed twice.`,
        },
        { person: p.name, unit: p.unit, path },
      );
    seenPerson.add(key);
  });
  const seenVote = new Map<string, string>();
  (doc.votes ?? []).forEach((v, i) => {
    const path = `votes[${i}]`;
    const where = { award: v.award, path };
    const isUnit = findUnit(v.candidate, `${path}.candidate`, (p) => p, { award: v.award }) !== undefined;
    if (!isUnit && people.find(v.candidate) === undefined)
      add(
        'error',
        'ref.candidate.unknown',
        {
          vi: `Phiếu bầu ${v.award} ở ${path} ghi "${v.candidate}", không phải đơn vị nào của cụm, cũng không có trong danh sách cá nhân.`,
          en: `The ${v.award} vote at ${path} names "${v.candidate}", which is neither a unit of the cluster nor a listed person.`,
        },
        {
          ...where,
          path: `${path}.candidate`,
          ...(isUnit ? { unit: v.candidate } : { person: v.candidate }),
        },
      );
    const key = `${matchKey(v.award)}|${matchKey(v.candidate)}`;
    const earlier = seenVote.get(key);
    if (earlier !== undefined)
      add(
        'error',
        'vote.duplicate',
        {
          vi: `Phiếu bầu ${v.award} cho "${v.candidate}" được ghi hai lần (${earlier} và ${path}).`,
          en: `The ${v.award} vote for "${v.candidate}" is entered twice (${earlier} and ${path}).`,
        },
        where,
      );
    else seenVote.set(key, path);
    for (const field of ['yes', 'voters'] as const) {
      const n = v[field];
      if (!Number.isInteger(n) || n < 0)
        add(
          'error',
          'vote.value.invalid',
          {
            vi: `Phiếu bầu ${v.award} cho "${v.candidate}": ${field === 'yes' ? 'số phiếu đồng ý' : 'số người bỏ phiếu'} là ${numText(n).vi}, phải là số nguyên không âm.`,
            en: `The ${v.award} vote for "${v.candidate}": ${field} is ${n} and must be a non-negative whole number.`,
          },
          { ...where, path: `${path}.${field}` },
        );
    }
    if (v.yes > v.voters)
      add(
        'error',
        'vote.yes.over',
        {
          vi: `Phiếu bầu ${v.award} cho "${v.candidate}": ${v.yes} phiếu đồng ý nhiều hơn ${v.voters} người bỏ phiếu.`,
          en: `The ${v.award} vote for "${v.candidate}": ${v.yes} yes votes exceed ${v.voters} voters.`,
        },
        { ...where, path: `${path}.yes` },
      );
  });

  /* ---------- ranking options ---------- */
  const ranking = doc.ranking ?? {};
  const tieBreak: ResolvedTieBreak[] = [];
  const seenKeys = new Set<string>();
  (ranking.tieBreak ?? DEFAULT_TIE_BREAK).forEach((key, i) => {
    const path = `ranking.tieBreak[${i}]`;
    let resolved: ResolvedTieBreak | undefined;
    if (TIE_BREAK_NAMES.has(key)) resolved = { key };
    else if (typeof key === 'string' && key.startsWith('criterion:')) {
      const node = criterionRef(key.slice('criterion:'.length).trim(), path, {
        vi: 'Tiêu chí phụ xếp hạng',
        en: 'The tie-break key',
      });
      if (node !== undefined) resolved = { key: `criterion:${tree.nodes[node]!.code}`, node };
    } else
      add(
        'error',
        'ranking.tieBreak.unknown',
        {
          vi: `Tiêu chí phụ xếp hạng "${key}" không hợp lệ; dùng một trong indicatorsMetRatio, indicatorsExceededRatio, deduction, bonus, criterion:<mã>. Tiêu chí này bị bỏ qua.`,
          en: `Tie-break key "${key}" is not valid; use indicatorsMetRatio, indicatorsExceededRatio, deduction, bonus or criterion:<code>. It is left out.`,
        },
        { path },
      );
    if (!resolved) return;
    if (seenKeys.has(resolved.key)) {
      add(
        'warning',
        'ranking.tieBreak.duplicate',
        {
          vi: `Tiêu chí phụ xếp hạng "${key}" được ghi hai lần; lần sau không có tác dụng.`,
          en: `Tie-break key "${key}" is listed twice; the second has no effect.`,
        },
        { path },
      );
      return;
    }
    seenKeys.add(resolved.key);
    tieBreak.push(resolved);
  });

  let tiers = [...(ranking.tiers ?? DEFAULT_TIERS)];
  if (ranking.tiers && ranking.tiers.length === 0) {
    add(
      'warning',
      'ranking.tiers.empty',
      {
        vi: 'Danh sách xếp loại trống; dùng xếp loại mặc định.',
        en: 'The tier list is empty; the default tiers apply.',
      },
      { path: 'ranking.tiers' },
    );
    tiers = [...DEFAULT_TIERS];
  }
  tiers.forEach((t, i) => {
    if (!Number.isFinite(t.minPercent) || t.minPercent < 0 || toMilli(t.minPercent) === undefined)
      add(
        'error',
        'ranking.tiers.invalid',
        {
          vi: `Mức xếp loại "${t.label}": tỷ lệ tối thiểu ${numText(t.minPercent).vi}% không hợp lệ (số không âm, tối đa 3 chữ số thập phân).`,
          en: `Tier "${t.label}": minimum ${t.minPercent}% is invalid (non-negative, at most 3 decimals).`,
        },
        { path: `ranking.tiers[${i}].minPercent` },
      );
  });
  tiers = tiers.filter(
    (t) => Number.isFinite(t.minPercent) && t.minPercent >= 0 && toMilli(t.minPercent) !== undefined,
  );
  if (tiers.some((t, i) => i > 0 && t.minPercent > tiers[i - 1]!.minPercent)) {
    add(
      'warning',
      'ranking.tiers.order',
      {
        vi: 'Các mức xếp loại không theo thứ tự từ cao xuống thấp; đã sắp lại theo tỷ lệ tối thiểu.',
        en: 'Tiers are not listed highest first; they are sorted by their minimum.',
      },
      { path: 'ranking.tiers' },
    );
    tiers.sort((a, b) => b.minPercent - a.minPercent);
  }

  let scores: ResolvedScore[] | undefined;
  return {
    cluster: {
      doc,
      units,
      tree,
      get scores() {
        if (scores === undefined) scores = scoreEntries(columns, scoreList);
        return scores;
      },
      scoreColumns: columns,
      indicators,
      indicatorResults,
      tieBreak,
      tiers,
      requestedStage: ranking.stage,
      unitsWithVerified,
    },
    issues,
  };
}

/** Entry `e` of cluster.scores, without building the others. */
export function resolvedScoreAt(cluster: ResolvedCluster, e: number): ResolvedScore {
  return scoreEntry(cluster.scoreColumns, cluster.doc.scores ?? [], e);
}

/** A score entry as the resolver saw it, for explanations. */
export function typedScore(cluster: ResolvedCluster, score: ResolvedScore): Score | undefined {
  return cluster.doc.scores?.[score.index];
}
