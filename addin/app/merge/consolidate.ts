/**
 * Consolidating the scorecards members return into one cluster document (pure; the CLI's `thidua merge` and
 * any other host call it). The members' files alone are enough: each carries its cluster's information
 * (members, criteria; templates/read/unit-meta.ts), and the files must agree on it. A cluster workbook or
 * .json given among the inputs is the base instead. Every file's value for each unit, criterion and stage
 * is compared: agreeing values are taken, disagreeing ones are left out and reported, a value already in the
 * base is never replaced. The verified stage is the cluster's: verified values in a member's own file are
 * reported and not taken. Nothing a member typed is dropped without a word.
 */
import {
  type ClusterDocument,
  type Criterion,
  type Indicator,
  type IndicatorResult,
  type Issue,
  type IssueLocation,
  type Score,
  type Stage,
  makeIssue,
  matchKey,
  toMilli,
} from '../../../core';

/** One workbook as read: its template stamp, the document the reader rebuilt, and what the reader found. */
export interface ReturnedWorkbook {
  /** The file as named on the command line, for messages. */
  file: string;
  template?: { id: string; version: string };
  document?: ClusterDocument;
  issues: Issue[];
  /** The member a unit scorecard belongs to. */
  unit?: string;
  /** The cluster's information a unit scorecard carries: the structure when no base is given. */
  cluster?: ClusterDocument;
}

export interface ConsolidateInput {
  /** A cluster workbook already holding data: its structure is used and its values are never replaced. */
  base?: ReturnedWorkbook;
  returns: ReturnedWorkbook[];
  /** The members expected to return a scorecard when no cluster workbook is given (--units). */
  expectedUnits?: string[];
  /** Template ids accepted as returns and the version this program writes (major.minor). */
  accept: { unitTemplateId: string; clusterTemplateId: string; version: string };
}

export interface ConflictingValue {
  unit: string;
  /** A criterion code, or an indicator code for indicator results. */
  item: string;
  itemKind: 'criterion' | 'indicator';
  stage?: Stage;
  fields: string[];
  values: { file: string; value: string }[];
  /** The cluster workbook's value, kept. */
  kept?: string;
}

export interface ConsolidateReport {
  /** The consolidated document; undefined when no file could be used. */
  document?: ClusterDocument;
  /** Member → files that gave its scores. */
  received: { unit: string; files: string[] }[];
  missing: string[];
  duplicates: { unit: string; files: string[] }[];
  conflicts: ConflictingValue[];
  /** Files left out whole (wrong template, year or cluster, unreadable). */
  skipped: { file: string; reason: string }[];
  issues: Issue[];
}

export const major = (version: string): string => version.split('.')[0] ?? version;

/** What one file says about one score or result, in a form where equal means equal (exact milli, NFC text). */
interface Said {
  file: string;
  fields: Record<string, string>;
  score?: Score;
  result?: IndicatorResult;
}

const milliText = (v: number | undefined): string => {
  if (v === undefined) return '';
  const m = toMilli(v);
  return m === undefined ? String(v) : String(m / 1000);
};

function scoreFields(s: Score): Record<string, string> {
  return {
    points: milliText(s.points),
    bonus: milliText(s.bonus),
    deduction: milliText(s.deduction),
    occurrences: s.occurrences === undefined ? '' : String(s.occurrences),
    note: (s.note ?? '').normalize('NFC').trim(),
  };
}

function resultFields(r: IndicatorResult): Record<string, string> {
  return { numerator: String(r.numerator), denominator: String(r.denominator) };
}

const FIELD_VI: Record<string, string> = {
  points: 'điểm',
  bonus: 'điểm cộng',
  deduction: 'điểm trừ',
  occurrences: 'số lần trừ',
  note: 'ghi chú',
  numerator: 'tử số',
  denominator: 'mẫu số',
};

const STAGE_VI: Record<Stage, string> = { self: 'tự chấm', verified: 'thẩm định' };

function describe(fields: Record<string, string>, only: readonly string[]): string {
  return only.map((f) => `${FIELD_VI[f] ?? f} ${fields[f] === '' ? '(trống)' : fields[f]}`).join(', ');
}

