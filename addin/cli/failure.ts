/**
 * What the command line says when a command throws: the product's own sentence when the error carries one
 * (CliError, OutputError, WorkbookFileError, LibreOffice's errors: anything with a bilingual `text`), a file
 * system error as a sentence naming the file and what to do, and otherwise one line that shows no library
 * text ("Cannot read properties…", "[object Object]") and no stack (THIDUA_DEBUG=1 prints it, to stderr).
 */
import { relative } from 'node:path';
import type { Bilingual } from '../../core';
import { fsErrorCode, fsErrorText } from '../host/fs/fs-errors';
import { CliError, EXIT_CANNOT_RUN } from './context';

function bilingualOf(error: unknown): Bilingual | undefined {
  const text = (error as { text?: unknown } | null)?.text as Partial<Bilingual> | undefined;
  return text && typeof text.vi === 'string' && typeof text.en === 'string'
    ? { vi: text.vi, en: text.en }
    : undefined;
}

export function failureText(
  error: unknown,
  command: string | undefined,
  cwd: string,
): { text: Bilingual; code: number } {
  if (error instanceof CliError) return { text: error.text, code: error.exitCode };
  const own = bilingualOf(error);
  if (own) return { text: own, code: EXIT_CANNOT_RUN };
  const code = fsErrorCode(error);
  const path = (error as { path?: unknown }).path;
  if (code && typeof path === 'string') {
    const shown = relative(cwd, path) || path;
    const syscall = (error as { syscall?: string }).syscall ?? '';
    const doing =
      syscall === 'mkdir' ? 'folder' : /write|rename|link|unlink|copy/.test(syscall) ? 'write' : 'read';
    return { text: fsErrorText(error, shown.startsWith('..') ? path : shown, doing), code: EXIT_CANNOT_RUN };
  }
  const what = command ? `"thidua ${command}"` : 'thidua';
  return {
    text: {
      vi: `Lỗi không mong đợi khi chạy ${what}; không tệp nào bị ghi dở. Hãy gửi dòng lệnh và tệp đầu vào cho người phụ trách phần mềm.`,
      en: `Unexpected failure in ${what}; no file was left half-written. Please send the command line and the input files to the maintainers.`,
    },
    code: EXIT_CANNOT_RUN,
  };
}
