/**
 * buildClusterWorkbook: a cluster's emulation year (or campaign) as a declarative workbook plan.
 * Sheets: Hướng dẫn, Đơn vị, Tiêu chí, one scorecard per member, Chỉ tiêu, Tổng hợp, Biểu quyết, Cá nhân,
 * Nhật ký, and a hidden _ThiDua meta sheet holding the template id and version. Sums, ratios and the simple
 * rank are native formulas; the rule-based rank and tier are values with a stamp and a native staleness flag.
 * Pure: no Node APIs, runs in the browser too.
 */
import {
  type ClusterComputation,
  type ClusterDocument,
  type Indicator,
  type Person,
  type ResultDocument,
  type TieBreakKey,
  fromMilli,
  matchKey,
  percentOfStandard,
  roundRatio,
  SHEET_FIELDS,
} from '../../core';
import {
  type CellPlan,
  type CellValue,
  type ChartPlan,
  columnWidths,
  type DefinedNamePlan,
  type DeferredSheetPlan,
  type DeferredWorkbookPlan,
  type PlannedSheet,
  type SheetPlan,
  type TablePlan,
  type ValidationPlan,
  type WorkbookPlan,
  madeWorkbookPlan,
} from '../plan';
import {
  CLUSTER_TEMPLATE_ID,
  CLUSTER_TEMPLATE_VERSION,
  HEADERS,
  INFO_KEYS,
  KIND_TEXT,
  LAYOUT,
  META_KEYS,
  NAME,
  NO,
  SHEET,
  STAGE_TEXT,
  TABLE,
  TIE_BREAK_TEXT,
  YES,
  scorecardSheetName,
  type SheetNames,
} from '../layouts/cluster';
import { a1, abs, columnLetter, quoteSheet, sheetRef } from '../layouts/a1';
import { type ScorecardSheetRefs, SC, buildScorecardSheet, scorecardSheetRefs } from './scorecard-sheet';
import {
  BOLD,
  FMT,
  FONT,
  computed,
  fixed,
  header,
  input,
  label,
  subtitle,
  title as titleStyle,
} from './styles';
import { type ScorecardValues, scorecardValues } from './values';
import { dateCell, localDateTime, peopleListText } from '../layouts/cells';
import { guideSheet } from './guide';
import { indicatorRowFormulas } from './indicator-formulas';
import { fitRowHeights } from './row-heights';
import { decisionsSheet } from './decisions';
import { yearOverYearSheet } from './year-over-year';

/**
 * A computation whose result the summary stamps (rule-based rank and tier). With computeCluster's whole
 * output the builder reuses it; with only `result` it computes the per-criterion values itself.
 */
export type ComputationLike = { result: ResultDocument } & Partial<
  Pick<ClusterComputation, 'scorecard' | 'cluster' | 'indicators' | 'stage'>
>;

export interface BuildOptions {
  /** ISO time written in the ranking stamp and the log (pure builders take the clock as input). */
  now?: string;
  /** Existing sheet names by role (and by unit for scorecards), so an update plan writes where the workbook has them. */
  sheetNames?: SheetNames;
  /** Log lines to add (what the add-in did). */
  log?: { time: string; action: string; detail: string }[];
}

export { TIE_BREAK_TEXT } from '../layouts/cluster';

export function tieBreakText(keys: readonly TieBreakKey[]): string {
  return keys
    .map((k) => (k.startsWith('criterion:') ? `Tiêu chí ${k.slice(10)}` : (TIE_BREAK_TEXT[k] ?? k)))
    .join('; ');
}

/** Table cells: a header row plus body rows; every body cell also listed in `cells` with its style. */
export function table(
  name: string,
  top: number,
  left: number,
  headers: readonly string[],
  body: CellPlan[][],
  cells: CellPlan[],
  style = 'TableStyleLight9',
): TablePlan {
  headers.forEach((h, i) => {
    cells.push({ ref: a1(top, left + i), value: h, style: header });
  });
  const rows: CellValue[][] = [];
  body.forEach((row, k) => {
    const values: CellValue[] = [];
    row.forEach((cell, i) => {
      const ref = a1(top + 1 + k, left + i);
      cells.push({ ...cell, ref });
      values.push(cell.formula !== undefined ? null : (cell.value ?? null));
    });
    rows.push(values);
  });
  // An empty table still needs one body row for Excel; it stays blank and yellow.
  if (rows.length === 0) {
    rows.push(headers.map(() => null));
    headers.forEach((_, i) => {
      cells.push({ ref: a1(top + 1, left + i), value: null, style: input() });
    });
  }
  return { name, ref: a1(top, left), headers: [...headers], rows, style };
}

export const v = (value: CellValue | undefined, style = input()): CellPlan => ({
  ref: '',
  value: value ?? null,
  style,
});
export const f = (formula: string, result: CellValue, style = computed()): CellPlan => ({
  ref: '',
  formula,
  result,
  style,
});
/** A text constant inside a formula: quotes doubled, as Excel's syntax wants. */
export const formulaText = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Percent of the standard to 3 decimals, rounded as the core's percentOfStandard (half up, towards +∞):
 * ROUND goes half away from zero, so a negative total rounds its opposite with the half pulled down.
 */
