/**
 * `thidua finalise WORKBOOK.xlsx -o OUT.xlsx --by NAME`: when the council closes the meeting, the clerk
 * finalises the year. OUT is a copy of the workbook with the verified scores, ranking, votes and proposals
 * stamped (who, when, the fingerprint of inputs and results) and every sheet protected. The protection
 * prevents accidents, not tampering: `thidua check OUT.xlsx` later says whether the figures still match the
 * fingerprint and which cells changed.
 */
import { access } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import { workbookSheetNames } from '../../../templates/read/sheet-names';
import { addPlanCharts } from '../../host/xlsx/chart';
import { WorkbookFileError, readWorkbookFile, workbookBytes } from '../../host/xlsx/files';
import { PROTECTION_NOTE, readSeal, sealWorkbook } from '../../host/xlsx/seal';
import { snapshotWorkbook } from '../../host/xlsx/snapshot';
import { CliError, type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';
import { writeOutputFile } from '../write-output';
import { computeLoaded } from './compute';
import { factsWithCells, figuresOf } from './figures';
import { hasErrors } from '../../../core';

export const finaliseCommand: Command = {
  name: 'finalise',
  usage: 'thidua finalise WORKBOOK.xlsx -o OUT.xlsx --by NAME [--at YYYY-MM-DDTHH:MM] [--lang en]',
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: 'OUT.xlsx',
      help: { vi: 'bản đã chốt (tệp mới)', en: 'the finalised copy (a new file)' },
    },
    by: { type: 'string', value: 'NAME', help: { vi: 'người chốt số liệu', en: 'who finalises' } },
    at: {
      type: 'string',
      value: 'YYYY-MM-DDTHH:MM',
      help: { vi: 'thời điểm chốt (mặc định: bây giờ)', en: 'when (default: now)' },
    },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    const out = ctx.values.out;
    const by = typeof ctx.values.by === 'string' ? ctx.values.by.trim() : '';
    if (typeof out !== 'string')
      throw new CliError({
        vi: 'Thiếu -o OUT.xlsx (bản đã chốt).',
        en: 'Missing -o OUT.xlsx (the finalised copy).',
      });
    if (!by)
      throw new CliError({
        vi: 'Thiếu --by NAME: ai chốt số liệu.',
        en: 'Missing --by NAME: who finalises.',
      });
    const loaded = await loadDocument(file, ctx);
    if (extname(loaded.path).toLowerCase() !== '.xlsx')
      throw new CliError({
        vi: 'Chỉ chốt được sổ .xlsx (tạo bằng thidua new --from hoặc compute -o).',
        en: 'Only an .xlsx workbook can be finalised (make one with thidua new --from or compute -o).',
      });
    const target = resolve(ctx.io.cwd, out);
    if (extname(target).toLowerCase() !== '.xlsx' || target === loaded.path)
      throw new CliError({
        vi: `-o cần một tệp .xlsx mới, khác tệp đầu vào (nhận "${out}").`,
        en: `-o needs a new .xlsx file, not the input (got "${out}").`,
      });
    if (
      await access(target).then(
        () => true,
        () => false,
      )
    )
      throw new CliError({
        vi: `${basename(target)} đã có: không ghi đè bản đã chốt; hãy chọn tên khác.`,
        en: `${basename(target)} exists: a finalised copy is never overwritten; choose another name.`,
      });
    const at = typeof ctx.values.at === 'string' ? ctx.values.at : new Date().toISOString().slice(0, 16);
    const figures = figuresOf(loaded, ctx);
    let workbook: Awaited<ReturnType<typeof readWorkbookFile>>;
    try {
      workbook = await readWorkbookFile(loaded.path);
    } catch (error) {
      if (error instanceof WorkbookFileError) throw new CliError(error.text);
      throw error;
    }
    if (readSeal(workbook))
      throw new CliError({
        vi: `${basename(loaded.path)} đã được chốt; kiểm tra bằng thidua check.`,
        en: `${basename(loaded.path)} is already finalised; verify it with thidua check.`,
      });
    const { computation } = computeLoaded(loaded);
    // exceljs drops the charts it reads: the plan's chart goes back in, as compute -o does.
    const plan = buildClusterWorkbook(loaded.doc, computation, {
      now: at,
      sheetNames: workbookSheetNames(snapshotWorkbook(workbook, basename(loaded.path))),
    });
    await sealWorkbook(
      workbook,
      { fingerprint: figures.fingerprint, by, at },
      figures.result,
      figures.report,
      factsWithCells(loaded.doc),
    );
    await writeOutputFile(target, await workbookBytes(workbook, (b) => addPlanCharts(b, plan)));
    const t = ctx.t;
    ctx.io.out(t({ vi: `Đã chốt số liệu: ${basename(target)}`, en: `Finalised: ${basename(target)}` }));
    ctx.io.out(
      t({
        vi: `Mã kiểm chứng: ${figures.fingerprint} (${by}, ${at})`,
        en: `Fingerprint: ${figures.fingerprint} (${by}, ${at})`,
      }),
    );
    ctx.io.out(ctx.t(PROTECTION_NOTE));
    ctx.io.out(formatIssues(figures.report.issues, ctx.lang));
    return hasErrors(figures.report.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
  examples: [
    {
      line: 'thidua finalise cum-8-2020.xlsx -o cum-8-2020-chot.xlsx --by "Nguyễn Văn A"',
      what: { vi: 'chốt số liệu năm vào một bản mới', en: 'finalises the year into a new copy' },
    },
  ],
};
