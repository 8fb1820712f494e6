/**
 * What the package repair (./package-repair.ts) normalised in a workbook exceljs loaded (./load.ts), told as
 * one notice when the workbook is written. Apart from load.ts so that the writers can ask without loading
 * exceljs (about 0,3 s of module loading per thread).
 */
import type ExcelJS from 'exceljs';
import type { Bilingual } from '../../../core';
import type { Normalisation } from './package-repair';

const NORMALISED = new WeakMap<ExcelJS.Workbook, { name: string; list: Normalisation[] }>();

export function rememberNormalised(workbook: ExcelJS.Workbook, name: string, list: Normalisation[]): void {
  NORMALISED.set(workbook, { name, list });
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
