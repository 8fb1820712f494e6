/**
 * readClusterWorkbook: a workbook snapshot back into the `thidua/cluster@1` document. Pure; every host uses it.
 * Sheets are found by their tables' names (which survive renamed tabs), then by sheet name and header row.
 * Problems are Issues naming sheet and cell; the document comes back whenever its skeleton (info, units,
 * criteria) could be read, so one bad cell never hides the rest.
 */
import {
  CLUSTER_FORMAT,
  type ClusterDocument,
  type Indicator,
  type IndicatorResult,
  type Issue,
  type Person,
  type Score,
  type Stage,
  type TieBreakKey,
  type Vote,
  makeIssue,
  matchKey,
} from '../../core';
import { a1 } from '../layouts/a1';
import { parsePeopleList, serialToIso, textDateToIso } from '../layouts/cells';
import { TIE_BREAK_TEXT } from '../layouts/cluster';
import { SC } from '../layouts/scorecard';
import {
  CLUSTER_TEMPLATE_ID,
  CLUSTER_TEMPLATE_VERSION,
  HEADERS,
  INFO_KEYS,
  KIND_TEXT,
  LAYOUT,
  META_KEYS,
  NO,
  SHEET,
  STAGE_TEXT,
  TABLE,
  UNIT_SCORECARD_TEMPLATE_ID,
  YES,
} from '../layouts/cluster';
import type { SheetSnapshot, WorkbookSnapshot } from '../plan';
import { criteriaFromTable, locateCriteria } from './criteria';
import { blankPointsRule, checkScorecardCells, sheetFormula } from './scorecard-cells';
import { readDecisionsTable } from './decisions';
import { type WorkbookSources, scoreKey } from './sources';
import {
  type LocatedTable,
  type ReadOptions,
  Reader,
  bodyRows,
  cellAt,
  checkTableShape,
  findHeaderRow,
  isBlank,
  locateTable,
  readNumber,
  readText,
  reportMissingColumns,
  text,
} from './grid';

export interface ReadResult {
  doc?: ClusterDocument;
  issues: Issue[];
  /** Where each value of `doc` came from (sheet and cell by JSON path): locateIssues places the core's issues. */
  sources?: WorkbookSources;
}

function readMeta(r: Reader): Map<string, string> {
  const meta = new Map<string, string>();
  const t = locateTable(r, {
    table: TABLE.meta,
    sheets: [SHEET.meta],
    headers: HEADERS.meta,
    required: HEADERS.meta,
  });
  if (!t) return meta;
  for (const row of bodyRows(t)) {
    const k = text(cellAt(t.sheet, row, t.left));
    const v = text(cellAt(t.sheet, row, t.left + 1));
    if (k) meta.set(k, v ?? '');
  }
  return meta;
}

function checkTemplate(r: Reader, meta: Map<string, string>): boolean {
  const id = meta.get(META_KEYS.templateId);
  const version = meta.get(META_KEYS.templateVersion);
  if (!id) {
    r.issue('warning', 'workbook.template.unknown', SHEET.meta, undefined, {
      vi: 'không thấy thông tin mẫu sổ (sheet ẩn _ThiDua); Thi đua đọc theo tên sheet và dòng tiêu đề.',
      en: 'no template information (hidden sheet _ThiDua); Thi đua reads by sheet names and header rows.',
    });
    return true;
  }
  if (id !== CLUSTER_TEMPLATE_ID && id !== UNIT_SCORECARD_TEMPLATE_ID) {
    r.issue('error', 'workbook.template.other', SHEET.meta, 'B2', {
      vi: `sổ dùng mẫu "${id}", không phải sổ thi đua của Cụm (${CLUSTER_TEMPLATE_ID}).`,
      en: `the workbook uses template "${id}", not the cluster workbook (${CLUSTER_TEMPLATE_ID}).`,
    });
    return false;
  }
  const [major, minor] = (version ?? '0.0').split('.').map(Number);
  const [curMajor, curMinor] = CLUSTER_TEMPLATE_VERSION.split('.').map(Number);
  if (major !== curMajor) {
    // A blanked or typed-over version cell says so, rather than "version undefined".
    const made =
      version === undefined || version.trim() === ''
        ? {
            vi: 'sổ không ghi phiên bản mẫu (ô trống)',
            en: 'the workbook states no template version (empty cell)',
          }
        : {
            vi: `sổ được tạo bằng mẫu phiên bản ${version}`,
            en: `the workbook was made with template version ${version}`,
          };
    r.issue('error', 'workbook.template.version', SHEET.meta, 'B3', {
      vi: `${made.vi}, không đọc được bằng phiên bản ${CLUSTER_TEMPLATE_VERSION}; hãy tạo sổ mới (thidua new --from) từ tệp JSON đã xuất.`,
      en: `${made.en}, which version ${CLUSTER_TEMPLATE_VERSION} cannot read; build a new one (thidua new --from) from an exported JSON.`,
    });
    return false;
  }
  if ((minor ?? 0) < (curMinor ?? 0))
    r.issue('warning', 'workbook.template.older', SHEET.meta, 'B3', {
      vi: `sổ được tạo bằng mẫu phiên bản ${version}, cũ hơn phiên bản hiện tại ${CLUSTER_TEMPLATE_VERSION}; Thi đua vẫn đọc được, nên tạo lại sổ để có đủ công thức mới.`,
      en: `the workbook was made with template version ${version}, older than the current ${CLUSTER_TEMPLATE_VERSION}; it is still read, but rebuilding it brings the newer formulas.`,
    });
  return true;
}

