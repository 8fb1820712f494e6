/**
 * One member's scorecard sheet: the criteria rows with self and verified columns. Inputs are yellow and
 * unlocked; the totals are native formulas (groups SUM their children; caps as MIN/MAX), each carrying the
 * exact value the core computes as its cached result. Hidden columns S:X hold each row's counted points,
 * bonus and deduction, so a group can cap the sum of its leaves' bonus and deduction as the core does.
 */
import { type CriteriaTree, type CriterionNode, fromMilli } from '../../core';
import type { CellPlan, CellStyle, CellValue, SheetPlan, ValidationPlan } from '../plan';
import { HEADERS, LAYOUT } from '../layouts/cluster';
import { a1, columnLetter } from '../layouts/a1';
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
import { type StageValue, type UnitValues, leafBonusCap } from './values';

/** 1-based scorecard columns. */
export { SC } from '../layouts/scorecard';
import { SC } from '../layouts/scorecard';

export const SCORECARD_COLUMNS = HEADERS.scorecard.length;

const L = columnLetter;
const num = (m: number | undefined) => (m === undefined ? null : fromMilli(m));

/** Sum of cells in one column, contiguous rows collapsed to ranges: SUM(S6:S9,S12). */
export function sumOf(column: number, rows: readonly number[]): string {
  if (rows.length === 0) return '0';
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  const flush = () =>
    parts.push(start === prev ? a1(prev, column) : `${a1(start, column)}:${a1(prev, column)}`);
  for (const r of sorted.slice(1)) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    flush();
    start = r;
    prev = r;
  }
  flush();
  // Excel allows 255 arguments; chunk long lists into nested SUMs.
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += 200) chunks.push(`SUM(${parts.slice(i, i + 200).join(',')})`);
  return chunks.length === 1 ? chunks[0]! : `SUM(${chunks.join(',')})`;
}

export interface ScorecardSheetInput {
  sheetName: string;
  unit: string;
  /** Two-digit member number for the table name. */
  number: number;
  heading: string;
  tree: CriteriaTree;
  rowOrder: number[];
  values: UnitValues;
  standardTotal: number;
  tableName?: string;
  /** Node indexes whose criterion requires evidence. */
  evidence: ReadonlySet<number>;
  /**
   * The copy sent to the member (buildUnitScorecard): the verified stage belongs to the cluster, so its
   * columns are locked, marked and without input validation; merge does not take verified values from it.
   */
  memberCopy?: boolean;
}

/** The verified stage's input columns (points, bonus, occurrences, deduction, note). */
export const VERIFIED_INPUTS = [
  SC.verPoints,
  SC.verBonus,
  SC.verOccurrences,
  SC.verDeduction,
  SC.verNote,
] as const;

const VERIFIED_COLUMNS: ReadonlySet<number> = new Set(VERIFIED_INPUTS);

/** Verified cells on a member's copy: locked, hatched grey, "for the cluster". */
const CLUSTER_ONLY: Partial<CellStyle> = { fill: 'FFD9D9D9', font: { italic: true, color: 'FF7F7F7F' } };
const clusterOnly = (numFmt: string) => computed(numFmt, CLUSTER_ONLY);

/**
 * The criteria rows' styles, made once: a 63-unit workbook has 10 000 criterion rows, and a style made per
 * cell is 100 000 objects the writers only compare by value. Plans are data: the objects are never changed.
 */
const GROUP_ROW = { code: fixed(FMT.text, BOLD), standard: fixed(FMT.score, BOLD) };
const LEAF_ROW = { code: fixed(FMT.text), standard: fixed(FMT.score) };
const BOLD_SCORE = computed(FMT.score, BOLD);
/** A criterion's title cell: indented by its depth, bold on a group's row. */
const titles = new Map<string, CellStyle>();
function titleAt(group: boolean, depth: number): CellStyle {
  const key = `${group}:${depth}`;
  let style = titles.get(key);
  if (!style) {
    style = fixed(undefined, {
      ...(group ? BOLD : {}),
      align: { indent: depth, wrap: true, vertical: 'top' },
    });
    titles.set(key, style);
  }
  return style;
}

export interface ScorecardSheetRefs {
  sheetName: string;
  totalsRow: number;
  firstRow: number;
  /** Node index → sheet row. */
  rowOf: Map<number, number>;
}

