// biome-ignore-all lint/suspicious/noExplicitAny: the fake builds the Excel API surface dynamically (Proxy) and is typed at its edges.
/**
 * A recording in-memory Excel for the Office.js host, enforcing the rules of the real API:
 * - proxies queue work; nothing happens until context.sync(), and it happens in order;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - getItem of a missing sheet/name/table fails the sync with ItemNotFound;
 * - a request or a response over 5 MB fails with (Request|Response)PayloadSizeLimitExceeded;
 * - writing into a locked cell of a protected sheet fails (InvalidOperation);
 * - text written through `formulas`/`values` is parsed as Excel parses typing ("1.1" becomes a number) unless
 *   prefixed with an apostrophe.
 * It counts syncs and the request/response bytes of each. Only the API subset the host uses exists.
 */
import { a1, columnNumber, parseRange } from '../../../templates/layouts/a1';

export const LIMIT = 5 * 1024 * 1024;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

/* ---------- the workbook model ---------- */

export interface CellModel {
  value: string | number | boolean | null;
  formula?: string;
  numberFormat: string;
  locked: boolean;
  fill: { color: string; pattern: 'Solid' | 'None' };
  font: Record<string, unknown>;
  align: Record<string, unknown>;
  borders: Record<string, unknown>;
}

export interface SheetModel {
  name: string;
  visibility: string;
  tabColor: string;
  cells: Map<string, CellModel>;
  protected: boolean;
  freeze: { rows: number; columns: number } | undefined;
  layout: Record<string, unknown>;
  tables: { name: string; ref: string; style?: string; showTotals?: boolean }[];
  validations: ValidationModel[];
  conditionalFormats: { ref: string; formula: string; fill?: string; fontColor?: string }[];
  merges: string[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Cell notes (ExcelApi 1.18) by cell address ("B2"). */
  notes: Map<string, string>;
  charts: ChartModel[];
}

export interface ChartModel {
  type: string;
  /** The data range, sheet-qualified as Excel gives it. */
  source: string;
  seriesBy: string;
  name?: string;
  title?: string;
  titleBold?: boolean;
  font?: string;
  legendVisible?: boolean;
  seriesName?: string;
  categories?: string;
  valueAxisMinimum?: number;
  position?: { from: string; to?: string };
}

export interface ValidationModel {
  ref: string;
  rule: unknown;
  ignoreBlanks: boolean;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  names: Map<string, { formula: string; comment: string }>;
  settings: Map<string, unknown>;
  properties: Record<string, string>;
  active?: string;
  selected?: string;
}

const key = (row: number, column: number) => `${row},${column}`;

export function newSheet(name: string): SheetModel {
  return {
    name,
    visibility: 'Visible',
    tabColor: '',
    cells: new Map(),
    protected: false,
    freeze: undefined,
    layout: {},
    tables: [],
    validations: [],
    conditionalFormats: [],
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    notes: new Map(),
    charts: [],
  };
}

export function cellOf(sheet: SheetModel, row: number, column: number): CellModel {
  let cell = sheet.cells.get(key(row, column));
  if (!cell) {
    cell = {
      value: null,
      numberFormat: 'General',
      locked: true,
      fill: { color: '#FFFFFF', pattern: 'None' },
      font: {},
      align: {},
      borders: {},
    };
    sheet.cells.set(key(row, column), cell);
  }
  return cell;
}

/** Text typed into a cell, parsed as Excel does (numbers, percentages, booleans, formulas; ' keeps text). */
export function parseTyped(input: unknown): { value: CellModel['value']; formula?: string } {
  if (typeof input !== 'string') return { value: (input ?? null) as CellModel['value'] };
  if (input === '') return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=')) return { value: null, formula: input };
  if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === 'TRUE' };
  const t = input.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(t)) {
    const n = Number(t.replace('%', ''));
    return { value: t.endsWith('%') ? n / 100 : n };
  }
  // Dates and fractions ("3/4", "1-2") become serial numbers in Excel: any such text is changed.
  if (/^\d+[/-]\d+([/-]\d+)?$/.test(t)) return { value: 44000 };
  return { value: input };
}

/* ---------- ranges ---------- */

class RangeModel {
  constructor(
    readonly book: WorkbookModel,
    readonly sheet: SheetModel,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly columns: number,
  ) {}

  static parse(book: WorkbookModel, sheet: SheetModel, ref: string): RangeModel {
    const whole = /^([A-Z]+):([A-Z]+)$/i.exec(ref);
    if (whole) {
      const l = columnNumber(whole[1]!);
      return new RangeModel(book, sheet, 1, l, 1048576, columnNumber(whole[2]!) - l + 1);
    }
    const r = parseRange(ref);
    if (!r) throw new FakeExcelError('InvalidArgument', `bad address ${ref}`);
    return new RangeModel(book, sheet, r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  }

  private grid<T>(f: (cell: CellModel | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.columns; c++)
        row.push(f(this.sheet.cells.get(key(this.top + r, this.left + c))));
      out.push(row);
    }
    return out;
  }