function missing(r: Reader, sheet: string, what: { vi: string; en: string }) {
  r.issue('error', 'workbook.sheet.missing', sheet, undefined, {
    vi: `không tìm thấy ${what.vi} (sheet bị xoá, đổi tên hoặc bảng bị xoá).`,
    en: `${what.en} not found (the sheet was deleted or renamed, or its table removed).`,
  });
}

function yesNo(r: Reader, sheet: SheetSnapshot, row: number, col: number, what: string): boolean | undefined {
  const t = readText(r, sheet, row, col, { vi: what, en: what });
  if (t === undefined) return undefined;
  const k = matchKey(t);
  if (k === matchKey(YES)) return true;
  if (k === matchKey(NO)) return false;
  r.issue('warning', 'workbook.cell.yesNo', sheet.name, a1(row, col), {
    vi: `"${what}" ghi "${t}": chỉ nhận "Có" hoặc "Không"; bỏ qua.`,
    en: `"${what}" holds "${t}": only "Có" or "Không" is accepted; ignored.`,
  });
  return undefined;
}

export function readDate(
  r: Reader,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  what: string,
): string | undefined {
  const v = cellAt(sheet, row, col);
  if (isBlank(v)) return undefined;
  if (typeof v === 'number') {
    const iso = serialToIso(v);
    if (iso) return iso;
  } else if (typeof v === 'string') {
    const iso = textDateToIso(v);
    if (iso) return iso;
    r.issue('warning', 'workbook.cell.dateText', sheet.name, a1(row, col), {
      vi: `${what} ghi "${v}", không đọc được thành ngày (dd/mm/yyyy); giữ nguyên chữ.`,
      en: `${what} holds "${v}", which does not read as a date (dd/mm/yyyy); kept as text.`,
    });
    return v.trim();
  }
  r.issue('error', 'workbook.cell.notDate', sheet.name, a1(row, col), {
    vi: `${what} không phải là ngày.`,
    en: `${what} is not a date.`,
  });
  return undefined;
}

function tieBreakFromText(t: string): TieBreakKey[] {
  const byText = new Map(Object.entries(TIE_BREAK_TEXT).map(([k, v]) => [matchKey(v), k as TieBreakKey]));
  return t
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const known = byText.get(matchKey(s));
      if (known) return known;
      const m = /^tiêu chí\s+(.+)$/iu.exec(s);
      if (m) return `criterion:${m[1]!.trim()}` as TieBreakKey;
      return s as TieBreakKey;
    });
}

/** The document paths each row of the cluster information table fills. */

/** A score's fields as the reader records where each came from (the unit on the scorecard's unit row). */
const SCORE_SOURCE_FIELDS = [
  'unit',
  'criterion',
  'points',
  'bonus',
  'occurrences',
  'deduction',
  'note',
] as const;
const INFO_PATHS: [string, string[]][] = [
  [INFO_KEYS.cluster, ['cluster.name']],
  [INFO_KEYS.year, ['year']],
  [INFO_KEYS.kind, ['kind']],
  [INFO_KEYS.title, ['title']],
  [INFO_KEYS.from, ['period', 'period.from']],
  [INFO_KEYS.to, ['period.to']],
  [INFO_KEYS.leader, ['cluster.leader']],
  [INFO_KEYS.deputy, ['cluster.deputy']],
  [INFO_KEYS.ruleSet, ['ruleSet']],
  [INFO_KEYS.stage, ['ranking.stage']],
  [INFO_KEYS.tieBreak, ['ranking.tieBreak']],
  [INFO_KEYS.sample, ['sample']],
];

