/**
 * Where the year commands write: a new cluster workbook through the guarded write path (../output.ts →
 * ../../host/fs/guarded-write.ts), claimed before the input is read, as every other command writes: written
 * beside its place and renamed in when complete, an existing file never replaced unless --force, an output
 * that is one of `inputs` (by path, link or hard link) refused, and links not followed.
 */
import { extname } from 'node:path';
import type { ClusterDocument } from '../../../core';
import type { BuildOptions, ComputationLike } from '../../../templates/build/cluster';
import { clusterWorkbookBytes } from '../../host/xlsx/workbook-files';
import { CliError, type CommandContext } from '../context';
import type { ClaimedOutput } from '../../host/fs/guarded-write';
import { claimFor } from '../output';

/**
 * Claims `out` for a new cluster workbook before anything is read, as the other commands do: an existing
 * file, or an output that is one of `inputs`, is refused before the work starts.
 */
export async function claimNewClusterWorkbook(
  out: string,
  ctx: CommandContext,
  /** The files the command reads (as typed): the output may be none of them. */
  inputs: readonly string[],
): Promise<ClaimedOutput> {
  if (extname(out).toLowerCase() !== '.xlsx')
    throw new CliError({
      vi: `-o cần tên tệp .xlsx (nhận "${out}").`,
      en: `-o needs an .xlsx file name (got "${out}").`,
    });
  return claimFor(ctx, out, { inputs });
}

/** The cluster workbook of `doc` written into a claimed output and put in place once complete. */
export async function writeClusterWorkbookInto(
  claim: ClaimedOutput,
  doc: ClusterDocument,
  computation?: ComputationLike,
  options: BuildOptions = {},
): Promise<{ path: string; bytes: number; sheets: number }> {
  const { bytes, report } = await clusterWorkbookBytes(doc, computation, options);
  await claim.write(bytes);
  await claim.commit();
  return { path: claim.path, bytes: bytes.byteLength, sheets: report.sheetsCreated.length };
}
