/**
 * The plan writer (addin/host/xlsx/write) against the exceljs writer it replaces, cell by cell, on every
 * template: both files are read back by exceljs and must hold the same sheets, values, formulas, cached
 * results, styles, merges, validations, conditional formats, tables, names, print setup, protection, notes
 * and charts. The one intended difference: a table's formula column (the count sheet's "Tỷ lệ đồng ý") is
 * written as formulas, as the Office.js host writes it; exceljs left those cells empty.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { memberScorecardBuilder } from '../../../addin/app/cycle-core';
import { applyPlanToWorkbook, cellValueOf } from '../../../addin/host/xlsx/apply';
import { addPlanCharts } from '../../../addin/host/xlsx/chart';
import { loadWorkbookBytes } from '../../../addin/host/xlsx/load';
import { nodeDeflate, nodeDeflateLater } from '../../../addin/host/xlsx/write/node-deflate';
import { planPackage, planPackageLater } from '../../../addin/host/xlsx/write/plan-package';
import {
  type ClusterDocument,
  computeCluster,
  nominateAwards,
  parseClusterDocument,
  proposeRotation,
} from '../../../core';
import { largeCluster } from '../../../scripts/bench/workbook';
import { buildClusterWorkbook, deferredClusterWorkbook } from '../../../templates';
import { buildUnitScorecard } from '../../../templates/build/unit-scorecard';
import { buildDossier } from '../../../templates/dossier';
import { buildNominationWorkbook } from '../../../templates/nomination';
import type { WorkbookPlan } from '../../../templates/plan';
import { notingMakes } from './deferred-sheets';

const root = join(import.meta.dirname, '../../..');
const sample = parseClusterDocument(
  JSON.parse(readFileSync(join(root, 'templates/samples/cum-7-2022.json'), 'utf8')),
).doc as ClusterDocument;

async function exceljsBytes(plan: WorkbookPlan) {
  const workbook = new ExcelJS.Workbook();
  const report = await applyPlanToWorkbook(workbook, plan, 'create');
  const bytes = await addPlanCharts(new Uint8Array(await workbook.xlsx.writeBuffer()), plan);
  return { bytes, report };
}

/**
 * Everything a reader sees in a workbook, as plain data; loaded as the product loads a file into exceljs
 * (../../../addin/host/xlsx/load.ts), which writes a validation over several ranges as one per range with
 * its formulas moved: each cell's rule then reads as the exceljs writer's one validation per plan range.
 */