export function percentFormula(total: string, standard: string): string {
  return `IF(${standard}>0,IF(${total}>=0,ROUND(${total}*100/${standard},3),-ROUND(-${total}*100/${standard}-1E-10,3)),0)`;
}

const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? YES : NO);

function listValidation(range: string, source: string, what: string): ValidationPlan {
  return {
    range,
    kind: 'list',
    source,
    allowBlank: true,
    error: { title: 'Giá trị không có trong danh sách', message: `Chọn ${what} trong danh sách.` },
  };
}

interface Ctx {
  doc: ClusterDocument;
  values: ScorecardValues;
  result?: ResultDocument;
  names: { [K in keyof typeof SHEET]: string };
  scorecards: ScorecardSheetRefs[];
  now: string;
  stage: 'self' | 'verified';
}

function membersSheet(ctx: Ctx): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const { doc } = ctx;
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'DANH SÁCH ĐƠN VỊ THÀNH VIÊN VÀ THÔNG TIN CHUNG CỦA CỤM', style: titleStyle },
    {
      ref: 'A2',
      value:
        'Tên đơn vị viết đầy đủ, ví dụ "VKSND tỉnh Đắk Lắk"; thứ tự luân phiên: 1 = đơn vị làm Cụm trưởng trước.',
      style: subtitle,
    },
  ];
  const rotation = (doc.cluster.rotation ?? []).map(matchKey);
  const units = table(
    TABLE.units,
    LAYOUT.unitsHeader.row,
    LAYOUT.unitsHeader.col,
    HEADERS.units,
    doc.units.map((u, i) => {
      const order = rotation.indexOf(matchKey(u.name));
      return [
        f(`ROW()-${LAYOUT.unitsHeader.row}`, i + 1, computed(FMT.count)),
        v(u.name, input(FMT.text)),
        v(u.province, input(FMT.text)),
        v(order >= 0 ? order + 1 : null, input(FMT.count)),
      ];
    }),
    cells,
  );
  const kind = doc.kind === 'campaign' ? KIND_TEXT.campaign : KIND_TEXT.annual;
  const info: [string, CellValue | undefined, string?][] = [
    [INFO_KEYS.cluster, doc.cluster.name, FMT.text],
    [INFO_KEYS.year, doc.year, FMT.count],
    [INFO_KEYS.kind, kind, FMT.text],
    [INFO_KEYS.title, doc.title, FMT.text],
    [INFO_KEYS.from, doc.period ? dateCell(doc.period.from) : null, FMT.date],
    [INFO_KEYS.to, doc.period ? dateCell(doc.period.to) : null, FMT.date],
    [INFO_KEYS.leader, doc.cluster.leader, FMT.text],
    [INFO_KEYS.deputy, doc.cluster.deputy, FMT.text],
    [INFO_KEYS.ruleSet, doc.ruleSet, FMT.text],
    [INFO_KEYS.stage, doc.ranking?.stage ? STAGE_TEXT[doc.ranking.stage] : null, FMT.text],
    [INFO_KEYS.tieBreak, doc.ranking?.tieBreak ? tieBreakText(doc.ranking.tieBreak) : null, FMT.text],
    [INFO_KEYS.sample, doc.sample, FMT.text],
  ];
  const infoTable = table(
    TABLE.info,
    LAYOUT.infoHeader.row,
    LAYOUT.infoHeader.col,
    HEADERS.info,
    info.map(([key, value, fmt]) => [v(key, fixed(FMT.text, BOLD)), v(value, input(fmt))]),
    cells,
  );
  const unitTop = LAYOUT.unitsHeader.row + 1;
  const unitBottom = unitTop + Math.max(doc.units.length, 1) - 1;
  const infoRow = (key: string) => LAYOUT.infoHeader.row + 1 + info.findIndex(([k]) => k === key);
  const valueCol = LAYOUT.infoHeader.col + 1;
  const validations: ValidationPlan[] = [
    listValidation(
      `${a1(infoRow(INFO_KEYS.leader), valueCol)}:${a1(infoRow(INFO_KEYS.deputy), valueCol)}`,
      NAME.unitList,
      'đơn vị',
    ),
    {
      range: a1(infoRow(INFO_KEYS.kind), valueCol),
      kind: 'list',
      items: [KIND_TEXT.annual, KIND_TEXT.campaign],
      error: { title: 'Loại không hợp lệ', message: 'Chọn "Hằng năm" hoặc "Ngắn hạn (phong trào)".' },
    },
    {
      range: a1(infoRow(INFO_KEYS.stage), valueCol),
      kind: 'list',
      items: [STAGE_TEXT.verified, STAGE_TEXT.self],
      allowBlank: true,
      error: {
        title: 'Giai đoạn không hợp lệ',
        message: 'Chọn "Thẩm định" hoặc "Tự chấm" (bỏ trống: tự chọn).',
      },
    },
    {
      range: a1(infoRow(INFO_KEYS.year), valueCol),
      kind: 'whole',
      min: 2000,
      max: 2100,
      error: { title: 'Năm không hợp lệ', message: 'Năm thi đua là số nguyên, ví dụ 2022.' },
    },
    {
      range: `${a1(unitTop, 4)}:${a1(unitBottom, 4)}`,
      kind: 'whole',
      min: 1,
      max: 99,
      allowBlank: true,
      error: { title: 'Thứ tự không hợp lệ', message: 'Thứ tự luân phiên là số nguyên từ 1.' },
    },
  ];
  return {
    sheet: {
      name: ctx.names.members,
      role: 'members',
      tabColor: 'FF4472C4',
      columns: [
        { index: 1, width: 6 },
        { index: 2, width: 36 },
        { index: 3, width: 10 },
        { index: 4, width: 12 },
        { index: 7, width: 22 },
        { index: 8, width: 40 },
      ],
      cells,
      tables: [units, infoTable],
      validations,
      freeze: { rows: LAYOUT.unitsHeader.row, columns: 0 },
      print: {
        paper: 'A4',
        orientation: 'landscape',
        fitToWidth: true,
        titleRows: `1:${LAYOUT.unitsHeader.row}`,
      },
    },
    names: [
      {
        name: NAME.unitList,
        ref: sheetRef(ctx.names.members, `${abs(unitTop, 2)}:${abs(unitBottom, 2)}`),
        comment: 'Tên các đơn vị thành viên',
      },
    ],
  };
}

