/**
 * Applies a declarative workbook plan to an exceljs workbook: the file host's write. No Node APIs here
 * (the standalone page runs it in the browser). Charts are not written by exceljs: see ./chart.ts.
 *
 * Update mode writes only the cells the plan names, into the sheets that exist (missing sheets are created
 * whole), and never overwrites an unlocked input cell holding a different value: it is refused and reported.
 */
import type ExcelJS from 'exceljs';
import type { WriteMode, WriteReport } from '../../app/host';
import type { CellPlan, CellValue, SheetPlan, ValidationPlan, WorkbookPlan } from '../../../templates/plan';
import { type HeldCell, keptReason } from './kept-reason';
import { applyStyle, argb, type StyleCache, styleCache } from './styles';

/** A formula's cached result as a plan CellValue: 0, false and "" are values, only a missing result is null. */
function formulaResult(r: unknown): CellValue {
  if (r === undefined || r === null) return null;
  if (r instanceof Date) return excelSerial(r);
  if (typeof r === 'object' && 'error' in r) return String((r as { error: unknown }).error);
  if (typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean') return r;
  return String(r);
}

/** What a cell holds, as a plan CellValue (formulas: their cached result). */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  // exceljs's `value` of a formula cell leaves out a falsy result (0, false, ""): `result` keeps it. A merged
  // cell shows its master's, formula included.
  const source = cell.master;
  if (source.formula) return formulaResult(source.result);
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    if ('richText' in o && Array.isArray(o.richText))
      return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in o && 'hyperlink' in o) return String(o.text);
  }
  return String(v);
}

export function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function isInput(cell: ExcelJS.Cell): boolean {
  return cell.protection?.locked === false;
}

function writeCell(cell: ExcelJS.Cell, plan: CellPlan): void {
  if (plan.formula !== undefined) {
    const result = plan.result ?? undefined;
    cell.value = {
      formula: plan.formula,
      ...(result !== undefined && result !== '' ? { result } : { result: result ?? undefined }),
    } as ExcelJS.CellValue;
  } else if (plan.value !== undefined) {
    cell.value = plan.value as ExcelJS.CellValue;
  }
  if (plan.note !== undefined) cell.note = plan.note;
}

/** A validation's rule: its type, operator and formulas (the messages are the plan's own). */
export interface ValidationRule {
  type: ExcelJS.DataValidation['type'];
  operator?: ExcelJS.DataValidation['operator'];
  formulae: (string | number)[];
}

export function validationRule(v: ValidationPlan): ValidationRule {
  if (v.kind === 'list') {
    const formula = v.source
      ? v.source.replace(/^=/, '')
      : `"${(v.items ?? []).map((i) => i.replace(/"/g, '""')).join(',')}"`;
    return { type: 'list', formulae: [formula] };
  }
  if (v.kind === 'date')
    return { type: 'date', operator: 'between', formulae: [v.min ?? '1900-01-01', v.max ?? '9999-12-31'] };
  // Bounds given as formulas (a criterion's cell) become a custom rule: exceljs re-reads decimal bounds as
  // numbers and would turn "$C5" into NaN when a written file is loaded and saved again.
  if (typeof v.min === 'string' || typeof v.max === 'string') {
    const colon = v.range.indexOf(':');
    const ref = colon < 0 ? v.range : v.range.slice(0, colon);
    let rule = `AND(ISNUMBER(${ref})`;
    if (v.kind === 'whole') rule += `,${ref}=INT(${ref})`;
    if (v.min !== undefined) rule += `,${ref}>=${v.min}`;
    if (v.max !== undefined) rule += `,${ref}<=${v.max}`;
    return { type: 'custom', formulae: [`${rule})`] };
  }
  if (v.min !== undefined && v.max !== undefined)
    return { type: v.kind, operator: 'between', formulae: [v.min, v.max] };
  if (v.min !== undefined) return { type: v.kind, operator: 'greaterThanOrEqual', formulae: [v.min] };
  if (v.max !== undefined) return { type: v.kind, operator: 'lessThanOrEqual', formulae: [v.max] };
  return { type: v.kind, operator: 'greaterThanOrEqual', formulae: [-1e307] };
}

export function toValidation(v: ValidationPlan): ExcelJS.DataValidation {
  const rule = validationRule(v);
  const dv: ExcelJS.DataValidation = {
    allowBlank: v.allowBlank ?? false,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.error.title,
    error: v.error.message,
    type: rule.type,
    formulae: rule.formulae,
  };
  if (rule.operator) dv.operator = rule.operator;
  if (v.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = v.prompt.title;
    dv.prompt = v.prompt.message;
  }
  return dv;
}

/**
 * exceljs writes a print area "A1:H24" as "$A1:$H24" (it adds one "$" before each corner), and LibreOffice
 * ignores that relative area: "A$1:H$24" comes out absolute, "$A$1:$H$24".
 */
const exceljsArea = (area: string) =>
  area
    .split(':')
    .map((corner) => corner.replace(/\$/g, '').replace(/^([A-Z]+)(\d+)$/, '$1$$$2'))
    .join(':');

function createSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(plan.name, {
    ...(plan.tabColor ? { properties: { tabColor: { argb: argb(plan.tabColor) } } } : {}),
    ...(plan.hidden ? { state: 'hidden' as const } : {}),
    ...(plan.freeze
      ? {
          views: [
            {
              state: 'frozen' as const,
              xSplit: plan.freeze.columns,
              ySplit: plan.freeze.rows,
              showGridLines: true,
            },
          ],
        }
      : {}),
  });
  for (const c of plan.columns ?? []) {
    const col = ws.getColumn(c.index);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  for (const r of plan.rows ?? []) {
    const row = ws.getRow(r.index);
    if (r.height !== undefined) row.height = r.height;
    if (r.hidden) row.hidden = true;
  }
  for (const t of plan.tables ?? []) {
    ws.addTable({
      name: t.name,
      ref: t.ref,
      headerRow: true,
      totalsRow: t.totalsRow ?? false,
      style: {
        theme: (t.style ?? 'TableStyleLight9') as ExcelJS.TableStyleProperties['theme'],
        showRowStripes: true,
      },
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      rows: t.rows.map((row) => row.map((v) => v ?? null)),
    });
  }
  for (const m of plan.merges ?? []) ws.mergeCells(m);
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of plan.validations ?? []) validations.add(v.range, toValidation(v));
  for (const cf of plan.conditionalFormats ?? []) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [cf.formula],
          style: {
            ...(cf.style.fill
              ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) } } }
              : {}),
            ...(cf.style.font?.color ? { font: { color: { argb: argb(cf.style.font.color) } } } : {}),
          },
        },
      ],
    });
  }
  if (plan.print) {
    const p = plan.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: p.orientation,
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
      ...(p.area ? { printArea: exceljsArea(p.area) } : {}),
      margins: {
        left: p.margins?.left ?? 0.5,
        right: p.margins?.right ?? 0.5,
        top: p.margins?.top ?? 0.6,
        bottom: p.margins?.bottom ?? 0.6,
        header: 0.3,
        footer: 0.3,
      },
    };
    if (p.footer) ws.headerFooter = { oddFooter: p.footer };
  }
  return ws;
}

/** A number Excel cannot hold: written as <v>NaN</v> by exceljs, a file Excel calls damaged. */
const notANumber = (v: CellValue | undefined) => typeof v === 'number' && !Number.isFinite(v);

/** The plan's value or formula result without a number Excel cannot hold (a formula keeps its text). */
function writable(plan: CellPlan): CellPlan | undefined {
  if (notANumber(plan.value)) return undefined;
  if (notANumber(plan.result)) return { ...plan, result: null };
  return plan;
}

/** What an update reads of an exceljs cell, for the shared rule (./kept-reason.ts). */
function held(cell: ExcelJS.Cell): HeldCell {
  const current = cellValueOf(cell);
  const hasFormula = cell.type === FORMULA_TYPE;
  const empty = current === null || current === '';
  return { current, hasFormula, noCache: empty && formulaResult(cell.result) === null, input: isInput(cell) };
}

/** exceljs's ValueType.Formula (the enum is not importable as a type-only dependency). */
const FORMULA_TYPE = 6;

/** Styles and values for every planned cell; in update mode, refusing typed inputs that would change. */
function writeCells(
  ws: ExcelJS.Worksheet,
  plan: SheetPlan,
  mode: WriteMode,
  created: boolean,
  report: WriteReport,
  styles: StyleCache,
) {
  for (const planned of plan.cells) {
    const cell = ws.getCell(planned.ref);
    const c = writable(planned);
    if (!c) {
      report.refused.push({ sheet: ws.name, cell: planned.ref, reason: 'notANumber' });
      if (mode === 'update' && !created) continue;
      applyStyle(cell, planned.style, styles);
      continue;
    }
    if (mode === 'update' && !created) {
      const kept = keptReason(held(cell), c);
      if (kept === 'same') continue;
      if (kept) {
        report.refused.push({ sheet: ws.name, cell: c.ref, ...(kept === 'typed' ? {} : { reason: kept }) });
        continue;
      }
      if (c.formula === undefined && c.value === undefined) continue;
      writeCell(cell, c);
      report.cellsWritten++;
      continue;
    }
    writeCell(cell, c);
    applyStyle(cell, c.style, styles);
    report.cellsWritten++;
  }
}

export async function applyPlanToWorkbook(
  workbook: ExcelJS.Workbook,
  plan: WorkbookPlan,
  mode: WriteMode,
): Promise<WriteReport> {
  const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
  const styles = styleCache();
  if (plan.properties) {
    if (plan.properties.title) workbook.title = plan.properties.title;
    if (plan.properties.subject) workbook.subject = plan.properties.subject;
    if (plan.properties.creator) workbook.creator = plan.properties.creator;
    if (plan.properties.company) workbook.company = plan.properties.company;
  }
  for (const sheet of plan.sheets) {
    let ws = workbook.getWorksheet(sheet.name);
    let created = false;
    if (!ws) {
      ws = createSheet(workbook, sheet);
      created = true;
      report.sheetsCreated.push(sheet.name);
    }
    writeCells(ws, sheet, mode, created, report, styles);
    if (created && sheet.protect) {
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        sort: true,
        autoFilter: true,
      });
    }
  }
  for (const n of plan.names) {
    const existing = workbook.definedNames.getRanges(n.name);
    if (existing.ranges.length === 0) workbook.definedNames.add(n.ref, n.name);
  }
  return report;
}
