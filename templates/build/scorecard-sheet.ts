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
import { type UnitValues, leafBonusCap } from './values';

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

/** The totals' style, made once (plans are data: styles are never changed). */
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

/** The inputs of a scorecard row, in their columns' order: [column, which stage, which field, format]. */
const INPUTS: readonly [
  number,
  'self' | 'verified',
  'points' | 'bonus' | 'occurrences' | 'deduction' | 'note',
  string,
][] = [
  [SC.selfPoints, 'self', 'points', FMT.score],
  [SC.selfBonus, 'self', 'bonus', FMT.score],
  [SC.selfOccurrences, 'self', 'occurrences', FMT.count],
  [SC.selfDeduction, 'self', 'deduction', FMT.score],
  [SC.verPoints, 'verified', 'points', FMT.score],
  [SC.verBonus, 'verified', 'bonus', FMT.score],
  [SC.verOccurrences, 'verified', 'occurrences', FMT.count],
  [SC.verDeduction, 'verified', 'deduction', FMT.score],
  [SC.selfNote, 'self', 'note', FMT.text],
  [SC.verNote, 'verified', 'note', FMT.text],
];

/** The formula columns of a scorecard row, in their order: [column, stage, which result, bold]. */
const FORMULAS: readonly [number, 'self' | 'verified', 'p' | 'b' | 'd' | 't', boolean][] = [
  [SC.selfP, 'self', 'p', false],
  [SC.selfB, 'self', 'b', false],
  [SC.selfD, 'self', 'd', false],
  [SC.selfTotal, 'self', 't', true],
  [SC.verP, 'verified', 'p', false],
  [SC.verB, 'verified', 'b', false],
  [SC.verD, 'verified', 'd', false],
  [SC.verTotal, 'verified', 't', true],
];

const RESULT_OF = { p: 'points', b: 'bonus', d: 'deduction', t: 'total' } as const;

/**
 * What every member's scorecard of one criteria tree has alike: each row's addresses, fixed cells, styles
 * and formulas (a row's formulas refer to its own sheet, so they read the same on every scorecard). Made
 * once per tree and row order and shared by the sheets built from them: a 700-member workbook holds each
 * formula once instead of 700 times (issue 15). Plans are data: nothing here is changed once made.
 */
interface ScorecardLayout {
  tree: CriteriaTree;
  rows: {
    node: number;
    /** The row's criterion cells (code, title, standard, caps), the same cell objects on every scorecard. */
    fixed: { column: number; cell: CellPlan }[];
    inputs: { column: number; ref: string; style: CellStyle; open: boolean }[];
    formulas: {
      ref: string;
      formula: string;
      style: CellStyle;
      stage: 'self' | 'verified';
      key: 'p' | 'b' | 'd' | 't';
    }[];
  }[];
  validations: ValidationPlan[];
}

/** Layouts by row order (the cluster's builds share one), for a cluster's copy and a member's copy. */
const LAYOUTS = new WeakMap<readonly number[], { cluster?: ScorecardLayout; member?: ScorecardLayout }>();