async function facts(bytes: Uint8Array) {
  const wb = await loadWorkbookBytes(bytes, 'plan.xlsx');
  const zip = await JSZip.loadAsync(bytes);
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length;
  const sheets = wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const s = cell.style ?? {};
        const entry = {
          value: cellValueOf(cell),
          formula: cell.formula || null,
          numFmt: s.numFmt ?? null,
          font: s.font ? { ...s.font } : null,
          fill: s.fill ?? null,
          alignment: s.alignment && Object.keys(s.alignment).length ? s.alignment : null,
          border: s.border && Object.keys(s.border).length ? s.border : null,
          locked: s.protection?.locked !== false,
          note: cell.note ?? null,
        };
        // Unstyled empty cells carry nothing a reader can see.
        const blank =
          entry.value === null &&
          !entry.formula &&
          !entry.numFmt &&
          !entry.font &&
          !entry.fill &&
          entry.locked;
        if (!blank || entry.note) cells[cell.address] = entry;
      }),
    );
    const rows: Record<number, unknown> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height || row.hidden) rows[n] = { height: row.height ?? null, hidden: row.hidden };
    });
    // exceljs leaves out a width of 9 (it takes it for the default, which is 8.43 in Excel): widths of 9 are
    // checked against the plan on the plan writer's file only (below).
    const columns = (ws.columns ?? []).map((c) => ({
      width: c.width === 9 ? null : (c.width ?? null),
      hidden: c.hidden ?? false,
    }));
    const widths = Object.fromEntries((ws.columns ?? []).map((c, i) => [i + 1, c.width ?? null]));
    const tables = ws.getTables().map((entry) => {
      const t = (Array.isArray(entry) ? entry[0] : entry) as unknown as {
        table: { name: string; tableRef?: string; ref: string; columns: { name: string }[] };
      };
      return {
        name: t.table.name,
        ref: t.table.tableRef ?? t.table.ref,
        columns: t.table.columns.map((c) => c.name),
      };
    });
    const ps = ws.pageSetup;
    return {
      name: ws.name,
      state: ws.state,
      tabColor: (ws.properties.tabColor as { argb?: string } | undefined)?.argb ?? null,
      frozen: (ws.views ?? [])
        .filter((v) => v.state === 'frozen')
        .map((v) => ({
          state: v.state,
          x: (v as { xSplit?: number }).xSplit ?? 0,
          y: (v as { ySplit?: number }).ySplit ?? 0,
        })),
      cells,
      rows,
      columns: columns.filter((c) => c.width !== null || c.hidden),
      merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
      validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations
        .model,
      conditional: (
        ws as unknown as {
          conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[];
        }
      ).conditionalFormattings.map((cf) => ({
        ref: cf.ref,
        rules: cf.rules.map((r) => ({
          type: r.type,
          formulae: (r as { formulae?: unknown }).formulae,
          style: r.style,
        })),
      })),
      tables,
      print: {
        paperSize: ps.paperSize ?? null,
        orientation: ps.orientation ?? null,
        fitToPage: ps.fitToPage ?? false,
        fitToWidth: ps.fitToPage ? ps.fitToWidth : null,
        fitToHeight: ps.fitToPage ? ps.fitToHeight : null,
        printArea: ps.printArea ?? null,
        printTitlesRow: ps.printTitlesRow ?? null,
        margins: ps.margins ?? null,
        footer: ws.headerFooter?.oddFooter ?? null,
      },
      widths,
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    };
  });
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[])
    .map((n) => ({ name: n.name, ranges: [...n.ranges].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    sheets,
    names,
    charts,
    properties: { title: wb.title, subject: wb.subject, creator: wb.creator, company: wb.company },
  };
}

/** The cells a table's formula column fills: written by the plan writer only (see the header). */
function tableFormulaCells(plan: WorkbookPlan): Set<string> {
  const out = new Set<string>();
  for (const s of plan.sheets)
    for (const t of s.tables ?? []) {
      if (!t.formulas) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(t.ref)!;
      const left = m[1]!.charCodeAt(0) - 64;
      const top = Number(m[2]);
      for (const c of Object.keys(t.formulas))
        for (let i = 0; i < t.rows.length; i++)
          out.add(`${s.name}!${String.fromCharCode(64 + left + Number(c))}${top + 1 + i}`);
    }
  return out;
}

async function expectSameWorkbook(plan: WorkbookPlan) {
  const direct = planPackage(plan, { deflate: nodeDeflate });
  const viaExceljs = await exceljsBytes(plan);
  expect(direct.report).toEqual(viaExceljs.report);
  const a = await facts(direct.bytes);
  const b = await facts(viaExceljs.bytes);
  const formulaCells = tableFormulaCells(plan);
  for (const sheet of a.sheets)
    for (const [ref, cell] of Object.entries(sheet.cells)) {
      if (!formulaCells.has(`${sheet.name}!${ref}`)) continue;
      expect((cell as { formula: string | null }).formula, `${sheet.name}!${ref}`).toMatch(/^IF\(/);
      const other = b.sheets.find((s) => s.name === sheet.name)!.cells;
      if (other[ref])
        (other[ref] as { formula: string | null }).formula = (cell as { formula: string }).formula;
      else other[ref] = cell;
    }
  expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
  a.sheets.forEach((sheet, i) => {
    const { widths, ...rest } = sheet;
    for (const c of plan.sheets[i]!.columns ?? [])
      if (c.width !== undefined) expect(widths[c.index], `${sheet.name} column ${c.index}`).toBe(c.width);
    const { widths: _, ...other } = b.sheets[i]!;
    expect(rest, sheet.name).toEqual(other);
  });
  expect(a.names).toEqual(b.names);
  expect(a.charts).toEqual(b.charts);
  if (!plan.properties?.creator) b.properties.creator = 'Thi đua';
  expect(a.properties).toEqual(b.properties);
  return direct;
}

const computation = computeCluster(sample);
const report = nominateAwards(sample, computation.result);

describe('the plan writer writes what the exceljs writer wrote', () => {
  it('the cluster workbook, before and after computing', async () => {
    await expectSameWorkbook(buildClusterWorkbook(sample));
    const { report: written } = await expectSameWorkbook(buildClusterWorkbook(sample, computation));
    expect(written.cellsWritten).toBeGreaterThan(1000);
  });

  it('a campaign workbook', async () => {
    await expectSameWorkbook(
      buildClusterWorkbook({
        ...sample,
        kind: 'campaign',
        title: 'Đợt thi đua cao điểm',
        period: { from: '2022-05-01', to: '2022-08-31' },
      }),
    );
  });

  it("a member's scorecard and a unit scorecard", async () => {
    const member = sample.units[1]!.name;
    await expectSameWorkbook(memberScorecardBuilder(sample, '2022-12-01T00:00:00.000Z')(member).plan);
    await expectSameWorkbook(buildUnitScorecard(sample, member));
  });

  it('the nomination sheets, the ballots and the count sheet', async () => {
    await expectSameWorkbook(
      buildNominationWorkbook(sample, report, { result: computation.result, date: '2022-12-20' }),
    );
    const dossier = buildDossier({
      doc: sample,
      result: computation.result,
      report,
      rotation: proposeRotation(sample),
      fingerprint: 'ABCD-1234-EF',
    });
    await expectSameWorkbook({
      template: { id: 't', version: '1' },
      sheets: [dossier.ballotSheet],
      names: [],
    });
    const count = dossier.countSheet;
    expect(tableFormulaCells(count).size).toBeGreaterThan(0);
    await expectSameWorkbook(count);
  });

  it('a generated 12-unit cluster with every indicator shape', async () => {
    const doc = largeCluster(12);
    await expectSameWorkbook(buildClusterWorkbook(doc, computeCluster(doc)));
  });

  it('numbers Excel cannot hold are refused and named, as before', async () => {
    const plan: WorkbookPlan = {
      template: { id: 't', version: '1' },
      sheets: [
        {
          name: 'S',
          role: 'log',
          cells: [
            { ref: 'A1', value: Number.NaN, style: { fill: 'FFEEAA' } },
            { ref: 'B1', formula: 'A1*2', result: Number.POSITIVE_INFINITY },
            { ref: 'C1', value: '=HYPERLINK("x")' },
            { ref: 'D1', value: ' lề trái\nhai dòng ' },
            { ref: 'E1', value: 'a\u0001b' },
          ],
        },
      ],
      names: [],
    };
    const { report: written } = await expectSameWorkbook(plan);
    expect(written.refused).toEqual([{ sheet: 'S', cell: 'A1', reason: 'notANumber' }]);
  });

  it('fflate alone (the page) writes the same package as node zlib', async () => {
    const plan = buildClusterWorkbook(sample, computation);
    const now = new Date('2026-12-03T00:00:00Z');
    const a = planPackage(plan, { now });
    const b = planPackage(plan, { now, deflate: nodeDeflate });
    const unzip = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const out: Record<string, string> = {};
      for (const name of Object.keys(zip.files)) out[name] = await zip.file(name)!.async('string');
      return out;
    };
    expect(await unzip(a.bytes)).toEqual(await unzip(b.bytes));
    expect(Object.keys(await unzip(a.bytes))[0]).toBe('[Content_Types].xml');
    // zlib on its thread pool while the next part is written: the same bytes, byte for byte.
    const later = await planPackageLater(plan, { now, deflate: nodeDeflateLater });
    expect(later.bytes).toEqual(b.bytes);
    expect(later.report).toEqual(b.report);
  });

  it('scorecards made as the writer comes to them: the same bytes, each made once', async () => {
    const now = new Date('2026-12-03T00:00:00Z');
    const doc = largeCluster(12);
    const comp = computeCluster(doc);
    const deferred = deferredClusterWorkbook(doc, comp, { now: '2026-12-03T00:00:00Z' });
    const { plan: counted, made } = notingMakes(deferred);
    const whole = planPackage(buildClusterWorkbook(doc, comp, { now: '2026-12-03T00:00:00Z' }), {
      now,
      deflate: nodeDeflate,
    });
    const written = planPackage(counted, { now, deflate: nodeDeflate });
    expect(made).toHaveLength(12);
    expect(written.bytes).toEqual(whole.bytes);
    expect(written.report).toEqual(whole.report);
  });
});
