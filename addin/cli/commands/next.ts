/**
 * `thidua next FILE -o NEXT.xlsx [--year Y] [--criteria FILE] [--json]`: next year's cluster workbook from this
 * year's (core/years nextYearDocument): members and their lineage, the membership question where two members
 * become one, leader and deputy, criteria, indicators, people with this year's decided awards, the decisions so
 * far and this year's results for the year-over-year sheet. Lists what was carried and what stays behind.
 */
import { basename } from 'node:path';
import { type Bilingual, hasErrors, nominateAwards } from '../../../core';
import { isNextYear, nextYearOf } from '../../app/next-year';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';
import { FORCE_OPTION } from '../output';
import { computeLoaded } from './compute';
import { withClaim } from '../output';
import { claimNewClusterWorkbook, writeClusterWorkbookInto } from './years-output';

function yearOption(ctx: CommandContext, current: number): number | undefined {
  const raw = ctx.values.year;
  if (typeof raw !== 'string') return undefined;
  const y = Number(raw);
  if (!isNextYear(y, current))
    throw new CliError({
      vi: `--year ${raw}: cần một năm sau năm ${current} của tệp.`,
      en: `--year ${raw}: needs a year after the file's ${current}.`,
    });
  return y;
}

export const nextCommand: Command = {
  name: 'next',
  usage: 'thidua next FILE -o NEXT.xlsx [--force] [--year Y] [--criteria FILE] [--json] [--lang en]',
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: 'NEXT.xlsx',
      help: { vi: 'sổ năm sau (tệp mới)', en: "next year's workbook (a new file)" },
    },
    force: FORCE_OPTION,
    year: {
      type: 'string',
      value: 'Y',
      help: { vi: 'năm mới (mặc định: năm sau)', en: 'the new year (default: the next one)' },
    },
    criteria: {
      type: 'string',
      value: 'FILE',
      help: { vi: 'bảng tiêu chí mới', en: 'a new criteria table' },
    },
    json: { type: 'boolean', help: { vi: 'in dạng JSON', en: 'print JSON' } },
  },
  examples: [
    {
      line: 'thidua next cum-7-2024.xlsx -o cum-7-2025.xlsx',
      what: { vi: 'sổ năm 2025 từ sổ năm 2024', en: "the 2025 workbook from 2024's" },
    },
  ],
  async run(ctx) {
    const file = ctx.positionals[0];
    const out = ctx.values.out;
    if (typeof out !== 'string')
      throw new CliError({
        vi: 'Cần -o NEXT.xlsx (sổ năm sau sẽ tạo).',
        en: 'Needs -o NEXT.xlsx (the workbook to write).',
      });
    // The output first: one that exists or names an input is refused before anything is read.
    const claim = await claimNewClusterWorkbook(out, ctx, [
      ...(typeof file === 'string' ? [file] : []),
      ...(typeof ctx.values.criteria === 'string' ? [ctx.values.criteria] : []),
    ]);
    const { loaded, next, written } = await withClaim(claim, async () => {
      const loaded = await loadDocument(file, ctx);
      const year = yearOption(ctx, loaded.doc.year);
      const { result } = computeLoaded(loaded);
      const criteria =
        typeof ctx.values.criteria === 'string'
          ? (await loadDocument(ctx.values.criteria, ctx)).doc.criteria
          : undefined;
      const nominations = loaded.doc.kind === 'annual' ? nominateAwards(loaded.doc, result).nominations : [];
      const { next, build } = nextYearOf({
        doc: loaded.doc,
        result,
        nominations,
        source: basename(loaded.path),
        ...(year !== undefined ? { year } : {}),
        ...(criteria ? { criteria } : {}),
        now: new Date().toISOString(),
      });
      const written = await writeClusterWorkbookInto(claim, next.doc, undefined, build);
      return { loaded, next, written };
    });
    const issues = next.issues;
    const t = (b: Bilingual) => ctx.t(b);
    if (ctx.values.json) {
      ctx.io.out(
        JSON.stringify(
          {
            format: 'thidua/next@1',
            from: { file: basename(loaded.path), year: loaded.doc.year },
            year: next.doc.year,
            file: basename(written.path),
            members: next.members,
            merged: next.merged,
            leader: next.doc.cluster.leader ?? null,
            deputy: next.doc.cluster.deputy ?? null,
            leadershipReason: t(next.leadership.reason),
            carried: next.carried.map(t),
            notCarried: next.notCarried.map(t),
            issues,
          },
          null,
          2,
        ),
      );
    } else {
      const lines = [
        t({
          vi: `Đã tạo ${out}: sổ năm ${next.doc.year} của ${next.doc.cluster.name} từ ${basename(loaded.path)} (năm ${loaded.doc.year}), ${written.sheets} sheet.`,
          en: `Wrote ${out}: the ${next.doc.year} workbook of ${next.doc.cluster.name} from ${basename(loaded.path)} (${loaded.doc.year}), ${written.sheets} sheets.`,
        }),
        '',
        t({ vi: 'ĐƠN VỊ THÀNH VIÊN', en: 'MEMBERS' }),
        ...next.members.map((m) =>
          m.changed && m.since
            ? `  ${m.from} → ${m.to} ${t({ vi: `(từ ${m.since.split('-').reverse().join('/')})`, en: `(from ${m.since})` })}`
            : `  ${m.to}`,
        ),
        '',
        `${t({ vi: 'Cụm trưởng', en: 'Leader' })}: ${next.doc.cluster.leader ?? '—'}; ${t({ vi: 'Cụm phó', en: 'Deputy' })}: ${next.doc.cluster.deputy ?? '—'}`,
        `  ${t(next.leadership.reason)}`,
        '',
        t({ vi: 'ĐÃ CHUYỂN SANG NĂM SAU', en: 'CARRIED' }),
        ...next.carried.map((c) => `  • ${t(c)}`),
        '',
        t({ vi: 'KHÔNG CHUYỂN', en: 'NOT CARRIED' }),
        ...(next.notCarried.length
          ? next.notCarried.map((c) => `  • ${t(c)}`)
          : [`  ${t({ vi: '(không có)', en: '(none)' })}`]),
        '',
        formatIssues(issues, ctx.lang),
      ];
      ctx.io.out(lines.join('\n'));
    }
    return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
