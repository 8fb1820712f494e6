import {
  type ClusterComputation,
  compareYears,
  computeCluster,
  hasErrors,
  type ResultDocument,
} from '../../../core';
import { locateWorkbookIssues, memberScorecardUnit } from '../../host/xlsx/read-document';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues, formatResult } from '../format';
import { type LoadedDocument, loadDocument } from '../load';
import { writeComputedWorkbook } from './compute-out';
import { yearOverYearText } from './year-over-year-text';

/**
 * The result document of a loaded file: reading problems first, then the computation's (from a workbook,
 * naming the sheet and cell of their value). One member's scorecard is refused (exit 2): a ranking needs
 * every member's scores.
 */
export function computeLoaded(loaded: LoadedDocument): {
  result: ResultDocument;
  computation: ClusterComputation;
} {
  if (memberScorecardUnit(loaded.doc) !== undefined)
    throw new CliError({
      vi: 'Đây là bảng chấm điểm của một đơn vị; hãy gộp các bảng bằng `thidua merge` rồi tính trên sổ tổng hợp.',
      en: "This is one unit's scorecard; merge the scorecards with `thidua merge`, then compute on the cluster workbook.",
    });
  const computation = computeCluster(loaded.doc);
  const result = {
    ...computation.result,
    issues: [...loaded.issues, ...locateWorkbookIssues(loaded.doc, computation.result.issues)],
  };
  return { result, computation };
}

/** The ranking table and the lines saying how equal totals were separated. */
export function rankingText(
  result: ResultDocument,
  computation: ClusterComputation,
  ctx: CommandContext,
): string {
  const ties = computation.ranking
    .filter((r) => r.below && r.below.key !== 'total')
    .map((r) => `  ${r.unit}: ${ctx.t(r.below!.text)}`);
  return [
    formatResult(result, ctx.lang),
    ...(ties.length
      ? ['', ctx.t({ vi: 'Phân định khi bằng tổng điểm:', en: 'Equal totals separated by:' }), ...ties]
      : []),
  ].join('\n');
}

export const computeCommand: Command = {
  name: 'compute',
  usage: 'thidua compute FILE [--json] [-o OUT.xlsx] [--lang en]',
  summary: {
    vi: 'tính điểm, tỷ lệ chỉ tiêu, xếp hạng và xếp loại',
    en: 'scores, indicator ratios, ranking and tiers',
  },
  options: { json: { type: 'boolean' }, out: { type: 'string', short: 'o' } },
  async run(ctx) {
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    const { result, computation } = computeLoaded(loaded);
    if (typeof ctx.values.out === 'string')
      await writeComputedWorkbook(loaded, ctx.values.out, computation, ctx);
    // Beside last year's figures when the document carries them (thidua next; issue 13).
    const yoy = compareYears(loaded.doc, result, result.issues);
    if (ctx.values.json) ctx.io.out(JSON.stringify(yoy ? { ...result, yearOverYear: yoy } : result, null, 2));
    else
      ctx.io.out(
        `${rankingText(result, computation, ctx)}${yoy ? `\n\n${yearOverYearText(yoy, ctx)}` : ''}\n\n${formatIssues(result.issues, ctx.lang)}`,
      );
    return hasErrors(result.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
