/**
 * The actions' WorkbookFiles with no Node APIs and no exceljs (the standalone page and the task pane run it in
 * the browser; the CLI in Node): a plan as a new workbook's bytes, straight from the plan; a file's bytes as a
 * snapshot (the direct reader, no exceljs), with what the file itself needs said.
 */
import type { WorkbookPlan } from '../../../templates/plan';
import { ActionError } from '../../app/actions';
import type { FileIn, OpenedWorkbook, WorkbookFiles } from '../../app/files';
import { planPackage } from './write/plan-package';
import { checkXlsxBytes } from './check-bytes';
import { WorkbookFileError, damagedFile } from './file-error';
import { readSnapshotBytes } from './read/direct-read';

/** A plan as a new workbook's bytes, straight from the plan (./write; fflate deflates in the browser). */
export async function planBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  return planPackage(plan).bytes;
}

/**
 * A file opened only to be read (a member's scorecard, last year's workbook…): the direct reader, without
 * exceljs (./read/direct-read.ts). Nothing is normalised since nothing is written, so no notice says so.
 */
export async function openWorkbookBytes(file: FileIn): Promise<OpenedWorkbook> {
  try {
    // The command line's limits hold on the page too: too large, a zip bomb, a DTD, not a workbook.
    await checkXlsxBytes(file.bytes, file.name);
    return readSnapshotBytes(file.bytes, file.name);
  } catch (error) {
    // The reader's own words name the file and its part; a library's text never reaches the person.
    if (error instanceof WorkbookFileError) throw new ActionError(error.text);
    throw new ActionError(damagedFile(file.name).text);
  }
}

export const xlsxFiles: WorkbookFiles = { planBytes, open: openWorkbookBytes };
