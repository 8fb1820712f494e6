/**
 * A plan written as .xlsx by the file host, then printed to PDF beside it when LibreOffice is installed.
 * The .xlsx is always written; a missing or failing LibreOffice only means no PDF, said in `pdfSkipped`.
 */
import { dirname, join, basename, extname } from 'node:path';
import type { Bilingual } from '../../../core';
import type { WorkbookPlan } from '../../../templates/plan';
import { writeWorkbookFile } from '../xlsx/files';
import { planToBytes } from '../xlsx/workbook-files';
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

export async function writeWorkbookWithPdf(
  plan: WorkbookPlan,
  xlsxPath: string,
  options: ConvertOptions & { pdf?: boolean } = {},
): Promise<PrintedFiles> {
  await writeWorkbookFile(xlsxPath, (await planToBytes(plan)).bytes);
  if (options.pdf === false) return { xlsx: xlsxPath };
  try {
    const pdf = await convertToPdf(xlsxPath, dirname(xlsxPath), options);
    return { xlsx: xlsxPath, pdf };
  } catch (error) {
    if (error instanceof ToolMissingError) {
      return {
        xlsx: xlsxPath,
        pdfSkipped: {
          vi: `Không tạo PDF: cần LibreOffice để in ra PDF (${error.text.vi}). Tệp .xlsx vẫn đã được ghi.`,
          en: `No PDF: LibreOffice is needed to print to PDF (${error.text.en}). The .xlsx was written.`,
        },
      };
    }
    if (error instanceof ToolFailedError) {
      return {
        xlsx: xlsxPath,
        pdfSkipped: {
          vi: `Không tạo được PDF: ${error.text.vi} Tệp .xlsx vẫn đã được ghi.`,
          en: `The PDF could not be made: ${error.text.en} The .xlsx was written.`,
        },
      };
    }
    throw error;
  }
}
