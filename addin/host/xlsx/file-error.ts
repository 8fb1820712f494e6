/** A workbook file that cannot be read or written, with the one-line message shown (no Node APIs). */
import type { Bilingual } from '../../../core';

export class WorkbookFileError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

const RESAVE = {
  vi: 'Hãy mở và lưu lại bằng Excel (hoặc LibreOffice Calc, chọn định dạng .xlsx), hoặc dùng bản sao lưu.',
  en: 'Open and re-save it in Excel (or LibreOffice Calc, as .xlsx), or use a backup.',
};

export function damagedPart(name: string, part: string, why: Bilingual): WorkbookFileError {
  return new WorkbookFileError({
    vi: `Tệp ${name} bị hỏng, không đọc được: phần ${part} ${why.vi}. ${RESAVE.vi}`,
    en: `File ${name} is damaged and cannot be read: its part ${part} ${why.en}. ${RESAVE.en}`,
  });
}

export function damagedFile(name: string): WorkbookFileError {
  return new WorkbookFileError({
    vi: `Tệp ${name} bị hỏng, không đọc được (gói .xlsx bị cắt ngắn, hư hoặc không đúng chuẩn). ${RESAVE.vi}`,
    en: `File ${name} is damaged and cannot be read (the .xlsx package is cut short, corrupted or not standard). ${RESAVE.en}`,
  });
}

export const NOT_XML = {
  vi: 'không phải XML hợp lệ (bị cắt ngắn hoặc bị sửa)',
  en: 'is not valid XML (cut short or altered)',
};

/** A relationship names a part the package does not hold. */
export function missingPart(name: string, part: string, from: string): WorkbookFileError {
  return damagedPart(name, part, {
    vi: `được ${from} tham chiếu nhưng không có trong tệp`,
    en: `is referenced by ${from} but missing from the file`,
  });
}
