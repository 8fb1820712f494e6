/**
 * Reading FILE for the commands: a `.json` document (thidua/cluster@1) or an `.xlsx` workbook built by the
 * project. What cannot be read at all (missing file, malformed JSON, not a cluster document) is a CliError:
 * exit 2 and one line saying what and where. What can be read comes back with its problems as Issues.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { CopySource } from '../host/xlsx/workbook-files';
import {
  type ClusterDocument,
  decodeJsonBytes,
  type Issue,
  type ParsedCluster,
  parseClusterJson,
} from '../../core';
import { fsErrorText } from '../host/fs/fs-errors';
import { readWorkbookDocument } from './read-document';
import { CliError, type CommandContext } from './context';

export interface LoadedDocument {
  /** Absolute path. */
  path: string;
  doc: ClusterDocument;
  /** Problems found while reading (types, unknown keys); the semantic checks come from checkCluster. */
  issues: Issue[];
  /** The .xlsx input's bytes and sheet names, when asked for (`keepWorkbook`): compute -o writes its copy from them. */
  workbook?: CopySource;
}

/**
 * A file that could not be read as one sentence: the product's own text when the error carries one
 * (WorkbookFileError…), else the file-system reason and what to do; never Node's text.
 */
export function readProblem(error: unknown, shown: string): CliError {
  if (error instanceof CliError) return error;
  const own = (error as { text?: { vi?: unknown; en?: unknown } } | null)?.text;
  if (own && typeof own.vi === 'string' && typeof own.en === 'string')
    return new CliError({ vi: own.vi, en: own.en });
  return new CliError(fsErrorText(error, shown, 'read'));
}

/** The outcome of a parse as a loaded document, or one line (CliError, exit 2) when it is unusable. */
export function acceptParsed(parsed: ParsedCluster, path: string, shown: string): LoadedDocument {
  if (parsed.doc) return { path, doc: parsed.doc, issues: parsed.issues };
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  const more =
    errors.length > 1
      ? { vi: ` (và ${errors.length - 1} lỗi khác)`, en: ` (and ${errors.length - 1} more)` }
      : { vi: '', en: '' };
  const isSyntax = first?.code === 'json.syntax';
  return failWith(
    isSyntax
      ? { vi: `Tệp ${shown}: ${first.message}`, en: `File ${shown}: ${first.messageEn}` }
      : {
          vi: `Tệp ${shown} không dùng được: ${first?.message ?? 'không phải tài liệu thidua/cluster@1.'}${more.vi}`,
          en: `File ${shown} cannot be used: ${first?.messageEn ?? 'not a thidua/cluster@1 document.'}${more.en}`,
        },
  );
}

function failWith(text: { vi: string; en: string }): never {
  // One line: messages never contain line breaks, but a file name could.
  throw new CliError({ vi: text.vi.replace(/\s*\n\s*/g, ' '), en: text.en.replace(/\s*\n\s*/g, ' ') });
}

export async function loadDocument(
  file: string | undefined,
  ctx: CommandContext,
  options: { keepWorkbook?: boolean } = {},
): Promise<LoadedDocument> {
  if (!file) throw new CliError({ vi: 'Thiếu tên tệp (FILE).', en: 'Missing the file name (FILE).' });
  const path = resolve(ctx.io.cwd, file);
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    let parsed: Awaited<ReturnType<typeof readWorkbookDocument>>;
    try {
      parsed = await readWorkbookDocument(path, options);
    } catch (error) {
      throw readProblem(error, file);
    }
    const accepted = acceptParsed(parsed, path, file);
    return parsed.workbook ? { ...accepted, workbook: parsed.workbook } : accepted;
  }
  return acceptParsed(parseClusterJson(await readJsonText(path, file)), path, file);
}

/** A .json file's text; a workbook under another name or a non-UTF-8 file is refused in one line. */
export async function readJsonText(path: string, shown: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readProblem(error, shown);
  }
  const decoded = decodeJsonBytes(bytes, shown);
  if (decoded.refusal) throw new CliError(decoded.refusal);
  return decoded.text;
}
