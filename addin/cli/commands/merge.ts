/**
 * `thidua merge UNIT.xlsx… -o CLUSTER.xlsx`: consolidates the scorecards members return into one cluster
 * workbook. The consolidation itself is addin/app/merge (pure); this command reads the files, calls it and
 * writes the result. Inputs are only read; the output is a new file.
 */
import { basename, resolve } from 'node:path';
import { computeCluster, hasErrors, issueText, makeIssue } from '../../../core';
import type { ConsolidateReport } from '../../app/merge/consolidate';
import { mergeLoaded } from '../../app/cycle-core';
import { keptCellText } from '../../app/kept-cells';
import { WorkbookFileError } from '../../host/xlsx/files';
import { clusterWorkbookBytes, resultsCopyBytes } from '../../host/xlsx/workbook-files';
import type { ClaimedOutput } from '../../host/fs/guarded-write';
import { FORCE_OPTION, claimFor, outOption, requireOut, withClaim } from '../output';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { type Helper, MIN_SHARED, startHelper, stopHelper } from '../threads/pool';
import { readReturnFiles } from '../threads/returns';

export { consolidate } from '../../app/merge/consolidate';
export type { ConsolidateReport, ReturnedWorkbook } from '../../app/merge/consolidate';

/* ---------- the command ---------- */

export function reportText(report: ConsolidateReport, t: CommandContext['t'], lang: 'vi' | 'en'): string[] {
  const lines: string[] = [];
  lines.push(
    t({
      vi: `Đã nhận ${report.received.length} đơn vị: ${report.received.map((r) => r.unit).join(', ') || '(không có)'}`,
      en: `Received ${report.received.length} units: ${report.received.map((r) => r.unit).join(', ') || '(none)'}`,
    }),
  );
  if (report.missing.length > 0)
    lines.push(
      t({
        vi: `Còn thiếu ${report.missing.length} đơn vị: ${report.missing.join(', ')}`,
        en: `Missing ${report.missing.length} units: ${report.missing.join(', ')}`,
      }),
    );
  if (report.duplicates.length > 0)
    lines.push(
      t({
        vi: `Trùng tệp: ${report.duplicates.map((d) => `${d.unit} (${d.files.join(', ')})`).join('; ')}`,
        en: `Duplicate files: ${report.duplicates.map((d) => `${d.unit} (${d.files.join(', ')})`).join('; ')}`,
      }),
    );
  if (report.conflicts.length > 0)
    lines.push(
      t({
        vi: `Giá trị mâu thuẫn: ${report.conflicts.length}`,
        en: `Conflicting values: ${report.conflicts.length}`,
      }),
    );
  if (report.skipped.length > 0)
    lines.push(
      t({
        vi: `Bỏ qua ${report.skipped.length} tệp: ${report.skipped.map((s) => s.file).join(', ')}`,
        en: `Skipped ${report.skipped.length} files: ${report.skipped.map((s) => s.file).join(', ')}`,
      }),
    );
  for (const issue of report.issues) {
    const mark = issue.severity === 'error' ? '✗' : issue.severity === 'warning' ? '!' : 'i';
    lines.push(`  ${mark} ${issueText(issue, lang)}`);
  }
  return lines;
}

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'thidua merge UNIT.xlsx… [CLUSTER.xlsx|CLUSTER.json] -o NEW.xlsx [--json] [--force]',
  options: {
    output: outOption('NEW.xlsx', {
      vi: 'sổ tổng hợp sẽ tạo (không ghi đè tệp đã có)',
      en: 'the cluster workbook to create (an existing file is not overwritten)',
    }),
    json: { type: 'boolean', help: { vi: 'in báo cáo dạng JSON', en: 'prints the report as JSON' } },
    force: FORCE_OPTION,
  },
  notes: [
    {
      vi: 'UNIT: bảng chấm điểm các đơn vị gửi về (tạo bằng "thidua new --unit/--per-unit"; mỗi bảng mang danh sách đơn vị và tiêu chí). CLUSTER, không bắt buộc: sổ tổng hợp hoặc tệp .json của cụm, làm nền; giá trị đã nhập trong đó được giữ.',
      en: 'UNIT: the scorecards members returned (made by "thidua new --unit/--per-unit"; each carries the members and criteria). CLUSTER, optional: the cluster workbook or .json as the base, whose typed values are kept.',
    },
  ],
  examples: [
    {
      line: 'thidua merge nhan-ve/*.xlsx -o cum-8-2020-tong-hop.xlsx',
      what: {
        vi: 'gộp các bảng đã nhận; báo đơn vị còn thiếu, tệp trùng và giá trị mâu thuẫn',
        en: 'merges the returned scorecards; reports missing units, duplicate files and conflicting values',
      },
    },
    {
      line: 'thidua merge cum-8-2020.xlsx nhan-ve/*.xlsx -o cum-8-2020-tong-hop.xlsx',
      what: { vi: 'gộp vào sổ tổng hợp đã có', en: 'merges into the existing cluster workbook' },
    },
  ],
  async run(ctx) {
    const out = requireOut(ctx, 'output', 'NEW.xlsx', '.xlsx');
    if (ctx.positionals.length === 0)
      throw new CliError({
        vi: 'Cần ít nhất một tệp bảng chấm (.xlsx).',
        en: 'Give at least one scorecard file (.xlsx).',
      });
    // The second thread starts compiling while the output is claimed and the first files are read (not for
    // a few files, which the main thread reads alone).
    const helper = ctx.positionals.length >= MIN_SHARED ? startHelper(undefined, 'returns') : undefined;
    try {
      // Claimed before any input is read: an output that is an input (path, link, hard link) is refused first.
      const claim = await claimFor(ctx, out, { inputs: ctx.positionals });
      return await withClaim(claim, (c) => mergeInto(ctx, c, helper));
    } finally {
      stopHelper(helper);
    }
  },
};

