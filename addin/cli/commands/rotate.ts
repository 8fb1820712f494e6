/**
 * `thidua rotate FILE [--json]`: next year's leader and deputy, with the reason and its guidance. One member's
 * scorecard is refused (exit 2), as the pane refuses it: the leadership is proposed on the cluster workbook.
 */
import { hasErrors, proposeRotation } from '../../../core';
import { type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';
import { leadershipElsewhere, refuseMemberScorecard } from '../member-scorecard';

export const rotateCommand: Command = {
  name: 'rotate',
  usage: 'thidua rotate FILE [--json]',
  options: {
    json: { type: 'boolean', help: { vi: 'in kết quả dạng JSON', en: 'prints the result as JSON' } },
  },
  examples: [
    {
      line: 'thidua rotate cum-7-2022.xlsx',
      what: {
        vi: 'Cụm trưởng, Cụm phó năm 2023 và lý do',
        en: 'the leader and deputy for 2023, with the reason',
      },
    },
  ],
  async run(ctx) {
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    refuseMemberScorecard(loaded.doc, leadershipElsewhere);
    const p = proposeRotation(loaded.doc);
    const issues = [...loaded.issues, ...p.issues];
    if (ctx.values.json) {
      const out: Record<string, unknown> = { format: p.format, year: p.year };
      if (p.leader) out.leader = p.leader;
      if (p.deputy) out.deputy = p.deputy;
      Object.assign(out, {
        reason: ctx.t(p.reason),
        source: p.source,
        guidance: p.guidance,
        skipped: p.skipped.map((s) => ({ unit: s.unit, reason: ctx.t(s.reason) })),
        issues,
      });
      ctx.io.out(JSON.stringify(out, null, 2));
    } else {
      const none = ctx.t({ vi: '(chưa xác định)', en: '(undetermined)' });
      ctx.io.out(
        [
          `${ctx.t({ vi: 'Năm', en: 'Year' })} ${p.year}`,
          `  ${ctx.t({ vi: 'Cụm trưởng', en: 'Leader' })}: ${p.leader ?? none}`,
          `  ${ctx.t({ vi: 'Cụm phó', en: 'Deputy' })}:    ${p.deputy ?? none}`,
          `${ctx.t({ vi: p.source === 'election' ? 'Căn cứ' : 'Lý do', en: p.source === 'election' ? 'Basis' : 'Reason' })}: ${ctx.t(p.reason)}`,
          '',
          formatIssues(issues, ctx.lang),
        ].join('\n'),
      );
    }
    return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