function criteriaSheet(ctx: Ctx): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const { doc } = ctx;
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA', style: titleStyle },
    {
      ref: 'A2',
      value:
        doc.sample ??
        'Tiêu chí của đơn vị. "Thuộc nhóm": mã tiêu chí cha; điểm chuẩn của nhóm bằng tổng điểm chuẩn các tiêu chí con.',
      style: subtitle,
    },
  ];
  const top = LAYOUT.criteriaHeader.row;
  const crit = table(
    TABLE.criteria,
    top,
    LAYOUT.criteriaHeader.col,
    HEADERS.criteria,
    doc.criteria.map((c) => [
      v(c.code, input(FMT.text)),
      v(c.title, input(FMT.text)),
      v(c.parent, input(FMT.text)),
      v(c.points, input(FMT.score)),
      v(c.bonusMax, input(FMT.score)),
      v(c.deductionMax, input(FMT.score)),
      v(c.deductionEach, input(FMT.score)),
      v(yesNo(c.evidenceRequired), input(FMT.text)),
    ]),
    cells,
  );
  const tiers = table(
    TABLE.tiers,
    LAYOUT.tiersHeader.row,
    LAYOUT.tiersHeader.col,
    HEADERS.tiers,
    (doc.ranking?.tiers ?? []).map((t) => [
      v(t.label, input(FMT.text)),
      v(t.minPercent, input(FMT.percentNumber)),
    ]),
    cells,
  );
  cells.push({
    ref: a1(LAYOUT.tiersHeader.row - 1, LAYOUT.tiersHeader.col),
    value:
      'Bỏ trống: mức mặc định (Hoàn thành xuất sắc ≥ 95%, Hoàn thành tốt ≥ 80%, Hoàn thành ≥ 50%, còn lại Không hoàn thành).',
    style: subtitle,
  });
  const bottom = top + Math.max(doc.criteria.length, 1);
  const numeric: ValidationPlan = {
    range: `${a1(top + 1, 4)}:${a1(bottom, 7)}`,
    kind: 'decimal',
    min: 0,
    allowBlank: true,
    error: { title: 'Số điểm không hợp lệ', message: 'Điểm là số không âm, tối đa 3 chữ số thập phân.' },
  };
  return {
    sheet: {
      name: ctx.names.criteria,
      role: 'criteria',
      tabColor: 'FF4472C4',
      // A:H fit A4 portrait at ~90% (about 10 points): the criteria read like the office's printed scorecard.
      columns: [
        { index: 1, width: 8 },
        { index: 2, width: 46 },
        ...[3, 4, 5, 6, 7, 8].map((index) => ({ index, width: 9 })),
        { index: 11, width: 32 },
        { index: 12, width: 14 },
      ],
      cells,
      tables: [crit, tiers],
      validations: [
        numeric,
        {
          range: `${a1(top + 1, 8)}:${a1(bottom, 8)}`,
          kind: 'list',
          items: [YES, NO],
          allowBlank: true,
          error: { title: 'Chọn Có hoặc Không', message: 'Cần minh chứng: Có hoặc Không.' },
        },
      ],
      freeze: { rows: top, columns: 1 },
      // The criteria table alone: with the tiers beside it the page would shrink to unreadable type.
      print: {
        paper: 'A4',
        orientation: 'portrait',
        fitToWidth: true,
        titleRows: `1:${top}`,
        area: `A1:H${bottom}`,
      },
    },
    names: [
      {
        name: NAME.criteriaCodes,
        ref: sheetRef(ctx.names.criteria, `${abs(top + 1, 1)}:${abs(bottom, 1)}`),
      },
    ],
  };
}

interface IndicatorRow {
  unit: string;
  indicator: Indicator;
  numerator?: number;
  denominator?: number;
  /** Index in the document's indicatorResults. */
  docIndex?: number;
}

interface IndicatorRefs {
  /** Absolute ranges of the results table's columns, sheet-qualified. */
  unitCol: string;
  col: (header: number) => string;
}

