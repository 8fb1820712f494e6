import {
  type ClusterComputation,
  compareYears,
  computeCluster,
  hasErrors,
  type ResultDocument,
} from '../../../core';
import { locateWorkbookIssues, memberScorecardUnit, releaseWorkbookSources } from '../read-document';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues, formatResult } from '../format';
import { type LoadedDocument, loadDocument } from '../load';
import { FORCE_OPTION, claimFor, outOption, requireOut, withClaim } from '../output';
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
  usage: 'thidua compute FILE [--json] [-o OUT.xlsx [--force]]',
  options: {
    json: { type: 'boolean', help: { vi: 'in kết quả dạng JSON', en: 'prints the result as JSON' } },
    out: outOption('OUT.xlsx', {
      vi: 'ghi kết quả vào một bản sao của sổ tính (sổ đầu vào không bị sửa)',
      en: 'writes the results into a copy of the workbook (the input is not modified)',
    }),
    force: FORCE_OPTION,
  },
  examples: [
    {
      line: 'thidua compute cum-7-2022.xlsx -o cum-7-2022-ket-qua.xlsx',
      what: {
        vi: 'bảng xếp hạng, và sổ tính có kết quả',
        en: 'the ranking, and a workbook with the results',
      },
    },
  ],
  async run(ctx) {
    // The output is claimed before the input is read: -o equal to FILE (or a link to it) is refused first.
    const claim =
      ctx.values.out !== undefined
        ? await claimFor(ctx, requireOut(ctx, 'out', 'OUT.xlsx', '.xlsx'), {
            inputs: ctx.positionals.slice(0, 1),
          })
        : undefined;
    const { loaded, result, computation } = await (claim ? withClaim(claim, computeFile) : computeFile());
    async function computeFile() {
      const loaded = await loadDocument(ctx.positionals[0], ctx, { keepWorkbook: claim !== undefined });
      const computed = computeLoaded(loaded);
      // Its issues are located: the document is held on to write the copy, where its values sit is not.
      if (claim) releaseWorkbookSources(loaded.doc);
      return { loaded, ...computed };
    }
    if (claim) await writeComputedWorkbook(loaded, claim, computation, ctx);
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
