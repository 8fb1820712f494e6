/**
 * `thidua nominate FILE [--json] [-o OUT.xlsx] [--rule-set ID]`: applies the dated rule set to the computed
 * result and prints the proposals with their legal basis, the caps used, the blocked candidates with reasons,
 * and every unconfirmed or overridden rule value used.
 */
import {
  hasErrors,
  type Issue,
  isAwardFieldWarning,
  type NominationReport,
  nominateAwards,
  type RuleValueReport,
} from '../../../core';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues, renderTable } from '../format';
import { loadDocument } from '../load';
import { computeLoaded } from './compute';

/** Reading and computing issues, less the "unknown field" warnings about the fields the awards use. */
export function withoutAwardFieldWarnings(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => !isAwardFieldWarning(i));
}

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

export const nominateCommand: Command = {
  name: 'nominate',
  usage: 'thidua nominate FILE [--json] [-o OUT.xlsx] [--rule-set ID] [--lang en]',
  summary: {
    vi: 'áp dụng bộ quy tắc theo thời kỳ: điều kiện, biểu quyết, giới hạn; đề nghị khen thưởng',
    en: 'applies the dated rule set: eligibility, votes, caps; proposes awards',
  },
  options: {
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    'rule-set': { type: 'string' },
  },
  async run(ctx) {
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    if (typeof ctx.values.out === 'string')
      throw new CliError({
        vi: 'Ghi danh sách đề nghị ra sổ tính (-o) chưa hỗ trợ; hãy dùng --json hoặc bảng trên màn hình.',
        en: 'Writing the nomination workbook (-o) is not supported yet; use --json or the table.',
      });
    const { result } = computeLoaded(loaded);
    const options: { lang: 'vi' | 'en'; ruleSet?: string } = { lang: ctx.lang };
    if (typeof ctx.values['rule-set'] === 'string') options.ruleSet = ctx.values['rule-set'];
    const awards = nominateAwards(loaded.doc, result, options);
    const report: NominationReport = {
      ...awards,
      issues: [...withoutAwardFieldWarnings(result.issues), ...awards.issues],
    };
    if (ctx.values.json) ctx.io.out(JSON.stringify(report, null, 2));
    else ctx.io.out(formatNominations(report, ctx));
    return hasErrors(report.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
