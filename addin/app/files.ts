/**
 * Files the actions take in and give out (members' scorecards, returned files, the nomination workbook), and
 * what turns a plan into .xlsx bytes and bytes into a snapshot. The hosts' file code implements WorkbookFiles
 * (exceljs, in Node and in the browser); the actions never touch a file system or a download themselves.
 */
import type { Issue } from '../../core';
import type { OfficialDocument } from '../../templates/dossier/model';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file given to an action (a member's returned scorecard, a cluster's .json). */
export interface FileIn {
  name: string;
  bytes: Uint8Array;
}

/** A file an action produced, ready to be saved or delivered. */
export interface FileOut {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** What it is, for the list the pane shows ("Bảng chấm điểm của VKSND tỉnh Đắk Lắk"). */
  unit?: string;
}

export interface OpenedWorkbook {
  snapshot: WorkbookSnapshot;
  /** What the file itself needs said (typed formulas without a saved value, a normalised package). */
  issues: Issue[];
}

export interface WorkbookFiles {
  /** A plan as a new workbook's .xlsx bytes (charts included). */
  planBytes(plan: WorkbookPlan): Promise<Uint8Array>;
  /** An .xlsx file read (repaired when another program saved it); throws an ActionError-worded failure. */
  open(file: FileIn): Promise<OpenedWorkbook>;
}

/** What turns an official document of the dossier into a Word file (addin/host/docx, in Node and the browser). */
export interface DocumentFiles {
  documentBytes(document: OfficialDocument): Promise<Uint8Array>;
}
