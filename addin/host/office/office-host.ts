/**
 * The Office.js host: the WorkbookHost inside Excel. Each command is one read batch and one write batch:
 * read() lists the sheets, then loads every used range (values and formulas), table and name in one sync;
 * write() inspects the cells the plan names (values and locked state, to never overwrite what a person typed) and
 * applies the plan in one sync with calculation and screen updating suspended, ranges written as rectangles, and
 * more syncs only when a request would pass Excel on the web's 5 MB limit. No sync inside per-cell loops.
 */
import type { Bilingual, Issue } from '../../../core';
import { a1, columnLetter, parseA1, parseRange, quoteSheet } from '../../../templates/layouts/a1';
import type {
  CellPlan,
  CellValue,
  ChartPlan,
  ColumnPlan,
  SheetPlan,
  SheetSnapshot,
  TablePlan,
  WorkbookPlan,
  WorkbookSnapshot,
} from '../../../templates/plan';
import { ActionError } from '../../app/actions';
import type { KeptReason, WorkbookHost, WriteMode, WriteReport } from '../../app/host';
import {
  blockRef,
  cellInput,
  cssColor,
  DEFAULT_PAYLOAD_BUDGET,
  jsonBytes,
  packByBudget,
  positioned,
  sameValue,
  splitAddress,
  stripXlfn,
  toBlocks,
  utf8Length,
} from './blocks';
import { applyRun, formatRuns, runBytes } from './formats';
import { applyValidation, groupValidations, validationBytes } from './validations';

type Context = Excel.RequestContext;
export type ExcelRun = <T>(batch: (context: Context) => Promise<T>) => Promise<T>;

export interface OfficeHostOptions {
  /** Excel.run, or the recording fake's run in tests. */
  run?: ExcelRun;
  /** Bytes one request may carry; below 5 MB for the request framing. */
  payloadBudget?: number;
  /** Office.context.requirements.isSetSupported, or the fake's in tests: cell notes need ExcelApi 1.18. */
  isSetSupported?: (name: string, version: string) => boolean;
}

/** Office's own answer, outside Office none: the host then keeps to what every Excel has. */
const officeSetSupported = (name: string, version: string): boolean =>
  (globalThis as { Office?: typeof Office }).Office?.context?.requirements?.isSetSupported(name, version) ??
  false;

/** Where the previous fills of marked cells are kept: a workbook setting (saved with the file). */
export const MARKS_SETTING = 'thidua.marks';
export const MARK_FILL: Record<Issue['severity'], string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

interface StoredMark {
  sheet: string;
  cell: string;
  /** The fill before the mark; null: none. */
  previous: string | null;
  mark: string;
  /** The note the mark wrote (ExcelApi 1.18), removed with the mark unless a person edited it. */
  note?: string;
}

/** A used range's position and size, loaded before its contents when a read must be split. */
interface UsedSize {
  range: Excel.Range;
  /** First and last rows' values and formulas, when the sheet's bytes per cell are unknown. */
  samples?: Excel.Range[];
}

interface Band {
  name: string;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

function queueSizes(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  sample = false,
): Map<string, UsedSize> {
  return new Map(
    sheetNames.map((name) => {
      const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      const size: UsedSize = { range: used.load('rowIndex,columnIndex,rowCount,columnCount') };
      if (sample)
        size.samples = [used.getRow(0).load('values,formulas'), used.getLastRow().load('values,formulas')];
      return [name, size];
    }),
  );
}

/** One queued change and its estimated request size. */
interface Op {
  bytes: number;
  apply(context: Context): void;
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

const sheetMissing = (error: unknown) => errorCode(error) === 'ItemNotFound';
const responseTooLarge = (error: unknown) => errorCode(error) === 'ResponsePayloadSizeLimitExceeded';

/**
 * Bytes per cell of an inspection response: a value, its formula (a typed formula is kept; for most cells
 * the short value again) and its cell properties. The fake measures 700 units' responses under the limit.
 */
const RESPONSE_BYTES_PER_CELL = 80;
/** Values and formulas of a sheet never measured: short text and numbers, counted with room to spare. */
const DEFAULT_BYTES_PER_CELL = 64;
/** Room over a density sampled from two rows of a sheet (its middle may hold longer text). */
const SAMPLE_MARGIN = 1.25;
/** Bytes of one API call in a request (its action, object path and argument framing), as the fake measures them. */
const CALL_BYTES = 180;

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;
  private readonly run: ExcelRun;
  private readonly budget: number;
  /** Sheet names as of the last command, so an inspection can go in the same sync as the listing. */
  private known: Set<string> | undefined;
  /** The marks stored in the workbook as of the last read or mark, so marking can probe them at once. */
  private marks: StoredMark[] | undefined;
  /** Response bytes per cell of each sheet's values and formulas: measured by reads, estimated by writes. */
  private readonly density = new Map<string, number>();

  private readonly isSetSupported: (name: string, version: string) => boolean;

  constructor(options: OfficeHostOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.isSetSupported = options.isSetSupported ?? officeSetSupported;
  }

  /** Cell notes (the plan's citations, the issues' messages) where this Excel has the notes API. */
  private get notes(): boolean {
    return this.isSetSupported('ExcelApi', '1.18');
  }

  /** What this Excel can do beyond ExcelApi 1.7 (Excel 2016 and 2019 stop at 1.7-1.9); asked at each write. */
  private capabilities(): Capabilities {
    const has = (minor: number) => this.isSetSupported('ExcelApi', `1.${minor}`);
    return {
      validation: has(8),
      rangeAreas: has(9),
      cellProperties: has(9),
      pageLayout: has(9),
      screenUpdating: has(9),
      indent: has(9),
    };
  }

