/**
 * Node-side jobs of the file host: a document written as a new cluster workbook, and results written into a
 * COPY of an existing workbook (update mode: typed inputs are never overwritten; the input file is not touched).
 */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { ClusterDocument } from '../../../core';
import {
  type BuildOptions,
  type ComputationLike,
  buildClusterWorkbook,
} from '../../../templates/build/cluster';
import type { WorkbookPlan } from '../../../templates/plan';
import type { WriteReport } from '../../app/host';
import { applyPlanToWorkbook } from './apply';
import { addPlanCharts } from './chart';
import { readWorkbookFile, workbookBytes, writeWorkbookFile } from './files';

export async function planToBytes(plan: WorkbookPlan): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const workbook = new ExcelJS.Workbook();
  const report = await applyPlanToWorkbook(workbook, plan, 'create');
  const bytes = await workbookBytes(workbook, (b) => addPlanCharts(b, plan));
  return { bytes, report };
}

export async function writeClusterWorkbook(
  path: string,
  doc: ClusterDocument,
  computation?: ComputationLike,
  options: BuildOptions = {},
): Promise<{ bytes: number; report: WriteReport }> {
  const { bytes, report } = await planToBytes(buildClusterWorkbook(doc, computation, options));
  await writeWorkbookFile(path, bytes);
  return { bytes: bytes.byteLength, report };
}

/** Results into a copy: the input is read, never written. */
export async function writeResultsCopy(
  input: string,
  output: string,
  doc: ClusterDocument,
  computation: ComputationLike,
  now: string,
): Promise<WriteReport> {
  const workbook = await readWorkbookFile(input);
  const plan = buildClusterWorkbook(doc, computation, {
    now,
    log: [
      {
        time: now,
        action: 'Tính kết quả',
        detail: `Từ ${basename(input)}; giai đoạn ${computation.result.stage}.`,
      },
    ],
  });
  // The log table of an existing workbook keeps its rows: the new line goes after the last one.
  const report = await applyPlanToWorkbook(workbook, withoutLog(plan), 'update');
  await writeWorkbookFile(output, await workbookBytes(workbook));
  return report;
}

function withoutLog(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.filter((s) => s.role !== 'log' && s.role !== 'meta' && s.role !== 'guide'),
  };
}
