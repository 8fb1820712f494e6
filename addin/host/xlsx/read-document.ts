/** The CLI loader's entry for .xlsx inputs: a workbook file back into the document, with issues. */
import { basename } from 'node:path';
import type { ClusterDocument, Issue } from '../../../core';
import { readClusterWorkbook } from '../../../templates/read/cluster';
import { type WorkbookSources, locateIssues } from '../../../templates/read/sources';
import { CliError } from '../../cli/context';
import { WorkbookFileError, readWorkbookFile } from './files';
import { snapshotWorkbook } from './snapshot';

/**
 * Each document read here → where its values sit in the workbook. Keyed by the document object, so the
 * commands' loader (which passes the document on unchanged) needs no field of its own for it; the entry goes
 * with the document.
 */
const SOURCES = new WeakMap<ClusterDocument, WorkbookSources>();

/** Unreadable files (not .xlsx, too large, a zip bomb, damaged) throw CliError: exit 2, one line. */
export async function readWorkbookDocument(
  path: string,
): Promise<{ doc?: ClusterDocument; issues: Issue[]; sources?: WorkbookSources }> {
  try {
    const workbook = await readWorkbookFile(path);
    const read = readClusterWorkbook(snapshotWorkbook(workbook, basename(path)));
    if (read.doc && read.sources) SOURCES.set(read.doc, read.sources);
    return read;
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
}

/**
 * Issues found on a document (checkCluster, computeCluster) with the sheet and cell of their value when the
 * document was read from a workbook by readWorkbookDocument; otherwise (a JSON file) as they are.
 */
export function locateWorkbookIssues(doc: ClusterDocument, issues: readonly Issue[]): Issue[] {
  return locateIssues(issues, SOURCES.get(doc));
}