  private each(f: (cell: CellModel, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.columns; c++) f(cellOf(this.sheet, this.top + r, this.left + c), r, c);
  }

  private checkShape(v: unknown[][], what: string): void {
    if (
      !Array.isArray(v) ||
      v.length !== this.rows ||
      v.some((row) => !Array.isArray(row) || row.length !== this.columns)
    ) {
      throw new FakeExcelError(
        'InvalidArgument',
        `${what}: ${this.rows}×${this.columns} expected at ${this.address}`,
      );
    }
  }

  private checkWritable(): void {
    if (!this.sheet.protected) return;
    this.each((cell) => {
      if (cell.locked)
        throw new FakeExcelError('InvalidOperation', `locked cell on protected sheet ${this.sheet.name}`);
    });
  }

  get address(): string {
    const ref =
      this.rows === 1 && this.columns === 1
        ? a1(this.top, this.left)
        : `${a1(this.top, this.left)}:${a1(this.top + this.rows - 1, this.left + this.columns - 1)}`;
    return `'${this.sheet.name.replace(/'/g, "''")}'!${ref}`;
  }
  get rowIndex() {
    return this.top - 1;
  }
  get columnIndex() {
    return this.left - 1;
  }
  get rowCount() {
    return this.rows;
  }
  get columnCount() {
    return this.columns;
  }
  get values() {
    return this.grid((c) => (c?.value ?? '') as unknown);
  }
  set values(v: unknown[][]) {
    this.formulas = v;
  }
  get formulas() {
    return this.grid((c) => (c?.formula ?? c?.value ?? '') as unknown);
  }
  set formulas(v: unknown[][]) {
    this.checkShape(v, 'formulas');
    this.checkWritable();
    this.each((cell, r, c) => {
      const typed = parseTyped(v[r]![c]);
      cell.value = typed.value;
      if (typed.formula) cell.formula = typed.formula;
      else delete cell.formula;
    });
  }
  get numberFormat() {
    return this.grid((c) => c?.numberFormat ?? 'General');
  }
  set numberFormat(v: string[][] | string) {
    // Like Excel, a single value applies to every cell of the range.
    if (typeof v === 'string') {
      this.each((cell) => {
        cell.numberFormat = v;
      });
      return;
    }
    this.checkShape(v, 'numberFormat');
    this.each((cell, r, c) => {
      cell.numberFormat = v[r]![c]!;
    });
  }
  set columnHidden(_v: boolean) {}
  set rowHidden(_v: boolean) {}

  cells(): CellModel[] {
    const out: CellModel[] = [];
    this.each((cell) => out.push(cell));
    return out;
  }
  merge() {
    this.sheet.merges.push(this.address.split('!')[1]!);
  }
  select() {
    this.book.selected = this.address;
  }
  getEntireColumn() {
    return new RangeModel(this.book, this.sheet, 1, this.left, 1048576, this.columns);
  }
  getEntireRow() {
    return new RangeModel(this.book, this.sheet, this.top, 1, this.rows, 16384);
  }
  getRow(n: number) {
    if (n < 0 || n >= this.rows) throw new FakeExcelError('InvalidArgument', `row ${n} of ${this.address}`);
    return new RangeModel(this.book, this.sheet, this.top + n, this.left, 1, this.columns);
  }
  getCellProperties() {
    return {
      value: this.grid((c) => ({
        format: { protection: { locked: c?.locked ?? true, formulaHidden: false } },
      })),
    };
  }
}

/* ---------- proxies ---------- */

