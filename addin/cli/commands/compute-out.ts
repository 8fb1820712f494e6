/**
 * `compute -o OUT.xlsx`: the results written into a COPY of the input workbook (update mode: typed inputs are
 * never overwritten, refusals are listed); from a .json input, a new computed workbook. The input is never
 * modified; the output goes through the guarded write path (claimed by the command before reading).
 */
import { extname } from 'node:path';
import type { ClusterComputation } from '../../../core';
import { keptCellText } from '../../app/kept-cells';
import type { ClaimedOutput } from '../../host/fs/guarded-write';
import type { CommandContext } from '../context';
import type { LoadedDocument } from '../load';
import { withClaim } from '../output';

export async function writeComputedWorkbook(
  loaded: LoadedDocument,
  claim: ClaimedOutput,
  computation: ClusterComputation,
  ctx: CommandContext,
): Promise<void> {
  const now = new Date().toISOString();
  // exceljs comes with the writer, imported here: the commands that only read (check…) never load it.
  const { clusterWorkbookBytes, resultsCopyBytes } = await import('../../host/xlsx/workbook-files');
  await withClaim(claim, async () => {
    if (extname(loaded.path).toLowerCase() === '.xlsx') {
      const { bytes, report } = await resultsCopyBytes(
        loaded.path,
        loaded.doc,
        computation,
        now,
        loaded.workbook,
      );
      await claim.write(bytes);
      for (const notice of report.notices ?? []) ctx.io.err(ctx.t(notice));
      for (const r of report.refused) ctx.io.err(ctx.t(keptCellText(r)));
    } else {
      await claim.write((await clusterWorkbookBytes(loaded.doc, computation, { now })).bytes);
    }
    await claim.commit();
  });
  ctx.io.err(ctx.t({ vi: `Đã ghi kết quả vào ${claim.shown}.`, en: `Results written to ${claim.shown}.` }));
}
