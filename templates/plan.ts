/**
 * The declarative workbook plan: what a workbook should contain, independent of the host that writes it.
 * The template builder produces a plan; the exceljs host (files) and the Office.js host (inside Excel) apply it.
 * Reading goes the other way through a host-neutral snapshot, so the reader is pure and shared by every host.
 *
 * Conventions:
 * - References are A1 without sheet ("B3", "B3:F20") unless a field says otherwise.
 * - Formulas are in invariant (en-US) syntax without the leading "=", with `_xlfn.` where Excel requires it
 *   (e.g. `_xlfn.RANK.EQ(F3,$F$3:$F$9,0)`); the Office.js host strips `_xlfn.` when it writes `formulas`.
 * - `result` on a formula cell is the value the core computed: hosts write it as the cached value so the file
 *   reads right before any recalculation, and parity tests compare it with a real engine's.
 */

export type CellValue = string | number | boolean | null;

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface FontPlan {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** ARGB or RGB hex, e.g. "FF1F4E79" or "1F4E79". */
  color?: string;
}

export interface CellStyle {
  /** Excel number format code, invariant ("0.00", "0.0%", "#,##0.00"); Excel shows it with the user's locale. */
  numFmt?: string;
  font?: FontPlan;
  /** Solid fill colour, hex. */
  fill?: string;
  align?: { horizontal?: HorizontalAlign; vertical?: VerticalAlign; wrap?: boolean; indent?: number };
  border?: 'thin' | 'medium' | 'none';
  /** false marks an input cell: unlocked when the sheet is protected. Default true (locked). */
  locked?: boolean;
}

export interface CellPlan {
  ref: string;
  value?: CellValue;
  formula?: string;
  result?: CellValue;
  style?: CellStyle;
  /** A cell note (comment) shown on hover: the rule or citation behind a value. */
  note?: string;
}

export interface ColumnPlan {
  /** 1-based column index. */
  index: number;
  width?: number;
  hidden?: boolean;
}

export interface RowPlan {
  /** 1-based row index. */
  index: number;
  height?: number;
  hidden?: boolean;
}

export interface TablePlan {
  /** Workbook-unique table name (letters, digits, underscore). */
  name: string;
  /** Top-left cell of the header row. */
  ref: string;
  headers: string[];
  /** Body rows; a string starting with "=" is not special here: put formulas in `formulas`. */
  rows: CellValue[][];
  /** Column index (0-based) → formula per row in structured or A1 syntax; `{row}` is replaced by the sheet row. */
  formulas?: Record<number, string>;
  style?: string;
  totalsRow?: boolean;
}

export type ValidationPlan =
  | {
      range: string;
      kind: 'decimal' | 'whole';
      /** Bounds as numbers or as formulas (a cell holding the criterion's standard, e.g. "$D5"). */
      min?: number | string;
      max?: number | string;
      allowBlank?: boolean;
      error: { title: string; message: string };
      prompt?: { title: string; message: string };
    }
  | {
      range: string;
      kind: 'list';
      /** Either literal items or a range/name formula (e.g. "=DanhSachDonVi"). */
      items?: string[];
      source?: string;
      allowBlank?: boolean;
      error: { title: string; message: string };
      prompt?: { title: string; message: string };
    }
  | {
      range: string;
      kind: 'date';
      min?: string;
      max?: string;
      allowBlank?: boolean;
      error: { title: string; message: string };
      prompt?: { title: string; message: string };
    };

export interface ConditionalFormatPlan {
  range: string;
  /** Invariant formula relative to the range's top-left cell, without "=". */
  formula: string;
  style: Pick<CellStyle, 'font' | 'fill'>;
}