function indicatorsSheet(ctx: Ctx): { sheet: SheetPlan; names: DefinedNamePlan[]; refs: IndicatorRefs } {
  const { doc } = ctx;
  const indicators = doc.indicators ?? [];
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'CHỈ TIÊU NGHIỆP VỤ', style: titleStyle },
    {
      ref: 'A2',
      value:
        'Chỉ tiêu: tỷ lệ yêu cầu (90% = 0,9). Kết quả: tử số/mẫu số của từng đơn vị; mẫu số 0 = không phát sinh, không tính.',
      style: subtitle,
    },
  ];
  const defTop = LAYOUT.indicatorsHeader.row;
  const defs = table(
    TABLE.indicators,
    defTop,
    LAYOUT.indicatorsHeader.col,
    HEADERS.indicators,
    indicators.map((ind) => [
      v(ind.code, input(FMT.text)),
      v(ind.title, input(FMT.text)),
      v(ind.target, input(FMT.ratio)),
      v(yesNo(ind.exceedable), input(FMT.text)),
      v(yesNo(ind.lowerIsBetter), input(FMT.text)),
    ]),
    cells,
  );
  // Results: one row per unit × indicator, in document order of the results first, then the empty pairs.
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  for (const [docIndex, r] of (doc.indicatorResults ?? []).entries()) {
    const ind = indicators.find((i) => matchKey(i.code) === matchKey(r.indicator));
    if (!ind) continue;
    seen.add(`${matchKey(r.unit)}|${matchKey(ind.code)}`);
    rows.push({
      unit: r.unit,
      indicator: ind,
      numerator: r.numerator,
      denominator: r.denominator,
      docIndex,
    });
  }
  for (const u of doc.units)
    for (const ind of indicators)
      if (!seen.has(`${matchKey(u.name)}|${matchKey(ind.code)}`)) rows.push({ unit: u.name, indicator: ind });

  const top = LAYOUT.indicatorResultsHeader.row;
  const left = LAYOUT.indicatorResultsHeader.col;
  const col = (k: number) => columnLetter(left + k);
  const body = rows.map((row, k): CellPlan[] => {
    const r = top + 1 + k;
    const n = row.numerator;
    const d = row.denominator;
    const outcome = row.docIndex === undefined ? undefined : ctx.values.indicatorOutcomes.get(row.docIndex);
    const formulas = indicatorRowFormulas({
      row: r,
      code: col(1),
      numerator: col(2),
      denominator: col(3),
      arising: col(5),
      exceedable: col(7),
      def: { code: 'A', target: 'C', exceedable: 'D', lower: 'E' },
    });
    return [
      v(row.unit, input(FMT.text)),
      v(row.indicator.code, input(FMT.text)),
      v(n, input(FMT.count)),
      v(d, input(FMT.count)),
      f(formulas.ratio, outcome?.arising ? outcome.numerator / outcome.denominator : '', computed(FMT.ratio)),
      f(formulas.arising, outcome?.arising ? 1 : 0, computed(FMT.count)),
      f(formulas.met, outcome?.met ? 1 : 0, computed(FMT.count)),
      f(formulas.exceedable, outcome?.exceedable ? 1 : 0, computed(FMT.count)),
      f(formulas.exceeded, outcome?.exceeded ? 1 : 0, computed(FMT.count)),
    ];
  });
  const results = table(TABLE.indicatorResults, top, left, HEADERS.indicatorResults, body, cells);
  const bottom = top + Math.max(rows.length, 1);
  const defBottom = defTop + Math.max(indicators.length, 1);
  const sheetName = ctx.names.indicators;
  return {
    sheet: {
      name: sheetName,
      role: 'indicators',
      tabColor: 'FFED7D31',
      columns: [
        { index: 1, width: 8 },
        { index: 2, width: 44 },
        { index: 3, width: 10 },
        { index: 4, width: 10 },
        { index: 5, width: 12 },
        { index: left, width: 30 },
        { index: left + 1, width: 10 },
      ],
      cells,
      tables: [defs, results],
      validations: [
        listValidation(`${col(0)}${top + 1}:${col(0)}${bottom}`, NAME.unitList, 'đơn vị'),
        listValidation(`${col(1)}${top + 1}:${col(1)}${bottom}`, NAME.indicatorList, 'mã chỉ tiêu'),
        {
          range: `${col(2)}${top + 1}:${col(3)}${bottom}`,
          kind: 'whole',
          min: 0,
          allowBlank: true,
          error: { title: 'Số không hợp lệ', message: 'Tử số và mẫu số là số nguyên không âm.' },
        },
        {
          range: `C${defTop + 1}:C${defBottom}`,
          kind: 'decimal',
          min: 0,
          max: 1,
          allowBlank: true,
          error: { title: 'Chỉ tiêu không hợp lệ', message: 'Chỉ tiêu là tỷ lệ từ 0 đến 100%.' },
        },
        {
          range: `D${defTop + 1}:E${defBottom}`,
          kind: 'list',
          items: [YES, NO],
          allowBlank: true,
          error: { title: 'Chọn Có hoặc Không', message: 'Chọn Có hoặc Không (bỏ trống: mặc định).' },
        },
      ],
      freeze: { rows: top, columns: 0 },
      protect: true,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: `1:${top}` },
    },
    names: [
      { name: NAME.indicatorList, ref: sheetRef(sheetName, `${abs(defTop + 1, 1)}:${abs(defBottom, 1)}`) },
    ],
    // Whole columns: result rows a clerk adds under the table count in the summary too.
    refs: {
      unitCol: sheetRef(sheetName, `$${col(0)}:$${col(0)}`),
      col: (k: number) => sheetRef(sheetName, `$${col(k)}:$${col(k)}`),
    },
  };
}

