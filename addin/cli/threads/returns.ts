/**
 * The files given to `thidua merge` read (addin/host/xlsx/read/direct-read.ts, no exceljs), on two threads
 * (./pool.ts): 63 returned scorecards and the cluster workbook are seconds of reading. A file that cannot
 * be read is said for the first such file in the order given, as one thread reading them in turn would.
 */
import { extname } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { type Bilingual, parseClusterJson } from '../../../core';
import { carriedParser, readMetaRows } from '../../../templates/read/unit-meta';
import {
  type Loaded,
  aheadToRedo,
  isClusterFile,
  readAhead,
  readClusterReturn,
} from '../../app/merge/returns';
import { WorkbookFileError, readWorkbookSnapshotFile } from '../../host/xlsx/files';
import { CliError } from '../context';
import { readJsonText } from '../load';
import { type Helper, shareWork } from './pool';

export interface ReturnsData {
  /** [absolute path, the name the person gave] per file. */
  files: [string, string][];
}

/** A file read, or why it cannot be: the sentence the person reads. */
export type ReturnRead = { loaded: Loaded } | { refused: Bilingual };

/** Each thread's own: the members' files carry the same cluster information, parsed once per thread. */
const parse = carriedParser();

async function load(path: string, shown: string, ahead = true): Promise<Loaded> {
  if (extname(path).toLowerCase() === '.json') {
    const parsed = parseClusterJson(await readJsonText(path, shown));
    return {
      file: shown,
      meta: new Map(),
      ...(parsed.doc ? { json: parsed.doc } : {}),
      issues: parsed.issues,
    };
  }
  // On the main thread, a cluster workbook's bytes and sheet texts are kept for the merge's copy (the worker's
  // are not sent: the copy reads them again).
  const read = await readWorkbookSnapshotFile(path, { keepTexts: isMainThread });
  const snapshot = { ...read.snapshot, source: shown };
  const loaded: Loaded = { file: shown, snapshot, meta: readMetaRows(snapshot), issues: read.issues };
  // A member's scorecard read here (on either thread) rather than after every file is read, by the main
  // thread alone; the worker hands over what was read instead of the snapshot (5 MB instead of 14 at 63 units).
  if (!isClusterFile(loaded)) return ahead ? readAhead(loaded, parse) : loaded;
  if (!isMainThread) return loaded;
  const kept: Loaded = {
    ...loaded,
    read: { bytes: read.bytes, ...(read.texts ? { texts: read.texts } : {}) },
  };
  // Read as the base here, while the worker goes on with the members' files (a sixth of the merge after it).
  return { ...kept, returned: readClusterReturn(kept) };
}

/** The worker's and this thread's reader: item k is files[k]; anything but a refusal is thrown. */
export function returnReader(data: ReturnsData, ahead = true): (index: number) => Promise<ReturnRead> {
  return async (index) => {
    const [path, shown] = data.files[index]!;
    try {
      return { loaded: await load(path, shown, ahead) };
    } catch (error) {
      if (error instanceof WorkbookFileError || error instanceof CliError) return { refused: error.text };
      throw error;
    }
  };
}

/**
 * Every file read, in the order given; the first that cannot be read stops the command (CliError).
 * `byWorker`: how many the worker read; `first`: what this thread does before it reads (nothing by default).
 */
export async function readReturnFiles(
  files: [string, string][],
  options: { workerFile?: string | false; first?: () => Promise<unknown>; helper?: Helper } = {},
): Promise<{ loaded: Loaded[]; byWorker: number }> {
  const data: ReturnsData = { files };
  const read = await shareWork({
    kind: 'returns',
    data,
    count: files.length,
    first: options.first ?? (async () => undefined),
    make: returnReader(data),
    ...(options.workerFile !== undefined ? { workerFile: options.workerFile } : {}),
    ...(options.helper ? { helper: options.helper } : {}),
  });
  const loaded = read.results.map((r) => {
    if ('refused' in r) throw new CliError(r.refused);
    return r.loaded;
  });
  // The base read by the worker is read as the base here; members read ahead against other information
  // than the base's are read again, to be read against the base's.
  const b = loaded.findIndex((l) => isClusterFile(l) && l.snapshot && !l.returned && !l.json);
  if (b >= 0) loaded[b] = { ...loaded[b]!, returned: readClusterReturn(loaded[b]!) };
  for (const i of aheadToRedo(loaded)) {
    const again = await returnReader(data, false)(i);
    if ('refused' in again) throw new CliError(again.refused);
    loaded[i] = again.loaded;
  }
  return { loaded, byWorker: read.byWorker };
}
