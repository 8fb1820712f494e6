/**
 * Parity checks: what a real engine (LibreOffice) computes from the workbook's formulas against what the core
 * says. Every mismatch names sheet, cell, formula, the engine's value and the core's.
 */
import type { ClusterComputation } from '../../core';
import { matchKey } from '../../core';
import { HEADERS } from '../../templates';
import type { CellValue, WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';

export interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  engine: CellValue | undefined;
  core: CellValue | undefined;
  what: string;
}

/** Binary floating point in the engine against exact decimals in the core: equal to 1e-9 relative. */
export function sameValue(engine: CellValue | undefined, core: CellValue | undefined): boolean {
  if (typeof engine === 'number' && typeof core === 'number') {
    return Math.abs(engine - core) <= 1e-9 * Math.max(1, Math.abs(core));
  }
  const blank = (v: CellValue | undefined) => v === null || v === undefined || v === '';
  if (blank(engine) && blank(core)) return true;
  return engine === core;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function valueAt(snapshot: WorkbookSnapshot, sheet: string, ref: string): CellValue | undefined {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return undefined;
  const { row, col } = parseRef(ref);
  return s.values[row - 1]?.[col - 1];
}

export function formulaAt(snapshot: WorkbookSnapshot, sheet: string, ref: string): string | null | undefined {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  const { row, col } = parseRef(ref);
  return s?.formulas?.[row - 1]?.[col - 1];
}

/** Every formula cell of the plan: the engine's value against the `result` the builder wrote from the core. */
export function compareFormulaResults(
  plan: WorkbookPlan,
  engine: WorkbookSnapshot,
): { checked: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      checked++;
      const got = valueAt(engine, sheet.name, cell.ref);
      if (!sameValue(got, cell.result)) {
        mismatches.push({
          sheet: sheet.name,
          cell: cell.ref,
          formula: cell.formula,
          engine: got,
          core: cell.result,
          what: 'plan result',
        });
      }
    }
  }
  return { checked, mismatches };
}

/**
 * The summary sheet against computeCluster directly (not through the builder): each member's totals, ratio,
 * indicator counts and ratios, and the formula rank (RANK.EQ: 1 + members with a strictly higher score);
 * then the cluster's indicator counts.
 */
