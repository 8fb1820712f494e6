/**
 * Bytes of an .xlsx into an exceljs workbook, whichever program saved it: the package is repaired first
 * (./package-repair.ts) and what was normalised is remembered with the workbook, to be told when the
 * workbook is written. A file that cannot be read is a WorkbookFileError naming the damaged part and what
 * to do, never the library's text. No Node APIs (the standalone page loads through here too).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Bilingual } from '../../../core';
import { NOT_XML, type WorkbookFileError, damagedFile, damagedPart, missingPart } from './file-error';
import { MissingPartError, type Normalisation, repairPackage } from './package-repair';
import { malformedPart } from './xml-damage';

export { damagedFile, damagedPart };

const NORMALISED = new WeakMap<ExcelJS.Workbook, { name: string; list: Normalisation[] }>();

/** Why exceljs could not load the package, by part when one is found damaged. */
async function loadFailure(bytes: Uint8Array, name: string): Promise<WorkbookFileError> {
  try {
    const part = await malformedPart(await JSZip.loadAsync(bytes));
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
  if (list.length > 0) NORMALISED.set(workbook, { name, list });
  return workbook;
}

/** What was normalised in the package `workbook` was loaded from, as one notice; undefined when nothing. */
export function normalisedNotice(workbook: ExcelJS.Workbook): Bilingual | undefined {
  const entry = NORMALISED.get(workbook);
  if (!entry) return undefined;
  const vi: string[] = [];
  const en: string[] = [];
  const renamed = entry.list.filter((n) => n.kind === 'partRenamed');
  if (renamed.length > 0) {
    const shown = renamed.slice(0, 2).map((n) => `${n.from} → ${n.to}`);
    const list = shown.join(', ') + (renamed.length > 2 ? ', …' : '');
    vi.push(`${renamed.length} phần đổi sang tên Excel dùng (${list})`);
    en.push(`${renamed.length} parts renamed as Excel names them (${list})`);
  }
  for (const n of entry.list) {
    if (n.kind === 'partRenamed') continue;
    if (n.kind === 'booleans') {
      vi.push(
        `giá trị đúng/sai ghi "true"/"false" trong ${n.parts} phần đổi thành "1"/"0" (giữ ô mở khoá, dòng ẩn)`,
      );
      en.push(
        `true/false values written "true"/"false" in ${n.parts} parts written "1"/"0" (keeps unlocked cells, hidden rows)`,
      );
    } else if (n.kind === 'themeAdded') {
      vi.push('thêm bộ màu (theme) mặc định vì tệp không có');
      en.push('the default theme added, the file had none');
    } else if (n.kind === 'absoluteTargets') {
      vi.push(`${n.count} đường dẫn tuyệt đối giữa các phần đổi thành tương đối`);
      en.push(`${n.count} absolute paths between parts made relative`);
    } else if (n.kind === 'drawingPrefix') {
      vi.push(`${n.parts.length} phần hình vẽ ghi lại với tiền tố chuẩn (${n.parts.join(', ')})`);
      en.push(`${n.parts.length} drawing parts rewritten with the usual prefix (${n.parts.join(', ')})`);
    } else {
      const list = n.tables.slice(0, 5).join(', ') + (n.tables.length > 5 ? ', …' : '');
      vi.push(`${n.tables.length} bảng không có kiểu bảng được ghi rõ "không kiểu" (${list})`);
      en.push(`${n.tables.length} tables without a table style marked "no style" (${list})`);
    }
  }
  return {
    vi: `Tệp ${entry.name} do chương trình khác lưu; Thi đua đã chuẩn hoá gói tệp để ghi được, nội dung các ô không đổi: ${vi.join('; ')}.`,
    en: `File ${entry.name} was saved by another program; Thi đua normalised its package so it can be written, cell contents unchanged: ${en.join('; ')}.`,
  };
}
