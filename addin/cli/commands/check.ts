import { checkAwardInputs, checkCluster, hasErrors } from '../../../core';
import { mergeIssues } from '../../app/actions';
import { locateWorkbookIssues } from '../read-document';
import { type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';
import { checkSeal, sealLines } from './seal-check';

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
    // Everything `nominate` would report about the data (rule set, overrides, profiles, people's dates) too.
    const checked = mergeIssues(checkCluster(loaded.doc), checkAwardInputs(loaded.doc));
    const issues = [...loaded.issues, ...locateWorkbookIssues(loaded.doc, checked)];
    // A finalised workbook: do its figures still give the stamped fingerprint, and which cells changed?
    const seal = await checkSeal(loaded, ctx);
    if (ctx.values.json) ctx.io.out(JSON.stringify({ issues, ...(seal ? { seal } : {}) }, null, 2));
    else {
      ctx.io.out(ctx.t({ vi: `Kiểm tra ${ctx.positionals[0]}:`, en: `Checking ${ctx.positionals[0]}:` }));
      ctx.io.out(formatIssues(issues, ctx.lang));
      if (seal) ctx.io.out(sealLines(seal, ctx).join('\n'));
    }
    return hasErrors(issues) || (seal && !seal.matches) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
