/**
 * `compute -o OUT.xlsx`: the results written into a COPY of the input workbook (update mode: typed inputs are
 * never overwritten, refusals are listed); from a .json input, a new computed workbook. The input is never modified.
 */
import { extname, resolve } from 'node:path';
import type { ClusterComputation } from '../../../core';
import { keptCellText } from '../../app/kept-cells';
import { WorkbookFileError } from '../../host/xlsx/files';
import { writeClusterWorkbook, writeResultsCopy } from '../../host/xlsx/workbook-files';
import { CliError, type CommandContext } from '../context';
import type { LoadedDocument } from '../load';

export async function writeComputedWorkbook(
  loaded: LoadedDocument,
  out: string,
  computation: ClusterComputation,
  ctx: CommandContext,
): Promise<void> {
  const target = resolve(ctx.io.cwd, out);
  if (extname(target).toLowerCase() !== '.xlsx')
    throw new CliError({
      vi: `-o cần tên tệp .xlsx, không phải "${out}".`,
      en: `-o needs an .xlsx file name, not "${out}".`,
    });
  if (target === loaded.path)
    throw new CliError({
      vi: 'Tệp kết quả (-o) phải khác tệp đầu vào: Thi đua không ghi đè sổ đang dùng.',
      en: 'The output (-o) must differ from the input: Thi đua never overwrites the workbook in use.',
    });
  const now = new Date().toISOString();
  try {
    if (extname(loaded.path).toLowerCase() === '.xlsx') {
      const report = await writeResultsCopy(loaded.path, target, loaded.doc, computation, now);
      for (const notice of report.notices ?? []) ctx.io.err(ctx.t(notice));
      for (const r of report.refused) ctx.io.err(ctx.t(keptCellText(r)));
    } else {
      await writeClusterWorkbook(target, loaded.doc, computation, { now });
    }
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
  ctx.io.err(ctx.t({ vi: `Đã ghi kết quả vào ${out}.`, en: `Results written to ${out}.` }));
}
