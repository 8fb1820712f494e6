/** PDF to images and text with poppler-utils (pdftoppm, pdftotext): for checks and for the README's pictures. */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ToolFailedError, popplerMissing } from './errors';
import { findPoppler } from './find';
import { runProgram } from './run';

export interface PageRange {
  first?: number;
  last?: number;
}

export interface PngOptions extends PageRange {
  /** Resolution in dots per inch (default 100). */
  dpi?: number;
  timeoutMs?: number;
}

function pageArgs(range: PageRange): string[] {
  const args: string[] = [];
  if (range.first !== undefined) args.push('-f', String(range.first));
  if (range.last !== undefined) args.push('-l', String(range.last));
  return args;
}

async function run(program: 'pdftoppm' | 'pdftotext', args: string[], timeoutMs: number) {
  const path = findPoppler(program);
  if (!path) throw popplerMissing(program);
  const result = await runProgram(path, args, { timeoutMs });
  if (result.code !== 0 || result.timedOut) {
    throw new ToolFailedError('poppler', {
      vi: `${program} thất bại (mã thoát ${result.code}): ${result.stderr.trim()}`,
      en: `${program} failed (exit code ${result.code}): ${result.stderr.trim()}`,
    });
  }
  return result;
}

/** Renders pages to PNG files `<outPrefix>-<page>.png`; returns their paths in page order. */
export async function pdfToPng(pdf: string, outPrefix: string, options: PngOptions = {}): Promise<string[]> {
  const prefix = resolve(outPrefix);
  await run(
    'pdftoppm',
    ['-png', '-r', String(options.dpi ?? 100), ...pageArgs(options), pdf, prefix],
    options.timeoutMs ?? 60_000,
  );
  // pdftoppm pads page numbers to the width of the page count: list what it wrote.
  const pattern = new RegExp(`^${basename(prefix).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  const pages = (await readdir(dirname(prefix)))
    .map((f) => ({ f, m: pattern.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => ({ path: join(dirname(prefix), f), page: Number(m[1]) }))
    .filter(
      ({ page }) => page >= (options.first ?? 1) && (options.last === undefined || page <= options.last),
    )
    .sort((a, b) => a.page - b.page);
  return pages.map((p) => p.path);
}

/** The PDF's text, pages separated by form feeds ("\f"); `layout` keeps the physical layout (columns side by side). */
export async function pdfToText(
  pdf: string,
  options: PageRange & { layout?: boolean; timeoutMs?: number } = {},
): Promise<string> {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', ...pageArgs(options), pdf, '-'];
  return (await run('pdftotext', args, options.timeoutMs ?? 60_000)).stdout;
}

/** The text of each page. */
export async function pdfPages(pdf: string, options: { layout?: boolean } = {}): Promise<string[]> {
  const text = await pdfToText(pdf, options);
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
