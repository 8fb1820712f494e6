/**
 * Node-side jobs of the file host: a document written as a new cluster workbook, and results written into a
 * COPY of an existing workbook (update mode: typed inputs are never overwritten; the input file is not touched).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import type { ClusterDocument } from '../../../core';
import {
  type BuildOptions,
  type ComputationLike,
  deferredClusterWorkbook,
} from '../../../templates/build/cluster';
import { localDateTime } from '../../../templates/layouts/cells';
import { a1, parseRange } from '../../../templates/layouts/a1';
import { type SheetNames, STAGE_TEXT, TABLE } from '../../../templates/layouts/cluster';
import { type DeferredWorkbookPlan, type WorkbookSnapshot, madeWorkbookPlan } from '../../../templates/plan';
import { workbookSheetNames } from '../../../templates/read/sheet-names';
import type { WriteReport } from '../../app/host';
import { applyPlanToWorkbook } from './apply';
import { addPlanCharts } from './chart';
import { readWorkbookFile, readWorkbookSnapshotFile, workbookBytes, writeWorkbookFile } from './files';
import { nodeDeflate, nodeDeflateLater, nodeInflate } from './write/node-deflate';
import { planPackage, planPackageLater } from './write/plan-package';
import { normalisedNotice } from './normalised';
import { patchResultsLater } from './patch';
import { snapshotWorkbook } from './snapshot';

/** A plan as a new workbook's bytes: straight from the plan (./write), deflated by node's zlib. */
/**
 * A plan as a new workbook's bytes. The large parts are deflated on zlib's thread pool while the next is
 * written, unless `coresBusy` (the CLI's two threads both writing: a third thread then only costs time).
 */
export async function planToBytes(
  plan: DeferredWorkbookPlan,
  coresBusy = false,
): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  return coresBusy
    ? planPackage(plan, { deflate: nodeDeflate })
    : planPackageLater(plan, { deflate: nodeDeflateLater });
}

/** A new cluster workbook's bytes (written by the caller, through the guarded write path). */
export function clusterWorkbookBytes(
  doc: ClusterDocument,
  computation?: ComputationLike,
  options: BuildOptions & { coresBusy?: boolean } = {},
): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  // Scorecards made as the writer comes to them.
  return planToBytes(deferredClusterWorkbook(doc, computation, options), options.coresBusy);
}

export async function writeClusterWorkbook(
  path: string,
  doc: ClusterDocument,
  computation?: ComputationLike,
  options: BuildOptions = {},
): Promise<{ bytes: number; report: WriteReport }> {
  const { bytes, report } = await clusterWorkbookBytes(doc, computation, options);
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
  const { bytes, report } = await resultsCopyBytes(input, doc, computation, now);
  await writeWorkbookFile(output, bytes, { inputs: [input] });
  return report;
}

/**
 * What a copy of `input` is written from, when the caller has read it already: the exceljs workbook (then
 * the file is not parsed a second time, and the workbook is written into: the caller must not use it
 * afterwards), the snapshot the document was read from (with the file's bytes, when held), or only the
 * sheet names read from that snapshot with the file's bytes (what the copy needs of the snapshot: a caller
 * holding a large workbook lets the snapshot go; compute -o at 700 units, issue 15).
 */
export type CopySource = ExcelJS.Workbook | HeldCopySource;

/** The input as read: its bytes, and the worksheets' texts the reader decoded from them (taken over by the patch). */
type HeldCopySource = (
  | { snapshot: WorkbookSnapshot; bytes?: Uint8Array }
  | { sheetNames: SheetNames; bytes: Uint8Array }
) & { texts?: Map<string, string> };

const isHeld = (read: CopySource): read is HeldCopySource => 'snapshot' in read || 'sheetNames' in read;

/**
 * The bytes of a copy of `input` with the results written in (update mode); the input is only read. The
 * input's package is patched where it can be (./patch: its other parts copied as they are, nothing
 * normalised); otherwise exceljs reads the whole workbook and writes it again.
 */
