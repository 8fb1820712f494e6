/** `thidua export WORKBOOK.xlsx -o OUT.json`: a workbook read back into the document format. */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { hasErrors } from '../../../core';
import { readWorkbookDocument } from '../read-document';
import { CliError, type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';

export const exportCommand: Command = {
  name: 'export',
  usage: 'thidua export WORKBOOK.xlsx -o OUT.json',
  summary: {
    vi: 'đọc sổ tính thành tài liệu JSON (thidua/cluster@1)',
    en: 'reads a workbook back into the JSON document',
  },
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new CliError({ vi: 'Thiếu tên sổ tính (WORKBOOK.xlsx).', en: 'Missing WORKBOOK.xlsx.' });
    const out = ctx.values.out;
    if (typeof out !== 'string') throw new CliError({ vi: 'Cần -o OUT.json.', en: 'Needs -o OUT.json.' });
    const path = resolve(ctx.io.cwd, file);
    let read: Awaited<ReturnType<typeof readWorkbookDocument>>;
    try {
      read = await readWorkbookDocument(path);
    } catch (error) {
      if (error instanceof CliError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError({
        vi: `Không đọc được ${basename(file)}${code ? ` (${code})` : ''}.`,
        en: `Cannot read ${basename(file)}${code ? ` (${code})` : ''}.`,
      });
    }
    if (read.issues.length) ctx.io.err(formatIssues(read.issues, ctx.lang));
    if (!read.doc) {
      ctx.io.err(
        ctx.t({
          vi: `Không dựng lại được tài liệu từ ${file}.`,
          en: `Could not rebuild the document from ${file}.`,
        }),
      );
      return 2;
    }
    try {
      await writeFile(resolve(ctx.io.cwd, out), `${JSON.stringify(read.doc, null, 2)}\n`);
    } catch (error) {
      throw new CliError({
        vi: `Không ghi được ${out} (${(error as NodeJS.ErrnoException).code ?? ''}).`,
        en: `Cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? ''}).`,
      });
    }
    ctx.io.out(ctx.t({ vi: `Đã xuất ${out}.`, en: `Wrote ${out}.` }));
    return hasErrors(read.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