function scorecardLayout(
  tree: CriteriaTree,
  rowOrder: readonly number[],
  memberCopy: boolean,
): ScorecardLayout {
  const kind = memberCopy ? 'member' : 'cluster';
  const held = LAYOUTS.get(rowOrder) ?? {};
  const had = held[kind];
  if (had && had.tree === tree) return had;
  const firstRow = LAYOUT.scorecard.headerRow + 1;
  const rowOf = new Map<number, number>();
  rowOrder.forEach((node, k) => {
    rowOf.set(node, firstRow + k);
  });
  const rows = rowOrder.map((nodeIndex) => {
    const node = tree.nodes[nodeIndex]!;
    const r = rowOf.get(nodeIndex)!;
    const group = node.children.length > 0;
    const bold = group ? BOLD : undefined;
    const fixedCell = (column: number, value: CellValue, style: CellStyle) => ({
      column,
      cell: { ref: a1(r, column), value, style },
    });
    const fixedCells = [
      fixedCell(SC.code, node.code, fixed(FMT.text, bold)),
      fixedCell(SC.title, node.title, titleAt(group, node.depth)),
      fixedCell(SC.standard, fromMilli(node.standard), fixed(FMT.score, bold)),
      fixedCell(SC.bonusMax, num(node.bonusMax), fixed(FMT.score)),
      fixedCell(SC.deductionMax, num(node.deductionMax), fixed(FMT.score)),
      fixedCell(SC.deductionEach, num(node.deductionEach), fixed(FMT.score)),
    ];
    const inputs = INPUTS.map(([column, , , fmt]) => {
      const locked = memberCopy && VERIFIED_COLUMNS.has(column);
      const style = group ? computed(fmt) : locked ? clusterOnly(fmt) : input(fmt);
      return { column, ref: a1(r, column), style, open: !(group || locked) };
    });
    const stages = {
      self: stageFormulas(node, r, rowOf, 'self'),
      verified: stageFormulas(node, r, rowOf, 'verified'),
    };
    const formulas = FORMULAS.map(([column, stage, key, strong]) => ({
      ref: a1(r, column),
      formula: stages[stage][key],
      style: computed(FMT.score, strong ? BOLD : undefined),
      stage,
      key,
    }));
    return { node: nodeIndex, fixed: fixedCells, inputs, formulas };
  });
  const made: ScorecardLayout = {
    tree,
    rows,
    validations: scorecardValidations(tree, rowOrder, rowOf, memberCopy),
  };
  LAYOUTS.set(rowOrder, { ...held, [kind]: made });
  return made;
}

/**
 * The scorecard's validations: the same for every scorecard of a criteria tree and row order (made once, with
 * the layout: a 63-unit workbook's 26 000 are then one list, written once by the plan writer).
 */
function scorecardValidations(
  tree: CriteriaTree,
  rowOrder: readonly number[],
  rowOf: ReadonlyMap<number, number>,
  memberCopy: boolean,
): ValidationPlan[] {
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
  const stages = (self: number, verified: number) => (memberCopy ? [self] : [self, verified]);
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

  return validations;
}

/** Where a scorecard's rows are, known before its sheet is made (the other sheets' formulas point there). */
export function scorecardSheetRefs(sheetName: string, rowOrder: readonly number[]): ScorecardSheetRefs {
  const { headerRow, totalsRow } = LAYOUT.scorecard;
  const firstRow = headerRow + 1;
  const rowOf = new Map<number, number>();
  rowOrder.forEach((node, k) => {
    rowOf.set(node, firstRow + k);
  });
  return { sheetName, totalsRow, firstRow, rowOf };
}

export function buildScorecardSheet(input_: ScorecardSheetInput): {
  sheet: SheetPlan;
  refs: ScorecardSheetRefs;
} {
  const { tree, rowOrder, values, sheetName } = input_;
  const { headerRow, totalsRow, unitRow } = LAYOUT.scorecard;
  const refs = scorecardSheetRefs(sheetName, rowOrder);
  const { firstRow, rowOf } = refs;

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

  // Each row's cells from the layout the scorecards share: only the member's values and results are its own.
  const layout = scorecardLayout(tree, rowOrder, input_.memberCopy === true);
  const noteCells = new Map<number, CellPlan>();
  for (const line of layout.rows) {
    const row: CellValue[] = new Array(SCORECARD_COLUMNS).fill(null);
    for (const c of line.fixed) {
      cells.push(c.cell);
      row[c.column - 1] = c.cell.value ?? null;
    }
    const entry = values.entries[line.node] ?? {};
    line.inputs.forEach((c, k) => {
      const [, stage, field] = INPUTS[k]!;
      const value = c.open ? (entry[stage]?.[field] ?? null) : null;
      const cell: CellPlan = { ref: c.ref, value, style: c.style };
      cells.push(cell);
      row[c.column - 1] = value;
      if (c.column === SC.selfNote) noteCells.set(line.node, cell);
    });
    const results = { self: values.self[line.node]!, verified: values.verified[line.node]! };
    for (const c of line.formulas)
      cells.push({
        ref: c.ref,
        formula: c.formula,
        result: fromMilli(results[c.stage][RESULT_OF[c.key]]),
        style: c.style,
      });
    rows.push(row);
  }
  // Evidence-required leaves say so where the evidence is typed.
  for (const nodeIndex of input_.evidence) {
    const cell = noteCells.get(nodeIndex);
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

  const validations = layout.validations;

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
  return { sheet, refs };
}