/** The stored fingerprint: Σ row × (total + 3·bonus + 7·deduction + 11·arising + 13·met + 17·exceedable + 19·exceeded). */
const FINGERPRINT_WEIGHTS = [1, 3, 7, 11, 13, 17, 19] as const;

function summarySheet(ctx: Ctx, ind: IndicatorRefs): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const { doc, values, result, stage } = ctx;
  const top = LAYOUT.summaryHeader.row;
  const first = top + 1;
  const last = first + Math.max(doc.units.length, 1) - 1;
  const cells: CellPlan[] = [
    {
      ref: 'A1',
      value: `TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA ${doc.kind === 'campaign' ? 'PHONG TRÀO' : 'NĂM'} ${doc.year} — ${doc.cluster.name.toLocaleUpperCase('vi')}`,
      style: titleStyle,
    },
  ];
  const fingerprintParts: number[] = [];
  const col = (k: number) => columnLetter(1 + k);
  // The first result of each unit by its key, as a search from the start finds it.
  const results = new Map<string, NonNullable<typeof result>['units'][number]>();
  for (const u of result?.units ?? []) if (!results.has(matchKey(u.unit))) results.set(matchKey(u.unit), u);
  const unitResult = (name: string) => results.get(matchKey(name));
  const body = doc.units.map((u, i): CellPlan[] => {
    const r = first + i;
    const sc = ctx.scorecards[i]!;
    const uv = values.units[i]!;
    const q = (c: number) => sheetRef(sc.sheetName, a1(sc.totalsRow, c));
    const counts = uv.indicators;
    const stageTotal = stage === 'self' ? uv.selfTotal : uv.verifiedTotal;
    const ur = unitResult(u.name);
    const std = fromMilli(values.standardTotal);
    const percent = percentOfStandard(stageTotal.total, values.standardTotal);
    const sumIf = (k: number) => `SUMIFS(${ind.col(k)},${ind.unitCol},${col(1)}${r})`;
    fingerprintParts.push(
      r *
        (stageTotal.total +
          3 * stageTotal.bonus +
          7 * stageTotal.deduction +
          1000 * (11 * counts.arising + 13 * counts.met + 17 * counts.exceedable + 19 * counts.exceeded)),
    );
    const totalCol = stage === 'self' ? 'D' : 'E';
    return [
      f(`ROW()-${top}`, i + 1, computed(FMT.count)),
      f(
        `${quoteSheet(ctx.names.members)}!${abs(LAYOUT.unitsHeader.row + 1 + i, 2)}`,
        u.name,
        computed(FMT.text),
      ),
      f(q(SC.standard), std, computed(FMT.score)),
      f(q(SC.selfTotal), fromMilli(uv.selfTotal.total), computed(FMT.score)),
      f(q(SC.verTotal), fromMilli(uv.verifiedTotal.total), computed(FMT.score)),
      f(`${totalCol}${r}`, fromMilli(stageTotal.total), computed(FMT.score, BOLD)),
      f(percentFormula(`F${r}`, `C${r}`), percent, computed(FMT.percentNumber)),
      f(q(stage === 'self' ? SC.selfB : SC.verB), fromMilli(stageTotal.bonus), computed(FMT.score)),
      f(q(stage === 'self' ? SC.selfD : SC.verD), fromMilli(stageTotal.deduction), computed(FMT.score)),
      f(sumIf(5), counts.arising, computed(FMT.count)),
      f(sumIf(6), counts.met, computed(FMT.count)),
      f(sumIf(7), counts.exceedable, computed(FMT.count)),
      f(sumIf(8), counts.exceeded, computed(FMT.count)),
      f(`IF(J${r}>0,ROUND(K${r}/J${r},4),0)`, roundRatio(counts.met, counts.arising, 4), computed(FMT.ratio)),
      f(
        `IF(L${r}>0,ROUND(M${r}/L${r},4),0)`,
        roundRatio(counts.exceeded, counts.exceedable, 4),
        computed(FMT.ratio),
      ),
      f(
        `_xlfn.RANK.EQ(F${r},$F$${first}:$F$${last},0)`,
        1 +
          values.units.filter(
            (o) => (stage === 'self' ? o.selfTotal : o.verifiedTotal).total > stageTotal.total,
          ).length,
        computed(FMT.count),
      ),
      v(ur?.rank ?? null, computed(FMT.count, BOLD)),
      v(ur?.tier ?? null, computed(FMT.text)),
    ];
  });
  const summary = table(TABLE.summary, top, 1, HEADERS.summary, body, cells, 'TableStyleMedium2');

  // The cluster row, below the table: the cluster's indicator counts ("121/122 chỉ tiêu đạt, 99,2%").
  const cr = last + 2;
  const total = (letter: string) => `SUM(${letter}${first}:${letter}${last})`;
  const sums = values.computation.indicators.counts;
  cells.push(
    { ref: `B${cr}`, value: 'Toàn cụm', style: label },
    {
      ref: `J${cr}`,
      formula: total('J'),
      result: sums.arising,
      style: computed(FMT.count, BOLD),
    },
    {
      ref: `K${cr}`,
      formula: total('K'),
      result: sums.met,
      style: computed(FMT.count, BOLD),
    },
    {
      ref: `L${cr}`,
      formula: total('L'),
      result: sums.exceedable,
      style: computed(FMT.count, BOLD),
    },
    {
      ref: `M${cr}`,
      formula: total('M'),
      result: sums.exceeded,
      style: computed(FMT.count, BOLD),
    },
    {
      ref: `N${cr}`,
      formula: `IF(J${cr}>0,ROUND(K${cr}/J${cr},4),0)`,
      result: roundRatio(sums.met, sums.arising, 4),
      style: computed(FMT.ratio, BOLD),
    },
    {
      ref: `O${cr}`,
      formula: `IF(L${cr}>0,ROUND(M${cr}/L${cr},4),0)`,
      result: roundRatio(sums.exceeded, sums.exceedable, 4),
      style: computed(FMT.ratio, BOLD),
    },
  );

  // Stamp: when, by which rule, over which inputs; and the native staleness flag.
  const stored = result ? fingerprintParts.reduce((a, b) => a + b, 0) / 1000 : null;
  const rng = (letter: string) => `${letter}${first}:${letter}${last}`;
  const live = `SUMPRODUCT(ROW(${rng('F')})*(${['F', 'H', 'I'].map((l, k) => `${FINGERPRINT_WEIGHTS[k]}*${rng(l)}`).join('+')}+${['J', 'K', 'L', 'M'].map((l, k) => `${FINGERPRINT_WEIGHTS[k + 3]}*${rng(l)}`).join('+')}))`;
  const tieBreak = doc.ranking?.tieBreak ?? ['indicatorsMetRatio', 'deduction'];
  const STALE = 'Đã cũ — cần tính lại';
  const FRESH = 'Khớp với số liệu hiện tại';
  const NONE = 'Chưa xếp hạng theo quy tắc — chạy "Tính kết quả" (thidua compute)';
  cells.push(
    { ref: 'A2', value: 'Xếp hạng theo quy tắc:', style: label },
    {
      ref: 'C2',
      value: result
        ? `tính lúc ${localDateTime(ctx.now)} (giờ Việt Nam); giai đoạn ${STAGE_TEXT[result.stage]}; phá hoà theo: tổng điểm, rồi ${tieBreakText(tieBreak)}; đơn vị bằng nhau ở mọi tiêu chí cùng hạng.`
        : null,
      style: subtitle,
    },
    { ref: 'A3', value: 'Dấu kiểm số liệu:', style: label },
    { ref: 'C3', value: stored, style: computed('0.000') },
    {
      ref: 'E3',
      formula: `IF(ISNUMBER(C3),IF(ABS(${live}-C3)>0.001,${formulaText(STALE)},${formulaText(FRESH)}),${formulaText(NONE)})`,
      result: result ? FRESH : NONE,
      style: computed(FMT.text, { font: { bold: true, color: 'FFC00000' } }),
      note: 'So dấu kiểm lưu lúc xếp hạng với số liệu hiện tại (tổng điểm, điểm cộng, trừ, chỉ tiêu): khác nhau nghĩa là hạng và xếp loại ở hai cột cuối đã cũ.',
    },
    {
      ref: 'A4',
      value:
        'Cột "Hạng (theo điểm)" là công thức RANK.EQ (cùng điểm cùng hạng). Cột "Hạng (theo quy tắc)" và "Xếp loại" do Thi đua tính theo quy tắc phá hoà và mức xếp loại.',
      style: subtitle,
    },
  );
  const chart: ChartPlan = {
    kind: 'bar',
    title: `Điểm xếp hạng (${STAGE_TEXT[stage].toLocaleLowerCase('vi')})`,
    categories: sheetRef(ctx.names.summary, `$B$${first}:$B$${last}`),
    values: sheetRef(ctx.names.summary, `$F$${first}:$F$${last}`),
    seriesName: 'Điểm xếp hạng',
    // Bars from zero (or below, for a negative total): an axis starting near the lowest total exaggerates gaps.
    valueAxisMin: Math.min(
      0,
      ...values.units.map((u) => fromMilli((stage === 'self' ? u.selfTotal : u.verifiedTotal).total)),
    ),
    font: FONT,
    from: `B${cr + 2}`,
    to: `J${cr + 2 + Math.max(14, doc.units.length * 2)}`,
  };
  return {
    sheet: {
      name: ctx.names.summary,
      role: 'summary',
      tabColor: 'FFC00000',
      columns: [
        { index: 1, width: 5 },
        { index: 2, width: 32 },
        ...[3, 4, 5, 6, 7, 8, 9].map((index) => ({ index, width: 10 })),
        ...[10, 11, 12, 13, 14, 15, 16, 17].map((index) => ({ index, width: 10 })),
        { index: 18, width: 28 },
      ],
      rows: [{ index: top, height: 45 }],
      cells,
      tables: [summary],
      freeze: { rows: top, columns: 2 },
      protect: true,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: `1:${top}` },
      charts: [chart],
    },
    names: [],
  };
}

