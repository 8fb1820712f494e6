/** `thidua export WORKBOOK.xlsx -o OUT.json`: a workbook read back into the document format. */
import { resolve } from 'node:path';
import { hasErrors } from '../../../core';
import { readWorkbookDocument } from '../read-document';
import { CliError, type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { readProblem } from '../load';
import { FORCE_OPTION, claimFor, outOption, requireOut, withClaim } from '../output';

export const exportCommand: Command = {
  name: 'export',
  usage: 'thidua export WORKBOOK.xlsx -o OUT.json [--force]',
  options: {
    out: outOption('OUT.json', {
      vi: 'tệp JSON sẽ tạo (không ghi đè tệp đã có)',
      en: 'the JSON file to create (an existing file is not overwritten)',
    }),
    force: FORCE_OPTION,
  },
  examples: [
    {
      line: 'thidua export 03-vksnd-tinh-gia-lai.xlsx -o gia-lai.json',
      what: {
        vi: 'bảng chấm điểm của một đơn vị thành tài liệu JSON, để kiểm tra trước khi gửi',
        en: "one member's scorecard as a JSON document, to check before returning it",
      },
    },
  ],
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new CliError({ vi: 'Thiếu tên sổ tính (WORKBOOK.xlsx).', en: 'Missing WORKBOOK.xlsx.' });
    const out = requireOut(ctx, 'out', 'OUT.json', '.json');
    const claim = await claimFor(ctx, out, { inputs: [file] });
    return withClaim(claim, async () => {
      let read: Awaited<ReturnType<typeof readWorkbookDocument>>;
      try {
        read = await readWorkbookDocument(resolve(ctx.io.cwd, file));
      } catch (error) {
        throw readProblem(error, file);
      }
      if (read.issues.length) ctx.io.err(formatIssues(read.issues, ctx.lang));
      if (!read.doc) {
        await claim.abort();
        ctx.io.err(
          ctx.t({
            vi: `Không dựng lại được tài liệu từ ${file}; không ghi ${out}.`,
            en: `Could not rebuild the document from ${file}; ${out} not written.`,
          }),
        );
        return 2;
      }
      await claim.write(`${JSON.stringify(read.doc, null, 2)}\n`);
      await claim.commit();
      ctx.io.out(ctx.t({ vi: `Đã xuất ${out}.`, en: `Wrote ${out}.` }));
      return hasErrors(read.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
    });
  },
};