  /* ---------- read ---------- */

  async read(): Promise<WorkbookSnapshot> {
    try {
      return await this.readOnce();
    } catch (error) {
      // A sheet deleted since the last command (its size was asked for by name): list again and start over.
      if (!sheetMissing(error) || !this.known) throw error;
      this.known = undefined;
      return this.readOnce();
    }
  }

  private async readOnce(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const book = context.workbook;
      const sheets = book.worksheets.load('items/name');
      const names = book.names.load('items/name,items/formula,items/comment');
      const tables = book.tables.load('items/name');
      const setting = book.settings.getItemOrNullObject(MARKS_SETTING).load('value');
      // Warm (sheet names known from the last command): the used ranges' sizes go with the listing.
      const sized = this.known ? queueSizes(context, [...this.known]) : undefined;
      await context.sync();
      const sheetNames = sheets.items.map((s) => s.name);
      this.known = new Set(sheetNames);
      this.marks = setting.isNullObject ? [] : parseMarks(setting.value);

      // Table ranges ride with the first content sync (queued again if that sync had to be split).
      const queueTables = () =>
        tables.items.map((t) => ({ name: t.name, range: t.getRange().load('address') }));
      let tableRanges = queueTables();
      let contents: Map<string, SheetSnapshot>;
      if (sized && sheetNames.every((n) => sized.has(n))) {
        // Sizes known: bands planned from them, so the first content sync already fits.
        contents = await this.loadBands(context, sheetNames, sized);
      } else {
        try {
          contents = await this.loadSheets(context, sheetNames);
        } catch (error) {
          if (!responseTooLarge(error)) throw error;
          // Never measured: the sizes, with each sheet's first and last rows as a sample of its bytes per cell.
          const dims = queueSizes(context, sheetNames, true);
          await context.sync();
          for (const [name, size] of dims) {
            if (size.range.isNullObject || !size.samples) continue;
            const cells = size.samples.reduce((n, r) => n + r.values.length * (r.values[0]?.length ?? 0), 0);
            const bytes = size.samples.reduce((n, r) => n + jsonBytes(r.values) + jsonBytes(r.formulas), 0);
            if (cells > 0) this.density.set(name, Math.max(8, (bytes / cells) * SAMPLE_MARGIN));
          }
          tableRanges = queueTables();
          contents = await this.loadBands(context, sheetNames, dims);
        }
      }
      for (const t of tableRanges) {
        const { sheet, ref } = splitAddress(t.range.address);
        contents.get(sheet)?.tables.push({ name: t.name, ref });
      }
      return {
        source: 'Excel',
        sheets: sheetNames.map((n) => contents.get(n)!),
        names: names.items.map((n) => {
          const plan = { name: n.name, ref: String(n.formula ?? '').replace(/^=/, '') };
          return n.comment ? { ...plan, comment: n.comment } : plan;
        }),
      };
    });
  }

  /** The used range of every sheet in one sync (with the table ranges queued before it). */
  private async loadSheets(context: Context, sheetNames: string[]): Promise<Map<string, SheetSnapshot>> {
    const used = sheetNames.map((name) => ({
      name,
      range: context.workbook.worksheets
        .getItem(name)
        .getUsedRangeOrNullObject(true)
        .load('values,formulas,rowIndex,columnIndex'),
    }));
    await context.sync();
    const out = new Map<string, SheetSnapshot>();
    for (const u of used) {
      if (u.range.isNullObject) {
        out.set(u.name, { name: u.name, values: [], formulas: [], tables: [] });
        continue;
      }
      const { rowIndex, columnIndex, values, formulas } = u.range;
      this.measure(u.name, values, formulas);
      out.set(u.name, toSnapshot(u.name, rowIndex, columnIndex, values, formulas));
    }
    return out;
  }

  /** Response bytes per cell of a sheet's values and formulas, as last seen: the size of the next read's bands. */
  private measure(sheet: string, values: unknown[][], formulas: unknown[][]): void {
    const cells = values.length * (values[0]?.length ?? 0);
    if (cells > 0) this.density.set(sheet, (jsonBytes(values) + jsonBytes(formulas)) / cells);
  }

  /**
   * Every sheet's used range, in row bands sized from the sheets' sizes and measured bytes per cell, packed into
   * as few syncs as the response limit allows; a group that still comes back too large is halved and retried.
   */
  private async loadBands(
    context: Context,
    sheetNames: string[],
    sizes: ReadonlyMap<string, UsedSize>,
  ): Promise<Map<string, SheetSnapshot>> {
    // Rows of every sheet as one stream cut into groups that fill the budget: a sheet starts in the room the
    // previous one left, so the groups are as few as the estimates allow.
    const groups: Band[][] = [];
    let group: Band[] = [];
    let room = this.budget;
    for (const name of sheetNames) {
      const size = sizes.get(name);
      if (!size || size.range.isNullObject) continue;
      const { rowIndex, columnIndex, rowCount, columnCount } = size.range;
      const perRow = columnCount * (this.density.get(name) ?? DEFAULT_BYTES_PER_CELL);
      for (let r = 0; r < rowCount; ) {
        let rows = Math.min(rowCount - r, Math.floor(room / perRow));
        if (rows < 1) {
          if (group.length > 0) {
            groups.push(group);
            group = [];
            room = this.budget;
            continue;
          }
          rows = 1; // one row over the budget on its own: it goes alone
        }
        group.push({ name, top: rowIndex + r, left: columnIndex, rows, columns: columnCount });
        room -= rows * perRow;
        r += rows;
      }
    }
    if (group.length > 0) groups.push(group);
    const out = new Map<string, SheetSnapshot>(
      sheetNames.map((name) => [name, { name, values: [], formulas: [], tables: [] }]),
    );
    const load = async (group: Band[]): Promise<void> => {
      const loaded = group.map((band) => ({
        band,
        range: context.workbook.worksheets
          .getItem(band.name)
          .getRangeByIndexes(band.top, band.left, band.rows, band.columns)
          .load('values,formulas'),
      }));
      try {
        await context.sync();
      } catch (error) {
        const [only] = group;
        if (!responseTooLarge(error) || (group.length === 1 && only!.rows === 1)) throw error;
        // The estimate was short: the same bands in halves (or one band's rows in halves).
        const halves: Band[][] =
          group.length > 1
            ? [group.slice(0, group.length >> 1), group.slice(group.length >> 1)]
            : [
                [{ ...only!, rows: only!.rows >> 1 }],
                [{ ...only!, top: only!.top + (only!.rows >> 1), rows: only!.rows - (only!.rows >> 1) }],
              ];
        for (const half of halves) await load(half);
        return;
      }
      for (const { band, range } of loaded) {
        const part = toSnapshot(band.name, band.top, band.left, range.values, range.formulas);
        const sheet = out.get(band.name)!;
        for (let r = 0; r < part.values.length; r++) {
          if (part.values[r]!.some((v) => v !== null)) {
            sheet.values[r] = part.values[r]!;
            sheet.formulas![r] = part.formulas![r]!;
          }
        }
        const m = measured.get(band.name) ?? { bytes: 0, cells: 0 };
        m.bytes += jsonBytes(range.values) + jsonBytes(range.formulas);
        m.cells += band.rows * band.columns;
        measured.set(band.name, m);
      }
    };
    // One sync per group that fits the response limit: the split is the point of this loop.
    const measured = new Map<string, { bytes: number; cells: number }>();
    for (const g of groups) await load(g);
    for (const [name, m] of measured) if (m.cells > 0) this.density.set(name, m.bytes / m.cells);
    for (const sheet of out.values()) {
      for (let r = 0; r < sheet.values.length; r++) {
        sheet.values[r] ??= [];
        sheet.formulas![r] ??= [];
      }
    }
    return out;
  }

  /* ---------- write ---------- */

  async write(plan: WorkbookPlan, mode: WriteMode): Promise<WriteReport> {
    try {
      return await this.writeOnce(plan, mode);
    } catch (error) {
      // A sheet deleted since the last command: list again and start over.
      if (!sheetMissing(error)) throw error;
      this.known = undefined;
      return this.writeOnce(plan, mode);
    }
  }

  private async writeOnce(plan: WorkbookPlan, mode: WriteMode): Promise<WriteReport> {
    return this.run(async (context) => {
      const book = context.workbook;
      const listing = book.worksheets.load('items/name');
      const tables = book.tables.load('items/name');
      const names = book.names.load('items/name');
      let listed = false;
      if (!this.known) {
        await context.sync();
        this.known = new Set(listing.items.map((s) => s.name));
        listed = true;
      }
      // Inspect what the plan would overwrite on sheets that exist: values, and which cells are inputs.
      const known = this.known;
      const cellsOf = new Map(plan.sheets.map((s) => [s.name, sheetCells(s)]));
      const notes = this.notes;
      const can = this.capabilities();
      const inspect = (sheets: readonly SheetPlan[]) =>
        sheets.map((s) => new Inspection(context, s.name, cellsOf.get(s.name)!, notes, can.cellProperties));
      const inspections = inspect(plan.sheets.filter((s) => known.has(s.name)));
      const groups = packByBudget(inspections, (i) => i.cells * RESPONSE_BYTES_PER_CELL, this.budget);
      // The first group goes with the listing; more groups only for a plan too large for one response.
      if (groups.length === 0 && !listed) await context.sync();
      for (const group of groups) {
        for (const i of group) i.queue();
        await context.sync();
      }
      const present = new Set(listing.items.map((s) => s.name));
      const missed = plan.sheets.filter((s) => present.has(s.name) && !known.has(s.name));
      if (missed.length > 0) {
        // Sheets added by someone since the last command: inspect them too before writing anything.
        const more = inspect(missed);
        for (const i of more) i.queue();
        await context.sync();
        inspections.push(...more);
      }
      const held = new Map(inspections.map((i) => [i.sheet, i]));
      const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
      const skipped = new Map<string, Bilingual>();
      const skip = (text: Bilingual) => skipped.set(text.vi, text);
      if (!can.cellProperties && inspections.some((i) => i.cells > 0)) skip(SKIPPED.cellProperties);
      const tableNames = new Set(tables.items.map((t) => t.name));
      const nameSet = new Set(names.items.map((n) => n.name));

      const ops: Op[] = [];
      const closing: Op[] = [];
      for (const sheet of plan.sheets) {
        const created = !present.has(sheet.name);
        if (created) report.sheetsCreated.push(sheet.name);
        const state = held.get(sheet.name);
        this.sheetOps(sheet, cellsOf.get(sheet.name)!, {
          created,
          notes,
          mode,
          state,
          report,
          tableNames,
          ops,
          closing,
          can,
          skip,
        });
      }
      if (mode === 'create' && plan.properties) {
        const p = plan.properties;
        ops.push({
          bytes: jsonBytes(p),
          apply: (ctx) => {
            const props = ctx.workbook.properties;
            if (p.title) props.title = p.title;
            if (p.subject) props.subject = p.subject;
            if (p.creator) props.author = p.creator;
            if (p.company) props.company = p.company;
          },
        });
      }
      for (const n of plan.names) {
        ops.push({
          bytes: jsonBytes(n) + 64,
          apply: (ctx) => {
            if (nameSet.has(n.name)) ctx.workbook.names.getItem(n.name).delete();
            ctx.workbook.names.add(n.name, `=${n.ref}`, n.comment);
          },
        });
      }
      ops.push(...closing);

      const batches = packByBudget(ops, (o) => o.bytes + CALL_BYTES, this.budget);
      for (const batch of batches) {
        // One sync per batch under the request limit; a plan of a few units is one batch.
        context.application.suspendApiCalculationUntilNextSync();
        if (can.screenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
        for (const op of batch) op.apply(context);
        await context.sync();
      }
      if (skipped.size > 0) report.skipped = [...skipped.values()];
      for (const name of report.sheetsCreated) this.known.add(name);
      for (const sheet of plan.sheets) {
        const density = planDensity(cellsOf.get(sheet.name)!);
        if (density && (mode === 'create' || !this.density.has(sheet.name)))
          this.density.set(sheet.name, density);
      }
      return report;
    });
  }

  private sheetOps(
    sheet: SheetPlan,
    cells: readonly CellPlan[],
    at: {
      created: boolean;
      notes: boolean;
      mode: WriteMode;
      state: Inspection | undefined;
      report: WriteReport;
      tableNames: Set<string>;
      ops: Op[];
      closing: Op[];
      can: Capabilities;
      skip: (text: Bilingual) => void;
    },
  ): void {
    const { created, mode, state, report, ops, closing, can, skip } = at;
    const full = created || mode === 'create';
    const name = sheet.name;
    const ws = (ctx: Context) => ctx.workbook.worksheets.getItem(name);

    ops.push({
      bytes: utf8Length(name) + 200,
      apply: (ctx) => {
        const w = created ? ctx.workbook.worksheets.add(name) : ws(ctx);
        // Formula cells are locked: unprotect to write, protect again at the end.
        if (!created) w.protection.unprotect();
        if (full && sheet.tabColor) w.tabColor = cssColor(sheet.tabColor);
      },
    });

    // Contents: what a person typed into an input cell is never overwritten.
    const writable: CellPlan[] = [];
    for (const cell of cells) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      if (typeof cell.value === 'number' && !Number.isFinite(cell.value)) {
        report.refused.push({ sheet: name, cell: cell.ref, reason: 'notANumber' });
        continue;
      }
      // 'set': the person typed these values into the pane's fields, so they replace what the cells hold.
      const kept = mode === 'set' ? undefined : keptOnSheet(state?.at(cell.ref), cell);
      if (kept === 'same') continue;
      if (kept) {
        report.refused.push({ sheet: name, cell: cell.ref, ...(kept === 'typed' ? {} : { reason: kept }) });
        continue;
      }
      writable.push(cell);
    }
    report.cellsWritten += writable.length;
    for (const block of toBlocks(positioned(writable))) {
      const rows = block.rows.map((r) => r.map((c) => cellInput(c.value, c.formula)));
      const ref = blockRef(block);
      ops.push({
        bytes: jsonBytes(rows) + utf8Length(ref) + 64,
        apply: (ctx) => {
          ws(ctx).getRange(ref).formulas = rows;
        },
      });
    }

    // Notes (ExcelApi 1.18): the plan's, on the cells it names in full, on the written cells in an update.
    if (at.notes) {
      for (const cell of full ? cells : writable) {
        const text = cell.note;
        if (text === undefined || !parseA1(cell.ref)) continue;
        const held = state?.note(cell.ref);
        if (held === text) continue;
        ops.push({
          bytes: utf8Length(text) + utf8Length(cell.ref) + 64,
          apply: (ctx) => {
            const notes = ws(ctx).notes;
            if (typeof held === 'string') notes.getItem(cell.ref).content = text;
            else notes.add(cell.ref, text);
          },
        });
      }
    }

    // Formats: each property once per set of rectangles sharing it. In an update only the written cells get their
    // number format.
    const runs = full
      ? formatRuns(cells, { fresh: created })
      : formatRuns(writable, { fresh: false, only: ['numFmt'] });
    for (const run of runs) {
      if (run.facet === 'indent' && !can.indent) {
        skip(SKIPPED.indent);
        continue;
      }
      for (const areas of run.areas) {
        ops.push({
          // Without RangeAreas each rectangle is its own call, with its own address.
          bytes: can.rangeAreas
            ? runBytes(run, areas, CALL_BYTES) - CALL_BYTES
            : areas.reduce((n, a) => n + runBytes(run, [a], CALL_BYTES), 0) - CALL_BYTES,
          apply: (ctx) => applyRun(ws(ctx), run, areas, can.rangeAreas),
        });
      }
    }
    if (!full) {
      if (sheet.protect) closing.push(protectOp(name));
      return;
    }
    for (const m of sheet.merges ?? [])
      ops.push({ bytes: 64, apply: (ctx) => ws(ctx).getRange(m).merge(false) });
    // Adjacent columns of the same width and visibility in one call ("G:P").
    for (const run of columnRuns(sheet.columns ?? [])) {
      const { width, hidden } = run;
      const ref = `${columnLetter(run.from)}:${columnLetter(run.to)}`;
      ops.push({
        bytes: 96,
        apply: (ctx) => {
          const cols = ws(ctx).getRange(ref);
          // Widths in characters of the default font: about 7 pixels each, 0.75 points a pixel.
          if (width !== undefined) cols.format.columnWidth = Math.round(width * 7 * 0.75 * 100) / 100;
          if (hidden) cols.columnHidden = true;
        },
      });
    }
    for (const r of sheet.rows ?? []) {
      ops.push({
        bytes: 96,
        apply: (ctx) => {
          const row = ws(ctx)
            .getRangeByIndexes(r.index - 1, 0, 1, 1)
            .getEntireRow();
          if (r.height !== undefined) row.format.rowHeight = r.height;
          if (r.hidden) row.rowHidden = true;
        },
      });
    }
    for (const t of sheet.tables ?? []) {
      // The header and body went with the cells; here the table object itself, when it is missing.
      if (at.tableNames.has(t.name)) continue;
      const address = tableAddress(t);
      if (!address) continue;
      ops.push({
        bytes: 128,
        apply: (ctx) => {
          const table = ws(ctx).tables.add(address, true);
          table.name = t.name;
          if (t.style) table.style = t.style;
          if (t.totalsRow) table.showTotals = true;
        },
      });
    }
    if ((sheet.validations?.length ?? 0) > 0 && !can.validation) skip(SKIPPED.validation);
    for (const { validation, areas } of can.validation ? groupValidations(sheet.validations ?? []) : []) {
      for (const part of can.rangeAreas ? areas : areas.flat().map((a) => [a])) {
        ops.push({
          bytes: validationBytes(validation, part, created, CALL_BYTES) - CALL_BYTES,
          apply: (ctx) => {
            const w = ws(ctx);
            applyValidation(
              part.length === 1 ? w.getRange(part[0]!) : w.getRanges(part.join(',')),
              validation,
              created,
            );
          },
        });
      }
    }
    for (const cf of sheet.conditionalFormats ?? []) {
      ops.push({
        bytes: jsonBytes(cf) + 64,
        apply: (ctx) => {
          const range = ws(ctx).getRange(cf.range);
          if (!created) range.conditionalFormats.clearAll();
          const format = range.conditionalFormats.add('Custom');
          format.custom.rule.formula = `=${cf.formula.replace(/_xlfn\./gi, '')}`;
          if (cf.style.fill) format.custom.format.fill.color = cssColor(cf.style.fill);
          if (cf.style.font?.color) format.custom.format.font.color = cssColor(cf.style.font.color);
          if (cf.style.font?.bold !== undefined) format.custom.format.font.bold = cf.style.font.bold;
        },
      });
    }
    if (sheet.freeze) {
      const { rows, columns } = sheet.freeze;
      ops.push({
        bytes: 64,
        apply: (ctx) => {
          const panes = ws(ctx).freezePanes;
          if (rows > 0 && columns > 0) panes.freezeAt(ws(ctx).getRangeByIndexes(0, 0, rows, columns));
          else if (rows > 0) panes.freezeRows(rows);
          else if (columns > 0) panes.freezeColumns(columns);
        },
      });
    }
    if (sheet.print && !can.pageLayout) skip(SKIPPED.pageLayout);
    if (sheet.print && can.pageLayout) {
      const p = sheet.print;
      ops.push({
        bytes: jsonBytes(p) + 64,
        apply: (ctx) => {
          const layout = ws(ctx).pageLayout;
          layout.paperSize = 'A4';
          layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
          if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
          if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.replace(':', ':$')}`);
          if (p.area) layout.setPrintArea(p.area);
          if (p.margins) {
            layout.leftMargin = p.margins.left * 72;
            layout.rightMargin = p.margins.right * 72;
            layout.topMargin = p.margins.top * 72;
            layout.bottomMargin = p.margins.bottom * 72;
          }
          if (p.footer) layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
        },
      });
    }
    for (const chart of sheet.charts ?? []) ops.push(chartOp(name, chart));
    if (sheet.hidden) {
      ops.push({
        bytes: 64,
        apply: (ctx) => {
          ws(ctx).visibility = 'Hidden';
        },
      });
    }
    if (sheet.protect) closing.push(protectOp(name));
  }

  /* ---------- marks ---------- */

  async markIssues(issues: readonly Issue[]): Promise<void> {
    await this.run(async (context) => {
      const book = context.workbook;
      const listing = book.worksheets.load('items/name');
      const setting = book.settings.getItemOrNullObject(MARKS_SETTING).load('value');
      // Current fills: of cells to mark (to restore later) and of cells marked before (to see if a person
      // recoloured). Warm (after a read) they are known now and go with the listing in one sync.
      const fills = new Map<string, Excel.RangeFill>();
      // With the notes API, the note on each single cell too (a person's own note is never replaced).
      const notesApi = this.notes;
      const notes = new Map<string, Excel.Note>();
      const probe = (sheet: string, cell: string) => {
        const key = `${sheet}!${cell}`;
        if (fills.has(key)) return;
        const ws = book.worksheets.getItem(sheet);
        fills.set(key, ws.getRange(cell).format.fill.load('color,pattern'));
        if (notesApi && parseA1(cell)) notes.set(key, ws.notes.getItemOrNullObject(cell).load('content'));
      };
      const queueProbes = (present: ReadonlySet<string>, marks: readonly StoredMark[]) => {
        for (const m of marks) if (present.has(m.sheet)) probe(m.sheet, m.cell);
        for (const issue of issues) {
          if (issue.sheet && issue.cell && present.has(issue.sheet) && parseRange(issue.cell))
            probe(issue.sheet, issue.cell);
        }
      };
      const warm = this.known !== undefined && this.marks !== undefined;
      if (warm) queueProbes(this.known!, this.marks!);
      await context.sync();
      const present = new Set(listing.items.map((s) => s.name));
      this.known = present;
      const previous: StoredMark[] = setting.isNullObject ? [] : parseMarks(setting.value);
      const unprobed = (sheet: string, cell: string) => present.has(sheet) && !fills.has(`${sheet}!${cell}`);
      if (
        previous.some((m) => unprobed(m.sheet, m.cell)) ||
        issues.some((i) => i.sheet && i.cell && parseRange(i.cell) && unprobed(i.sheet, i.cell))
      ) {
        queueProbes(present, previous);
        await context.sync();
      }
      const wanted = new Map<string, { sheet: string; cell: string; mark: string; lines: Issue[] }>();
      for (const issue of issues) {
        if (!issue.sheet || !issue.cell || !present.has(issue.sheet) || !parseRange(issue.cell)) continue;
        const key = `${issue.sheet}!${issue.cell}`;
        const mark = MARK_FILL[issue.severity];
        const had = wanted.get(key);
        if (had) had.lines.push(issue);
        // The most severe issue decides the colour.
        if (!had || severityRank(mark) < severityRank(had.mark))
          wanted.set(key, { sheet: issue.sheet, cell: issue.cell, mark, lines: had?.lines ?? [issue] });
      }
      const noteOf = (key: string): string | null | undefined => {
        const n = notes.get(key);
        return n === undefined ? undefined : n.isNullObject ? null : n.content;
      };
      const stored = new Map(previous.map((m) => [`${m.sheet}!${m.cell}`, m]));
      const fillOf = (f: Excel.RangeFill): string | null => (f.pattern === 'None' ? null : f.color);
      const next: StoredMark[] = [];
      for (const [key, w] of wanted) {
        const before = stored.get(key);
        const current = fills.get(key)!;
        // Still our mark: the fill to restore is the one stored with it.
        const keep =
          before && fillOf(current)?.toUpperCase() === before.mark.toUpperCase()
            ? before.previous
            : fillOf(current);
        const entry: StoredMark = { sheet: w.sheet, cell: w.cell, previous: keep, mark: w.mark };
        const ws = book.worksheets.getItem(w.sheet);
        ws.getRange(w.cell).format.fill.color = w.mark;
        const held = noteOf(key);
        if (held !== undefined) {
          const text = issueNote(w.lines);
          // A note there that is not the one this mark wrote is a person's: it stays.
          const ours = held === null || held === before?.note;
          if (ours) {
            if (held === null) ws.notes.add(w.cell, text);
            else if (held !== text) ws.notes.getItem(w.cell).content = text;
            entry.note = text;
          }
        }
        next.push(entry);
      }
      for (const m of previous) {
        const key = `${m.sheet}!${m.cell}`;
        if (wanted.has(key) || !present.has(m.sheet)) continue;
        // The note this mark wrote goes with it, unless a person edited it since.
        if (m.note !== undefined && noteOf(key) === m.note)
          book.worksheets.getItem(m.sheet).notes.getItem(m.cell).delete();
        const current = fills.get(key)!;
        // A person who recoloured the cell since keeps their colour.
        if (fillOf(current)?.toUpperCase() !== m.mark.toUpperCase()) continue;
        const fill = book.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
        if (m.previous === null) fill.clear();
        else fill.color = m.previous;
      }
      book.settings.add(MARKS_SETTING, JSON.stringify(next));
      await context.sync();
      this.marks = next;
    });
  }

  /* ---------- select ---------- */

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      if (!sheetMissing(error)) throw error;
      throw new ActionError({
        vi: `Không tìm thấy trang "${sheet}" để chọn ô ${cell}: trang đã bị đổi tên hoặc xóa.`,
        en: `Sheet "${sheet}" was not found to select ${cell}: it was renamed or deleted.`,
      });
    }
  }
}

/* ---------- helpers ---------- */

/** Features above ExcelApi 1.7 the write uses where this Excel has them (Office.context.requirements). */
interface Capabilities {
  /** ExcelApi 1.8: data validation. */
  validation: boolean;
  /** ExcelApi 1.9: RangeAreas (worksheet.getRanges); without it one call per rectangle. */
  rangeAreas: boolean;
  /** ExcelApi 1.9: getCellProperties, each cell's locked state. */
  cellProperties: boolean;
  /** ExcelApi 1.9: page layout (paper, orientation, print titles and area, margins). */
  pageLayout: boolean;
  /** ExcelApi 1.9: suspending screen updating while the batch runs. */
  screenUpdating: boolean;
  /** ExcelApi 1.9: indent levels. */
  indent: boolean;
}

/** What a write left undone on an older Excel, in the person's words (the pane lists them). */
export const SKIPPED = {
  validation: {
    vi: 'Không đặt kiểm tra dữ liệu nhập (danh sách chọn, giới hạn điểm) vì Excel này thiếu ExcelApi 1.8; giới hạn vẫn được kiểm tra khi bấm Kiểm tra.',
    en: 'Data validation (lists, score bounds) was not set: this Excel lacks ExcelApi 1.8; bounds are still checked by Check.',
  },
  pageLayout: {
    vi: 'Không đặt khổ giấy, hướng in, vùng in và tiêu đề in vì Excel này thiếu ExcelApi 1.9; hãy đặt trong Bố trí Trang trước khi in.',
    en: 'Paper, orientation, print area and titles were not set: this Excel lacks ExcelApi 1.9; set them in Page Layout before printing.',
  },
  indent: {
    vi: 'Không thụt lề các tiêu chí con vì Excel này thiếu ExcelApi 1.9.',
    en: 'Sub-criteria were not indented: this Excel lacks ExcelApi 1.9.',
  },
  cellProperties: {
    vi: 'Excel này thiếu ExcelApi 1.9 nên ô nhập được nhận biết theo mẫu, không theo khoá ô trong sổ tính.',
    en: 'This Excel lacks ExcelApi 1.9: input cells are known from the template, not from the cells’ lock state.',
  },
} as const satisfies Record<string, Bilingual>;

/** The plan's chart drawn by Excel itself (ExcelApi 1.1; the categories through ExcelApi 1.7). */
function chartOp(sheet: string, chart: ChartPlan): Op {
  const values = splitAddress(chart.values);
  const categories = splitAddress(chart.categories);
  return {
    bytes: jsonBytes(chart) + 6 * CALL_BYTES,
    apply: (ctx) => {
      const book = ctx.workbook;
      const host = book.worksheets.getItem(sheet);
      const source = book.worksheets.getItem(values.sheet || sheet).getRange(values.ref);
      const made = host.charts.add(
        chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered',
        source,
        'Columns',
      );
      made.name = chart.title.slice(0, 31);
      made.title.text = chart.title;
      made.title.format.font.bold = true;
      if (chart.font) made.format.font.name = chart.font;
      made.legend.visible = false;
      const series = made.series.getItemAt(0);
      series.name = chart.seriesName;
      series.setXAxisValues(book.worksheets.getItem(categories.sheet || sheet).getRange(categories.ref));
      if (chart.valueAxisMin !== undefined) made.axes.valueAxis.minimum = chart.valueAxisMin;
      made.setPosition(chart.from, chart.to);
    },
  };
}

/** A sheet's cells with its tables' headers and rows as cells (a table's body is written like any block). */
function sheetCells(sheet: SheetPlan): CellPlan[] {
  const out: CellPlan[] = [...sheet.cells];
  for (const t of sheet.tables ?? []) {
    const start = parseRange(t.ref);
    if (!start) continue;
    t.headers.forEach((h, c) => {
      out.push({ ref: a1(start.top, start.left + c), value: h });
    });
    t.rows.forEach((row, i) => {
      const r = start.top + 1 + i;
      for (let c = 0; c < t.headers.length; c++) {
        const f = t.formulas?.[c];
        const cell: CellPlan = { ref: a1(r, start.left + c) };
        if (f !== undefined) cell.formula = f.replace(/\{row\}/g, String(r));
        else cell.value = row[c] ?? null;
        out.push(cell);
      }
    });
  }
  return out;
}

/**
 * Response bytes per cell a read of the sheet will bring back once the plan is written (values and formulas of
 * the cells, "" for the empty ones in between), so the next read is sized before it was ever measured.
 */
function planDensity(cells: readonly CellPlan[]): number | undefined {
  const filled = positioned(cells.filter((c) => c.value !== undefined || c.formula !== undefined));
  if (filled.length === 0) return undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  let bytes = 0;
  let count = 0;
  // A table's body repeats cells the sheet lists too: the first one is what the write sends.
  const seen = new Set<number>();
  for (const { row, column, item } of filled) {
    if (seen.has(row * 16384 + column)) continue;
    seen.add(row * 16384 + column);
    count++;
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
    const value = item.formula !== undefined ? (item.result ?? '') : (item.value ?? '');
    bytes +=
      jsonBytes(value) +
      (item.formula !== undefined ? utf8Length(stripXlfn(item.formula)) + 3 : jsonBytes(value)) +
      2;
  }
  const box = (bottom - top + 1) * (right - left + 1);
  return (bytes + (box - count) * 6) / box;
}

/** Runs of adjacent columns with the same width and visibility. */
export function columnRuns(
  columns: readonly ColumnPlan[],
): { from: number; to: number; width?: number; hidden?: boolean }[] {
  const runs: { from: number; to: number; width?: number; hidden?: boolean }[] = [];
  for (const c of [...columns].sort((a, b) => a.index - b.index)) {
    const last = runs.at(-1);
    if (last && last.to + 1 === c.index && last.width === c.width && !last.hidden === !c.hidden)
      last.to = c.index;
    else runs.push({ from: c.index, to: c.index, width: c.width, hidden: c.hidden });
  }
  return runs;
}

function tableAddress(t: TablePlan): string | undefined {
  const start = parseRange(t.ref);
  if (!start) return undefined;
  return `${a1(start.top, start.left)}:${a1(start.top + Math.max(t.rows.length, 1), start.left + t.headers.length - 1)}`;
}

/** The plan cells of one sheet as they are now: values and locked state over the rectangle they span. */
/**
 * Why a cell the plan names is left as it is, or undefined to write it. What a person typed wins: a value
 * in an input cell differing from the plan, a formula typed in an input cell (kept as a formula; Excel
 * always holds its value), a value typed over a formula cell of the template.
 */
function keptOnSheet(held: ReturnType<Inspection['at']>, cell: CellPlan): KeptReason | 'same' | undefined {
  if (!held) return undefined;
  if (held.locked === false) {
    if (held.formula !== undefined) {
      if (cell.formula !== undefined) return 'formula';
      return cell.value === null || sameValue(held.value, cell.value) ? 'same' : 'formula';
    }
    return !sameValue(held.value, cell.value ?? null) && held.value !== '' ? 'typed' : undefined;
  }
  if (cell.formula !== undefined && held.formula === undefined && held.value !== '' && held.value !== null)
    return 'overFormula';
  return undefined;
}

class Inspection {
  readonly cells: number;
  private readonly box: { top: number; left: number; rows: number; columns: number } | undefined;
  private values: Excel.Range | undefined;
  private locked: OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined;
  /** The notes now on the cells the plan gives a note (when notes are written). */
  private readonly noteRefs: string[];
  private readonly heldNotes = new Map<string, Excel.Note>();
  private readonly planLocked = new Map<string, boolean>();

  constructor(
    private readonly context: Context,
    readonly sheet: string,
    planCells: readonly CellPlan[],
    notes: boolean,
    /** ExcelApi 1.9: each cell's locked state; without it the plan says which cells are inputs. */
    private readonly cellProperties = true,
  ) {
    for (const c of planCells) this.planLocked.set(c.ref, c.style?.locked !== false);
    this.noteRefs = notes
      ? planCells.filter((c) => c.note !== undefined && parseA1(c.ref)).map((c) => c.ref)
      : [];
    const cells = positioned(planCells.filter((c) => c.value !== undefined || c.formula !== undefined));
    if (cells.length === 0) {
      this.cells = 0;
      return;
    }
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.column));
    const rows = Math.max(...cells.map((c) => c.row)) - top + 1;
    const columns = Math.max(...cells.map((c) => c.column)) - left + 1;
    this.box = { top, left, rows, columns };
    this.cells = rows * columns;
  }

  queue(): void {
    const notes = this.context.workbook.worksheets.getItem(this.sheet).notes;
    for (const ref of this.noteRefs) this.heldNotes.set(ref, notes.getItemOrNullObject(ref).load('content'));
    if (!this.box) return;
    const { top, left, rows, columns } = this.box;
    const range = this.context.workbook.worksheets
      .getItem(this.sheet)
      .getRangeByIndexes(top - 1, left - 1, rows, columns);
    this.values = range.load('values, formulas');
    if (this.cellProperties) this.locked = range.getCellProperties({ format: { protection: true } });
  }

  /** The note on a cell now: its text, null for none, undefined when not inspected. */
  note(ref: string): string | null | undefined {
    const held = this.heldNotes.get(ref);
    if (!held) return undefined;
    return held.isNullObject ? null : held.content;
  }

  at(ref: string): { value: unknown; formula?: string; locked: boolean | undefined } | undefined {
    const at = parseRange(ref);
    if (!at || !this.box || !this.values || (this.cellProperties && !this.locked)) return undefined;
    const r = at.top - this.box.top;
    const c = at.left - this.box.left;
    const value = this.values.values[r]?.[c];
    const formula = this.values.formulas[r]?.[c];
    return {
      value,
      ...(typeof formula === 'string' && formula.startsWith('=') ? { formula } : {}),
      locked: this.locked
        ? this.locked.value[r]?.[c]?.format?.protection?.locked
        : (this.planLocked.get(ref) ?? true),
    };
  }
}

function toSnapshot(
  name: string,
  rowIndex: number,
  columnIndex: number,
  values: unknown[][],
  formulas: unknown[][],
): SheetSnapshot {
  const outValues: CellValue[][] = [];
  const outFormulas: (string | null)[][] = [];
  for (let r = 0; r < rowIndex; r++) {
    outValues.push([]);
    outFormulas.push([]);
  }
  values.forEach((row, r) => {
    const vRow: CellValue[] = new Array(columnIndex).fill(null);
    const fRow: (string | null)[] = new Array(columnIndex).fill(null);
    row.forEach((v, c) => {
      vRow.push(v === '' || v === undefined ? null : (v as CellValue));
      const f = formulas[r]?.[c];
      fRow.push(typeof f === 'string' && f.startsWith('=') ? f.slice(1) : null);
    });
    outValues.push(vRow);
    outFormulas.push(fRow);
  });
  return { name, values: outValues, formulas: outFormulas, tables: [] };
}

function protectOp(name: string): Op {
  return {
    bytes: 128,
    apply: (ctx) =>
      ctx.workbook.worksheets.getItem(name).protection.protect({
        allowFormatCells: true,
        allowFormatColumns: true,
        allowFormatRows: true,
        allowSort: true,
        allowAutoFilter: true,
      }),
  };
}

function parseMarks(value: unknown): StoredMark[] {
  try {
    const parsed = typeof value === 'string' ? JSON.parse(value) : value;
    return Array.isArray(parsed)
      ? parsed.filter(
          (m): m is StoredMark =>
            typeof m?.sheet === 'string' && typeof m?.cell === 'string' && typeof m?.mark === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

const severityRank = (mark: string): number => Object.values(MARK_FILL).indexOf(mark);

const SEVERITY_ORDER: Issue['severity'][] = ['error', 'warning', 'info'];
const NOTE_PREFIX: Record<Issue['severity'], string> = { error: 'Lỗi', warning: 'Lưu ý', info: 'Thông tin' };

/** The note a mark writes: one line per issue on the cell, most severe first (the file host's wording). */
export function issueNote(issues: readonly Issue[]): string {
  return [...issues]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
    .map((i) => `${NOTE_PREFIX[i.severity]} (Thi đua): ${i.message}`)
    .join('\n');
}

/** For messages: a sheet-qualified reference. */
export const cellName = (sheet: string, cell: string): string => `${quoteSheet(sheet)}!${cell}`;