function readInfo(r: Reader, doc: ClusterDocument): boolean {
  const t = locateTable(r, {
    table: TABLE.info,
    sheets: [SHEET.members],
    headers: HEADERS.info,
    required: HEADERS.info,
  });
  if (!t) {
    missing(r, SHEET.members, {
      vi: 'bảng thông tin chung của Cụm (Mục / Giá trị)',
      en: 'the cluster information table (Mục / Giá trị)',
    });
    return false;
  }
  const rows = new Map<string, number>();
  for (const row of bodyRows(t)) {
    const k = text(cellAt(t.sheet, row, t.left));
    if (k) rows.set(matchKey(k), row);
  }
  const vc = t.left + 1;
  const row = (key: string) => rows.get(matchKey(key));
  for (const [key, paths] of INFO_PATHS) {
    const rr = row(key);
    if (rr !== undefined) for (const path of paths) r.from(path, t.sheet, rr, vc);
  }
  const str = (key: string) => {
    const rr = row(key);
    return rr === undefined ? undefined : readText(r, t.sheet, rr, vc, { vi: key, en: key });
  };
  const name = str(INFO_KEYS.cluster);
  if (!name)
    r.issue('error', 'workbook.info.cluster', t.sheet.name, a1(row(INFO_KEYS.cluster) ?? t.headerRow, vc), {
      vi: 'chưa có tên cụm thi đua.',
      en: 'the cluster has no name.',
    });
  doc.cluster.name = name ?? '';
  const yr = row(INFO_KEYS.year);
  const year =
    yr === undefined
      ? undefined
      : readNumber(r, t.sheet, yr, vc, { what: { vi: 'Năm thi đua', en: 'The year' }, integer: true });
  if (year === undefined) {
    r.issue('error', 'workbook.info.year', t.sheet.name, a1(yr ?? t.headerRow, vc), {
      vi: 'chưa có năm thi đua (số nguyên, ví dụ 2022).',
      en: 'no emulation year (a whole number, e.g. 2022).',
    });
    return false;
  }
  // The same bounds as a JSON document's year (core/document/schema.ts): it makes the document's dates.
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    r.issue('error', 'workbook.info.year', t.sheet.name, a1(yr!, vc), {
      vi: `năm thi đua ${Number.isInteger(year) ? year : String(year).replace('.', ',')} không hợp lệ (cần một năm từ 1900 đến 2999, ví dụ 2022).`,
      en: `the emulation year ${year} is not valid (expected a year from 1900 to 2999, e.g. 2022).`,
    });
    return false;
  }
  doc.year = year;
  const kind = str(INFO_KEYS.kind);
  if (kind && matchKey(kind) === matchKey(KIND_TEXT.campaign)) doc.kind = 'campaign';
  else if (kind && matchKey(kind) !== matchKey(KIND_TEXT.annual) && kind !== 'annual' && kind !== 'campaign')
    r.issue('warning', 'workbook.info.kind', t.sheet.name, a1(row(INFO_KEYS.kind)!, vc), {
      vi: `loại bảng chấm "${kind}" không rõ; coi là "${KIND_TEXT.annual}".`,
      en: `unknown scorecard kind "${kind}"; read as annual.`,
    });
  if (kind === 'campaign') doc.kind = 'campaign';
  const title = str(INFO_KEYS.title);
  if (title) doc.title = title;
  const fromRow = row(INFO_KEYS.from);
  const toRow = row(INFO_KEYS.to);
  const from = fromRow === undefined ? undefined : readDate(r, t.sheet, fromRow, vc, INFO_KEYS.from);
  const to = toRow === undefined ? undefined : readDate(r, t.sheet, toRow, vc, INFO_KEYS.to);
  if (from && to) doc.period = { from, to };
  const leader = str(INFO_KEYS.leader);
  const deputy = str(INFO_KEYS.deputy);
  if (leader) doc.cluster.leader = leader;
  if (deputy) doc.cluster.deputy = deputy;
  const ruleSet = str(INFO_KEYS.ruleSet);
  if (ruleSet) doc.ruleSet = ruleSet;
  const stage = str(INFO_KEYS.stage);
  if (stage) {
    const s: Stage | undefined =
      matchKey(stage) === matchKey(STAGE_TEXT.self) || stage === 'self'
        ? 'self'
        : matchKey(stage) === matchKey(STAGE_TEXT.verified) || stage === 'verified'
          ? 'verified'
          : undefined;
    if (s) doc.ranking = { ...doc.ranking, stage: s };
  }
  const tie = str(INFO_KEYS.tieBreak);
  if (tie) doc.ranking = { ...doc.ranking, tieBreak: tieBreakFromText(tie) };
  const sample = str(INFO_KEYS.sample);
  if (sample) doc.sample = sample;
  return true;
}