export function compareSummary(
  plan: WorkbookPlan,
  engine: WorkbookSnapshot,
  computation: ClusterComputation,
): { checked: number; mismatches: Mismatch[] } {
  const summary = plan.sheets.find((s) => s.role === 'summary');
  if (!summary) throw new Error('the plan has no summary sheet');
  const sheet = engine.sheets.find((s) => s.name === summary.name);
  if (!sheet) throw new Error(`the recalculated workbook has no sheet ${summary.name}`);
  const headerRow = sheet.values.findIndex(
    (row) => row[0] === HEADERS.summary[0] && row[1] === HEADERS.summary[1],
  );
  if (headerRow < 0) throw new Error(`no summary header on ${summary.name}`);
  const column = (header: (typeof HEADERS.summary)[number]) => {
    const c = sheet.values[headerRow]!.indexOf(header);
    if (c < 0) throw new Error(`no column "${header}" on ${summary.name}`);
    return c;
  };
  const letter = (c: number) => {
    let n = c + 1;
    let s = '';
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const result = computation.result;
  const stage = result.stage;
  const mismatches: Mismatch[] = [];
  let checked = 0;
  const check = (
    rowIndex: number,
    header: (typeof HEADERS.summary)[number],
    core: CellValue | undefined,
    what: string,
  ) => {
    const c = column(header);
    const ref = `${letter(c)}${rowIndex + 1}`;
    const got = sheet.values[rowIndex]?.[c];
    checked++;
    if (!sameValue(got, core)) {
      mismatches.push({
        sheet: summary.name,
        cell: ref,
        formula: formulaAt(engine, summary.name, ref) ?? '(no formula)',
        engine: got,
        core,
        what,
      });
    }
  };
  const rankScore = (u: (typeof result.units)[number]) =>
    (stage === 'self' ? u.self : u.verified)?.total ?? 0;
  const seen = new Set<string>();
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const name = sheet.values[r]?.[column('Đơn vị')];
    if (typeof name !== 'string' || name === '' || name === 'Toàn cụm') continue;
    const unit = result.units.find((u) => matchKey(u.unit) === matchKey(name));
    if (!unit) {
      mismatches.push({
        sheet: summary.name,
        cell: `B${r + 1}`,
        formula: '',
        engine: name,
        core: undefined,
        what: 'unknown unit',
      });
      continue;
    }
    seen.add(unit.unit);
    const at = (what: string) => `${unit.unit}: ${what}`;
    check(r, 'Điểm chuẩn', unit.standardTotal, at('standard total'));
    check(r, 'Tự chấm', unit.self?.total ?? 0, at('self total'));
    if (unit.verified) check(r, 'Thẩm định', unit.verified.total, at('verified total'));
    check(r, 'Điểm xếp hạng', rankScore(unit), at(`${stage} total used for ranking`));
    check(r, 'Tỷ lệ (%)', unit.percent, at('percent of the standard'));
    check(r, 'Điểm cộng', (stage === 'self' ? unit.self : unit.verified)?.bonus ?? 0, at('bonus'));
    check(r, 'Điểm trừ', (stage === 'self' ? unit.self : unit.verified)?.deduction ?? 0, at('deduction'));
    check(r, 'Chỉ tiêu phát sinh', unit.indicators.arising, at('indicators arising'));
    check(r, 'Chỉ tiêu đạt', unit.indicators.met, at('indicators met'));
    check(r, 'Chỉ tiêu tính vượt', unit.indicators.exceedable, at('indicators exceedable'));
    check(r, 'Chỉ tiêu vượt', unit.indicators.exceeded, at('indicators exceeded'));
    check(r, 'Tỷ lệ đạt', unit.indicators.metRatio, at('met ratio'));
    check(r, 'Tỷ lệ vượt', unit.indicators.exceededRatio, at('exceeded ratio'));
    const formulaRank = 1 + result.units.filter((o) => rankScore(o) > rankScore(unit)).length;
    check(r, 'Hạng (theo điểm)', formulaRank, at('formula rank'));
    check(r, 'Hạng (theo quy tắc)', unit.rank, at('rule rank'));
    check(r, 'Xếp loại', unit.tier, at('tier'));
  }
  for (const u of result.units) {
    if (!seen.has(u.unit)) {
      mismatches.push({
        sheet: summary.name,
        cell: '',
        formula: '',
        engine: undefined,
        core: u.unit,
        what: 'unit missing from the summary',
      });
    }
  }
  const clusterRow = sheet.values.findIndex((row) => row[column('Đơn vị')] === 'Toàn cụm');
  if (clusterRow < 0) throw new Error(`no "Toàn cụm" row on ${summary.name}`);
  const ci = result.clusterIndicators;
  check(clusterRow, 'Chỉ tiêu phát sinh', ci.arising, 'cluster: indicators arising');
  check(clusterRow, 'Chỉ tiêu đạt', ci.met, 'cluster: indicators met');
  check(clusterRow, 'Chỉ tiêu tính vượt', ci.exceedable, 'cluster: indicators exceedable');
  check(clusterRow, 'Chỉ tiêu vượt', ci.exceeded, 'cluster: indicators exceeded');
  check(clusterRow, 'Tỷ lệ đạt', ci.metRatio, 'cluster: met ratio');
  check(clusterRow, 'Tỷ lệ vượt', ci.exceededRatio, 'cluster: exceeded ratio');
  return { checked, mismatches };
}

export function mismatchReport(mismatches: readonly Mismatch[], limit = 40): string {
  const lines = mismatches
    .slice(0, limit)
    .map(
      (m) =>
        `${m.sheet}!${m.cell} [${m.what}] =${m.formula}  LibreOffice: ${JSON.stringify(m.engine)}  core: ${JSON.stringify(m.core)}`,
    );
  if (mismatches.length > limit) lines.push(`… and ${mismatches.length - limit} more`);
  return lines.join('\n');
}
