/**
 * Node-only file reading and writing for the file host. A workbook is refused before exceljs sees it when
 * it is not .xlsx, larger than MAX_FILE_BYTES, or a zip whose declared uncompressed size is over
 * MAX_UNCOMPRESSED_BYTES (a zip bomb): the check reads the zip's directory with jszip, not the contents.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Bilingual } from '../../../core';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

export class WorkbookFileError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

export async function checkXlsxBytes(bytes: Uint8Array, name: string): Promise<void> {
  if (bytes.byteLength > MAX_FILE_BYTES)
    throw new WorkbookFileError({
      vi: `Tệp ${name} lớn ${(bytes.byteLength / 1048576).toFixed(1)} MB, quá giới hạn ${MAX_FILE_BYTES / 1048576} MB.`,
      en: `File ${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit.`,
    });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookFileError({
      vi: `Tệp ${name} không phải là sổ Excel .xlsx hợp lệ (không mở được dạng nén).`,
      en: `File ${name} is not a valid .xlsx workbook (not a readable zip).`,
    });
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
  }
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new WorkbookFileError({
      vi: `Tệp ${name} khi giải nén lớn ${Math.round(total / 1048576)} MB, quá giới hạn ${MAX_UNCOMPRESSED_BYTES / 1048576} MB; không mở.`,
      en: `File ${name} expands to ${Math.round(total / 1048576)} MB, over the ${MAX_UNCOMPRESSED_BYTES / 1048576} MB limit; not opened.`,
    });
  if (!zip.file('xl/workbook.xml'))
    throw new WorkbookFileError({
      vi: `Tệp ${name} không phải là sổ Excel .xlsx (thiếu xl/workbook.xml).`,
      en: `File ${name} is not an .xlsx workbook (no xl/workbook.xml).`,
    });
}

export async function readWorkbookFile(path: string): Promise<ExcelJS.Workbook> {
  const name = basename(path);
  if (extname(path).toLowerCase() !== '.xlsx')
    throw new WorkbookFileError({
      vi: `Tệp ${name} không phải .xlsx; Thi đua chỉ đọc sổ Excel .xlsx (lưu lại bằng Excel: File → Save As → .xlsx).`,
      en: `File ${name} is not .xlsx; Thi đua reads only .xlsx workbooks (re-save it in Excel as .xlsx).`,
    });
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new WorkbookFileError({ vi: `Không mở được tệp ${path}.`, en: `Cannot open file ${path}.` });
  }
  if (size > MAX_FILE_BYTES) await checkXlsxBytes(new Uint8Array(size), name);
  const bytes = await readFile(path);
  await checkXlsxBytes(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookFileError({
      vi: `Tệp ${name} hỏng, không đọc được (${(error as Error).message}).`,
      en: `File ${name} is damaged and cannot be read (${(error as Error).message}).`,
    });
  }
  return workbook;
}

export async function workbookBytes(
  workbook: ExcelJS.Workbook,
  post?: (bytes: Uint8Array) => Promise<Uint8Array>,
) {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return post ? post(bytes) : bytes;
}

export async function writeWorkbookFile(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new WorkbookFileError({
      vi: `Không ghi được tệp ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      en: `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    });
  }
}