function readUnits(r: Reader, doc: ClusterDocument): boolean {
  const H = HEADERS.units;
  const t = locateTable(r, { table: TABLE.units, sheets: [SHEET.members], headers: H, required: [H[1]] });
  if (!t?.columns.has(H[1])) {
    missing(r, SHEET.members, {
      vi: 'bảng đơn vị thành viên (cột "Tên đơn vị")',
      en: 'the member table (column "Tên đơn vị")',
    });
    return false;
  }
  checkTableShape(r, t, { vi: 'bảng đơn vị', en: 'the member table' });
  const rotation: [number, string, number][] = [];
  for (const row of bodyRows(t)) {
    const name = readText(r, t.sheet, row, t.columns.get(H[1])!, { vi: 'Tên đơn vị', en: 'Unit name' });
    if (!name) {
      r.issue('error', 'workbook.unit.noName', t.sheet.name, a1(row, t.columns.get(H[1])!), {
        vi: `dòng ${row} của bảng đơn vị không có tên đơn vị; bỏ qua.`,
        en: `row ${row} of the member table has no unit name; left out.`,
      });
      continue;
    }
    const pc = t.columns.get(H[2]);
    const province =
      pc === undefined ? undefined : readText(r, t.sheet, row, pc, { vi: 'Mã tỉnh', en: 'Province code' });
    const path = `units[${doc.units.length}]`;
    r.from(path, t.sheet, row, t.columns.get(H[1]));
    r.from(`${path}.name`, t.sheet, row, t.columns.get(H[1]));
    r.from(`${path}.province`, t.sheet, row, pc);
    doc.units.push(province ? { name, province } : { name });
    const oc = t.columns.get(H[3]);
    const order =
      oc === undefined
        ? undefined
        : readNumber(r, t.sheet, row, oc, {
            what: { vi: `Thứ tự luân phiên của ${name}`, en: `Rotation order of ${name}` },
          });
    if (order !== undefined) rotation.push([order, name, row]);
  }
  if (rotation.length) {
    rotation.sort((a, b) => a[0] - b[0]);
    doc.cluster.rotation = rotation.map(([, n]) => n);
    for (const [i, [, , row]] of rotation.entries())
      r.from(`cluster.rotation[${i}]`, t.sheet, row, t.columns.get(H[3]));
  }
  return true;
}

function readTiers(r: Reader, doc: ClusterDocument) {
  const H = HEADERS.tiers;
  const t = locateTable(r, { table: TABLE.tiers, sheets: [], headers: H, required: H });
  if (!t) return;
  const tiers = [];
  for (const row of bodyRows(t)) {
    const label = readText(r, t.sheet, row, t.columns.get(H[0]) ?? t.left, {
      vi: 'Mức xếp loại',
      en: 'Tier',
    });
    const min = readNumber(r, t.sheet, row, t.columns.get(H[1]) ?? t.left + 1, {
      what: {
        vi: `Tỷ lệ tối thiểu của mức "${label ?? ''}"`,
        en: `Minimum percent of tier "${label ?? ''}"`,
      },
    });
    if (label && min !== undefined) {
      const path = `ranking.tiers[${tiers.length}]`;
      r.from(path, t.sheet, row, t.columns.get(H[0]) ?? t.left);
      r.from(`${path}.label`, t.sheet, row, t.columns.get(H[0]) ?? t.left);
      r.from(`${path}.minPercent`, t.sheet, row, t.columns.get(H[1]) ?? t.left + 1);
      tiers.push({ label, minPercent: min });
    }
  }
  if (tiers.length) doc.ranking = { ...doc.ranking, tiers };
}

/** Each stage's input columns of a scorecard (points, bonus, occurrences, deduction, note) and its words. */
const SCORE_STAGES = [
  {
    stage: 'self',
    columns: [SC.selfPoints, SC.selfBonus, SC.selfOccurrences, SC.selfDeduction, SC.selfNote],
    words: { vi: 'tự chấm', en: 'self score' },
  },
  {
    stage: 'verified',
    columns: [SC.verPoints, SC.verBonus, SC.verOccurrences, SC.verDeduction, SC.verNote],
    words: { vi: 'thẩm định', en: 'verified score' },
  },
] as const;

/**
 * Scores of one scorecard sheet (our layout), checked against the criteria. `first` is the index the first of
 * them will have in the document's scores, for the source map (r.sources).
 */