function stageFormulas(
  node: CriterionNode,
  r: number,
  rowOf: Map<number, number>,
  stage: 'self' | 'verified',
): { p: string; b: string; d: string; t: string } {
  const [P, B, D] = stage === 'self' ? [SC.selfP, SC.selfB, SC.selfD] : [SC.verP, SC.verB, SC.verD];
  if (node.children.length > 0) {
    const rows = node.children.map((c) => rowOf.get(c)!);
    const bonusSum = sumOf(B, rows);
    const dedSum = sumOf(D, rows);
    return {
      p: sumOf(P, rows),
      b: node.bonusMax !== undefined ? `MIN(${a1(r, SC.bonusMax)},${bonusSum})` : bonusSum,
      d: node.deductionMax !== undefined ? `MIN(${a1(r, SC.deductionMax)},${dedSum})` : dedSum,
      t: `${a1(r, P)}+${a1(r, B)}-${a1(r, D)}`,
    };
  }
  const [pts, bon, occ, ded] =
    stage === 'self'
      ? [SC.selfPoints, SC.selfBonus, SC.selfOccurrences, SC.selfDeduction]
      : [SC.verPoints, SC.verBonus, SC.verOccurrences, SC.verDeduction];
  const c = (col: number) => a1(r, col);
  const points = `MIN(MAX(N(${c(pts)}),0),${c(SC.standard)})`;
  const bonus =
    leafBonusCap(node) === undefined
      ? `MAX(N(${c(bon)}),0)`
      : `MIN(MAX(N(${c(bon)}),0),N(${c(SC.bonusMax)}))`;
  // Occurrences count (× each) only when whole, non-negative and the criterion has a per-occurrence deduction.
  const counts = `AND(ISNUMBER(${c(SC.deductionEach)}),${c(occ)}>=0,${c(occ)}=INT(${c(occ)}))`;
  const raw = `MAX(IF(ISNUMBER(${c(occ)}),IF(${counts},${c(occ)}*${c(SC.deductionEach)},N(${c(ded)})),N(${c(ded)})),0)`;
  const deduction = node.deductionMax !== undefined ? `MIN(${raw},${c(SC.deductionMax)})` : raw;
  const total = `${c(P)}+${c(B)}-${c(D)}`;
  if (stage === 'self') return { p: points, b: bonus, d: deduction, t: total };
  // Blank verified points keep the self score; on a row without a standard (the "Điểm cộng, điểm trừ"
  // rows) there are no points to type, so a verified bonus, occurrence or deduction alone counts.
  const has =
    node.standard === 0
      ? `OR(ISNUMBER(${c(SC.verPoints)}),COUNT(${c(SC.verBonus)}:${c(SC.verDeduction)})>0)`
      : `ISNUMBER(${c(SC.verPoints)})`;
  return {
    p: `IF(${has},${points},${c(SC.selfP)})`,
    b: `IF(${has},${bonus},${c(SC.selfB)})`,
    d: `IF(${has},${deduction},${c(SC.selfD)})`,
    t: total,
  };
}

/** A criteria row's cell references and formulas: the same on every member's sheet of one workbook. */
interface RowShared {
  r: number;
  /** By column number. */
  refs: string[];
  self: ReturnType<typeof stageFormulas>;
  ver: ReturnType<typeof stageFormulas>;
}

/**
 * By row order (one per workbook built, shared by its scorecards), then node: made for the first member's
 * sheet and reused for the other 62, so a 63-unit workbook makes its 20 000 formulas once, not 63 times.
 */
const SHARED = new WeakMap<readonly number[], { tree: CriteriaTree; rows: Map<number, RowShared> }>();

function rowShared(
  tree: CriteriaTree,
  rowOrder: readonly number[],
  nodeIndex: number,
  r: number,
  rowOf: Map<number, number>,
): RowShared {
  let held = SHARED.get(rowOrder);
  if (!held || held.tree !== tree) {
    held = { tree, rows: new Map() };
    SHARED.set(rowOrder, held);
  }
  let row = held.rows.get(nodeIndex);
  if (!row || row.r !== r) {
    const node = tree.nodes[nodeIndex]!;
    const refs: string[] = [];
    for (let col = 1; col <= SCORECARD_COLUMNS; col++) refs[col] = a1(r, col);
    row = {
      r,
      refs,
      self: stageFormulas(node, r, rowOf, 'self'),
      ver: stageFormulas(node, r, rowOf, 'verified'),
    };
    held.rows.set(nodeIndex, row);
  }
  return row;
}