type Resolver = () => unknown;
interface Queued {
  describe: unknown;
  run: () => void;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

/** A proxy's kind: which properties it has (and how they read and write) and which methods. */
interface Kind {
  props?: Record<string, { get?: (m: any) => unknown; set?: (m: any, v: any) => void }>;
  /** Methods returning another proxy without changing the workbook. */
  nav?: Record<string, { kind: string; call: (m: any, ...args: any[]) => unknown }>;
  /** Methods that change the workbook (run at sync, in order); `kind` when they return an object. */
  act?: Record<string, { kind?: string; call: (m: any, ...args: any[]) => unknown }>;
  collection?: string;
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

const NULL = Symbol('null object');

function sheetByName(book: WorkbookModel, name: string): SheetModel {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new FakeExcelError('ItemNotFound', `worksheet ${name}`);
  return s;
}

function usedRange(book: WorkbookModel, sheet: SheetModel): RangeModel | typeof NULL {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [k, cell] of sheet.cells) {
    if (cell.value === null && !cell.formula) continue;
    const [r, c] = k.split(',').map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  if (bottom === 0) return NULL;
  return new RangeModel(book, sheet, top, left, bottom - top + 1, right - left + 1);
}

function fillModel(cells: () => CellModel[]) {
  return {
    cells,
    get color() {
      return cells()[0]?.fill.color ?? '#FFFFFF';
    },
    get pattern() {
      return cells()[0]?.fill.pattern ?? 'None';
    },
  };
}

/** The validation entries of the rectangles of a range or range areas (the latest one of each). */
function validationsOf(rs: RangeModel[], f: (v: ValidationModel) => void): void {
  for (const r of rs) {
    const ref = r.address.split('!')[1];
    const found = r.sheet.validations.findLast((v) => v.ref === ref);
    if (!found) throw new FakeExcelError('InvalidOperation', `no validation rule at ${r.address}`);
    f(found);
  }
}

/** Applies a property to every cell of a range or range areas. */
const perCell =
  (f: (cell: CellModel, v: any) => void) =>
  (m: { cells: () => CellModel[] }, v: unknown): void => {
    for (const cell of m.cells()) f(cell, v);
  };

/** A note's key as Excel takes it: a single cell, "$" and case ignored. */
function noteKey(ref: unknown): string {
  const key = String(ref).replace(/\$/g, '').toUpperCase();
  if (!/^[A-Z]{1,3}\d+$/.test(key)) throw new FakeExcelError('InvalidCellAddress', String(ref));
  return key;
}

function createKinds(book: WorkbookModel, excelApi: number): Record<string, Kind> {
  const needs = (minor: number, what: string) => {
    if (excelApi < minor) throw new FakeExcelError('ApiNotFound', `${what} needs ExcelApi 1.${minor}`);
  };
  const formatModel = (cells: () => CellModel[], range?: RangeModel) => ({ cells, range });
  return {
    workbook: {
      nav: {
        worksheets: { kind: 'worksheets', call: () => book },
        names: { kind: 'names', call: () => book },
        tables: { kind: 'tables', call: () => book },
        settings: { kind: 'settings', call: () => book },
        properties: { kind: 'properties', call: () => book },
      },
    },
    worksheets: {
      collection: 'worksheet',
      props: { items: { get: () => book.sheets } },
      nav: {
        getItem: { kind: 'worksheet', call: (_m, name: string) => sheetByName(book, name) },
      },
      act: {
        add: {
          kind: 'worksheet',
          call: (_m, name: string) => {
            if (book.sheets.some((s) => s.name === name)) throw new FakeExcelError('ItemAlreadyExists', name);
            const s = newSheet(name);
            book.sheets.push(s);
            return s;
          },
        },
      },
    },
    worksheet: {
      props: {
        name: { get: (s: SheetModel) => s.name },
        visibility: { get: (s: SheetModel) => s.visibility, set: (s: SheetModel, v) => (s.visibility = v) },
        tabColor: { get: (s: SheetModel) => s.tabColor, set: (s: SheetModel, v) => (s.tabColor = v) },
      },
      nav: {
        getRange: { kind: 'range', call: (s: SheetModel, ref: string) => RangeModel.parse(book, s, ref) },
        getRangeByIndexes: {
          kind: 'range',
          call: (s: SheetModel, r: number, c: number, rows: number, cols: number) =>
            new RangeModel(book, s, r + 1, c + 1, rows, cols),
        },
        getRanges: {
          kind: 'areas',
          call: (s: SheetModel, refs: string) => {
            needs(9, 'worksheet.getRanges (RangeAreas)');
            return refs.split(',').map((ref) => RangeModel.parse(book, s, ref));
          },
        },
        charts: { kind: 'charts', call: (s: SheetModel) => s },
        getUsedRangeOrNullObject: { kind: 'range', call: (s: SheetModel) => usedRange(book, s) },
        protection: { kind: 'protection', call: (s: SheetModel) => s },
        tables: { kind: 'sheetTables', call: (s: SheetModel) => s },
        freezePanes: { kind: 'freeze', call: (s: SheetModel) => s },
        pageLayout: {
          kind: 'layout',
          call: (s: SheetModel) => {
            needs(9, 'worksheet.pageLayout');
            return s.layout;
          },
        },
        notes: {
          kind: 'notes',
          call: (s: SheetModel) => {
            needs(18, 'worksheet.notes');
            return s;
          },
        },
      },
      act: {
        activate: { call: (s: SheetModel) => (book.active = s.name) },
      },
    },
    notes: {
      nav: {
        getItem: {
          kind: 'note',
          call: (s: SheetModel, key: string) => {
            const k = noteKey(key);
            if (!s.notes.has(k)) throw new FakeExcelError('ItemNotFound', `note ${key}`);
            return { sheet: s, key: k };
          },
        },
        getItemOrNullObject: {
          kind: 'note',
          call: (s: SheetModel, key: string) => {
            const k = noteKey(key);
            return s.notes.has(k) ? { sheet: s, key: k } : NULL;
          },
        },
      },
      act: {
        add: {
          kind: 'note',
          call: (s: SheetModel, cell: string, content: string) => {
            const k = noteKey(cell);
            if (s.notes.has(k)) throw new FakeExcelError('InvalidArgument', `a note exists at ${cell}`);
            s.notes.set(k, String(content));
            return { sheet: s, key: k };
          },
        },
      },
    },
    note: {
      props: {
        content: {
          get: (n: { sheet: SheetModel; key: string }) => n.sheet.notes.get(n.key),
          set: (n: { sheet: SheetModel; key: string }, v) => {
            if (!n.sheet.notes.has(n.key)) throw new FakeExcelError('ItemNotFound', `note ${n.key}`);
            n.sheet.notes.set(n.key, String(v));
          },
        },
      },
      act: { delete: { call: (n: { sheet: SheetModel; key: string }) => n.sheet.notes.delete(n.key) } },
    },
    protection: {
      props: { protected: { get: (s: SheetModel) => s.protected } },
      act: {
        protect: { call: (s: SheetModel) => (s.protected = true) },
        unprotect: { call: (s: SheetModel) => (s.protected = false) },
      },
    },
    freeze: {
      act: {
        freezeRows: { call: (s: SheetModel, n: number) => (s.freeze = { rows: n, columns: 0 }) },
        freezeColumns: { call: (s: SheetModel, n: number) => (s.freeze = { rows: 0, columns: n }) },
        freezeAt: {
          call: (s: SheetModel, r: RangeModel) => (s.freeze = { rows: r.rows, columns: r.columns }),
        },
      },
    },
    layout: {
      props: Object.fromEntries(
        ['paperSize', 'orientation', 'zoom', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin'].map(
          (p) => [p, { set: (l: Record<string, unknown>, v: unknown) => (l[p] = v) }],
        ),
      ),
      nav: { headersFooters: { kind: 'headersFooters', call: (l: Record<string, unknown>) => l } },
      act: {
        setPrintTitleRows: { call: (l: Record<string, unknown>, v: string) => (l.titleRows = v) },
        setPrintArea: { call: (l: Record<string, unknown>, v: string) => (l.area = v) },
      },
    },
    headersFooters: { nav: { defaultForAllPages: { kind: 'footer', call: (l) => l } } },
    footer: { props: { centerFooter: { set: (l: Record<string, unknown>, v) => (l.footer = v) } } },
    sheetTables: {
      act: {
        add: {
          kind: 'table',
          call: (s: SheetModel, ref: string) => {
            const t = { name: `Table${s.tables.length + 1}`, ref };
            s.tables.push(t);
            return t;
          },
        },
      },
    },
    table: {
      props: {
        name: {
          get: (t) => t.name,
          set: (t, v) => {
            if (book.sheets.some((s) => s.tables.some((x) => x !== t && x.name === v)))
              throw new FakeExcelError('InvalidArgument', `table ${v}`);
            t.name = v;
          },
        },
        style: { set: (t, v) => (t.style = v) },
        showTotals: { set: (t, v) => (t.showTotals = v) },
      },
      nav: {
        getRange: {
          kind: 'range',
          call: (t) => {
            const sheet = book.sheets.find((s) => s.tables.includes(t))!;
            return RangeModel.parse(book, sheet, t.ref);
          },
        },
      },
    },
    tables: {
      collection: 'table',
      props: { items: { get: () => book.sheets.flatMap((s) => s.tables) } },
    },
    names: {
      collection: 'name',
      props: {
        items: { get: () => [...book.names].map(([name, n]) => ({ name, ...n })) },
      },
      nav: {
        getItem: {
          kind: 'name',
          call: (_m, name: string) => {
            if (!book.names.has(name)) throw new FakeExcelError('ItemNotFound', `name ${name}`);
            return name;
          },
        },
      },
      act: {
        add: {
          call: (_m, name: string, ref: string, comment?: string) => {
            if (book.names.has(name)) throw new FakeExcelError('ItemAlreadyExists', name);
            book.names.set(name, { formula: ref, comment: comment ?? '' });
          },
        },
      },
    },
    name: {
      props: {
        name: { get: (n) => n.name },
        formula: { get: (n) => n.formula },
        comment: { get: (n) => n.comment },
      },
      act: { delete: { call: (name: string) => book.names.delete(name) } },
    },
    settings: {
      nav: {
        getItemOrNullObject: {
          kind: 'setting',
          call: (_m, k: string) => (book.settings.has(k) ? { key: k } : NULL),
        },
      },
      act: { add: { call: (_m, k: string, v: unknown) => book.settings.set(k, v) } },
    },
    setting: { props: { value: { get: (s) => book.settings.get(s.key) } } },
    properties: {
      props: Object.fromEntries(
        ['title', 'subject', 'author', 'company'].map((p) => [
          p,
          { set: (_m: unknown, v: string) => (book.properties[p] = v) },
        ]),
      ),
    },
    range: {
      props: Object.fromEntries(
        [
          ['address'],
          ['rowIndex'],
          ['columnIndex'],
          ['rowCount'],
          ['columnCount'],
          ['values', true],
          ['formulas', true],
          ['numberFormat', true],
          ['columnHidden', true],
          ['rowHidden', true],
        ].map(([p, settable]) => [
          p as string,
          {
            get: (r: RangeModel) => (r as unknown as Record<string, unknown>)[p as string],
            ...(settable
              ? {
                  set: (r: RangeModel, v: unknown) =>
                    ((r as unknown as Record<string, unknown>)[p as string] = v),
                }
              : {}),
          },
        ]),
      ),
      nav: {
        format: { kind: 'format', call: (r: RangeModel) => formatModel(() => r.cells(), r) },
        getEntireColumn: { kind: 'range', call: (r: RangeModel) => r.getEntireColumn() },
        getEntireRow: { kind: 'range', call: (r: RangeModel) => r.getEntireRow() },
        getRow: { kind: 'range', call: (r: RangeModel, n: number) => r.getRow(n) },
        getLastRow: { kind: 'range', call: (r: RangeModel) => r.getRow(r.rows - 1) },
        dataValidation: {
          kind: 'validation',
          call: (r: RangeModel) => {
            needs(8, 'range.dataValidation');
            return [r];
          },
        },
        conditionalFormats: { kind: 'conditionalFormats', call: (r: RangeModel) => r },
        getCellProperties: {
          kind: 'result',
          call: (r: RangeModel) => {
            needs(9, 'range.getCellProperties');
            return r.getCellProperties();
          },
        },
      },
      act: {
        merge: { call: (r: RangeModel) => r.merge() },
        select: { call: (r: RangeModel) => r.select() },
      },
    },
    areas: {
      nav: {
        dataValidation: {
          kind: 'validation',
          call: (rs: RangeModel[]) => {
            needs(8, 'rangeAreas.dataValidation');
            return rs;
          },
        },
        format: {
          kind: 'format',
          call: (rs: RangeModel[]) => formatModel(() => rs.flatMap((r) => r.cells())),
        },
      },
    },
    result: { props: { value: { get: (v: { value: unknown }) => v.value } } },
    format: {
      props: {
        horizontalAlignment: { set: perCell((c, v) => (c.align.horizontal = v)) },
        verticalAlignment: { set: perCell((c, v) => (c.align.vertical = v)) },
        wrapText: { set: perCell((c, v) => (c.align.wrap = v)) },
        indentLevel: {
          set: (m: { cells: () => CellModel[] }, v: unknown) => {
            needs(9, 'format.indentLevel');
            for (const c of m.cells()) c.align.indent = v;
          },
        },
        columnWidth: {
          set: (m: { range?: RangeModel }, v: number) => {
            for (let c = 0; c < (m.range?.columns ?? 0); c++)
              m.range!.sheet.columnWidths.set(m.range!.left + c, v);
          },
        },
        rowHeight: {
          set: (m: { range?: RangeModel }, v: number) => {
            for (let r = 0; r < Math.min(m.range?.rows ?? 0, 100); r++)
              m.range!.sheet.rowHeights.set(m.range!.top + r, v);
          },
        },
      },
      nav: {
        fill: { kind: 'fill', call: (m) => fillModel(m.cells) },
        font: { kind: 'font', call: (m) => m },
        protection: { kind: 'cellProtection', call: (m) => m },
        borders: { kind: 'borders', call: (m) => m },
      },
    },
    fill: {
      props: {
        color: {
          get: (f) => f.color,
          set: perCell((c, v) => {
            c.fill = { color: String(v).toUpperCase(), pattern: 'Solid' };
          }),
        },
        pattern: { get: (f) => f.pattern },
      },
      act: {
        clear: {
          call: (f: { cells: () => CellModel[] }) => {
            for (const c of f.cells()) c.fill = { color: '#FFFFFF', pattern: 'None' };
          },
        },
      },
    },
    font: {
      props: Object.fromEntries(
        ['name', 'size', 'bold', 'italic', 'underline', 'color'].map((p) => [
          p,
          { set: perCell((c, v) => (c.font[p] = v)) },
        ]),
      ),
    },
    cellProtection: { props: { locked: { set: perCell((c, v) => (c.locked = v)) } } },
    borders: { nav: { getItem: { kind: 'border', call: (m, edge: string) => ({ cells: m.cells, edge }) } } },
    border: {
      props: {
        style: {
          set: (b, v) => {
            for (const c of b.cells() as CellModel[]) c.borders[`${b.edge}.style`] = v;
          },
        },
        weight: {
          set: (b, v) => {
            for (const c of b.cells() as CellModel[]) c.borders[`${b.edge}.weight`] = v;
          },
        },
      },
    },
    validation: {
      // A range's or a RangeAreas' validation: one entry per rectangle, each with the same rule.
      props: {
        rule: {
          set: (rs: RangeModel[], v) => {
            for (const r of rs)
              r.sheet.validations.push({ ref: r.address.split('!')[1]!, rule: v, ignoreBlanks: true });
          },
        },
        ignoreBlanks: { set: (rs: RangeModel[], v) => validationsOf(rs, (x) => (x.ignoreBlanks = v)) },
        errorAlert: { set: (rs: RangeModel[], v) => validationsOf(rs, (x) => (x.errorAlert = v)) },
        prompt: { set: (rs: RangeModel[], v) => validationsOf(rs, (x) => (x.prompt = v)) },
      },
      act: {
        clear: {
          call: (rs: RangeModel[]) => {
            for (const r of rs) {
              const ref = r.address.split('!')[1];
              r.sheet.validations = r.sheet.validations.filter((v) => v.ref !== ref);
            }
          },
        },
      },
    },
    conditionalFormats: {
      act: {
        add: {
          kind: 'conditionalFormat',
          call: (r: RangeModel) => {
            const cf = { ref: r.address.split('!')[1]!, formula: '' };
            r.sheet.conditionalFormats.push(cf);
            return cf;
          },
        },
        clearAll: {
          call: (r: RangeModel) => {
            const ref = r.address.split('!')[1];
            r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((c) => c.ref !== ref);
          },
        },
      },
    },
    conditionalFormat: { nav: { custom: { kind: 'cfCustom', call: (cf) => cf } } },
    cfCustom: {
      nav: { rule: { kind: 'cfRule', call: (cf) => cf }, format: { kind: 'cfFormat', call: (cf) => cf } },
    },
    cfRule: { props: { formula: { set: (cf, v) => (cf.formula = v) } } },
    cfFormat: {
      nav: { fill: { kind: 'cfFill', call: (cf) => cf }, font: { kind: 'cfFont', call: (cf) => cf } },
    },
    cfFill: { props: { color: { set: (cf, v) => (cf.fill = v) } } },
    cfFont: { props: { color: { set: (cf, v) => (cf.fontColor = v) }, bold: { set: () => undefined } } },
    charts: {
      act: {
        add: {
          kind: 'chart',
          call: (s: SheetModel, type: string, source: RangeModel, seriesBy: string) => {
            if (!(source instanceof RangeModel)) throw new FakeExcelError('InvalidArgument', 'chart source');
            const chart: ChartModel = { type, source: source.address, seriesBy };
            s.charts.push(chart);
            return chart;
          },
        },
      },
    },
    chart: {
      props: { name: { set: (c: ChartModel, v) => (c.name = String(v)) } },
      nav: {
        title: { kind: 'chartTitle', call: (c: ChartModel) => c },
        format: { kind: 'chartArea', call: (c: ChartModel) => c },
        legend: { kind: 'chartLegend', call: (c: ChartModel) => c },
        series: { kind: 'chartSeriesCollection', call: (c: ChartModel) => c },
        axes: { kind: 'chartAxes', call: (c: ChartModel) => c },
      },
      act: {
        setPosition: {
          call: (c: ChartModel, from: string, to?: string) => (c.position = { from, ...(to ? { to } : {}) }),
        },
      },
    },
    chartTitle: {
      props: { text: { set: (c: ChartModel, v) => (c.title = String(v)) } },
      nav: { format: { kind: 'chartTitleFormat', call: (c: ChartModel) => c } },
    },
    chartTitleFormat: { nav: { font: { kind: 'chartTitleFont', call: (c: ChartModel) => c } } },
    chartTitleFont: { props: { bold: { set: (c: ChartModel, v) => (c.titleBold = Boolean(v)) } } },
    chartArea: { nav: { font: { kind: 'chartFont', call: (c: ChartModel) => c } } },
    chartFont: { props: { name: { set: (c: ChartModel, v) => (c.font = String(v)) } } },
    chartLegend: { props: { visible: { set: (c: ChartModel, v) => (c.legendVisible = Boolean(v)) } } },
    chartSeriesCollection: {
      nav: {
        getItemAt: {
          kind: 'chartSeries',
          call: (c: ChartModel, i: number) => {
            if (i !== 0) throw new FakeExcelError('ItemNotFound', `series ${i}`);
            return c;
          },
        },
      },
    },
    chartSeries: {
      props: { name: { set: (c: ChartModel, v) => (c.seriesName = String(v)) } },
      act: {
        setXAxisValues: {
          call: (c: ChartModel, r: RangeModel) => {
            needs(7, 'series.setXAxisValues');
            if (!(r instanceof RangeModel)) throw new FakeExcelError('InvalidArgument', 'categories');
            c.categories = r.address;
          },
        },
      },
    },
    chartAxes: { nav: { valueAxis: { kind: 'chartAxis', call: (c: ChartModel) => c } } },
    chartAxis: { props: { minimum: { set: (c: ChartModel, v) => (c.valueAxisMinimum = Number(v)) } } },
    application: {
      act: {
        suspendApiCalculationUntilNextSync: { call: () => undefined },
        suspendScreenUpdatingUntilNextSync: {
          call: () => needs(9, 'application.suspendScreenUpdatingUntilNextSync'),
        },
      },
    },
  };
}

export class FakeExcel {
  readonly book: WorkbookModel = { sheets: [], names: new Map(), settings: new Map(), properties: {} };
  /** One record per context.sync(), in order. */
  readonly syncs: SyncRecord[] = [];
  /** Every Excel.run, with the syncs it made. */
  readonly runs: SyncRecord[][] = [];
  private readonly kinds: Record<string, Kind>;
  /** The ExcelApi minor version this Excel has (18: cell notes). */
  readonly excelApi: number;

