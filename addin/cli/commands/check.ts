import { checkCluster, hasErrors } from '../../../core';
import { locateWorkbookIssues } from '../../host/xlsx/read-document';
import { type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';

export const checkCommand: Command = {
  name: 'check',
  usage: 'thidua check FILE [--json]',
  options: {
    json: { type: 'boolean', help: { vi: 'in kết quả dạng JSON', en: 'prints the result as JSON' } },
  },
  examples: [
    {
      line: 'thidua check cum-7-2022.xlsx',
      what: {
        vi: 'liệt kê mọi lỗi, cảnh báo kèm sheet và ô',
        en: 'lists every error and warning with its sheet and cell',
      },
    },
  ],
  async run(ctx) {
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    // From a workbook, the checks' issues name the sheet and cell their value was read from.
    const issues = [...loaded.issues, ...locateWorkbookIssues(loaded.doc, checkCluster(loaded.doc))];
    if (ctx.values.json) ctx.io.out(JSON.stringify({ issues }, null, 2));
    else {
      ctx.io.out(ctx.t({ vi: `Kiểm tra ${ctx.positionals[0]}:`, en: `Checking ${ctx.positionals[0]}:` }));
      ctx.io.out(formatIssues(issues, ctx.lang));
    }
    return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