export function readScorecardSheet(
  r: Reader,
  t: LocatedTable,
  unit: string,
  leafKeys: Map<string, boolean>,
  first = 0,
): Score[] {
  checkTableShape(r, t, { vi: `bảng chấm điểm của ${unit}`, en: `the scorecard of ${unit}` });
  const H = HEADERS.scorecard;
  // Every input column must be found: a renamed one would otherwise drop its scores without a word.
  const inputs = [
    SC.code,
    SC.selfPoints,
    SC.selfBonus,
    SC.selfOccurrences,
    SC.selfDeduction,
    SC.verPoints,
    SC.verBonus,
    SC.verOccurrences,
    SC.verDeduction,
  ].map((k: number) => H[k - 1]!);
  reportMissingColumns(r, t, H, inputs, {
    vi: `Bảng chấm điểm của ${unit}`,
    en: `The scorecard of ${unit}`,
  });
  const col = (k: number) => t.columns.get(H[k - 1]!);
  const scores: Score[] = [];
  for (const row of bodyRows(t)) {
    const codeCol = col(SC.code) ?? t.left;
    const code = readText(r, t.sheet, row, codeCol, { vi: 'Mã tiêu chí', en: 'Criterion code' });
    if (!code) continue;
    const leaf = leafKeys.get(matchKey(code));
    if (leaf === undefined) {
      r.issue('error', 'workbook.scorecard.unknownCriterion', t.sheet.name, a1(row, codeCol), {
        vi: `mã tiêu chí "${code}" không có trong sheet "${SHEET.criteria}"; điểm ở dòng ${row} không được tính.`,
        en: `criterion code "${code}" is not on the "${SHEET.criteria}" sheet; the scores in row ${row} are not counted.`,
      });
      continue;
    }
    for (const { stage, columns, words: st } of SCORE_STAGES) {
      const [p, b, o, d, n] = columns;
      let anyTyped = false;
      for (const k of columns) {
        const c = col(k);
        if (
          c !== undefined &&
          (!isBlank(cellAt(t.sheet, row, c)) || sheetFormula(t.sheet, row, c) !== undefined)
        ) {
          anyTyped = true;
          break;
        }
      }
      if (!anyTyped) continue;
      if (!leaf) {
        r.issue('error', 'workbook.scorecard.groupScore', t.sheet.name, a1(row, col(p) ?? codeCol), {
          vi: `tiêu chí ${code} là nhóm: điểm chấm ở các tiêu chí con, không chấm ở dòng nhóm; không tính.`,
          en: `criterion ${code} is a group: scores go on its sub-criteria, not on the group row; not counted.`,
        });
        continue;
      }
      // What a message calls the number: made only when one is written (most cells are plain numbers).
      const num = (k: number, vi: string, en: string, integer = false) => {
        const c = col(k);
        return c === undefined
          ? undefined
          : readNumber(r, t.sheet, row, c, {
              what: () => ({
                vi: `${vi} ${st.vi} của tiêu chí ${code}`,
                en: `${en} (${st.en}) of criterion ${code}`,
              }),
              integer,
            });
      };
      const bonus = num(b, 'Điểm cộng', 'Bonus');
      const occurrences = num(o, 'Số lần trừ', 'Occurrences', true);
      const deduction = num(d, 'Điểm trừ', 'Deduction');
      const nc = col(n);
      const note =
        nc === undefined ? undefined : readText(r, t.sheet, row, nc, { vi: 'Ghi chú', en: 'Note' });
      let points = num(p, 'Điểm', 'Points');
      if (points === undefined) {
        const pointsCell = a1(row, col(p) ?? codeCol);
        // Unreadable points are reported by readNumber; blank ones count as the sheet's formulas count them.
        if (!isBlank(cellAt(t.sheet, row, col(p) ?? codeCol)) || sheetFormula(t.sheet, row, col(p))) continue;
        const blankPoints = blankPointsRule(t, row, stage, [b, o, d].map(col));
        if (blankPoints === 'zero') points = 0;
        else if (blankPoints === 'zeroReported') {
          points = 0;
          r.issue('warning', 'workbook.scorecard.noPoints', t.sheet.name, pointsCell, {
            vi: `tiêu chí ${code} có điểm cộng, trừ hoặc ghi chú ${st.vi} nhưng chưa có điểm ${st.vi}; tính 0 điểm (như công thức của sheet), cộng và trừ vẫn được tính. Hãy nhập điểm nếu đơn vị có điểm ở tiêu chí này.`,
            en: `criterion ${code} has bonus, deduction or a note (${st.en}) but no points; counted as 0 points (as the sheet's formulas do), bonus and deduction still count. Enter the points if the unit has any here.`,
          });
        } else {
          r.issue('warning', 'workbook.scorecard.noPoints', t.sheet.name, pointsCell, {
            vi: `tiêu chí ${code} có điểm cộng, trừ hoặc ghi chú ${st.vi} nhưng chưa có điểm ${st.vi}; bỏ trống điểm thẩm định là giữ điểm tự chấm, nên cộng, trừ thẩm định ở dòng này chưa được tính. Hãy nhập điểm thẩm định.`,
            en: `criterion ${code} has bonus, deduction or a note (${st.en}) but no points; blank verified points keep the self score, so this row's verified bonus and deduction are not counted. Enter the verified points.`,
          });
          continue;
        }
      }
      if (r.sources) {
        const path = `scores[${first + scores.length}]`;
        r.from(path, t.sheet, row, col(p));
        r.fromCells(
          path,
          t.sheet,
          SCORE_SOURCE_FIELDS,
          [LAYOUT.scorecard.unitRow, row, row, row, row, row, row],
          [2, codeCol, col(p), col(b), col(o), col(d), col(n)],
        );
      }
      const s: Score = { unit, criterion: code, stage, points };
      if (bonus !== undefined) s.bonus = bonus;
      if (deduction !== undefined) s.deduction = deduction;
      if (occurrences !== undefined) s.occurrences = occurrences;
      if (note) s.note = note;
      scores.push(s);
    }
  }
  checkScorecardCells(r, t);
  return scores;
}