  constructor(options: { excelApi?: number } = {}) {
    this.excelApi = options.excelApi ?? 17;
    this.kinds = createKinds(this.book, this.excelApi);
  }

  /** Office.context.requirements.isSetSupported for this Excel. */
  readonly isSetSupported = (name: string, version?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const [major, minor] = (version ?? '1.1').split('.').map(Number);
    return major === 1 && (minor ?? 0) <= this.excelApi;
  };

  /** Excel.run for the host. */
  readonly run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const mine: SyncRecord[] = [];
    this.runs.push(mine);
    const context = new FakeContext(this, mine);
    return batch(context);
  };

  kind(name: string): Kind {
    const k = this.kinds[name];
    if (!k) throw new Error(`fake: no kind ${name}`);
    return k;
  }

  sheet(name: string): SheetModel {
    return sheetByName(this.book, name);
  }

  addSheet(name: string): SheetModel {
    const s = newSheet(name);
    this.book.sheets.push(s);
    return s;
  }

  /** Test setup: a value typed into a cell (as a person would), optionally unlocked (an input cell). */
  type(
    sheet: string,
    ref: string,
    value: unknown,
    options: { locked?: boolean; formula?: string } = {},
  ): void {
    const s = this.book.sheets.find((x) => x.name === sheet) ?? this.addSheet(sheet);
    const r = parseRange(ref)!;
    const cell = cellOf(s, r.top, r.left);
    cell.value = value as CellModel['value'];
    if (options.formula) cell.formula = `=${options.formula}`;
    if (options.locked !== undefined) cell.locked = options.locked;
  }