/** Contiguous runs of rows sharing a key (undefined key: no validation). */
function runs(rows: { row: number; key: string | undefined }[]): { from: number; to: number; key: string }[] {
  const out: { from: number; to: number; key: string }[] = [];
  for (const { row, key } of rows) {
    const last = out[out.length - 1];
    if (key === undefined) continue;
    if (last && last.key === key && last.to === row - 1) last.to = row;
    else out.push({ from: row, to: row, key });
  }
  return out;
}

export function buildScorecardSheet(input_: ScorecardSheetInput): {
  sheet: SheetPlan;
  refs: ScorecardSheetRefs;
} {
  const { tree, rowOrder, values, sheetName } = input_;
  const { headerRow, totalsRow, unitRow } = LAYOUT.scorecard;
  const firstRow = headerRow + 1;
  const rowOf = new Map<number, number>();
  rowOrder.forEach((node, k) => {
    rowOf.set(node, firstRow + k);
  });

  const cells: CellPlan[] = [
    { ref: 'A1', value: input_.heading, style: titleStyle },
    { ref: a1(unitRow, 1), value: 'Đơn vị:', style: label },
    { ref: a1(unitRow, 2), value: input_.unit, style: { ...label, font: { ...label.font, size: 12 } } },
    {
      ref: a1(unitRow, 3),
      value: input_.memberCopy
        ? 'Ô vàng: đơn vị tự chấm. Cột "Thẩm định" (L:P, R) do Cụm chấm khi thẩm định: đã khoá, đơn vị không nhập. Ô xám: công thức, tự tính. Điểm cộng, điểm trừ: nhập ở cột cộng, trừ (không cần nhập điểm ở dòng có điểm chuẩn 0).'
        : 'Ô vàng: đơn vị nhập (tự chấm) và Cụm nhập (thẩm định). Ô xám: công thức, tự tính. Bỏ trống điểm thẩm định = giữ điểm tự chấm.',
      style: subtitle,
    },
    { ref: a1(totalsRow, 1), value: 'Tổng cộng', style: label },
  ];
  const rows: CellValue[][] = [];
  HEADERS.scorecard.forEach((h, i) => {
    const clusterColumn = input_.memberCopy && (VERIFIED_INPUTS as readonly number[]).includes(i + 1);
    cells.push({
      ref: a1(headerRow, i + 1),
      value: h,
      style: clusterColumn ? { ...header, fill: 'FFD9D9D9' } : header,
      ...(clusterColumn ? { note: 'Do Cụm thẩm định nhập; đơn vị không nhập vào cột này.' } : {}),
    });
  });

  let shared: RowShared | undefined;
  const refAt = (r: number, col: number) => (shared?.r === r ? shared.refs[col] : undefined) ?? a1(r, col);
  // Each cell made in one piece (a cell per call, not a part spread into it: 250 000 of them).
  const put = (r: number, col: number, value: CellValue, style: CellStyle, row: CellValue[]) => {
    cells.push({ ref: refAt(r, col), value, style });
    row[col - 1] = value ?? null;
  };
  const putFormula = (
    r: number,
    col: number,
    formula: string,
    result: CellValue,
    style: CellStyle,
    row: CellValue[],
  ) => {
    cells.push({ ref: refAt(r, col), formula, result, style });
    row[col - 1] = null;
  };
  const stageResults = (v: StageValue) => [v.points, v.bonus, v.deduction, v.total].map(fromMilli);

  for (const nodeIndex of rowOrder) {
    const node = tree.nodes[nodeIndex]!;
    const r = rowOf.get(nodeIndex)!;
    shared = rowShared(tree, rowOrder, nodeIndex, r, rowOf);
    const group = node.children.length > 0;
    const row: CellValue[] = new Array(SCORECARD_COLUMNS).fill(null);
    const styles = group ? GROUP_ROW : LEAF_ROW;
    put(r, SC.code, node.code, styles.code, row);
    put(r, SC.title, node.title, titleAt(group, node.depth), row);
    put(r, SC.standard, fromMilli(node.standard), styles.standard, row);
    put(r, SC.bonusMax, num(node.bonusMax), fixed(FMT.score), row);
    put(r, SC.deductionMax, num(node.deductionMax), fixed(FMT.score), row);
    put(r, SC.deductionEach, num(node.deductionEach), fixed(FMT.score), row);

    const entry = values.entries[nodeIndex] ?? {};
    const inputs: [number, CellValue | undefined, string][] = [
      [SC.selfPoints, entry.self?.points, FMT.score],
      [SC.selfBonus, entry.self?.bonus, FMT.score],
      [SC.selfOccurrences, entry.self?.occurrences, FMT.count],
      [SC.selfDeduction, entry.self?.deduction, FMT.score],
      [SC.verPoints, entry.verified?.points, FMT.score],
      [SC.verBonus, entry.verified?.bonus, FMT.score],
      [SC.verOccurrences, entry.verified?.occurrences, FMT.count],
      [SC.verDeduction, entry.verified?.deduction, FMT.score],
      [SC.selfNote, entry.self?.note, FMT.text],
      [SC.verNote, entry.verified?.note, FMT.text],
    ];
    for (const [col, value, fmt] of inputs) {
      const locked = input_.memberCopy && VERIFIED_COLUMNS.has(col);
      const style = group ? computed(fmt) : locked ? clusterOnly(fmt) : input(fmt);
      put(r, col, group || locked ? null : (value ?? null), style, row);
    }
    const { self, ver } = shared;
    const [sp, sb, sd, st] = stageResults(values.self[nodeIndex]!);
    const [vp, vb, vd, vt] = stageResults(values.verified[nodeIndex]!);
    const f = (col: number, formula: string, result: number, strong = false) =>
      putFormula(r, col, formula, result, strong ? BOLD_SCORE : computed(FMT.score), row);
    f(SC.selfP, self.p, sp!);
    f(SC.selfB, self.b, sb!);
    f(SC.selfD, self.d, sd!);
    f(SC.selfTotal, self.t, st!, true);
    f(SC.verP, ver.p, vp!);
    f(SC.verB, ver.b, vb!);
    f(SC.verD, ver.d, vd!);
    f(SC.verTotal, ver.t, vt!, true);
    rows.push(row);
  }
  // Evidence-required leaves say so where the evidence is typed.
  const byRef = new Map<string, CellPlan>();
  if (input_.evidence.size > 0) for (const c of cells) if (!byRef.has(c.ref)) byRef.set(c.ref, c);
  for (const nodeIndex of input_.evidence) {
    const cell = byRef.get(a1(rowOf.get(nodeIndex) ?? 0, SC.selfNote));
    if (cell)
      cell.note = `Tiêu chí ${tree.nodes[nodeIndex]!.code} cần minh chứng: ghi số, ngày văn bản hoặc đường dẫn tài liệu.`;
  }

  const roots = tree.roots.map((i) => rowOf.get(i)!);
  const leaves = tree.leaves.map((i) => rowOf.get(i)!);
  const totals: [number, string, number][] = [
    [SC.standard, sumOf(SC.standard, leaves), input_.standardTotal],
    [SC.selfTotal, sumOf(SC.selfTotal, roots), fromMilli(values.selfTotal.total)],
    [SC.verTotal, sumOf(SC.verTotal, roots), fromMilli(values.verifiedTotal.total)],
    [SC.selfP, sumOf(SC.selfP, roots), fromMilli(values.selfTotal.points)],
    [SC.selfB, sumOf(SC.selfB, roots), fromMilli(values.selfTotal.bonus)],
    [SC.selfD, sumOf(SC.selfD, roots), fromMilli(values.selfTotal.deduction)],
    [SC.verP, sumOf(SC.verP, roots), fromMilli(values.verifiedTotal.points)],
    [SC.verB, sumOf(SC.verB, roots), fromMilli(values.verifiedTotal.bonus)],
    [SC.verD, sumOf(SC.verD, roots), fromMilli(values.verifiedTotal.deduction)],
  ];
  for (const [col, formula, result] of totals)
    cells.push({ ref: a1(totalsRow, col), formula: rows.length ? formula : '0', result, style: BOLD_SCORE });

  const validations: ValidationPlan[] = [];
  const leafRows = rowOrder.map((i) => ({ node: tree.nodes[i]!, row: rowOf.get(i)! }));
  const addRuns = (
    cols: number[],
    keyOf: (n: CriterionNode) => string | undefined,
    make: (range: string, key: string, top: number) => ValidationPlan,
  ) => {
    for (const run of runs(
      leafRows.map(({ node, row }) => ({ row, key: node.children.length ? undefined : keyOf(node) })),
    ))
      for (const col of cols)
        validations.push(make(`${a1(run.from, col)}:${a1(run.to, col)}`, run.key, run.from));
  };
  const pointsMsg = {
    title: 'Điểm ngoài giới hạn',
    message: 'Điểm phải từ 0 đến điểm chuẩn của tiêu chí (cột C).',
  };
  const stages = (self: number, verified: number) => (input_.memberCopy ? [self] : [self, verified]);
  addRuns(
    stages(SC.selfPoints, SC.verPoints),
    () => 'p',
    (range, _k, top) => ({
      range,
      kind: 'decimal',
      min: 0,
      max: `$${L(SC.standard)}${top}`,
      allowBlank: true,
      error: pointsMsg,
    }),
  );
  addRuns(
    stages(SC.selfBonus, SC.verBonus),
    (n) => (leafBonusCap(n) === undefined ? 'free' : 'cap'),
    (range, key, top) => ({
      range,
      kind: 'decimal',
      min: 0,
      ...(key === 'cap' ? { max: `$${L(SC.bonusMax)}${top}` } : {}),
      allowBlank: true,
      error: {
        title: 'Điểm cộng ngoài giới hạn',
        message:
          key === 'cap'
            ? 'Điểm cộng từ 0 đến điểm cộng tối đa (cột D); tiêu chí không có điểm cộng tối đa thì không được cộng.'
            : 'Điểm cộng không được âm; tổng điểm cộng của nhóm bị giới hạn bởi điểm cộng tối đa của nhóm.',
      },
    }),
  );
  addRuns(
    stages(SC.selfDeduction, SC.verDeduction),
    (n) => (n.deductionMax === undefined ? 'free' : 'cap'),
    (range, key, top) => ({
      range,
      kind: 'decimal',
      min: 0,
      ...(key === 'cap' ? { max: `$${L(SC.deductionMax)}${top}` } : {}),
      allowBlank: true,
      error: { title: 'Điểm trừ ngoài giới hạn', message: 'Điểm trừ từ 0 đến điểm trừ tối đa (cột E).' },
    }),
  );
  addRuns(
    stages(SC.selfOccurrences, SC.verOccurrences),
    () => 'n',
    (range) => ({
      range,
      kind: 'whole',
      min: 0,
      allowBlank: true,
      error: { title: 'Số lần không hợp lệ', message: 'Số lần bị trừ là số nguyên, không âm.' },
    }),
  );

  const lastRow = Math.max(firstRow, firstRow + rowOrder.length - 1);
  const widths: [number, number][] = [
    [SC.code, 8],
    [SC.title, 48],
    [SC.standard, 8],
    [SC.bonusMax, 8],
    [SC.deductionMax, 8],
    [SC.deductionEach, 8],
  ];
  const columns = [
    ...widths.map(([index, width]) => ({ index, width })),
    ...[SC.selfPoints, SC.selfBonus, SC.selfOccurrences, SC.selfDeduction, SC.selfTotal].map((index) => ({
      index,
      width: 9,
    })),
    ...[SC.verPoints, SC.verBonus, SC.verOccurrences, SC.verDeduction, SC.verTotal].map((index) => ({
      index,
      width: 9,
    })),
    { index: SC.selfNote, width: 30 },
    { index: SC.verNote, width: 30 },
    ...[SC.selfP, SC.selfB, SC.selfD, SC.verP, SC.verB, SC.verD].map((index) => ({
      index,
      width: 9,
      hidden: true,
    })),
  ];
  const sheet: SheetPlan = {
    name: sheetName,
    role: 'scorecard',
    unit: input_.unit,
    tabColor: 'FF70AD47',
    columns,
    rows: [{ index: headerRow, height: 45 }],
    cells,
    tables: [
      {
        name: input_.tableName ?? `ChamDiem_${String(input_.number).padStart(2, '0')}`,
        ref: a1(headerRow, 1),
        headers: [...HEADERS.scorecard],
        rows,
        style: 'TableStyleLight1',
      },
    ],
    validations,
    freeze: { rows: headerRow, columns: 2 },
    protect: true,
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      titleRows: `1:${headerRow}`,
      area: `A1:${a1(lastRow, SC.verNote)}`,
      // The footer in the sheets' font (a footer without one prints in the viewer's default font).
      footer: `&"${FONT},Regular"&10${input_.unit.replace(/&/g, '&&')} — Trang &P/&N`,
    },
  };
  return { sheet, refs: { sheetName, totalsRow, firstRow, rowOf } };
}
