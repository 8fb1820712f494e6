/**
 * `thidua history FILES… (--person NAME | --unit NAME) [--json]`: titles, awards and decisions year by year,
 * with the unit's rank and score each year, across renamed and merged units and spellings of a name
 * (core/years). Two people of one name stay two histories.
 */
import { type HistoryReport, type HistoryYear, hasErrors, personHistory, unitHistory } from '../../../core';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadYearFiles } from './year-files';

const num = (n: number, lang: string) => (lang === 'vi' ? String(n).replace('.', ',') : String(n));

function yearLines(y: HistoryYear, ctx: CommandContext): string[] {
  const t = ctx.t;
  const standing =
    y.rank !== undefined
      ? t({
          vi: `hạng ${y.rank}/${y.of}, ${num(y.total ?? 0, 'vi')} điểm (${num(y.percent ?? 0, 'vi')}%), ${y.tier}`,
          en: `rank ${y.rank}/${y.of}, ${y.total} points (${y.percent}%), ${y.tier}`,
        })
      : t({ vi: 'không có tệp năm này', en: 'no file for this year' });
  const out = [`  ${y.year}  ${y.unit} — ${standing}${y.source ? ` [${y.source}]` : ''}`];
  for (const i of y.items) {
    const what =
      i.status === 'decided'
        ? i.decision!.text
        : i.status === 'proposed'
          ? t({ vi: 'đề nghị, chưa có quyết định', en: 'proposed, no decision yet' })
          : t({ vi: 'ghi trong danh sách, chưa có quyết định', en: 'typed in a list, no decision' });
    out.push(`        • ${i.form} — ${what} (${i.sources.join(', ')})`);
  }
  if (y.items.length === 0)
    out.push(`        ${t({ vi: '(không có danh hiệu, khen thưởng)', en: '(no titles or awards)' })}`);
  return out;
}

export function formatHistory(report: HistoryReport, ctx: CommandContext): string {
  const t = ctx.t;
  const years = report.files.map((f) => f.year).join(', ');
  const out = [
    `${t({ vi: 'Lịch sử thi đua, khen thưởng', en: 'Emulation and award history' })}: ${report.query.person ?? report.query.unit} — ${report.files.length} ${t({ vi: 'tệp', en: 'file(s)' })} (${years})`,
  ];
  report.people.forEach((p, k) => {
    const also =
      p.names.length > 1
        ? t({
            vi: ` (cũng viết: ${p.names.slice(1).join(', ')})`,
            en: ` (also spelt: ${p.names.slice(1).join(', ')})`,
          })
        : '';
    out.push(
      '',
      `${t({ vi: 'Người', en: 'Person' })} ${k + 1}: ${p.names[0]}${also} — ${p.units.join(', ')}; ${t({ vi: 'độ tin cậy', en: 'confidence' })} ${num(p.confidence, ctx.lang)}${p.matchedBy.length ? ` (${p.matchedBy.join('; ')})` : ''}`,
    );
    for (const y of p.years) out.push(...yearLines(y, ctx));
  });
  for (const u of report.units) {
    const also =
      u.names.length > 1 || (u.names[0] && u.names[0] !== u.unit) ? ` (${u.names.join(', ')})` : '';
    out.push('', `${t({ vi: 'Đơn vị', en: 'Unit' })}: ${u.unit}${also}`);
    for (const y of u.years) out.push(...yearLines(y, ctx));
  }
  out.push('', formatIssues(report.issues, ctx.lang));
  return out.join('\n');
}

export const historyCommand: Command = {
  name: 'history',
  usage: 'thidua history FILE|FOLDER… (--person NAME | --unit NAME) [--json] [--lang en]',
  options: {
    person: { type: 'string', value: 'NAME', help: { vi: 'họ tên cá nhân', en: "the person's name" } },
    unit: { type: 'string', value: 'NAME', help: { vi: 'tên đơn vị', en: "the unit's name" } },
    json: { type: 'boolean', help: { vi: 'in dạng JSON', en: 'print JSON' } },
  },
  async run(ctx) {
    const person = typeof ctx.values.person === 'string' ? ctx.values.person.trim() : undefined;
    const unit = typeof ctx.values.unit === 'string' ? ctx.values.unit.trim() : undefined;
    if (!person === !unit)
      throw new CliError({
        vi: 'Cần đúng một trong hai: --person TÊN hoặc --unit TÊN.',
        en: 'Needs exactly one of --person NAME or --unit NAME.',
      });
    if (ctx.positionals.length === 0)
      throw new CliError({
        vi: 'Thiếu tệp (FILE… hoặc thư mục).',
        en: 'Missing the files (FILE… or a folder).',
      });
    const { files, issues: readIssues } = await loadYearFiles(ctx.positionals, ctx);
    if (files.length === 0)
      throw new CliError({
        vi: 'Không có tệp .json hoặc .xlsx nào để đọc.',
        en: 'No .json or .xlsx file to read.',
      });
    const report = person ? personHistory(files, person, ctx.lang) : unitHistory(files, unit!, ctx.lang);
    report.issues = [...readIssues, ...report.issues];
    if (ctx.values.json) ctx.io.out(JSON.stringify(report, null, 2));
    else ctx.io.out(formatHistory(report, ctx));
    return hasErrors(report.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
  examples: [
    {
      line: 'thidua history so-nam/ --person "Nguyễn Thị Hoa"',
      what: {
        vi: 'danh hiệu, khen thưởng của một người qua các năm',
        en: "a person's titles and awards year by year",
      },
    },
  ],
};