export async function resultsCopyBytes(
  input: string,
  doc: ClusterDocument,
  computation: ComputationLike,
  now: string,
  read?: CopySource,
  options: { patch?: boolean } = {},
): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  let held = read && isHeld(read) ? read : undefined;
  let workbook = read && !isHeld(read) ? read : undefined;
  const detail = `Từ ${basename(input)}; giai đoạn ${STAGE_TEXT[computation.result.stage]}.`;
  if (!held && !workbook) {
    // Nothing read yet: the direct reader (the limits checked first); exceljs only if the patch cannot be made.
    const { snapshot, bytes, texts } = await readWorkbookSnapshotFile(input, { keepTexts: true });
    held = { snapshot, bytes, ...(texts ? { texts } : {}) };
  }
  const sheetNames =
    held && 'sheetNames' in held
      ? held.sheetNames
      : workbookSheetNames(held?.snapshot ?? snapshotWorkbook(workbook!, basename(input)));
  // Scorecards made as the patch comes to them (the exceljs path makes them all).
  const plan = deferredClusterWorkbook(doc, computation, {
    now,
    // Renamed tabs keep their names: the results go where the person has them.
    sheetNames,
  });
  const line = { time: localDateTime(now), action: 'Tính kết quả', detail };
  const patched =
    options.patch !== false &&
    (await patchResultsLater(
      held?.bytes ?? (await readFile(input)),
      withoutLog(plan),
      {
        table: TABLE.log,
        values: [line.time, line.action, line.detail],
      },
      {
        deflate: nodeDeflate,
        later: nodeDeflateLater,
        inflate: nodeInflate,
        // Texts only of the bytes they were read from.
        ...(held?.bytes && held.texts ? { texts: held.texts } : {}),
      },
    ));
  if (patched) return patched;
  workbook ??= await readWorkbookFile(input);
  const made = madeWorkbookPlan(plan);
  const report = await applyPlanToWorkbook(workbook, withoutLog(made), 'update');
  const notice = normalisedNotice(workbook);
  if (notice) report.notices = [...(report.notices ?? []), notice];
  appendLog(workbook, line);
  // exceljs drops charts it reads: the plan's chart goes back in.
  return { bytes: await workbookBytes(workbook, (b) => addPlanCharts(b, made)), report };
}

/**
 * The log table of an existing workbook keeps its rows: the new line goes under the last one and the table
 * grows by a row (exceljs cannot add rows to a table it loaded, so its range is widened directly).
 */
function appendLog(workbook: ExcelJS.Workbook, line: { time: string; action: string; detail: string }) {
  for (const ws of workbook.worksheets) {
    const t = ws.getTable(TABLE.log) as unknown as
      | { table: { tableRef?: string; ref?: string; autoFilterRef?: string } }
      | undefined;
    if (!t) continue;
    const model = t.table;
    const range = parseRange(model.tableRef ?? model.ref ?? '');
    if (!range) return;
    const lastBlank = [0, 1, 2].every((k) => {
      const v = ws.getCell(range.bottom, range.left + k).value;
      return v === null || v === undefined || v === '';
    });
    const row = range.bottom > range.top && lastBlank ? range.bottom : range.bottom + 1;
    [line.time, line.action, line.detail].forEach((v, k) => {
      ws.getCell(row, range.left + k).value = v;
    });
    const ref = `${a1(range.top, range.left)}:${a1(row, range.right)}`;
    model.tableRef = ref;
    if (model.autoFilterRef) model.autoFilterRef = ref;
    return;
  }
}

function withoutLog<P extends DeferredWorkbookPlan>(plan: P): P {
  return {
    ...plan,
    sheets: plan.sheets.filter((s) => s.role !== 'log' && s.role !== 'meta' && s.role !== 'guide'),
  };
}
