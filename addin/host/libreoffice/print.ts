/**
 * A plan written as .xlsx by the file host, then printed to PDF beside it when LibreOffice is installed.
 * The .xlsx is always written; a missing or failing LibreOffice only means no PDF, said in `pdfSkipped`.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Bilingual } from '../../../core';
import type { WorkbookPlan } from '../../../templates/plan';
import { type ClaimedOutput, claimOutputs } from '../fs';
import { convertToPdf, type ConvertOptions } from './convert';
import { ToolFailedError, ToolMissingError } from './errors';

export interface PrintedFiles {
  xlsx: string;
  pdf?: string;
  /** Why there is no PDF (LibreOffice missing or failed). */
  pdfSkipped?: Bilingual;
}

/** The PDF path that goes with an .xlsx path: same folder, same name. */
export const pdfPathFor = (xlsxPath: string): string =>
  join(dirname(xlsxPath), `${basename(xlsxPath, extname(xlsxPath))}.pdf`);

/**
 * The .xlsx and its .pdf through the guarded write path: both claimed before anything is written (an existing
 * one, or the input, refused), the .xlsx committed first, then the PDF printed into a staging folder beside
 * it and renamed into place; a PDF that cannot be made leaves no file and is said in `pdfSkipped`.
 */
export async function writeWorkbookWithPdf(
  plan: WorkbookPlan,
  xlsxPath: string,
  options: ConvertOptions & { pdf?: boolean; force?: boolean; inputs?: readonly string[] } = {},
): Promise<PrintedFiles> {
  const guard = { ...(options.force ? { force: true } : {}), inputs: options.inputs ?? [] };
  const [xlsx, pdf] = await claimOutputs([
    { path: xlsxPath, options: guard },
    ...(options.pdf === false ? [] : [{ path: pdfPathFor(xlsxPath), options: guard }]),
  ]);
  return printClaimed(plan, xlsx!, pdf, options);
}

/** The same on outputs already claimed (a command claims them before reading its input). */
export async function printClaimed(
  plan: WorkbookPlan,
  xlsx: ClaimedOutput,
  pdf: ClaimedOutput | undefined,
  options: ConvertOptions = {},
): Promise<PrintedFiles> {
  try {
    // exceljs with the writer only: a command that prints nothing never loads it.
    const { planToBytes } = await import('../xlsx/workbook-files');
    await xlsx.write((await planToBytes(plan)).bytes);
    await xlsx.commit();
  } catch (error) {
    await Promise.all([xlsx.abort(), pdf?.abort()]);
    throw error;
  }
  if (!pdf) return { xlsx: xlsx.path };
  try {
    const staging = await pdf.stagingDir();
    const made = await convertToPdf(xlsx.path, staging, { ...options, workParent: staging });
    await pdf.adopt(made);
    await pdf.commit();
    return { xlsx: xlsx.path, pdf: pdf.path };
  } catch (error) {
    await pdf.abort();
    if (error instanceof ToolMissingError) {
      return {
        xlsx: xlsx.path,
        pdfSkipped: {
          vi: `Không tạo PDF: cần LibreOffice để in ra PDF (${error.text.vi}). Tệp .xlsx vẫn đã được ghi.`,
          en: `No PDF: LibreOffice is needed to print to PDF (${error.text.en}). The .xlsx was written.`,
        },
      };
    }
    if (error instanceof ToolFailedError) {
      return {
        xlsx: xlsx.path,
        pdfSkipped: {
          vi: `Không tạo được PDF: ${error.text.vi} Tệp .xlsx vẫn đã được ghi.`,
          en: `The PDF could not be made: ${error.text.en} The .xlsx was written.`,
        },
      };
    }
    throw error;
  }
}
