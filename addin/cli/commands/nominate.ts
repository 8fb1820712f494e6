/**
 * `thidua nominate FILE [--json] [-o OUT.xlsx] [--rule-set ID]`: applies the dated rule set to the computed
 * result and prints the proposals with their legal basis, the caps used, the blocked candidates with reasons,
 * and every unconfirmed or overridden rule value used.
 */
import {
  hasErrors,
  type NominationReport,
  type NominateOptions,
  nominateAwards,
  RULE_SETS,
  type RuleValueReport,
} from '../../../core';
import { basename } from 'node:path';
import type { ClusterDocument, ResultDocument } from '../../../core';
import { type NominationSheetOptions, buildNominationWorkbook } from '../../../templates/nomination';
import type { ClaimedOutput } from '../../host/fs/guarded-write';
import { type PrintedFiles, pdfPathFor, printClaimed } from '../../host/libreoffice';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues, renderTable } from '../format';
import { loadDocument } from '../load';
import { FORCE_OPTION, claimFor, outOption, requireOut } from '../output';
import {
  PLACE_OPTION,
  SIGNER_OPTION,
  dateOption,
  dateOptionValue,
  optionText,
  symbolOption,
} from '../document-options';
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

/**
 * The -o path and its PDF, claimed together before the input is read: refused when either exists (a list may
 * have been edited or signed since; --force replaces), is the input, or is a link.
 */
async function claimNominationFiles(ctx: CommandContext): Promise<ClaimedOutput[]> {
  const out = requireOut(ctx, 'out', 'OUT.xlsx', '.xlsx');
  const inputs = ctx.positionals.slice(0, 1);
  const xlsx = await claimFor(ctx, out, { inputs });
  try {
    const pdfShown = pdfPathFor(out);
    return [xlsx, await claimFor(ctx, pdfShown, { inputs })];
  } catch (error) {
    await xlsx.abort();
    throw error;
  }
}

/** A --rule-set that names no rule set stops the command (exit 2) before anything is read. */
function checkRuleSet(ctx: CommandContext): void {
  const id = ctx.values['rule-set'];
  if (typeof id === 'string' && !RULE_SETS.some((r) => r.id === id))
    throw new CliError({
      vi: `--rule-set "${id}" không có; các bộ quy tắc hiện có: ${RULE_SETS.map((r) => r.id).join(', ')}.`,
      en: `--rule-set "${id}" does not exist; the rule sets: ${RULE_SETS.map((r) => r.id).join(', ')}.`,
    });
}

/** The printed list's header and signature from the options; what is not given keeps the builder's default. */
export function sheetOptionsFrom(ctx: CommandContext, result: ResultDocument): NominationSheetOptions {
  const text = (key: string) => optionText(ctx, key);
  const options: NominationSheetOptions = { result };
  const date = dateOptionValue(ctx);
  if (date !== undefined) options.date = date;
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
  [xlsx, pdf]: ClaimedOutput[],
  ctx: CommandContext,
): Promise<void> {
  // With --json, stdout holds the JSON alone: the file notes go to stderr.
  const say = ctx.values.json ? ctx.io.err : ctx.io.out;
  const plan = buildNominationWorkbook(doc, report, sheetOptions);
  const files: PrintedFiles = await printClaimed(plan, xlsx!, pdf);
  say(ctx.t({ vi: `Đã ghi ${basename(files.xlsx)}`, en: `Wrote ${basename(files.xlsx)}` }));
  if (files.pdf) say(ctx.t({ vi: `Đã ghi ${basename(files.pdf)}`, en: `Wrote ${basename(files.pdf)}` }));
  if (files.pdfSkipped) say(ctx.t(files.pdfSkipped));
}

export const nominateCommand: Command = {
  name: 'nominate',
  usage:
    'thidua nominate FILE [--json] [--rule-set ID] [--history FILE|FOLDER]… [-o OUT.xlsx [--force] [--date YYYY-MM-DD] [--place NAME] [--symbol TTr-…] [--attached-to TEXT] [--signer NAME]]',
  options: {
    json: { type: 'boolean', help: { vi: 'in kết quả dạng JSON', en: 'prints the result as JSON' } },
    'rule-set': {
      type: 'string',
      value: 'ID',
      help: {
        vi: 'bộ quy tắc (mặc định: bộ có hiệu lực ngày 31/12 của năm)',
        en: 'the rule set (default: the one in force on 31 December of the year)',
      },
    },
    out: outOption('OUT.xlsx', {
      vi: 'ghi danh sách đề nghị theo mẫu chính thức (.xlsx, và .pdf khi có LibreOffice)',
      en: 'writes the nomination lists in the official layout (.xlsx, and .pdf with LibreOffice)',
    }),
    force: FORCE_OPTION,
    // The printed list's header and signature (project additions to cli.md).
    date: dateOption({ vi: 'ngày ghi trên tờ trình', en: 'the date printed on the list' }),
    place: PLACE_OPTION,
    symbol: symbolOption({ vi: 'số, ký hiệu văn bản', en: "the document's number and symbol" }),
    'attached-to': {
      type: 'string',
      value: 'TEXT',
      help: { vi: 'văn bản mà danh sách kèm theo', en: 'the document the list is attached to' },
    },
    signer: SIGNER_OPTION,
    history: {
      type: 'string',
      multiple: true,
      value: 'FILE|FOLDER',
      help: {
        vi: 'sổ các năm trước (tệp hoặc thư mục): "ba năm liên tục", "một lần" theo các quyết định',
        en: 'earlier years\' files or folders: "three consecutive years", "once only" from the decisions',
      },
    },
  },
  examples: [
    {
      line: 'thidua nominate cum-7-2022.xlsx',
      what: {
        vi: 'đề nghị khen thưởng kèm căn cứ, giới hạn số lượng và trường hợp không đề nghị',
        en: 'award proposals with their basis, the caps and the blocked candidates',
      },
    },
    {
      line: 'thidua nominate cum-7-2022.xlsx -o de-nghi-2022.xlsx --date 2022-12-20 --signer "Nguyễn Văn A"',
      what: {
        vi: 'danh sách theo mẫu chính thức, in ra de-nghi-2022.pdf',
        en: 'the lists in the official layout, printed to de-nghi-2022.pdf',
      },
    },
  ],
  async run(ctx) {
    checkRuleSet(ctx);
    const claims = ctx.values.out !== undefined ? await claimNominationFiles(ctx) : undefined;
    try {
      return await nominate(ctx, claims);
    } catch (error) {
      for (const c of claims ?? []) await c.abort();
      throw error;
    }
  },
};

async function nominate(ctx: CommandContext, claims: ClaimedOutput[] | undefined): Promise<number> {
  {
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    const outPath = claims !== undefined;
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
    if (claims && sheetOptions) await writeNominationSheets(loaded.doc, report, sheetOptions, claims, ctx);
    return hasErrors(report.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  }
}
