/**
 * Bytes of an .xlsx into an exceljs workbook, whichever program saved it: the package is repaired first
 * (./package-repair.ts) and what was normalised is remembered with the workbook, to be told when the
 * workbook is written. A file that cannot be read is a WorkbookFileError naming the damaged part and what
 * to do, never the library's text. No Node APIs (the standalone page loads through here too).
 */
import ExcelJS from 'exceljs';
import { loadJsZip } from './jszip';
import { NOT_XML, type WorkbookFileError, damagedFile, damagedPart, missingPart } from './file-error';
import { MissingPartError, repairPackage } from './package-repair';
import { rememberNormalised } from './normalised';
import { malformedPart } from './xml-damage';

export { normalisedNotice } from './normalised';

export { damagedFile, damagedPart };

/** Why exceljs could not load the package, by part when one is found damaged. */
async function loadFailure(bytes: Uint8Array, name: string): Promise<WorkbookFileError> {
  try {
    const part = await malformedPart(await (await loadJsZip()).loadAsync(bytes));
    if (part) return damagedPart(name, part, NOT_XML);
  } catch {
    // The zip itself is unreadable: the whole-file message says what to do.
  }
  return damagedFile(name);
}

export async function loadWorkbookBytes(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  let repaired: Awaited<ReturnType<typeof repairPackage>>;
  try {
    repaired = await repairPackage(bytes);
  } catch (error) {
    if (error instanceof MissingPartError) throw missingPart(name, error.part, error.from);
    throw await loadFailure(bytes, name);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(repaired.bytes as unknown as ArrayBuffer);
  } catch {
    throw await loadFailure(bytes, name);
  }
  const list = [...repaired.normalised];
  // A package without a theme (LibreOffice writes none): exceljs would write a workbook naming a theme
  // part it leaves out, which Excel and exceljs call damaged; without a loaded theme it writes its default.
  const held = workbook as unknown as { _themes?: Record<string, string> };
  if (!held._themes || Object.keys(held._themes).length === 0) {
    held._themes = undefined;
    list.push({ kind: 'themeAdded' });
  }
  if (list.length > 0) rememberNormalised(workbook, name, list);
  return workbook;
}
