/**
 * A member's returned scorecard read back (pure): the hidden meta rows (template, cluster, year, unit), the
 * cluster's information the scorecard carries (templates/layouts/unit-meta.ts: members, leader, criteria with
 * standards and caps…), and the unit's scores read against those criteria. `thidua merge` builds the
 * cluster workbook from these when no cluster workbook is given.
 */
import {
  CLUSTER_FORMAT,
  type ClusterDocument,
  type Criterion,
  type Issue,
  makeIssue,
  matchKey,
  parseClusterJson,
} from '../../core';
import { SC } from '../layouts/scorecard';
import { HEADERS, LAYOUT, META_KEYS, SHEET, TABLE } from '../layouts/cluster';
import { UNIT_META_KEYS } from '../layouts/unit-meta';
import type { WorkbookSnapshot } from '../plan';
import { readScorecardSheet } from './cluster';
import { type ReadOptions, Reader, bodyRows, cellAt, locateTable, readNumber, readText, text } from './grid';
import { type WorkbookSources, scoreKey } from './sources';

/**
 * The key/value rows of the hidden meta sheet, values exactly as stored (not trimmed: the document's JSON
 * is split over several cells).
 */
export function readMetaRows(snapshot: WorkbookSnapshot): Map<string, string> {
  const meta = new Map<string, string>();
  const sheet =
    snapshot.sheets.find((s) => s.name === SHEET.meta) ??
    snapshot.sheets.find((s) => s.tables.some((t) => t.name === TABLE.meta));
  for (const row of sheet?.values ?? []) {
    const k = text(row[0] ?? null);
    const v = row[1];
    // A NaN or infinite number reads as an empty value, never as the text "NaN".
    if (k)
      meta.set(
        k,
        v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v),
      );
  }
  return meta;
}

export interface UnitMeta {
  template: { id: string; version: string };
  kind: ClusterDocument['kind'];
  year?: number;
  cluster?: string;
  unit?: string;
  /** The cluster's information the scorecard carries; absent on scorecards made before it did. */
  document?: ClusterDocument;
  issues: Issue[];
}

/** How the cluster information a scorecard carries is parsed (parseClusterJson, or carriedParser's). */
export type CarriedParser = (json: string) => ReturnType<typeof parseClusterJson>;

/**
 * parseClusterJson once per distinct text, for the scorecards of one merge: every member's copy of a send-out
 * carries the same cluster information (63 parses were a tenth of a 63-unit merge's reading). The documents
 * it gives are shared between those scorecards: read, not changed.
 */
export function carriedParser(): CarriedParser {
  const parsed = new Map<string, ReturnType<typeof parseClusterJson>>();
  return (json) => {
    let done = parsed.get(json);
    if (!done) {
      done = parseClusterJson(json);
      parsed.set(json, done);
    }
    return done;
  };
}

/** What the meta rows say; a damaged embedded document is a warning and left out, never half-used. */
export function readUnitMeta(snapshot: WorkbookSnapshot, parse: CarriedParser = parseClusterJson): UnitMeta {
  const meta = readMetaRows(snapshot);
  const trimmed = (k: string) => meta.get(k)?.trim() || undefined;
  const year = Number(trimmed(UNIT_META_KEYS.year));
  const out: UnitMeta = {
    template: { id: trimmed(META_KEYS.templateId) ?? '', version: trimmed(META_KEYS.templateVersion) ?? '' },
    kind: trimmed(META_KEYS.kind) === 'campaign' ? 'campaign' : 'annual',
    issues: [],
  };
  if (Number.isInteger(year)) out.year = year;
  const cluster = trimmed(UNIT_META_KEYS.cluster);
  if (cluster) out.cluster = cluster;
  const unit = trimmed(UNIT_META_KEYS.unit);
  if (unit) out.unit = unit;
  const partsText = trimmed(UNIT_META_KEYS.documentParts);
  if (partsText === undefined) return out;
  const damaged = (why: { vi: string; en: string }) => {
    out.issues.push(
      makeIssue(
        'warning',
        'unit.meta.damaged',
        {
          vi: `${snapshot.source}: thông tin về cụm trong sheet ẩn ${SHEET.meta} bị hỏng (${why.vi}); không dùng phần này.`,
          en: `${snapshot.source}: the cluster information in the hidden sheet ${SHEET.meta} is damaged (${why.en}); not used.`,
        },
        { sheet: SHEET.meta },
      ),
    );
    return out;
  };
  const parts = Number(partsText);
  if (!Number.isInteger(parts) || parts < 1)
    return damaged({ vi: `số phần "${partsText}"`, en: `part count "${partsText}"` });
  let json = '';
  for (let n = 1; n <= parts; n++) {
    const part = meta.get(UNIT_META_KEYS.documentPart(n));
    if (part === undefined)
      return damaged({ vi: `thiếu phần ${n}/${parts}`, en: `part ${n} of ${parts} missing` });
    json += part;
  }
  const parsed = parse(json);
  const error = parsed.issues.find((i) => i.severity === 'error');
  if (!parsed.doc || error)
    return damaged({ vi: error?.message ?? 'không đọc được', en: error?.messageEn ?? 'unreadable' });
  out.document = parsed.doc;
  return out;
}

