/**
 * `thidua nominate FILE [--json] [-o OUT.xlsx] [--rule-set ID]`: applies the dated rule set to the computed
 * result and prints the proposals with their legal basis, the caps used, the blocked candidates with reasons,
 * and every unconfirmed or overridden rule value used.
 */
import {
  hasErrors,
  isIsoDate,
  type NominationReport,
  type NominateOptions,
  nominateAwards,
  type RuleValueReport,
} from '../../../core';
import { access } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { ClusterDocument, ResultDocument } from '../../../core';
import { type NominationSheetOptions, buildNominationWorkbook } from '../../../templates/nomination';
import { type PrintedFiles, pdfPathFor, writeWorkbookWithPdf } from '../../host/libreoffice';
import { WorkbookFileError } from '../../host/xlsx/files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues, renderTable } from '../format';
import { loadDocument } from '../load';
import { computeLoaded } from './compute';
import { historyOption } from './nominate-history';

function valueText(v: RuleValueReport['value']): string {
  return Array.isArray(v) ? v.join(', ') : v === null ? '—' : String(v);
}

export function formatNominations(report: NominationReport, ctx: CommandContext): string {
  const t = ctx.t;
  const out: string[] = [];
  out.push(
    report.ruleSet
      ? `${t({ vi: 'Bộ quy tắc', en: 'Rule set' })}: ${report.ruleSet} — ${report.ruleSetTitle}`
      : t({ vi: 'Không có bộ quy tắc áp dụng.', en: 'No rule set applies.' }),
    '',
    `${t({ vi: 'ĐỀ NGHỊ KHEN THƯỞNG', en: 'PROPOSALS' })} (${report.nominations.length})`,
  );
  let award = '';
  report.nominations.forEach((n) => {
    if (n.award !== award) {
      award = n.award;
      out.push(`  ${award}`);
    }
    const kind =
      n.kind === 'collective'
        ? t({ vi: 'tập thể', en: 'collective' })
        : t({ vi: 'cá nhân', en: 'individual' });
    const unit = n.kind === 'individual' && n.unit ? `, ${n.unit}` : '';
    out.push(`    • ${n.candidate} (${kind}${unit})`);
    for (const b of n.basis) out.push(`        ${b}`);
  });
  if (report.quotas.length) {
    out.push('', t({ vi: 'GIỚI HẠN SỐ LƯỢNG', en: 'CAPS' }));
    out.push(
      renderTable(
        [
          { header: t({ vi: 'Hình thức', en: 'Award' }) },
          { header: t({ vi: 'Phạm vi', en: 'Scope' }) },
          { header: t({ vi: 'Giới hạn', en: 'Limit' }), align: 'right' },
          { header: t({ vi: 'Đề nghị', en: 'Proposed' }), align: 'right' },
          { header: t({ vi: 'Căn cứ', en: 'Basis' }) },
        ],
        report.quotas.map((q) => [
          q.award,
          q.scope ?? t({ vi: 'cụm', en: 'cluster' }),
          String(q.limit),
          String(q.proposed),
          q.basis,
        ]),
      ),
    );
  }
  out.push('', `${t({ vi: 'KHÔNG ĐỀ NGHỊ', en: 'BLOCKED' })} (${report.blocked.length})`);
  for (const b of report.blocked) {
    out.push(`  • ${b.award} — ${b.candidate}`);
    for (const r of b.reasons) out.push(`        ${r}`);
  }
  if (report.ruleValues.length) {
    out.push(
      '',
      t({ vi: 'GIÁ TRỊ CHƯA XÁC NHẬN HOẶC DO TÀI LIỆU GHI ĐÈ', en: 'UNCONFIRMED OR OVERRIDDEN VALUES' }),
    );
    out.push(
      renderTable(
        [
          { header: t({ vi: 'Tham số', en: 'Parameter' }) },
          { header: t({ vi: 'Giá trị', en: 'Value' }) },
          { header: t({ vi: 'Tình trạng', en: 'Standing' }) },
          { header: t({ vi: 'Ghi chú', en: 'Note' }) },
        ],
        report.ruleValues.map((v) => [
          v.key,
          valueText(v.value),
          v.overridden
            ? `${t({ vi: 'ghi đè, mặc định', en: 'overridden, default' })} ${valueText(v.defaultValue ?? null)}`
            : t({ vi: 'chưa xác nhận', en: 'unconfirmed' }),
          v.note ?? '',
        ]),
      ),
    );
  }
  out.push('', formatIssues(report.issues, ctx.lang));
  return out.join('\n');
}

/* ---------- -o: the nomination sheets (official layout) as .xlsx, and .pdf when LibreOffice is installed ---------- */