function votesSheet(ctx: Ctx): SheetPlan {
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'KẾT QUẢ BIỂU QUYẾT, SUY TÔN', style: titleStyle },
    { ref: 'A2', value: 'Mỗi dòng: một danh hiệu đề nghị cho một đơn vị hoặc cá nhân.', style: subtitle },
  ];
  const top = LAYOUT.votesHeader.row;
  const votes = ctx.doc.votes ?? [];
  const t = table(
    TABLE.votes,
    top,
    1,
    HEADERS.votes,
    votes.map((vote, k) => [
      v(vote.award, input(FMT.text)),
      v(vote.candidate, input(FMT.text)),
      v(vote.yes, input(FMT.count)),
      v(vote.voters, input(FMT.count)),
      f(
        `IF(N(D${top + 1 + k})>0,N(C${top + 1 + k})/D${top + 1 + k},"")`,
        vote.voters > 0 ? vote.yes / vote.voters : '',
        computed(FMT.ratio),
      ),
    ]),
    cells,
  );
  const bottom = top + Math.max(votes.length, 1);
  return {
    name: ctx.names.votes,
    role: 'votes',
    tabColor: 'FF7030A0',
    columns: columnWidths(40, 36, 12, 12, 12),
    cells,
    tables: [t],
    validations: [
      {
        range: `C${top + 1}:D${bottom}`,
        kind: 'whole',
        min: 0,
        allowBlank: true,
        error: {
          title: 'Số phiếu không hợp lệ',
          message: 'Số phiếu là số nguyên không âm; số đồng ý không quá số người biểu quyết.',
        },
      },
    ],
    freeze: { rows: top, columns: 0 },
    protect: true,
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, titleRows: `1:${top}` },
  };
}

