/** Failures of the external office tools, as bilingual text the CLI prints in one line. */
import type { Bilingual } from '../../../core';

/** The tool is not installed (or not where we looked): the caller can go on without it (e.g. .xlsx without .pdf). */
export class ToolMissingError extends Error {
  constructor(
    readonly tool: 'libreoffice' | 'poppler',
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = 'ToolMissingError';
  }
}

/** The tool ran but failed, timed out, or produced nothing. */
export class ToolFailedError extends Error {
  constructor(
    readonly tool: 'libreoffice' | 'poppler',
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = 'ToolFailedError';
  }
}

export const libreOfficeMissing = (): ToolMissingError =>
  new ToolMissingError('libreoffice', {
    vi: 'Không tìm thấy LibreOffice (lệnh soffice): cần LibreOffice để tính lại công thức và xuất PDF. Cài gói libreoffice-calc (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui) hoặc đặt biến THIDUA_SOFFICE trỏ tới soffice.',
    en: 'LibreOffice (the soffice command) was not found: it is needed to recalculate formulas and to write PDF. Install libreoffice-calc (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui) or set THIDUA_SOFFICE to the soffice path.',
  });

export const popplerMissing = (program: string): ToolMissingError =>
  new ToolMissingError('poppler', {
    vi: `Không tìm thấy ${program} (gói poppler-utils): cần nó để chuyển PDF sang ảnh hoặc văn bản.`,
    en: `${program} (poppler-utils) was not found: it is needed to turn a PDF into images or text.`,
  });