function differing(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a).filter((k) => a[k] !== b[k]);
}

/* ---------- the cluster's information the members' files carry ---------- */

const criterionKey = (c: Criterion): string =>
  [
    c.parent ? matchKey(c.parent) : '',
    milliText(c.points),
    milliText(c.bonusMax),
    milliText(c.deductionMax),
    milliText(c.deductionEach),
    c.evidenceRequired ? 'x' : '',
  ].join('|');

/** Equal for two documents with the same year, kind, cluster, members and criteria (codes, tree, standards, caps). */
function contentsKey(d: ClusterDocument): string {
  const members = d.units.map((u) => matchKey(u.name)).sort();
  const criteria = d.criteria.map((c) => `${matchKey(c.code)}=${criterionKey(c)}`);
  return JSON.stringify([d.year, d.kind, matchKey(d.cluster.name), members, criteria]);
}

/** The cluster information most unit scorecards carry (ties: the first file's); undefined when none does. */
export function commonCluster(returns: readonly ReturnedWorkbook[]): ClusterDocument | undefined {
  const groups = new Map<string, ClusterDocument[]>();
  for (const wb of returns) {
    if (!wb.cluster) continue;
    const key = contentsKey(wb.cluster);
    groups.set(key, [...(groups.get(key) ?? []), wb.cluster]);
  }
  let best: ClusterDocument[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  return best[0];
}

/** How a file's member list and criteria differ from the reference, in words; empty when they agree. */
function contentsDifference(ref: ClusterDocument, other: ClusterDocument): { vi: string[]; en: string[] } {
  const vi: string[] = [];
  const en: string[] = [];
  const refUnits = new Map(ref.units.map((u) => [matchKey(u.name), u.name]));
  const otherUnits = new Map(other.units.map((u) => [matchKey(u.name), u.name]));
  const added = [...otherUnits].filter(([k]) => !refUnits.has(k)).map(([, n]) => n);
  const removed = [...refUnits].filter(([k]) => !otherUnits.has(k)).map(([, n]) => n);
  if (added.length || removed.length) {
    const v = [
      added.length ? `thêm ${added.join(', ')}` : '',
      removed.length ? `thiếu ${removed.join(', ')}` : '',
    ];
    const e = [
      added.length ? `adds ${added.join(', ')}` : '',
      removed.length ? `lacks ${removed.join(', ')}` : '',
    ];
    vi.push(`danh sách đơn vị ${v.filter(Boolean).join(', ')}`);
    en.push(`the member list ${e.filter(Boolean).join(', ')}`);
  }
  const refCriteria = new Map(ref.criteria.map((c) => [matchKey(c.code), c]));
  const otherCriteria = new Map(other.criteria.map((c) => [matchKey(c.code), c]));
  const codes: string[] = [];
  for (const [k, c] of otherCriteria) {
    const r = refCriteria.get(k);
    if (!r || criterionKey(r) !== criterionKey(c)) codes.push(c.code);
  }
  for (const [k, c] of refCriteria) if (!otherCriteria.has(k)) codes.push(c.code);
  if (codes.length) {
    const shown = codes.length > 8 ? `${codes.slice(0, 8).join(', ')}…` : codes.join(', ');
    vi.push(`${codes.length} tiêu chí khác (${shown})`);
    en.push(`${codes.length} criteria differ (${shown})`);
  }
  return { vi, en };
}

/** Without a cluster workbook, the year, kind and cluster most files agree on set the structure (ties: the first). */
function commonest(docs: readonly ClusterDocument[]): ClusterDocument | undefined {
  const groups = new Map<string, ClusterDocument[]>();
  for (const d of docs) {
    const key = `${d.year}|${d.kind}|${matchKey(d.cluster.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  let best: ClusterDocument[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  return best[0];
}

export function consolidate(input: ConsolidateInput): ConsolidateReport {
  const issues: Issue[] = [];
  const skipped: ConsolidateReport['skipped'] = [];
  const skip = (file: string, code: string, text: { vi: string; en: string }, where: IssueLocation = {}) => {
    skipped.push({ file, reason: text.vi });
    issues.push(makeIssue('error', code, text, { path: file, ...where }));
  };

  // 1. Which files can be used at all.
  const usable: (ReturnedWorkbook & { document: ClusterDocument })[] = [];
  const check = (
    wb: ReturnedWorkbook,
    role: 'base' | 'return',
  ): wb is ReturnedWorkbook & { document: ClusterDocument } => {
    for (const i of wb.issues) issues.push({ ...i, path: i.path ? `${wb.file}: ${i.path}` : wb.file });
    const expectedIds =
      role === 'base'
        ? [input.accept.clusterTemplateId]
        : [input.accept.unitTemplateId, input.accept.clusterTemplateId];
    if (!wb.template || !expectedIds.includes(wb.template.id)) {
      skip(wb.file, 'merge.template.other', {
        vi: `${wb.file}: không phải ${role === 'base' ? 'sổ tổng hợp cụm' : 'bảng chấm điểm của đơn vị'} do Thi đua tạo (mẫu ${wb.template?.id ?? 'không rõ'}); bỏ qua tệp này.`,
        en: `${wb.file}: not a ${role === 'base' ? 'cluster workbook' : 'unit scorecard'} made by Thi đua (template ${wb.template?.id ?? 'unknown'}); file skipped.`,
      });
      return false;
    }
    if (major(wb.template.version) !== major(input.accept.version)) {
      skip(wb.file, 'merge.template.version', {
        vi: `${wb.file}: mẫu phiên bản ${wb.template.version}, chương trình dùng ${input.accept.version}: không gộp được; hãy gửi lại bảng chấm theo mẫu mới.`,
        en: `${wb.file}: template version ${wb.template.version}, this program uses ${input.accept.version}: cannot merge; ask for the scorecard on the current template.`,
      });
      return false;
    }
    if (wb.template.version !== input.accept.version) {
      issues.push(
        makeIssue(
          'warning',
          'merge.template.version',
          {
            vi: `${wb.file}: mẫu phiên bản ${wb.template.version}, khác phiên bản ${input.accept.version} của chương trình; vẫn gộp, hãy kiểm tra lại.`,
            en: `${wb.file}: template version ${wb.template.version} differs from this program's ${input.accept.version}; merged, please check.`,
          },
          { path: wb.file },
        ),
      );
    }
    if (!wb.document) {
      skip(wb.file, 'merge.file.unreadable', {
        vi: `${wb.file}: không đọc được bảng chấm (xem các lỗi ở trên); bỏ qua tệp này.`,
        en: `${wb.file}: the scorecard could not be read (see the problems above); file skipped.`,
      });
      return false;
    }
    return true;
  };

  const base = input.base && check(input.base, 'base') ? input.base : undefined;
  if (input.base && !base) {
    return { received: [], missing: [], duplicates: [], conflicts: [], skipped, issues };
  }
  for (const wb of input.returns) if (check(wb, 'return')) usable.push(wb);

  // Without a base, the cluster information most members' files carry; files made before they carried it
  // (and the consolidate tests' bare returns) fall back to the year and cluster most files name.
  const carried = base ? undefined : commonCluster(usable);
  const structure = base?.document ?? carried ?? commonest(usable.map((wb) => wb.document));
  if (!structure) {
    return { received: [], missing: [], duplicates: [], conflicts: [], skipped, issues };
  }

  // 2. Same year, kind and cluster as the structure; criteria and indicators known.
  const sameYear = usable.filter((wb) => {
    const d = wb.document;
    if (d.year !== structure.year || d.kind !== structure.kind) {
      skip(wb.file, 'merge.year.mismatch', {
        vi: `${wb.file}: bảng chấm năm ${d.year} (${d.kind}), khác năm ${structure.year} (${structure.kind}) của cụm; bỏ qua tệp này.`,
        en: `${wb.file}: scorecard for ${d.year} (${d.kind}), not the cluster's ${structure.year} (${structure.kind}); file skipped.`,
      });
      return false;
    }
    if (matchKey(d.cluster.name) !== matchKey(structure.cluster.name)) {
      skip(wb.file, 'merge.cluster.mismatch', {
        vi: `${wb.file}: thuộc "${d.cluster.name}", không phải "${structure.cluster.name}"; bỏ qua tệp này.`,
        en: `${wb.file}: belongs to "${d.cluster.name}", not "${structure.cluster.name}"; file skipped.`,
      });
      return false;
    }
    if (carried && wb.cluster) {
      const differs = contentsDifference(carried, wb.cluster);
      if (differs.vi.length) {
        skip(wb.file, 'merge.contents.mismatch', {
          vi: `${wb.file}: thông tin về cụm khác các tệp khác (${differs.vi.join('; ')}): tệp được tạo theo phiên bản khác của bảng chấm; bỏ qua tệp này, hãy gửi lại mẫu đúng cho đơn vị.`,
          en: `${wb.file}: its cluster information differs from the other files' (${differs.en.join('; ')}): made from another version of the scorecard; file skipped, send the unit the right form again.`,
        });
        return false;
      }
    }
    return true;
  });

  const criteria = new Map<string, Criterion>(structure.criteria.map((c) => [matchKey(c.code), c]));
  const indicators = new Map<string, Indicator>(
    (structure.indicators ?? []).map((i) => [matchKey(i.code), i]),
  );
  for (const wb of sameYear) {
    for (const c of wb.document.criteria) {
      const known = criteria.get(matchKey(c.code));
      if (!known) {
        issues.push(
          makeIssue(
            'error',
            'merge.criterion.unknown',
            {
              vi: `${wb.file}: tiêu chí ${c.code} "${c.title}" không có trong bảng tiêu chí của cụm; điểm của tiêu chí này không được gộp.`,
              en: `${wb.file}: criterion ${c.code} "${c.title}" is not in the cluster's scorecard; its scores are not merged.`,
            },
            { path: wb.file, criterion: c.code },
          ),
        );
      } else if (milliText(known.points) !== milliText(c.points)) {
        issues.push(
          makeIssue(
            'error',
            'merge.criterion.changed',
            {
              vi: `${wb.file}: tiêu chí ${c.code} có điểm chuẩn ${c.points}, bảng của cụm là ${known.points}: đơn vị đã sửa điểm chuẩn; điểm vẫn được gộp theo điểm chuẩn của cụm.`,
              en: `${wb.file}: criterion ${c.code} has standard ${c.points}, the cluster's is ${known.points}: the unit changed the standard; scores are merged against the cluster's.`,
            },
            { path: wb.file, criterion: c.code },
          ),
        );
      }
    }
  }

  // 3. Members: the base's, else --units, else the list the members' files carry, else what the files name.
  const memberSource =
    base?.document.units.map((u) => u.name) ?? input.expectedUnits ?? structure.units.map((u) => u.name);
  const members = new Map<string, string>();
  for (const name of memberSource) if (!members.has(matchKey(name))) members.set(matchKey(name), name);
  if (!base && !input.expectedUnits && !carried) {
    for (const wb of sameYear)
      for (const u of wb.document.units)
        if (!members.has(matchKey(u.name))) members.set(matchKey(u.name), u.name);
  }
  const strangers = new Set<string>();
  const member = (name: string, file: string): string | undefined => {
    const found = members.get(matchKey(name));
    if (!found && !strangers.has(`${file}|${matchKey(name)}`)) {
      strangers.add(`${file}|${matchKey(name)}`);
      issues.push(
        makeIssue(
          'error',
          'merge.unit.unknown',
          {
            vi: `${file}: đơn vị "${name}" không phải thành viên của ${structure.cluster.name}; điểm của đơn vị này không được gộp.`,
            en: `${file}: "${name}" is not a member of ${structure.cluster.name}; its scores are not merged.`,
          },
          { path: file, unit: name },
        ),
      );
    }
    return found;
  };

  // 4. What each file says, keyed by member, item and stage.
  const said = new Map<string, Said[]>();
  const filesOf = new Map<string, Set<string>>();
  const note = (key: string, s: Said) => said.set(key, [...(said.get(key) ?? []), s]);
  for (const wb of sameYear) {
    const own = new Set<string>();
    const d = wb.document;
    // The verified stage is the cluster's: a member's own scorecard gives its self stage only.
    const memberFile = wb.template?.id === input.accept.unitTemplateId;
    const verifiedTyped: string[] = [];
    for (const s of d.scores ?? []) {
      const unit = member(s.unit, wb.file);
      const criterion = criteria.get(matchKey(s.criterion));
      if (!unit || !criterion) continue;
      own.add(unit);
      if (memberFile && s.stage === 'verified') {
        verifiedTyped.push(criterion.code);
        continue;
      }
      note(`s|${matchKey(unit)}|${matchKey(criterion.code)}|${s.stage}`, {
        file: wb.file,
        fields: scoreFields(s),
        score: { ...s, unit, criterion: criterion.code },
      });
    }
    for (const r of d.indicatorResults ?? []) {
      const unit = member(r.unit, wb.file);
      const indicator = indicators.get(matchKey(r.indicator));
      if (!unit) continue;
      if (!indicator) {
        issues.push(
          makeIssue(
            'error',
            'merge.indicator.unknown',
            {
              vi: `${wb.file}: chỉ tiêu ${r.indicator} không có trong danh mục chỉ tiêu của cụm; kết quả không được gộp.`,
              en: `${wb.file}: indicator ${r.indicator} is not in the cluster's list; its result is not merged.`,
            },
            { path: wb.file, unit, indicator: r.indicator },
          ),
        );
        continue;
      }
      own.add(unit);
      note(`i|${matchKey(unit)}|${matchKey(indicator.code)}`, {
        file: wb.file,
        fields: resultFields(r),
        result: { ...r, unit, indicator: indicator.code },
      });
    }
    if (verifiedTyped.length > 0) {
      const shown =
        verifiedTyped.length > 8 ? `${verifiedTyped.slice(0, 8).join(', ')}…` : verifiedTyped.join(', ');
      issues.push(
        makeIssue(
          'warning',
          'merge.verified.member',
          {
            vi: `${wb.file}: đơn vị đã nhập vào cột "Thẩm định" ở ${verifiedTyped.length} tiêu chí (${shown}); điểm thẩm định do Cụm chấm, nên không lấy các giá trị này.`,
            en: `${wb.file}: the unit typed into the verified ("Thẩm định") columns for ${verifiedTyped.length} criteria (${shown}); the verified stage is the cluster's, so these values are not taken.`,
          },
          { path: wb.file, ...(wb.unit ? { unit: wb.unit } : {}) },
        ),
      );
    }
    // A scorecard returned blank still counts as that unit's return.
    const ownName = wb.unit ?? (d.units.length === 1 ? d.units[0]!.name : undefined);
    if (own.size === 0 && ownName !== undefined) {
      const unit = member(ownName, wb.file);
      if (unit) own.add(unit);
    }
    if (own.size === 0 && ![...strangers].some((k) => k.startsWith(`${wb.file}|`))) {
      issues.push(
        makeIssue(
          'warning',
          'merge.file.empty',
          {
            vi: `${wb.file}: không có điểm hay kết quả chỉ tiêu nào của đơn vị nào.`,
            en: `${wb.file}: holds no score or indicator result for any unit.`,
          },
          { path: wb.file },
        ),
      );
    }
    for (const unit of own) filesOf.set(unit, new Set([...(filesOf.get(unit) ?? []), wb.file]));
  }

  // 5. The cluster workbook's own values: kept as they are.
  const scores: Score[] = [...(base?.document.scores ?? [])];
  const results: IndicatorResult[] = [...(base?.document.indicatorResults ?? [])];
  const baseSaid = new Map<string, Said>();
  for (const s of scores) {
    baseSaid.set(`s|${matchKey(s.unit)}|${matchKey(s.criterion)}|${s.stage}`, {
      file: base!.file,
      fields: scoreFields(s),
    });
  }
  for (const r of results) {
    baseSaid.set(`i|${matchKey(r.unit)}|${matchKey(r.indicator)}`, {
      file: base!.file,
      fields: resultFields(r),
    });
  }

  const conflicts: ConflictingValue[] = [];
  for (const [key, list] of said) {
    const first = list[0]!;
    const unit = first.score?.unit ?? first.result!.unit;
    const item = first.score?.criterion ?? first.result!.indicator;
    const itemKind = first.score ? 'criterion' : 'indicator';
    const stage = first.score?.stage;
    const kept = baseSaid.get(key);
    const fields = new Set<string>();
    for (const s of list) for (const f of differing(kept?.fields ?? first.fields, s.fields)) fields.add(f);
    if (fields.size === 0) {
      if (!kept) {
        if (first.score) scores.push(first.score);
        else results.push(first.result!);
      }
      continue;
    }
    const only = [...fields];
    const conflict: ConflictingValue = {
      unit,
      item,
      itemKind,
      fields: only,
      values: list.map((s) => ({ file: s.file, value: describe(s.fields, only) })),
    };
    if (stage) conflict.stage = stage;
    if (kept) conflict.kept = describe(kept.fields, only);
    conflicts.push(conflict);
    const where = `${unit}, ${itemKind === 'criterion' ? 'tiêu chí' : 'chỉ tiêu'} ${item}${stage ? ` (${STAGE_VI[stage]})` : ''}`;
    const whereEn = `${unit}, ${itemKind} ${item}${stage ? ` (${stage})` : ''}`;
    const told = conflict.values.map((v) => `${v.file}: ${v.value}`).join('; ');
    issues.push(
      makeIssue(
        'error',
        'merge.value.conflict',
        {
          vi: kept
            ? `${where}: sổ cụm có ${conflict.kept}, tệp gửi về ghi khác (${told}); giữ giá trị của sổ cụm, hãy thống nhất lại.`
            : `${where}: các tệp ghi khác nhau (${told}); chưa gộp giá trị nào, hãy thống nhất rồi nhập tay.`,
          en: kept
            ? `${whereEn}: the cluster workbook has ${conflict.kept}, a returned file differs (${told}); the cluster workbook's value is kept, please reconcile.`
            : `${whereEn}: the files differ (${told}); no value merged, reconcile and enter it by hand.`,
        },
        {
          unit,
          ...(itemKind === 'criterion' ? { criterion: item } : { indicator: item }),
          ...(stage ? { stage } : {}),
        },
      ),
    );
  }

  // 6. Who returned, twice, or not at all.
  const received = [...members.values()]
    .filter((u) => filesOf.has(u))
    .map((unit) => ({ unit, files: [...filesOf.get(unit)!] }));
  const duplicates = received.filter((r) => r.files.length > 1);
  for (const d of duplicates) {
    issues.push(
      makeIssue(
        'warning',
        'merge.unit.duplicate',
        {
          vi: `${d.unit}: có ${d.files.length} tệp (${d.files.join(', ')}); giá trị giống nhau được gộp một lần, giá trị khác nhau được báo riêng.`,
          en: `${d.unit}: ${d.files.length} files (${d.files.join(', ')}); equal values merged once, differing ones reported.`,
        },
        { unit: d.unit },
      ),
    );
  }
  const baseHas = new Set(scores.map((s) => matchKey(s.unit)));
  const missing = [...members.values()].filter((u) => !filesOf.has(u) && !baseHas.has(matchKey(u)));
  for (const unit of missing) {
    issues.push(
      makeIssue(
        'error',
        'merge.unit.missing',
        {
          vi: `${unit}: chưa gửi bảng chấm điểm.`,
          en: `${unit}: has not returned its scorecard.`,
        },
        { unit },
      ),
    );
  }

  const document: ClusterDocument = {
    ...structure,
    units: [...members.values()].map(
      (name) => structure.units.find((u) => matchKey(u.name) === matchKey(name)) ?? { name },
    ),
    scores,
    indicatorResults: results,
  };
  return { document, received, missing, duplicates, conflicts, skipped, issues };
}