function peopleSheet(ctx: Ctx): SheetPlan {
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG', style: titleStyle },
    {
      ref: 'A2',
      value:
        'Dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): chỉ lưu trong sổ này. Danh hiệu, sáng kiến, kỷ luật ghi "năm: nội dung", cách nhau bằng dấu chấm phẩy.',
      style: subtitle,
    },
  ];
  const top = LAYOUT.peopleHeader.row;
  const people: Person[] = ctx.doc.people ?? [];
  const t = table(
    TABLE.people,
    top,
    1,
    HEADERS.people,
    people.map((p) => [
      v(p.name, input(FMT.text)),
      v(p.unit, input(FMT.text)),
      v(p.gender, input(FMT.text)),
      v(p.serviceStart ? dateCell(p.serviceStart) : null, input(FMT.date)),
      v(p.recruited ? dateCell(p.recruited) : null, input(FMT.date)),
      v(peopleListText(p.titles?.map((x) => [x.year, x.title])), input(FMT.text)),
      v(peopleListText(p.initiatives?.map((x) => [x.year, x.level])), input(FMT.text)),
      v(peopleListText(p.discipline?.map((x) => [x.year, x.form])), input(FMT.text)),
    ]),
    cells,
  );
  const bottom = top + Math.max(people.length, 1);
  return {
    name: ctx.names.people,
    role: 'people',
    tabColor: 'FF7030A0',
    columns: columnWidths(28, 30, 8, 12, 12, 40, 24, 24),
    cells,
    tables: [t],
    validations: [listValidation(`B${top + 1}:B${bottom}`, NAME.unitList, 'đơn vị')],
    freeze: { rows: top, columns: 1 },
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: `1:${top}` },
  };
}

function logSheet(ctx: Ctx, lines: { time: string; action: string; detail: string }[]): SheetPlan {
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'NHẬT KÝ: NHỮNG VIỆC THI ĐUA ĐÃ LÀM TRÊN SỔ NÀY', style: titleStyle },
  ];
  const top = LAYOUT.logHeader.row;
  const t = table(
    TABLE.log,
    top,
    1,
    HEADERS.log,
    lines.map((l) => [
      v(localDateTime(l.time), fixed(FMT.text)),
      v(l.action, fixed(FMT.text)),
      v(l.detail, fixed()),
    ]),
    cells,
  );
  return {
    name: ctx.names.log,
    role: 'log',
    tabColor: 'FF7F7F7F',
    columns: columnWidths(18, 28, 80),
    cells,
    tables: [t],
    freeze: { rows: top, columns: 0 },
    // One page wide: a line's time, action and detail stay together on paper.
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: `1:${top}` },
  };
}

function metaSheet(ctx: Ctx): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const { doc } = ctx;
  const extensions: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(doc)) if (!SHEET_FIELDS.has(k)) extensions[k] = value;
  const cells: CellPlan[] = [];
  const rows: [string, string][] = [
    [META_KEYS.templateId, CLUSTER_TEMPLATE_ID],
    [META_KEYS.templateVersion, CLUSTER_TEMPLATE_VERSION],
    [META_KEYS.format, doc.format],
    [META_KEYS.kind, doc.kind],
    [META_KEYS.builtAt, ctx.now],
    [META_KEYS.extensions, Object.keys(extensions).length ? JSON.stringify(extensions) : ''],
  ];
  const t = table(
    TABLE.meta,
    LAYOUT.metaHeader.row,
    LAYOUT.metaHeader.col,
    HEADERS.meta,
    rows.map(([k, value]) => [v(k, fixed(FMT.text)), v(value, fixed(FMT.text))]),
    cells,
  );
  return {
    sheet: {
      name: ctx.names.meta,
      role: 'meta',
      columns: columnWidths(20, 60),
      cells,
      tables: [t],
      hidden: true,
      protect: true,
    },
    names: [
      { name: NAME.templateId, ref: sheetRef(ctx.names.meta, '$B$2'), comment: 'Mẫu sổ Thi đua' },
      { name: NAME.templateVersion, ref: sheetRef(ctx.names.meta, '$B$3'), comment: 'Phiên bản mẫu' },
    ],
  };
}