function scorecardTables(r: Reader): { t: LocatedTable; unit?: string }[] {
  const H = HEADERS.scorecard;
  const out: { t: LocatedTable; unit?: string }[] = [];
  for (const sheet of r.snapshot.sheets) {
    const table = sheet.tables.find((x) => x.name.startsWith(TABLE.scorecardPrefix));
    let t: LocatedTable | undefined;
    if (table) t = locateTable(r, { table: table.name, sheets: [], headers: H, required: [] });
    else if (
      ![SHEET.criteria, SHEET.members, SHEET.summary].some((n) => matchKey(n) === matchKey(sheet.name))
    )
      t = findHeaderRow(sheet, H, [H[0], H[6]]);
    if (!t) continue;
    const unitCell = text(cellAt(sheet, LAYOUT.scorecard.unitRow, 2));
    out.push(unitCell ? { t, unit: unitCell } : { t });
  }
  return out;
}

/** The document field each column of the indicator list and the people table fills, in header order. */
const INDICATOR_FIELDS = ['code', 'title', 'target', 'exceedable', 'lowerIsBetter'] as const;
const PERSON_FIELDS = [
  'name',
  'unit',
  'gender',
  'serviceStart',
  'recruited',
  'titles',
  'initiatives',
  'discipline',
] as const;

function readIndicators(r: Reader, doc: ClusterDocument) {
  const H = HEADERS.indicators;
  const t = locateTable(r, {
    table: TABLE.indicators,
    sheets: [SHEET.indicators],
    headers: H,
    required: [H[0], H[2]],
  });
  if (t) {
    checkTableShape(r, t, { vi: 'danh mục chỉ tiêu', en: 'the indicator list' });
    const list: Indicator[] = [];
    for (const row of bodyRows(t)) {
      const code = readText(r, t.sheet, row, t.columns.get(H[0])!, {
        vi: 'Mã chỉ tiêu',
        en: 'Indicator code',
      });
      if (!code) continue;
      const title = t.columns.has(H[1])
        ? (readText(r, t.sheet, row, t.columns.get(H[1])!, { vi: 'Tên chỉ tiêu', en: 'Title' }) ?? '')
        : '';
      let target = readNumber(r, t.sheet, row, t.columns.get(H[2])!, {
        what: { vi: `Chỉ tiêu ${code}`, en: `Target of ${code}` },
      });
      if (target === undefined) {
        r.issue('error', 'workbook.indicator.noTarget', t.sheet.name, a1(row, t.columns.get(H[2])!), {
          vi: `chỉ tiêu ${code} chưa có tỷ lệ yêu cầu.`,
          en: `indicator ${code} has no target.`,
        });
        continue;
      }
      if (target > 1 && target <= 100) {
        r.issue('warning', 'workbook.indicator.percentNumber', t.sheet.name, a1(row, t.columns.get(H[2])!), {
          vi: `chỉ tiêu ${code} ghi ${target}: hiểu là ${target}% (tỷ lệ ${target / 100}).`,
          en: `indicator ${code} holds ${target}: read as ${target}% (${target / 100}).`,
        });
        target /= 100;
      }
      const path = `indicators[${list.length}]`;
      r.from(path, t.sheet, row, t.columns.get(H[0]));
      r.fromRow(path, t.sheet, row, INDICATOR_FIELDS, (k) => t.columns.get(H[k]!));
      const ind: Indicator = { code, title, target };
      const ex = t.columns.get(H[3]) && yesNo(r, t.sheet, row, t.columns.get(H[3])!, H[3]);
      const lo = t.columns.get(H[4]) && yesNo(r, t.sheet, row, t.columns.get(H[4])!, H[4]);
      if (typeof ex === 'boolean') ind.exceedable = ex;
      if (typeof lo === 'boolean') ind.lowerIsBetter = lo;
      list.push(ind);
    }
    if (list.length) doc.indicators = list;
  }
  const R = HEADERS.indicatorResults;
  const rt = locateTable(r, {
    table: TABLE.indicatorResults,
    sheets: [SHEET.indicators],
    headers: R,
    required: [R[0], R[1], R[2], R[3]],
  });
  if (!rt) return;
  checkTableShape(r, rt, { vi: 'bảng kết quả chỉ tiêu', en: 'the indicator results table' });
  const results: IndicatorResult[] = [];
  for (const row of bodyRows(rt)) {
    const c = (k: number) => rt.columns.get(R[k]!)!;
    const unit = readText(r, rt.sheet, row, c(0), { vi: 'Đơn vị', en: 'Unit' });
    const indicator = readText(r, rt.sheet, row, c(1), { vi: 'Mã chỉ tiêu', en: 'Indicator' });
    const numerator = readNumber(r, rt.sheet, row, c(2), {
      what: {
        vi: `Tử số chỉ tiêu ${indicator ?? ''} của ${unit ?? ''}`,
        en: `Numerator of ${indicator ?? ''} for ${unit ?? ''}`,
      },
      integer: true,
    });
    const denominator = readNumber(r, rt.sheet, row, c(3), {
      what: {
        vi: `Mẫu số chỉ tiêu ${indicator ?? ''} của ${unit ?? ''}`,
        en: `Denominator of ${indicator ?? ''} for ${unit ?? ''}`,
      },
      integer: true,
    });
    if (numerator === undefined && denominator === undefined) continue;
    if (!unit || !indicator || numerator === undefined || denominator === undefined) {
      r.issue('error', 'workbook.indicatorResult.incomplete', rt.sheet.name, a1(row, rt.left), {
        vi: `dòng ${row} của bảng kết quả chỉ tiêu thiếu đơn vị, mã chỉ tiêu, tử số hoặc mẫu số; không tính.`,
        en: `row ${row} of the indicator results lacks the unit, indicator, numerator or denominator; not counted.`,
      });
      continue;
    }
    const path = `indicatorResults[${results.length}]`;
    r.from(path, rt.sheet, row, c(0));
    r.fromRow(path, rt.sheet, row, ['unit', 'indicator', 'numerator', 'denominator'], c);
    results.push({ unit, indicator, numerator, denominator });
  }
  if (results.length) doc.indicatorResults = results;
}

