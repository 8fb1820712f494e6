/** Writing plans to .xlsx with the file host, recalculating them in LibreOffice, reading them back. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { recalculateWorkbooks } from '../../addin/host/libreoffice';
import { applyPlanToWorkbook } from '../../addin/host/xlsx/apply';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import type { CellValue, WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';

export async function writePlan(plan: WorkbookPlan, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await applyPlanToWorkbook(wb, plan, 'create');
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * The engine's values, read independently of the product's reader: a formula cell's value is `cell.result`.
 * (exceljs's `cell.value` drops a falsy result — 0, false, "" — from formula cells: reading through it, a
 * SUMIFS that LibreOffice computed as 0 would look blank.)
 */
export async function readSnapshot(path: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const snapshot = snapshotWorkbook(wb, path);
  for (const sheet of snapshot.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    for (const [r, row] of (sheet.formulas ?? []).entries()) {
      for (const [c, formula] of row.entries()) {
        if (formula === null) continue;
        const result = ws.getCell(r + 1, c + 1).result as unknown;
        sheet.values[r]![c] =
          result === undefined || result === null
            ? null
            : typeof result === 'object' && 'error' in (result as object)
              ? String((result as { error: unknown }).error)
              : (result as CellValue);
      }
    }
  }
  return snapshot;
}

/**
 * Writes each plan, recalculates all of them with one LibreOffice start, returns the engine's snapshots and
 * the recalculated files (saved by LibreOffice, as a member who edits in LibreOffice would return them).
 */
export async function recalculatePlans(
  plans: readonly WorkbookPlan[],
  dir: string,
): Promise<{ path: string; snapshot: WorkbookSnapshot }[]> {
  const inputs: string[] = [];
  for (const [i, plan] of plans.entries()) {
    const path = join(dir, `workbook-${i + 1}.xlsx`);
    await writePlan(plan, path);
    inputs.push(path);
  }
  const outputs = await recalculateWorkbooks(inputs, join(dir, 'recalculated'));
  return Promise.all(outputs.map(async (path) => ({ path, snapshot: await readSnapshot(path) })));
}