  cell(sheet: string, ref: string): CellModel | undefined {
    const r = parseRange(ref)!;
    return this.sheet(sheet).cells.get(key(r.top, r.left));
  }
}

class FakeContext {
  private queue: Queued[] = [];
  private loads: { target: ProxyState; props: string[] }[] = [];
  readonly workbook: any;
  readonly application: any;

  constructor(
    readonly excel: FakeExcel,
    private readonly records: SyncRecord[],
  ) {
    this.workbook = this.proxy('workbook', () => excel.book, 'workbook');
    this.application = this.proxy('application', () => null, 'application');
  }

  enqueue(q: Queued): void {
    this.queue.push(q);
  }

  enqueueLoad(target: ProxyState, props: string[]): void {
    this.queue.push({ describe: { load: target.path, props }, run: () => undefined });
    this.loads.push({ target, props });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    // Like Office.js, a request names each object path once and refers to it from every action.
    const paths = new Set<string>();
    const actions = queue.map((q) => {
      const d = q.describe as Record<string, unknown>;
      const path = String(d.call ?? d.set ?? d.load ?? '');
      paths.add(path);
      return { ...d, call: undefined, set: undefined, load: undefined, path: paths.size };
    });
    const requestBytes = bytes([...paths]) + bytes(actions) + 40 * queue.length;
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: queue.length };
    this.records.push(record);
    this.excel.syncs.push(record);
    if (requestBytes > LIMIT)
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `${requestBytes} bytes`);
    for (const q of queue) q.run();
    let responseBytes = 0;
    for (const { target, props } of loads) {
      const model = target.resolve();
      target.nullObject = model === NULL;
      target.loaded.add('isNullObject');
      if (model === NULL) continue;
      for (const p of props) responseBytes += target.read(p, model);
    }
    record.responseBytes = responseBytes;
    if (responseBytes > LIMIT)
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `${responseBytes} bytes`);
    await Promise.resolve();
  }

  proxy(kindName: string, resolve: Resolver, path: string): any {
    const state = new ProxyState(this, kindName, resolve, path);
    return state.proxy;
  }
}

