/** What the standalone page holds while a workbook is open: its name, the actions over it, and its bytes. */
import type { Bilingual } from '../../core';
import type { AppActions } from '../app/actions';

export interface FileSession {
  /** The file name shown and used for the download. */
  name: string;
  /** True for a new, empty workbook (the page starts on the create view). */
  blank: boolean;
  actions: AppActions;
  /** What was normalised in a file another program saved (shown while it is open). */
  notice?: Bilingual;
  /** The workbook as it is now (after the actions' writes), as .xlsx bytes. */
  save(): Promise<Blob>;
}

export interface SessionOpener {
  open(file: File): Promise<FileSession>;
  /** An empty workbook, for creating one from a template. */
  blank(): Promise<FileSession>;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Only .xlsx: the file host reads Office Open XML, not .xls or .ods (LibreOffice saves .xlsx on request). */
export const isXlsx = (file: { name: string; type: string }): boolean =>
  /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME;

/** The download's name: the opened name, marked as a result, never the same name as the original. */
export function resultFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return /-ket-qua$/.test(base) ? `${base}.xlsx` : `${base}-ket-qua.xlsx`;
}

export { XLSX_MIME };