export interface UnitScorecardRead {
  template: { id: string; version: string };
  /** The member the scorecard belongs to, as its sheet names it. */
  unit?: string;
  /** What the file says: its one unit, the criteria rows of its sheet (codes, standards) and its scores. */
  document?: ClusterDocument;
  /** The cluster's information the file carries (readUnitMeta). */
  cluster?: ClusterDocument;
  /**
   * Where `document`'s scores were read from; `scores` keyed by the member's and criterion's names as the
   * structure spells them (the names the core's issues use).
   */
  sources?: WorkbookSources;
  issues: Issue[];
}

/**
 * A member's scorecard read against `structure` (the cluster workbook's document when one is given) or else
 * against the cluster information the file carries: which rows are leaves. Without either the scores cannot
 * be told apart from group totals, so the file is not read (an error naming it).
 */
export function readUnitScorecard(
  snapshot: WorkbookSnapshot,
  structure?: ClusterDocument,
  parse?: CarriedParser,
  options: ReadOptions = {},
): UnitScorecardRead {
  const file = snapshot.source;
  const meta = readUnitMeta(snapshot, parse);
  const r = new Reader(snapshot, options);
  r.issues.push(...meta.issues);
  const base = { template: meta.template, ...(meta.document ? { cluster: meta.document } : {}) };
  const H = HEADERS.scorecard;
  const sheet = snapshot.sheets.find((s) => s.tables.some((t) => t.name.startsWith(TABLE.scorecardPrefix)));
  const table = sheet?.tables.find((t) => t.name.startsWith(TABLE.scorecardPrefix));
  const t = table && locateTable(r, { table: table.name, sheets: [], headers: H, required: [H[0], H[6]] });
  if (!t) {
    r.issues.push(
      makeIssue(
        'error',
        'merge.scorecard.missing',
        {
          vi: `${file}: không thấy bảng chấm điểm (bảng ${TABLE.scorecardPrefix}…); tệp bị sửa cấu trúc?`,
          en: `${file}: no scorecard table (${TABLE.scorecardPrefix}…); was the file restructured?`,
        },
        {},
      ),
    );
    return { ...base, issues: r.issues };
  }
  const unit = text(cellAt(t.sheet, LAYOUT.scorecard.unitRow, 2)) ?? meta.unit ?? '';
  const against = structure ?? meta.document;
  if (!against) {
    r.issues.push(
      makeIssue(
        'error',
        'unit.meta.missing',
        {
          vi: `${file}: bảng chấm được tạo trước khi Thi đua ghi kèm thông tin về cụm (đơn vị, tiêu chí); hãy đưa sổ tổng hợp của cụm (hoặc tệp .json của cụm) vào danh sách tệp.`,
          en: `${file}: the scorecard was made before Thi đua stored the cluster's information in it (members, criteria); give the cluster workbook (or the cluster's .json) among the files.`,
        },
        { unit },
      ),
    );
    return { ...base, unit, issues: r.issues };
  }
  const parents = new Set(
    against.criteria
      .map((c) => c.parent)
      .filter((p): p is string => !!p)
      .map(matchKey),
  );
  const leafKeys = new Map(against.criteria.map((c) => [matchKey(c.code), !parents.has(matchKey(c.code))]));
  const criteria: Criterion[] = [];
  for (const row of bodyRows(t)) {
    const code = readText(r, t.sheet, row, t.columns.get(H[SC.code - 1]!) ?? t.left, {
      vi: 'Mã',
      en: 'Code',
    });
    const standardCol = t.columns.get(H[SC.standard - 1]!);
    const points =
      standardCol === undefined
        ? undefined
        : readNumber(r, t.sheet, row, standardCol, {
            what: { vi: `Điểm chuẩn ${code ?? ''}`, en: `Standard of ${code ?? ''}` },
          });
    const title = text(cellAt(t.sheet, row, t.columns.get(H[SC.title - 1]!) ?? t.left + 1)) ?? '';
    if (code && points !== undefined) criteria.push({ code, title, points });
  }
  // Codes the structure does not know are read as leaves and reported by the merge, naming the file.
  for (const c of criteria) if (!leafKeys.has(matchKey(c.code))) leafKeys.set(matchKey(c.code), true);
  const scores = readScorecardSheet(r, t, unit, leafKeys);
  const member = against.units.find((u) => matchKey(u.name) === matchKey(unit))?.name ?? unit;
  const codeOf = new Map(against.criteria.map((c) => [matchKey(c.code), c.code]));
  if (r.sources)
    for (const [i, s] of scores.entries())
      r.sources.scores.set(
        scoreKey(member, codeOf.get(matchKey(s.criterion)) ?? s.criterion, s.stage),
        `scores[${i}]`,
      );
  const document: ClusterDocument = {
    format: CLUSTER_FORMAT,
    kind: meta.kind,
    year: meta.year ?? against.year,
    cluster: { name: meta.cluster ?? against.cluster.name },
    units: [{ name: unit }],
    criteria,
    scores,
  };
  return { ...base, unit, document, ...(r.sources ? { sources: r.sources } : {}), issues: r.issues };
}