export interface PrintPlan {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  fitToWidth?: boolean;
  /** Rows repeated at the top of every printed page, e.g. "1:4". */
  titleRows?: string;
  area?: string;
  /** Margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number };
  footer?: string;
}

export interface ChartPlan {
  kind: 'bar' | 'column';
  title: string;
  /** Sheet-qualified references, e.g. "'Tổng hợp'!$B$5:$B$9". */
  categories: string;
  values: string;
  seriesName: string;
  /** Where the value axis starts (0 for bars: an axis cut near the smallest value exaggerates the gaps). */
  valueAxisMin?: number;
  /** Typeface of the chart's text (titles, labels), so a printed chart uses the sheets' font. */
  font?: string;
  /** Top-left and bottom-right cells of the chart's frame on this sheet. */
  from: string;
  to: string;
}

export interface SheetPlan {
  name: string;
  /** What the sheet holds, so readers find it even if a person renamed the tab. */
  role: SheetRole;
  /** The member unit of a scorecard sheet. */
  unit?: string;
  tabColor?: string;
  columns?: ColumnPlan[];
  rows?: RowPlan[];
  cells: CellPlan[];
  merges?: string[];
  tables?: TablePlan[];
  validations?: ValidationPlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  /** Frozen panes: rows above and columns left of the split. */
  freeze?: { rows: number; columns: number };
  /** Protect formula cells; input cells carry style.locked = false. No password: protection guards mistakes, not secrets. */
  protect?: boolean;
  print?: PrintPlan;
  charts?: ChartPlan[];
  hidden?: boolean;
}

export type SheetRole =
  | 'guide'
  | 'members'
  | 'criteria'
  | 'scorecard'
  | 'indicators'
  | 'summary'
  | 'votes'
  | 'people'
  | 'decisions'
  | 'yearOverYear'
  | 'nominations'
  | 'log'
  | 'meta';

export interface DefinedNamePlan {
  name: string;
  /** Sheet-qualified absolute reference or formula, e.g. "'Đơn vị'!$B$5:$B$9". */
  ref: string;
  comment?: string;
}

export interface WorkbookPlan {
  template: { id: string; version: string };
  properties?: { title?: string; subject?: string; creator?: string; company?: string };
  sheets: SheetPlan[];
  names: DefinedNamePlan[];
}

/**
 * A sheet whose plan is made when a writer comes to it: a cluster's scorecards (63 to 700 of them) are then
 * made, written and let go one at a time instead of all held at once (a 63-unit merge spent a third of
 * building its plan collecting them). `make` gives the same plan each time.
 */
export interface DeferredSheetPlan {
  name: string;
  role: SheetRole;
  make: () => SheetPlan;
}

export type PlannedSheet = SheetPlan | DeferredSheetPlan;

/** A WorkbookPlan whose sheets may be deferred; a WorkbookPlan is one. */
export interface DeferredWorkbookPlan extends Omit<WorkbookPlan, 'sheets'> {
  sheets: readonly PlannedSheet[];
}

export const sheetPlanOf = (sheet: PlannedSheet): SheetPlan => ('make' in sheet ? sheet.make() : sheet);

/** Every sheet made. */
export const madeWorkbookPlan = (plan: DeferredWorkbookPlan): WorkbookPlan => ({
  ...plan,
  sheets: plan.sheets.map(sheetPlanOf),
});

/* ---------- reading back ---------- */

/** What a host reads from a workbook: enough for the pure reader in templates/ to rebuild the document. */
export interface WorkbookSnapshot {
  /** Where it came from, for messages (file name, or "Excel"). */
  source: string;
  sheets: SheetSnapshot[];
  names: DefinedNamePlan[];
}

export interface SheetSnapshot {
  name: string;
  /** Used range values, row-major from A1; formulas' cached results, never the formula text. */
  values: CellValue[][];
  /** Formulas where a cell has one (same shape as values, null where none); optional for hosts that skip them. */
  formulas?: (string | null)[][];
  tables: { name: string; ref: string }[];
  /** Merged ranges, so readers can report a merge inside an input table. */
  merges?: string[];
}

/** Columns A, B, C… with these widths (in characters of the default font). */
export const columnWidths = (...widths: number[]): ColumnPlan[] =>
  widths.map((width, i) => ({ index: i + 1, width }));
