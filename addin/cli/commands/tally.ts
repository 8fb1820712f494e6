/** `thidua tally FILE… [--unit NAME] [--json]`: awards by form and kind, initiatives by level. */
import { type AwardTally, hasErrors, type Issue, tallyAwards } from '../../../core';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues, renderTable } from '../format';
import { loadDocument } from '../load';
import { refuseMemberScorecard, tallyElsewhere } from '../member-scorecard';
import { memberOrError } from '../members';

function formatTally(tally: AwardTally, issues: readonly Issue[], ctx: CommandContext): string {
  const t = ctx.t;
  const scope = tally.unit ?? tally.clusters.join(', ');
  const out = [
    `${t({ vi: 'Tổng hợp khen thưởng', en: 'Award tally' })}: ${scope} — ${t({ vi: 'năm', en: 'year' })} ${tally.years.join(', ')} (${tally.documents} ${t({ vi: 'tài liệu', en: 'document(s)' })})`,
    '',
    renderTable(
      [
        { header: t({ vi: 'Hình thức', en: 'Form' }) },
        { header: t({ vi: 'Tập thể', en: 'Collective' }), align: 'right' },
        { header: t({ vi: 'Cá nhân', en: 'Individual' }), align: 'right' },
      ],
      [
        ...tally.forms.map((f) => [f.form, String(f.collective), String(f.individual)]),
        [t({ vi: 'Cộng', en: 'Total' }), String(tally.totals.collective), String(tally.totals.individual)],
      ],
    ),
    '',
    renderTable(
      [
        { header: t({ vi: 'Sáng kiến, cấp', en: 'Initiatives, level' }) },
        { header: t({ vi: 'Số', en: 'Count' }), align: 'right' },
      ],
      tally.initiatives.map((i) => [i.level, String(i.count)]),
    ),
  ];
  if (!tally.unit && tally.units.length > 1) {
    out.push(
      '',
      renderTable(
        [
          { header: t({ vi: 'Đơn vị', en: 'Unit' }) },
          { header: t({ vi: 'Tập thể', en: 'Collective' }), align: 'right' },
          { header: t({ vi: 'Cá nhân', en: 'Individual' }), align: 'right' },
          { header: t({ vi: 'Sáng kiến', en: 'Initiatives' }), align: 'right' },
        ],
        tally.units.map((u) => [
          u.unit,
          String(u.forms.reduce((s, f) => s + f.collective, 0)),
          String(u.forms.reduce((s, f) => s + f.individual, 0)),
          String(u.initiatives.reduce((s, i) => s + i.count, 0)),
        ]),
      ),
    );
  }
  out.push('', formatIssues(issues, ctx.lang));
  return out.join('\n');
}

export const tallyCommand: Command = {
  name: 'tally',
  usage: 'thidua tally FILE… [--unit NAME] [--json]',
  options: {
    json: { type: 'boolean', help: { vi: 'in kết quả dạng JSON', en: 'prints the result as JSON' } },
    unit: {
      type: 'string',
      value: 'NAME',
      help: {
        vi: 'chỉ một đơn vị thành viên (tên như được viết; tên không phải thành viên là lỗi, kèm các tên gần nhất)',
        en: 'one member only (the name as written; a name that is not a member is an error, with the closest members)',
      },
    },
  },
  examples: [
    {
      line: 'thidua tally cum-7-2021.json cum-7-2022.json',
      what: { vi: 'khen thưởng và sáng kiến của hai năm', en: 'awards and initiatives over two years' },
    },
    {
      line: 'thidua tally cum-7-2022.json --unit "Gia Lai"',
      what: { vi: 'chỉ VKSND tỉnh Gia Lai', en: 'the Gia Lai procuracy only' },
    },
  ],
  async run(ctx) {
    if (ctx.positionals.length === 0)
      throw new CliError({ vi: 'Thiếu tên tệp (FILE…).', en: 'Missing the file name(s) (FILE…).' });
    const loaded = [];
    for (const file of ctx.positionals) {
      const one = await loadDocument(file, ctx);
      // One member's scorecard holds no awards: a tally of zeros, never shown as the cluster's.
      refuseMemberScorecard(one.doc, tallyElsewhere(file));
      loaded.push(one);
    }
    // A name that is no member is an error with the closest members, never a tally of zeros.
    const options =
      typeof ctx.values.unit === 'string'
        ? {
            unit: memberOrError(
              loaded.map((l) => l.doc),
              ctx.values.unit,
            ),
          }
        : {};
    const tally = tallyAwards(
      loaded.map((l) => l.doc),
      options,
    );
    const issues = [...loaded.flatMap((l) => l.issues), ...tally.issues];
    if (ctx.values.json) ctx.io.out(JSON.stringify({ ...tally, issues }, null, 2));
    else ctx.io.out(formatTally(tally, issues, ctx));
    return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
