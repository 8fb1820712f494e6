/** The CLI loader's entry for .xlsx inputs: a workbook file back into the document, with issues. */
import { basename } from 'node:path';
import type { ClusterDocument, Issue } from '../../../core';
import { readClusterWorkbook } from '../../../templates/read/cluster';
import { CliError } from '../../cli/context';
import { WorkbookFileError, readWorkbookFile } from './files';
import { snapshotWorkbook } from './snapshot';

/** Unreadable files (not .xlsx, too large, a zip bomb, damaged) throw CliError: exit 2, one line. */
export async function readWorkbookDocument(
  path: string,
): Promise<{ doc?: ClusterDocument; issues: Issue[] }> {
  try {
    const workbook = await readWorkbookFile(path);
    return readClusterWorkbook(snapshotWorkbook(workbook, basename(path)));
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
}
