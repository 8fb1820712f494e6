/**
 * LibreOffice headless conversions, Node only: recalculate an .xlsx (every formula computed by a real engine)
 * and print a workbook to PDF. Each call: a fresh profile that recalculates on load, a private output folder,
 * a time limit; the input file is never written.
 */
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { ToolFailedError, libreOfficeMissing } from './errors';
import { findSoffice } from './find';
import { createProfile } from './profile';
import { runProgram } from './run';

export interface ConvertOptions {
  /** Time limit for one soffice run (default 120 s: a cold start on a slow machine takes ~10 s). */
  timeoutMs?: number;
  /** soffice path; default findSoffice(). */
  soffice?: string;
  /** Locale for displayed numbers in PDF (default "vi-VN": decimal comma, as the documents are Vietnamese). */
  locale?: string;
  /**
   * Where LibreOffice's private output folder goes (default: the system's temporary folder). The guarded write
   * path passes a staging folder beside the target, so a killed run leaves nothing (no names) in /tmp.
   */
  workParent?: string;
}

export interface PdfOptions extends ConvertOptions {
  /** Pages to export, e.g. "1" or "2-3" (calc_pdf_Export's PageRange). */
  pageRange?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** Is LibreOffice installed? (No process started.) */
export function hasLibreOffice(): boolean {
  return findSoffice() !== undefined;
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}

export interface ConvertTarget {
  /** Extension of the output, with the dot: ".xlsx", ".pdf". */
  ext: string;
  /** soffice --convert-to argument, e.g. "xlsx:Calc MS Excel 2007 XML". */
  filter: string;
}

/**
 * One soffice conversion into `outDir`. `recalculate: false` keeps the file's cached values (LibreOffice's
 * default): the tests use it to show that recalculation is what changes them.
 */
export async function convertWorkbook(
  inPath: string,
  outDir: string,
  target: ConvertTarget,
  options: ConvertOptions & { recalculate: boolean },
): Promise<string> {
  const [out] = await convertWorkbooks([inPath], outDir, target, options);
  return out!;
}

/** Several files in one LibreOffice start (a start costs more than a small workbook): same rules as one. */
export async function convertWorkbooks(
  inPaths: readonly string[],
  outDir: string,
  target: ConvertTarget,
  options: ConvertOptions & { recalculate: boolean },
): Promise<string[]> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw libreOfficeMissing();
  const inputs = inPaths.map((p) => resolve(p));
  const outputs = inputs.map((input) => join(resolve(outDir), basename(input, extname(input)) + target.ext));
  for (const [i, input] of inputs.entries()) {
    await stat(input); // a clear ENOENT before starting a process
    if (outputs[i] === input || inputs.includes(outputs[i]!)) {
      throw new ToolFailedError('libreoffice', {
        vi: `Không ghi đè tệp đầu vào ${outputs[i]}: hãy chọn thư mục kết quả khác.`,
        en: `Refusing to overwrite the input ${outputs[i]}: choose another output folder.`,
      });
    }
  }
  if (new Set(outputs).size !== outputs.length) {
    throw new ToolFailedError('libreoffice', {
      vi: 'Hai tệp đầu vào trùng tên (khác thư mục): kết quả sẽ đè lên nhau.',
      en: 'Two inputs share a base name (in different folders): their outputs would collide.',
    });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS * inputs.length;
  const profile = await createProfile({
    recalculateOnLoad: options.recalculate,
    locale: options.locale ?? 'vi-VN',
  });
  const work = await mkdtemp(join(options.workParent ?? tmpdir(), 'thidua-lo-out-'));
  const names = inputs.map((i) => basename(i)).join(', ');
  try {
    const result = await runProgram(
      soffice,
      [
        profile.arg,
        '--headless',
        '--invisible',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--nolockcheck',
        '--convert-to',
        target.filter,
        '--outdir',
        work,
        ...inputs,
      ],
      // HOME in the profile too: some builds touch ~/.config even with UserInstallation.
      { timeoutMs, env: { ...process.env, HOME: profile.dir } },
    );
    if (result.timedOut) {
      throw new ToolFailedError('libreoffice', {
        vi: `LibreOffice không xong trong ${Math.round(timeoutMs / 1000)} giây khi chuyển ${names}.`,
        en: `LibreOffice did not finish within ${Math.round(timeoutMs / 1000)} s converting ${names}.`,
      });
    }
    // soffice exits 0 even when it could not load a file: the output files are the only proof.
    const produced = new Set(await readdir(work));
    const missing = outputs.filter((o) => !produced.has(basename(o)));
    if (missing.length > 0) {
      const detail = (result.stderr + result.stdout).trim().split('\n').slice(-2).join(' ');
      const which = missing.map((m) => basename(m)).join(', ');
      throw new ToolFailedError('libreoffice', {
        vi: `LibreOffice không tạo được ${which} (mã thoát ${result.code}): ${detail}`,
        en: `LibreOffice did not produce ${which} (exit code ${result.code}): ${detail}`,
      });
    }
    await mkdir(resolve(outDir), { recursive: true });
    for (const out of outputs) await moveFile(join(work, basename(out)), out);
    return outputs;
  } finally {
    await Promise.all([profile.dispose(), rm(work, { recursive: true, force: true })]);
  }
}

/**
 * Opens `inPath` in LibreOffice with recalculation on load forced, and saves it as .xlsx in `outDir`
 * (same base name). The cached value of every formula in the result is LibreOffice's own.
 */
export function recalculateWorkbook(
  inPath: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<string> {
  return convertWorkbook(
    inPath,
    outDir,
    { ext: '.xlsx', filter: 'xlsx:Calc MS Excel 2007 XML' },
    { ...options, recalculate: true },
  );
}

/** recalculateWorkbook for many files with one LibreOffice start; outputs in the order of the inputs. */
export function recalculateWorkbooks(
  inPaths: readonly string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<string[]> {
  return convertWorkbooks(
    inPaths,
    outDir,
    { ext: '.xlsx', filter: 'xlsx:Calc MS Excel 2007 XML' },
    { ...options, recalculate: true },
  );
}

/** Prints the workbook (every visible sheet, its print setup) to PDF in `outDir`, formulas recalculated first. */
export function convertToPdf(xlsxPath: string, outDir: string, options: PdfOptions = {}): Promise<string> {
  // LibreOffice ≥ 7.4 takes filter options as JSON after the filter name.
  const filter = options.pageRange
    ? `pdf:calc_pdf_Export:${JSON.stringify({ PageRange: { type: 'string', value: options.pageRange } })}`
    : 'pdf:calc_pdf_Export';
  return convertWorkbook(xlsxPath, outDir, { ext: '.pdf', filter }, { ...options, recalculate: true });
}
