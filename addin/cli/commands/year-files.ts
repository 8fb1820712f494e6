/**
 * The yearly files of a cluster for `history` and `nominate --history`: files or folders (every .json and
 * .xlsx inside, by name), each read and computed, named by its file name in every basis and line of output.
 * Only read: nothing is copied anywhere (the office's files are the history). One member's scorecard is
 * refused (exit 2), naming the file: a year is read from its cluster workbook.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { computeCluster, type Issue, type YearFile } from '../../../core';
import type { CommandContext } from '../context';
import { loadDocument } from '../load';
import { refuseMemberScorecard, yearFileElsewhere } from '../member-scorecard';

const READABLE = new Set(['.json', '.xlsx', '.xlsm']);

/** The files `arg` names (itself, or a folder's readable files), each with whether it came from a folder. */
async function expand(arg: string, ctx: CommandContext): Promise<{ file: string; inFolder: boolean }[]> {
  const path = resolve(ctx.io.cwd, arg);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return [{ file: arg, inFolder: false }];
  const names = (await readdir(path)).filter(
    (n) => READABLE.has(extname(n).toLowerCase()) && !n.startsWith('~$'),
  );
  return names.sort().map((n) => ({ file: join(arg, n), inFolder: true }));
}

export async function loadYearFiles(
  args: readonly string[],
  ctx: CommandContext,
): Promise<{ files: YearFile[]; issues: Issue[] }> {
  const files: YearFile[] = [];
  const issues: Issue[] = [];
  for (const arg of args)
    for (const { file, inFolder } of await expand(arg, ctx)) {
      const loaded = await loadDocument(file, ctx);
      // One member's scorecard would rank its member first of one, with no awards: refused, naming the file.
      refuseMemberScorecard(loaded.doc, yearFileElsewhere(file, inFolder));
      issues.push(...loaded.issues.filter((i) => i.severity === 'error'));
      files.push({
        doc: loaded.doc,
        source: basename(loaded.path),
        result: computeCluster(loaded.doc).result,
      });
    }
  return { files: files.sort((a, b) => a.doc.year - b.doc.year), issues };
}
