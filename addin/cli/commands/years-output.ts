/**
 * Where the year commands write: a new cluster workbook through the guarded write path (../output.ts →
 * ../../host/fs/guarded-write.ts), as every other command writes: written beside its place and renamed in
 * when complete, an existing file never replaced unless --force, an output that is one of `inputs` (by path,
 * link or hard link) refused, and links not followed.
 */
import { extname } from 'node:path';
import type { ClusterDocument } from '../../../core';
import type { BuildOptions, ComputationLike } from '../../../templates/build/cluster';
import { clusterWorkbookBytes } from '../../host/xlsx/workbook-files';
import { CliError, type CommandContext } from '../context';
import { claimFor, withClaim } from '../output';

export async function writeNewClusterWorkbook(
  out: string,
  doc: ClusterDocument,
  ctx: CommandContext,
  computation?: ComputationLike,
  options: BuildOptions = {},
  /** The files the command read (as typed or resolved): the output may be none of them. */
  inputs: readonly string[] = [],
): Promise<{ path: string; bytes: number; sheets: number }> {
  if (extname(out).toLowerCase() !== '.xlsx')
    throw new CliError({
      vi: `-o cần tên tệp .xlsx (nhận "${out}").`,
      en: `-o needs an .xlsx file name (got "${out}").`,
    });
  const claim = await claimFor(ctx, out, { inputs });
  return withClaim(claim, async () => {
    const { bytes, report } = await clusterWorkbookBytes(doc, computation, options);
    await claim.write(bytes);
    await claim.commit();
    return { path: claim.path, bytes: bytes.byteLength, sheets: report.sheetsCreated.length };
  });
}