/** One proxy object: what it points at (resolved at sync), and what has been loaded into it. */
class ProxyState {
  readonly loaded = new Set<string>();
  readonly data = new Map<string, unknown>();
  nullObject = false;
  readonly proxy: any;
  private memo: { value: unknown } | undefined;

  constructor(
    readonly context: FakeContext,
    readonly kindName: string,
    private readonly resolver: Resolver,
    readonly path: string,
  ) {
    const kind = context.excel.kind(kindName);
    const self = this;
    this.proxy = new Proxy(
      {},
      {
        get(_t, prop) {
          if (typeof prop === 'symbol') return undefined;
          if (prop === 'then' || prop === 'toJSON') return undefined;
          if (prop === 'context') return context;
          if (prop === 'load') {
            return (props?: string | string[] | Record<string, unknown>) => {
              const list =
                typeof props === 'string'
                  ? props.split(',').map((p) => p.trim())
                  : Array.isArray(props)
                    ? props
                    : [];
              context.enqueueLoad(
                self,
                list.map((p) => p.replace(/^items\//, 'items/')),
              );
              return self.proxy;
            };
          }
          if (prop === 'isNullObject') {
            if (!self.loaded.has('isNullObject'))
              throw new FakeExcelError('PropertyNotLoaded', `${path}.isNullObject`);
            return self.nullObject;
          }
          const nav = kind.nav?.[prop];
          if (nav) {
            // Properties that are objects (format, protection…) read like navigation without a call.
            const child = (...args: unknown[]) => {
              const made = context.proxy(
                nav.kind,
                // Like Office.js, what a null object leads to is a null object too.
                () => {
                  const model = self.resolve();
                  return model === NULL ? NULL : nav.call(model, ...args);
                },
                `${path}.${prop}(${JSON.stringify(args)})`,
              );
              // A ClientResult's value arrives with the next sync, without load().
              if (nav.kind === 'result') made.load('value');
              return made;
            };
            return [
              'getItem',
              'getRange',
              'getRangeByIndexes',
              'getRanges',
              'getUsedRangeOrNullObject',
              'getItemOrNullObject',
              'getEntireColumn',
              'getEntireRow',
              'getRow',
              'getLastRow',
              'getCellProperties',
              'getItemAt',
            ].includes(prop)
              ? child
              : child();
          }
          const act = kind.act?.[prop];
          if (act) {
            return (...args: unknown[]) => {
              let made: { value: unknown } | undefined;
              const resolved = args.map((a) =>
                a && typeof a === 'object' && proxies.has(a) ? proxies.get(a)! : a,
              );
              context.enqueue({
                describe: {
                  call: `${path}.${prop}`,
                  args: resolved.map((a) => (a instanceof ProxyState ? a.path : a)),
                },
                run: () => {
                  const real = resolved.map((a) => (a instanceof ProxyState ? a.resolve() : a));
                  made = { value: act.call(self.resolve(), ...real) };
                },
              });
              if (!act.kind) return undefined;
              return context.proxy(
                act.kind,
                () => {
                  if (!made) throw new Error(`fake: ${path}.${prop} used before its sync`);
                  return made.value;
                },
                `${path}.${prop}()`,
              );
            };
          }
          if (prop in (kind.props ?? {})) {
            if (!self.loaded.has(prop)) throw new FakeExcelError('PropertyNotLoaded', `${path}.${prop}`);
            return self.data.get(prop);
          }
          if (prop === 'items' && kind.collection) {
            if (!self.loaded.has('items')) throw new FakeExcelError('PropertyNotLoaded', `${path}.items`);
            return self.data.get('items');
          }
          throw new Error(`fake: ${kindName} has no member ${prop}`);
        },
        set(_t, prop, value) {
          if (typeof prop === 'symbol') return false;
          const spec = kind.props?.[prop];
          if (!spec?.set) throw new Error(`fake: ${kindName}.${prop} cannot be set`);
          const v = value && typeof value === 'object' && proxies.has(value) ? proxies.get(value) : value;
          context.enqueue({
            describe: { set: `${path}.${prop}`, value: v instanceof ProxyState ? v.path : v },
            run: () => spec.set!(self.resolve(), v),
          });
          return true;
        },
      },
    );
    proxies.set(this.proxy, this);
  }

  resolve(): any {
    if (!this.memo) this.memo = { value: this.resolver() };
    return this.memo.value;
  }

  /**
   * Loads one property at sync; returns the bytes it adds to the response. For collections, `items/x` gives
   * item proxies with x loaded.
   */
  read(prop: string, model: any): number {
    const kind = this.context.excel.kind(this.kindName);
    if (kind.collection && prop.startsWith('items')) {
      const items = kind.props!.items!.get!(model) as unknown[];
      const sub = prop.slice('items/'.length);
      const existing = (this.data.get('items') as any[] | undefined) ?? [];
      let size = 0;
      const out = items.map((item, i) => {
        const child =
          existing[i] ?? this.context.proxy(kind.collection!, () => item, `${this.path}.items[${i}]`);
        const state = proxies.get(child)!;
        if (sub) size += state.read(sub, item);
        return child;
      });
      this.data.set('items', out);
      this.loaded.add('items');
      return size;
    }
    const spec = kind.props?.[prop];
    if (!spec?.get) throw new Error(`fake: ${this.kindName}.${prop} cannot be loaded`);
    const value = spec.get(model);
    this.data.set(prop, value);
    this.loaded.add(prop);
    return bytes(value);
  }
}

const proxies = new WeakMap<object, ProxyState>();