export function buildClusterWorkbook(
  doc: ClusterDocument,
  computation?: ComputationLike,
  options: BuildOptions = {},
): WorkbookPlan {
  return madeWorkbookPlan(deferredClusterWorkbook(doc, computation, options));
}

/**
 * buildClusterWorkbook's plan with each scorecard sheet made only when asked for (DeferredSheetPlan): for the
 * writers that take the sheets one at a time (the plan writer, the patch of an existing workbook).
 */
export function deferredClusterWorkbook(
  doc: ClusterDocument,
  computation?: ComputationLike,
  options: BuildOptions = {},
): DeferredWorkbookPlan {
  // Every value the formulas stand for comes from the core; a caller's full computation is reused.
  const values = scorecardValues(
    doc,
    computation?.scorecard && computation.cluster && computation.indicators
      ? (computation as ClusterComputation)
      : undefined,
  );
  const result = computation?.result;
  const now = options.now ?? '';
  const names = {
    ...SHEET,
    ...Object.fromEntries(Object.entries(options.sheetNames ?? {}).filter(([k]) => k !== 'scorecards')),
  } as {
    [K in keyof typeof SHEET]: string;
  };
  const taken = new Set<string>(Object.values(names));
  const heading =
    doc.title ??
    (doc.kind === 'campaign'
      ? `BẢNG CHẤM ĐIỂM PHONG TRÀO THI ĐUA NGẮN HẠN NĂM ${doc.year}`
      : `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${doc.year}`);
  const evidence = new Set<number>();
  doc.criteria.forEach((c) => {
    if (!c.evidenceRequired) return;
    const i = values.tree.byKey.get(matchKey(c.code));
    if (i !== undefined) evidence.add(i);
  });
  const scorecards = doc.units.map((u, i) => {
    const existing = options.sheetNames?.scorecards?.[matchKey(u.name)];
    const sheetName = existing ?? scorecardSheetName(u.name, taken);
    taken.add(sheetName);
    const sheet: DeferredSheetPlan = {
      name: sheetName,
      role: 'scorecard',
      make: () =>
        fitRowHeights(
          buildScorecardSheet({
            sheetName,
            unit: u.name,
            number: i + 1,
            heading,
            tree: values.tree,
            rowOrder: values.rowOrder,
            values: values.units[i]!,
            standardTotal: fromMilli(values.standardTotal),
            evidence,
          }).sheet,
        ),
    };
    return { sheet, refs: scorecardSheetRefs(sheetName, values.rowOrder) };
  });
  const ctx: Ctx = {
    doc,
    values,
    result,
    names,
    scorecards: scorecards.map((s) => s.refs),
    now,
    stage: result?.stage ?? values.computation.stage,
  };
  const members = membersSheet(ctx);
  const criteria = criteriaSheet(ctx);
  const indicators = indicatorsSheet(ctx);
  const summary = summarySheet(ctx, indicators.refs);
  const meta = metaSheet(ctx);
  const log = [
    ...(now
      ? [
          {
            time: now,
            action: result ? 'Tạo sổ và tính kết quả' : 'Tạo sổ từ mẫu',
            detail: `Mẫu ${CLUSTER_TEMPLATE_ID} phiên bản ${CLUSTER_TEMPLATE_VERSION}; ${doc.units.length} đơn vị, ${doc.criteria.length} tiêu chí.`,
          },
        ]
      : []),
    ...(options.log ?? []),
  ];
  const sheets: PlannedSheet[] = [
    guideSheet(
      names.guide,
      doc,
      scorecards.map((s) => s.sheet.name),
    ),
    members.sheet,
    criteria.sheet,
    ...scorecards.map((s) => s.sheet),
    indicators.sheet,
    summary.sheet,
    votesSheet(ctx),
    peopleSheet(ctx),
    // Years that follow each other (issue 13): templates/build/decisions.ts, year-over-year.ts.
    decisionsSheet(doc, names.decisions),
    ...[yearOverYearSheet(doc, names.yearOverYear, names.summary, result)].filter((s) => s !== undefined),
    logSheet(ctx, log),
    meta.sheet,
  ];
  return {
    template: { id: CLUSTER_TEMPLATE_ID, version: CLUSTER_TEMPLATE_VERSION },
    properties: {
      title: heading,
      subject: `${doc.cluster.name} — ${doc.year}`,
      creator: 'Thi đua',
      company: 'Ngành Kiểm sát nhân dân',
    },
    // Wrapped text gets the row height it needs (no engine refits rows when it opens a file); a scorecard's
    // when it is made.
    sheets: sheets.map((s) => ('make' in s ? s : fitRowHeights(s))),
    names: [...meta.names, ...members.names, ...criteria.names, ...indicators.names, ...summary.names],
  };
}
