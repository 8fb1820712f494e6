/**
 * `thidua rules [--date YYYY-MM-DD] [--json]`: the award rule set in force on a date (default: today), every
 * value with its quote, source and standing, the award forms, and what differs from the previous set.
 * Exit 0 when a set is in force on the date, 1 when none is, 2 for bad arguments.
 */
import { describeRulesOn, isIsoDate, type RuleSetDescription, type Standing } from '../../../core';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { badDateText, DATE_FLAG } from '../../app/date-text';

const USAGE = 'thidua rules [--date YYYY-MM-DD] [--json] [--lang en]';

const STANDING: Record<Standing, { vi: string; en: string }> = {
  confirmed: { vi: 'đã đối chiếu văn bản chính thức', en: 'checked against the official text' },
  secondary: { vi: 'theo bản sao thứ cấp', en: 'from a secondary copy' },
  unconfirmed: { vi: 'chưa xác nhận', en: 'unconfirmed' },
};

const dayVi = (iso: string): string => iso.split('-').reverse().join('/');

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const show = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : v === null ? '—' : v === undefined ? '∅' : String(v);

export function formatRules(d: RuleSetDescription, date: string, ctx: CommandContext): string {
  const t = ctx.t;
  const day = (iso: string) => (ctx.lang === 'en' ? iso : dayVi(iso));
  const out: string[] = [
    t({
      vi: `Bộ quy tắc có hiệu lực ngày ${dayVi(date)}: ${d.id}`,
      en: `Rule set in force on ${date}: ${d.id}`,
    }),
    `  ${d.title}`,
    d.validTo
      ? t({
          vi: `  Hiệu lực: từ ${day(d.validFrom)} đến ${day(d.validTo)}`,
          en: `  In force: ${d.validFrom} to ${d.validTo}`,
        })
      : t({ vi: `  Hiệu lực: từ ${day(d.validFrom)}`, en: `  In force: from ${d.validFrom}` }),
    `  ${t({ vi: 'Văn bản', en: 'Texts' })}: ${d.documents.join('; ')}`,
  ];
  for (const n of d.notes) out.push(`  · ${n}`);
  for (const rule of d.rules) {
    out.push('', `${rule.award ?? t({ vi: 'Quy định chung', en: 'General rules' })} (${rule.id})`);
    out.push(`  ${t({ vi: 'Căn cứ', en: 'Basis' })}: ${rule.basis}`);
    if (rule.requires)
      out.push(
        `  ${t({ vi: 'Dựa trên', en: 'Builds on' })}: ${rule.requires.join(', ')} — ${rule.requiresWhy ?? ''}`,
      );
    for (const v of rule.values) {
      out.push(`  • ${v.key} = ${show(v.value)} [${t(STANDING[v.standing])}]`);
      if (v.quote) out.push(`      “${v.quote}”`);
      const where = [v.source, v.foundIn ? `${t({ vi: 'đọc tại', en: 'read in' })} ${v.foundIn}` : undefined]
        .filter(Boolean)
        .join('; ');
      if (where) out.push(`      ${where}`);
      if (v.note) out.push(`      ${v.note}`);
    }
  }
  out.push('', t({ vi: 'CÁC HÌNH THỨC KHEN THƯỞNG', en: 'AWARD FORMS' }));
  for (const f of d.forms) {
    const how = f.proposed
      ? t({ vi: 'chương trình đề nghị', en: 'proposed by the program' })
      : t({
          vi: 'chỉ ghi nhận (chưa xác minh điều kiện, không đề nghị tự động)',
          en: 'recorded only (conditions not confirmed, never proposed automatically)',
        });
    out.push(`  • ${f.name} — ${f.authority} [${t(STANDING[f.authorityStanding])}]; ${how}`);
  }
  out.push('');
  if (!d.previous)
    out.push(
      t({
        vi: 'Bộ quy tắc đầu tiên: không có bộ trước để so sánh.',
        en: 'The first rule set: nothing to compare with.',
      }),
    );
  else {
    out.push(
      t({
        vi: `THAY ĐỔI SO VỚI ${d.previous} (${d.changes.length})`,
        en: `CHANGES FROM ${d.previous} (${d.changes.length})`,
      }),
    );
    for (const c of d.changes) {
      const standing =
        c.standingBefore !== c.standingAfter
          ? ` [${c.standingBefore ? t(STANDING[c.standingBefore]) : '∅'} → ${c.standingAfter ? t(STANDING[c.standingAfter]) : '∅'}]`
          : '';
      out.push(`  • ${c.key}: ${show(c.before)} → ${show(c.after)}${standing}`);
    }
  }
  return out.join('\n');
}

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE,
  options: {
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      help: {
        vi: 'ngày cần xem bộ quy tắc (mặc định: hôm nay)',
        en: 'the date to show the rule set for (default: today)',
      },
    },
    json: { type: 'boolean', help: { vi: 'in dạng JSON', en: 'print JSON' } },
  },
  async run(ctx) {
    if (ctx.positionals.length > 0)
      throw new CliError({
        vi: `Không nhận đối số "${ctx.positionals[0]}".\n${USAGE}`,
        en: `Unexpected argument "${ctx.positionals[0]}".\n${USAGE}`,
      });
    const option = ctx.values.date;
    const date = typeof option === 'string' ? option.trim() : today();
    if (!isIsoDate(date)) throw new CliError(badDateText(DATE_FLAG, date, '2024-12-31'));
    const described = describeRulesOn(date, ctx.lang);
    if (!described) {
      ctx.io.err(
        ctx.t({
          vi: `Không có bộ quy tắc khen thưởng nào có hiệu lực ngày ${dayVi(date)}.`,
          en: `No award rule set is in force on ${date}.`,
        }),
      );
      return EXIT_DATA_ERRORS;
    }
    if (ctx.values.json) ctx.io.out(JSON.stringify({ date, ...described }, null, 2));
    else ctx.io.out(formatRules(described, date, ctx));
    return EXIT_OK;
  },
  examples: [
    {
      line: 'thidua rules --date 2024-12-31',
      what: { vi: 'bộ quy tắc có hiệu lực ngày 31/12/2024', en: 'the rule set in force on 31/12/2024' },
    },
  ],
};
