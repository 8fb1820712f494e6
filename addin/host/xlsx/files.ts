/**
 * Node-only file reading and writing for the file host. A workbook is refused before exceljs sees it when
 * it is not .xlsx, larger than MAX_FILE_BYTES, or a zip that expands past MAX_UNCOMPRESSED_BYTES (a zip
 * bomb, or more than memory allows: ./read-limits.ts): by the sizes its directory declares, then by
 * inflating the entries with a running count.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { WorkbookFileError } from './file-error';
import { type DirectRead, type KeptTexts, readSnapshotBytes } from './read/direct-read';
import { SheetTexts } from './read/row-layout';
import { type Inflate, heldInflate } from './patch/zip';
import { nodeInflate } from './write/node-deflate';

export { WorkbookFileError };
import { OutputError, type OutputOptions, writeOutput } from '../fs';

import { type XlsxLimits, checkXlsxBytes, declaredUncompressedSize, tooLarge } from './check-bytes';
import { MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES } from './read-limits';

export { MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES, type XlsxLimits, checkXlsxBytes, declaredUncompressedSize };

/**
 * A workbook file's bytes after the checks every read makes (an .xlsx, within the limits, no bomb, no DTD);
 * `name` is the file's name, for messages; `inflate`, for the direct reader, gives back the parts the check
 * inflated (up to `keep` bytes of them).
 */
export async function readWorkbookFileBytes(
  path: string,
  keep = 0,
): Promise<{ bytes: Uint8Array; name: string; inflate: Inflate }> {
  const name = basename(path);
  if (extname(path).toLowerCase() !== '.xlsx')
    throw new WorkbookFileError({
      vi: `Tệp ${name} không phải .xlsx; Thi đua chỉ đọc sổ Excel .xlsx (lưu lại bằng Excel: File → Save As → .xlsx).`,
      en: `File ${name} is not .xlsx; Thi đua reads only .xlsx workbooks (re-save it in Excel as .xlsx).`,
    });
  // Read at once, not through the thread pool: a merge's worker reads 63 files, and each hop of an
  // asynchronous read (stat, open, read, close) left it waiting.
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new WorkbookFileError({ vi: `Không mở được tệp ${path}.`, en: `Cannot open file ${path}.` });
  }
  if (size > MAX_FILE_BYTES) throw tooLarge(name, size, MAX_FILE_BYTES);
  // A folder named .xlsx or an unreadable file: the system's error, which the commands put in words.
  const bytes = new Uint8Array(readFileSync(path));
  const { kept } = await checkXlsxBytes(bytes, name, {}, { bounded: nodeInflate, keep });
  return { bytes, name, inflate: kept.size ? heldInflate(bytes, kept, nodeInflate) : nodeInflate };
}

/**
 * A workbook file as an exceljs workbook, for the commands that write into it (or a copy of it). Packages
 * saved by other programs are repaired first; a damaged part is named (./load.ts).
 */
export async function readWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  const { bytes, name } = await readWorkbookFileBytes(path);
  // exceljs is loaded only by the commands that write a workbook: the readers never import it.
  const { loadWorkbookBytes } = await import('./load');
  return loadWorkbookBytes(bytes, name);
}

/**
 * A workbook file as the snapshot the readers take, without exceljs (./read/direct-read.ts): what every
 * command that only reads a workbook uses.
 */
export async function readWorkbookSnapshotFile(
  path: string,
  options: { keepTexts?: boolean } = {},
): Promise<DirectRead & { bytes: Uint8Array; texts?: Map<string, string> }> {
  const { bytes, name, inflate } = await readWorkbookFileBytes(path, KEEP_FOR_READER);
  if (!options.keepTexts) return { ...readSnapshotBytes(bytes, name, inflate), bytes };
  const keep: KeptTexts = { texts: new SheetTexts(), budget: KEEP_TEXTS };
  return { ...readSnapshotBytes(bytes, name, inflate, keep), bytes, texts: keep.texts };
}

/**
 * The worksheets' texts are kept for a patch of the file just read (`keepTexts`) when they are this many bytes
 * or fewer: a 63-unit workbook's are 23 MB; a 700-unit one's 260 MB are inflated again by the patch.
 */
const KEEP_TEXTS = 32 * 1024 * 1024;

/**
 * What the check may keep inflated for the reader: a 63-unit workbook's parts are 23 MB; a 700-unit one's
 * 260 MB are inflated again, part by part, rather than held at once.
 */
const KEEP_FOR_READER = 64 * 1024 * 1024;

export async function workbookBytes(
  workbook: ExcelJS.Workbook,
  post?: (bytes: Uint8Array) => Promise<Uint8Array>,
) {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return post ? post(bytes) : bytes;
}

/**
 * One whole workbook file through the guarded write path (never over an existing file unless `force`, never
 * partial); its refusals and failures come back as WorkbookFileError for the callers that expect it.
 */
export async function writeWorkbookFile(
  path: string,
  bytes: Uint8Array,
  options: OutputOptions = {},
): Promise<void> {
  try {
    await writeOutput(path, bytes, options);
  } catch (error) {
    if (error instanceof OutputError) throw new WorkbookFileError(error.text);
    throw error;
  }
}
