/**
 * Where the year commands write: one small function, so the guarded writer (issue of h4-cli-writes) can take
 * its place. A file already there may hold what someone typed: it is never replaced.
 */
import { access } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { ClusterDocument } from '../../../core';
import type { BuildOptions, ComputationLike } from '../../../templates/build/cluster';
import { WorkbookFileError } from '../../host/xlsx/files';
import { writeClusterWorkbook } from '../../host/xlsx/workbook-files';
import { CliError, type CommandContext } from '../context';

export async function writeNewClusterWorkbook(
  out: string,
  doc: ClusterDocument,
  ctx: CommandContext,
  computation?: ComputationLike,
  options: BuildOptions = {},
): Promise<{ path: string; bytes: number; sheets: number }> {
  const path = resolve(ctx.io.cwd, out);
  if (extname(path).toLowerCase() !== '.xlsx')
    throw new CliError({
      vi: `-o cần tên tệp .xlsx (nhận "${out}").`,
      en: `-o needs an .xlsx file name (got "${out}").`,
    });
  const taken = await access(path).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new CliError({
      vi: `${out} đã có: không ghi đè (có thể đã có người nhập vào đó); hãy chọn tên khác.`,
      en: `${out} exists: not overwritten (someone may have typed into it); choose another name.`,
    });
  try {
    const { bytes, report } = await writeClusterWorkbook(path, doc, computation, options);
    return { path, bytes, sheets: report.sheetsCreated.length };
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
}