function readVotes(r: Reader, doc: ClusterDocument) {
  const H = HEADERS.votes;
  const t = locateTable(r, {
    table: TABLE.votes,
    sheets: [SHEET.votes],
    headers: H,
    required: [H[0], H[1], H[2], H[3]],
  });
  if (!t) return;
  checkTableShape(r, t, { vi: 'bảng biểu quyết', en: 'the votes table' });
  const votes: Vote[] = [];
  for (const row of bodyRows(t)) {
    const c = (k: number) => t.columns.get(H[k]!)!;
    const award = readText(r, t.sheet, row, c(0), { vi: 'Danh hiệu', en: 'Award' });
    const candidate = readText(r, t.sheet, row, c(1), { vi: 'Đề nghị cho', en: 'Candidate' });
    const yes = readNumber(r, t.sheet, row, c(2), {
      what: { vi: 'Số phiếu đồng ý', en: 'Yes votes' },
      integer: true,
    });
    const voters = readNumber(r, t.sheet, row, c(3), {
      what: { vi: 'Số người biểu quyết', en: 'Voters' },
      integer: true,
    });
    if (!award || !candidate || yes === undefined || voters === undefined) {
      r.issue('error', 'workbook.vote.incomplete', t.sheet.name, a1(row, t.left), {
        vi: `dòng ${row} thiếu danh hiệu, người/đơn vị được đề nghị hoặc số phiếu; không tính.`,
        en: `row ${row} lacks the award, candidate or vote counts; not counted.`,
      });
      continue;
    }
    const path = `votes[${votes.length}]`;
    r.from(path, t.sheet, row, c(0));
    r.fromRow(path, t.sheet, row, ['award', 'candidate', 'yes', 'voters'], c);
    votes.push({ award, candidate, yes, voters });
  }
  if (votes.length) doc.votes = votes;
}

function readPeople(r: Reader, doc: ClusterDocument) {
  const H = HEADERS.people;
  const t = locateTable(r, {
    table: TABLE.people,
    sheets: [SHEET.people],
    headers: H,
    required: [H[0], H[1]],
  });
  if (!t) return;
  checkTableShape(r, t, { vi: 'bảng cá nhân', en: 'the people table' });
  const people: Person[] = [];
  for (const row of bodyRows(t)) {
    const c = (k: number) => t.columns.get(H[k]!);
    const name = readText(r, t.sheet, row, c(0)!, { vi: 'Họ và tên', en: 'Name' });
    const unit = readText(r, t.sheet, row, c(1)!, { vi: 'Đơn vị', en: 'Unit' });
    if (!name || !unit) {
      r.issue('error', 'workbook.person.incomplete', t.sheet.name, a1(row, t.left), {
        vi: `dòng ${row} thiếu họ tên hoặc đơn vị; không tính.`,
        en: `row ${row} lacks the name or unit; not counted.`,
      });
      continue;
    }
    const path = `people[${people.length}]`;
    r.from(path, t.sheet, row, c(0));
    r.fromRow(path, t.sheet, row, PERSON_FIELDS, c);
    const p: Person = { name, unit };
    const gender = c(2) && readText(r, t.sheet, row, c(2)!, { vi: 'Giới tính', en: 'Gender' });
    if (gender) p.gender = gender;
    const serviceStart = c(3) && readDate(r, t.sheet, row, c(3)!, 'Ngày vào ngành');
    const recruited = c(4) && readDate(r, t.sheet, row, c(4)!, 'Ngày tuyển dụng');
    if (serviceStart) p.serviceStart = serviceStart;
    if (recruited) p.recruited = recruited;
    const list = (k: number, label: string) => {
      const col = c(k);
      const s = col && readText(r, t.sheet, row, col, { vi: label, en: label });
      if (!s) return undefined;
      const { items, bad } = parsePeopleList(s);
      for (const b of bad)
        r.issue('warning', 'workbook.person.listItem', t.sheet.name, a1(row, col), {
          vi: `"${b}" trong cột "${label}" không theo dạng "năm: nội dung"; bỏ qua mục này.`,
          en: `"${b}" in column "${label}" is not "year: text"; this item is left out.`,
        });
      return items.length ? items : undefined;
    };
    const titles = list(5, H[5]);
    const initiatives = list(6, H[6]);
    const discipline = list(7, H[7]);
    if (titles) p.titles = titles.map(([year, title]) => ({ year, title }));
    if (initiatives) p.initiatives = initiatives.map(([year, level]) => ({ year, level }));
    if (discipline) p.discipline = discipline.map(([year, form]) => ({ year, form }));
    people.push(p);
  }
  if (people.length) doc.people = people;
}

