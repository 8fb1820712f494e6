/**
 * The CLI loader's entry for .xlsx inputs: a workbook file back into the document, with issues, through the
 * read path every door shares (templates/read/workbook.ts: the cluster workbook or one member's scorecard).
 */
import { basename } from 'node:path';
import { type ClusterDocument, type Issue, joinCellIssues } from '../../core';
import { type WorkbookSources, locateIssues } from '../../templates/read/sources';
import { workbookSheetNames } from '../../templates/read/sheet-names';
import { memberScorecardIssues, readWorkbookSnapshot } from '../../templates/read/workbook';
import { CliError } from './context';
import { WorkbookFileError, readWorkbookSnapshotFile } from '../host/xlsx/files';
import type { CopySource } from '../host/xlsx/workbook-files';
import { type Seal, readSnapshotSeal } from '../host/xlsx/seal';

/**
 * Each document read here → where its values sit in the workbook. Keyed by the document object, so the
 * commands' loader (which passes the document on unchanged) needs no field of its own for it; the entry goes
 * with the document.
 */
const SOURCES = new WeakMap<ClusterDocument, WorkbookSources>();

/** Documents read from one member's scorecard → that member's name (as the member list spells it). */
const MEMBER = new WeakMap<ClusterDocument, string>();

/** Documents read from a workbook → its seal (undefined: never finalised), read with the rest, once. */
const SEAL = new WeakMap<ClusterDocument, Seal | undefined>();

type WorkbookRead = {
  doc?: ClusterDocument;
  issues: Issue[];
  sources?: WorkbookSources;
  /** The workbook read, with `keepWorkbook` (a command that writes a copy of it: compute -o). */
  workbook?: CopySource;
};

/**
 * Unreadable files (not .xlsx, too large, a zip bomb, damaged) throw CliError: exit 2, one line. The document
 * is read by the direct reader (no exceljs: ../host/xlsx/read/direct-read.ts). With `keepWorkbook` (a command
 * writing a copy: compute -o), the bytes and the sheet names are kept for the copy: it is patched from them, and
 * exceljs loads the file only when the patch cannot be made (../host/xlsx/workbook-files.ts).
 */
export async function readWorkbookDocument(
  path: string,
  options: { keepWorkbook?: boolean } = {},
): Promise<WorkbookRead> {
  try {
    // For the copy, the worksheets' texts too: its patch then does not inflate them again.
    const direct = await readWorkbookSnapshotFile(path, { keepTexts: options.keepWorkbook === true });
    const { bytes, texts } = direct;
    const read = readWorkbookSnapshot({ ...direct.snapshot, source: basename(path) });
    if (read.doc && read.sources) SOURCES.set(read.doc, read.sources);
    if (read.doc && read.member !== undefined) MEMBER.set(read.doc, read.member);
    if (read.doc) SEAL.set(read.doc, readSnapshotSeal(direct.snapshot));
    // Of the snapshot, the copy needs only where the sheets are (renamed tabs): the rest of it (every cell of
    // every sheet, a quarter of a gigabyte at 700 units) is let go before the copy's plan is built.
    const workbook: CopySource | undefined = options.keepWorkbook
      ? { sheetNames: workbookSheetNames(direct.snapshot), bytes, ...(texts ? { texts } : {}) }
      : undefined;
    return {
      ...read,
      issues: joinCellIssues(direct.issues, read.issues),
      ...(workbook ? { workbook } : {}),
    };
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
}

/** Where the values of a document read by readWorkbookDocument sit (sheet and cell); undefined for JSON. */
export function workbookSourcesOf(doc: ClusterDocument): WorkbookSources | undefined {
  return SOURCES.get(doc);
}

/**
 * Lets go of where `doc`'s values sit, once its issues are located: a command that goes on holding the
 * document while it writes a copy (compute -o) does not hold them too (a sixth of its memory at 700 units,
 * issue 15). Issues located afterwards keep no sheet and cell.
 */
export function releaseWorkbookSources(doc: ClusterDocument): void {
  SOURCES.delete(doc);
}

/**
 * The seal of the workbook `doc` was read from by readWorkbookDocument ({ seal: undefined } when it was never
 * finalised); undefined for a document read otherwise (JSON), whose file the caller reads.
 */
export function workbookSealOf(doc: ClusterDocument): { seal: Seal | undefined } | undefined {
  return SEAL.has(doc) ? { seal: SEAL.get(doc) } : undefined;
}

/** The member whose scorecard `doc` was read from; undefined for a cluster workbook or a JSON file. */
export function memberScorecardUnit(doc: ClusterDocument): string | undefined {
  return MEMBER.get(doc);
}

/**
 * Issues found on a document (checkCluster, computeCluster) with the sheet and cell of their value when the
 * document was read from a workbook by readWorkbookDocument; otherwise (a JSON file) as they are. For one
 * member's scorecard, the notes that the other members have no scores are dropped: the file holds only its own.
 */
export function locateWorkbookIssues(doc: ClusterDocument, issues: readonly Issue[]): Issue[] {
  return locateIssues(memberScorecardIssues(MEMBER.get(doc), issues), SOURCES.get(doc));
}
