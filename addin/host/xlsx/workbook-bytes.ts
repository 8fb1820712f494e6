/**
 * The actions' WorkbookFiles over exceljs, with no Node APIs (the standalone page and the task pane run it in
 * the browser; the CLI in Node): a plan as a new workbook's bytes; a file's bytes as a
 * snapshot, repaired when another program saved it, with what the file itself needs said.
 */
import type ExcelJS from 'exceljs';
import { makeIssue } from '../../../core';
import type { WorkbookPlan } from '../../../templates/plan';
import { ActionError } from '../../app/actions';
import type { FileIn, OpenedWorkbook, WorkbookFiles } from '../../app/files';
import { planPackage } from './write/plan-package';
import { checkXlsxBytes } from './check-bytes';
import { WorkbookFileError } from './file-error';
import { damagedFile, loadWorkbookBytes, normalisedNotice } from './load';
import { snapshotWorkbook } from './snapshot';
import { typedFormulasWithoutValue } from './typed-formulas';

/** A plan as a new workbook's bytes, straight from the plan (./write; fflate deflates in the browser). */
export async function planBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  return planPackage(plan).bytes;
}

export async function openWorkbookBytes(file: FileIn): Promise<OpenedWorkbook> {
  let workbook: ExcelJS.Workbook;
  try {
    // The command line's limits hold on the page too: too large, a zip bomb, a DTD, not a workbook.
    await checkXlsxBytes(file.bytes, file.name);
    workbook = await loadWorkbookBytes(file.bytes, file.name);
  } catch (error) {
    // The reader's own words name the file and its part; a library's text never reaches the person.
    if (error instanceof WorkbookFileError) throw new ActionError(error.text);
    throw new ActionError(damagedFile(file.name).text);
  }
  const issues = typedFormulasWithoutValue(workbook);
  const notice = normalisedNotice(workbook);
  if (notice) issues.push(makeIssue('info', 'workbook.package.normalised', notice, {}));
  return { snapshot: snapshotWorkbook(workbook, file.name), issues };
}

export const xlsxFiles: WorkbookFiles = { planBytes, open: openWorkbookBytes };