/** The -o path, refused when it or its PDF already exists: a list may have been edited or signed since. */
async function newOutputPath(out: string, ctx: CommandContext): Promise<string> {
  const path = resolve(ctx.io.cwd, out);
  if (extname(path).toLowerCase() !== '.xlsx')
    throw new CliError({
      vi: `-o cần tên tệp .xlsx (nhận "${out}").`,
      en: `-o needs an .xlsx file name (got "${out}").`,
    });
  for (const p of [path, pdfPathFor(path)]) {
    const taken = await access(p).then(
      () => true,
      () => false,
    );
    if (taken)
      throw new CliError({
        vi: `${basename(p)} đã có: không ghi đè danh sách đã lập; hãy chọn tên khác.`,
        en: `${basename(p)} exists: a list already made is never overwritten; choose another name.`,
      });
  }
  return path;
}

/** The printed list's header and signature from the options; what is not given keeps the builder's default. */
export function sheetOptionsFrom(ctx: CommandContext, result: ResultDocument): NominationSheetOptions {
  const text = (key: string): string | undefined => {
    const v = ctx.values[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const options: NominationSheetOptions = { result };
  const date = text('date');
  if (date !== undefined) {
    if (!isIsoDate(date))
      throw new CliError({
        vi: `--date ${date}: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2022-12-20.`,
        en: `--date ${date}: expected a real date as YYYY-MM-DD, e.g. 2022-12-20.`,
      });
    options.date = date;
  }
  const symbol = text('symbol');
  if (symbol !== undefined) options.symbol = symbol;
  const place = text('place');
  if (place !== undefined) options.place = place;
  const attachedTo = text('attached-to');
  if (attachedTo !== undefined) options.attachedTo = attachedTo;
  const signer = text('signer');
  if (signer !== undefined) options.signature = { name: signer };
  return options;
}

async function writeNominationSheets(
  doc: ClusterDocument,
  report: NominationReport,
  sheetOptions: NominationSheetOptions,
  path: string,
  ctx: CommandContext,
): Promise<void> {
  // With --json, stdout holds the JSON alone: the file notes go to stderr.
  const say = ctx.values.json ? ctx.io.err : ctx.io.out;
  const plan = buildNominationWorkbook(doc, report, sheetOptions);
  let files: PrintedFiles;
  try {
    files = await writeWorkbookWithPdf(plan, path);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
  say(ctx.t({ vi: `Đã ghi ${basename(files.xlsx)}`, en: `Wrote ${basename(files.xlsx)}` }));
  if (files.pdf) say(ctx.t({ vi: `Đã ghi ${basename(files.pdf)}`, en: `Wrote ${basename(files.pdf)}` }));
  if (files.pdfSkipped) say(ctx.t(files.pdfSkipped));
}

export const nominateCommand: Command = {
  name: 'nominate',
  usage:
    'thidua nominate FILE [--json] [-o OUT.xlsx [--date YYYY-MM-DD] [--place NAME] [--symbol TTr-…] [--attached-to TEXT] [--signer NAME]] [--rule-set ID] [--history FILE|FOLDER]… [--lang en]',
  summary: {
    vi: 'áp dụng bộ quy tắc theo thời kỳ: điều kiện, biểu quyết, giới hạn; đề nghị khen thưởng',
    en: 'applies the dated rule set: eligibility, votes, caps; proposes awards',
  },
  options: {
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    'rule-set': { type: 'string' },
    // The printed list's header and signature (project additions to cli.md).
    date: { type: 'string' },
    place: { type: 'string' },
    symbol: { type: 'string' },
    'attached-to': { type: 'string' },
    signer: { type: 'string' },
    // Earlier years' files or folders (issue 13): "three consecutive years", "once only" from the decisions.
    history: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    const outPath = typeof ctx.values.out === 'string' ? await newOutputPath(ctx.values.out, ctx) : undefined;
    const { result } = computeLoaded(loaded);
    // Bad header options stop the command before anything is printed.
    const sheetOptions = outPath ? sheetOptionsFrom(ctx, result) : undefined;
    const options: NominateOptions = { lang: ctx.lang };
    if (typeof ctx.values['rule-set'] === 'string') options.ruleSet = ctx.values['rule-set'];
    const earlier = await historyOption(loaded, result, ctx);
    if (earlier) options.history = earlier.history;
    const awards = nominateAwards(earlier?.doc ?? loaded.doc, result, options);
    const report: NominationReport = {
      ...awards,
      issues: [...result.issues, ...(earlier?.issues ?? []), ...awards.issues],
    };
    if (ctx.values.json) ctx.io.out(JSON.stringify(report, null, 2));
    else ctx.io.out(formatNominations(report, ctx));
    if (outPath && sheetOptions) await writeNominationSheets(loaded.doc, report, sheetOptions, outPath, ctx);
    return hasErrors(report.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