async function mergeInto(
  ctx: CommandContext,
  claim: ClaimedOutput,
  helper: Helper | undefined,
): Promise<number> {
  const out = claim.shown;
  {
    const inputs = ctx.positionals.map((p) => resolve(ctx.io.cwd, p));
    const { loaded } = await readReturnFiles(
      inputs.map((p, i) => [p, ctx.positionals[i] ?? basename(p)]),
      helper ? { helper } : {},
    );
    // The same consolidation as the task pane's merge action (addin/app/cycle-core).
    const merged = mergeLoaded(loaded);
    if (!merged.ok) {
      if (merged.report) for (const line of reportText(merged.report, ctx.t, ctx.lang)) ctx.io.err(line);
      else for (const i of merged.issues) ctx.io.err(`  ✗ ${issueText(i, ctx.lang)}`);
      throw new CliError(merged.text);
    }
    const { report, document, base: baseLoaded } = merged;
    const now = new Date().toISOString();
    const computation = computeCluster(document);
    try {
      const { bytes, report: written } = baseLoaded?.snapshot
        ? // The base as already read: its copy is patched from its bytes, exceljs only when it cannot be.
          await resultsCopyBytes(inputs[loaded.indexOf(baseLoaded)]!, document, computation, now, {
            snapshot: baseLoaded.snapshot,
            ...baseLoaded.read,
          })
        : await clusterWorkbookBytes(document, computation, { now });
      for (const notice of written.notices ?? [])
        report.issues.push(makeIssue('info', 'workbook.package.normalised', notice, {}));
      await claim.write(bytes);
      await claim.commit();
      for (const cell of written.refused)
        report.issues.push(
          makeIssue(
            'warning',
            'merge.cell.kept',
            cell.reason
              ? keptCellText(cell)
              : {
                  vi: `Sheet "${cell.sheet}", ô ${cell.cell}: giữ giá trị đã nhập trong sổ cụm, không ghi đè.`,
                  en: `Sheet "${cell.sheet}", cell ${cell.cell}: the value typed in the cluster workbook is kept, not overwritten.`,
                },
            { sheet: cell.sheet, cell: cell.cell },
          ),
        );
    } catch (error) {
      if (error instanceof WorkbookFileError) throw new CliError(error.text);
      throw error;
    }
    if (ctx.values.json) {
      ctx.io.out(
        JSON.stringify(
          {
            format: 'thidua/merge@1',
            output: out,
            received: report.received,
            missing: report.missing,
            duplicates: report.duplicates,
            conflicts: report.conflicts,
            skipped: report.skipped,
            issues: report.issues,
          },
          null,
          2,
        ),
      );
    } else {
      for (const line of reportText(report, ctx.t, ctx.lang)) ctx.io.out(line);
      ctx.io.out(ctx.t({ vi: `Đã ghi ${out}`, en: `Wrote ${out}` }));
    }
    return report.missing.length > 0 || report.conflicts.length > 0 || hasErrors(report.issues)
      ? EXIT_DATA_ERRORS
      : EXIT_OK;
  }
}