export function readClusterWorkbook(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  const r = new Reader(snapshot, options);
  const meta = readMeta(r);
  if (!checkTemplate(r, meta)) return { issues: r.issues };
  const doc: ClusterDocument = {
    format: CLUSTER_FORMAT,
    kind: meta.get(META_KEYS.kind) === 'campaign' ? 'campaign' : 'annual',
    year: 0,
    cluster: { name: '' },
    units: [],
    criteria: [],
  };
  const ext = meta.get(META_KEYS.extensions);
  if (ext) {
    try {
      Object.assign(doc, JSON.parse(ext) as Record<string, unknown>);
    } catch {
      r.issue('warning', 'workbook.meta.extensions', SHEET.meta, undefined, {
        vi: 'phần mở rộng của tài liệu (extensions) không đọc được; bỏ qua.',
        en: 'the document extensions could not be read; ignored.',
      });
    }
  }
  const infoOk = readInfo(r, doc);
  const unitsOk = readUnits(r, doc);
  const ct = locateCriteria(r);
  if (!ct)
    missing(r, SHEET.criteria, {
      vi: 'bảng tiêu chí (cột "Mã", "Nội dung", "Điểm chuẩn")',
      en: 'the criteria table',
    });
  else doc.criteria = criteriaFromTable(r, ct);
  readTiers(r, doc);
  if (!infoOk || !unitsOk || !ct) return { issues: r.issues };

  const parents = new Set(
    doc.criteria
      .map((c) => c.parent)
      .filter((p): p is string => !!p)
      .map(matchKey),
  );
  const leafKeys = new Map(doc.criteria.map((c) => [matchKey(c.code), !parents.has(matchKey(c.code))]));
  const scores: Score[] = [];
  const seen = new Set<string>();
  for (const { t, unit } of scorecardTables(r)) {
    const u = unit && doc.units.find((x) => matchKey(x.name) === matchKey(unit));
    if (!u) {
      r.issue('error', 'workbook.scorecard.unit', t.sheet.name, a1(LAYOUT.scorecard.unitRow, 2), {
        vi: `bảng chấm điểm ghi đơn vị "${unit ?? ''}", không có trong danh sách đơn vị; không tính.`,
        en: `the scorecard names unit "${unit ?? ''}", which is not a member; not counted.`,
      });
      continue;
    }
    if (seen.has(matchKey(u.name))) {
      r.issue('error', 'workbook.scorecard.duplicate', t.sheet.name, a1(LAYOUT.scorecard.unitRow, 2), {
        vi: `đơn vị "${u.name}" có hơn một bảng chấm điểm; bảng này không được tính.`,
        en: `unit "${u.name}" has more than one scorecard; this one is not counted.`,
      });
      continue;
    }
    seen.add(matchKey(u.name));
    scores.push(...readScorecardSheet(r, t, u.name, leafKeys, scores.length));
  }
  // Scores by the names the core's issues use: the member list's unit, the criteria table's code.
  const codeOf = new Map(doc.criteria.map((c) => [matchKey(c.code), c.code]));
  if (r.sources)
    for (const [i, s] of scores.entries())
      r.sources.scores.set(
        scoreKey(s.unit, codeOf.get(matchKey(s.criterion)) ?? s.criterion, s.stage),
        `scores[${i}]`,
      );
  for (const u of doc.units)
    if (!seen.has(matchKey(u.name)))
      r.issues.push(
        makeIssue(
          'error',
          'workbook.scorecard.missing',
          {
            vi: `Không có sheet bảng chấm điểm của ${u.name} (bảng ${TABLE.scorecardPrefix}…; sheet bị xoá?); đơn vị được tính 0 điểm.`,
            en: `There is no scorecard sheet for ${u.name} (table ${TABLE.scorecardPrefix}…; deleted?); it counts 0 points.`,
          },
          { unit: u.name },
        ),
      );
  if (scores.length) doc.scores = scores;
  readIndicators(r, doc);
  readVotes(r, doc);
  readPeople(r, doc);
  readDecisionsTable(r, doc);
  return { doc, issues: r.issues, ...(r.sources ? { sources: r.sources } : {}) };
}
