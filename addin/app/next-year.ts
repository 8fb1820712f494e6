/**
 * The task pane's "next year" action (issue 13): one read of this year's workbook, then next year's document
 * and its workbook plan (core/years nextYearDocument; templates). Nothing is written into the open workbook:
 * next year's is a new file, which the pane hands to the host to save (the file host's bytes, or Excel's
 * new workbook). The core loads lazily, as for the other actions.
 */
import type { Bilingual, Issue, MemberLine } from '../../core';
import type { WorkbookPlan } from '../../templates/plan';
import { ActionError, countIssues, type IssueCounts, mergeIssues } from './actions';
import type { WorkbookHost } from './host';

export interface NextYearReport {
  source: string;
  fromYear: number;
  year: number;
  /** The file name to offer ("cum-7-2023.xlsx" from "cum-7-2022.xlsx"). */
  fileName: string;
  members: MemberLine[];
  merged: { into: string; from: string[]; since: string }[];
  leader?: string;
  deputy?: string;
  leadershipReason: Bilingual;
  carried: Bilingual[];
  notCarried: Bilingual[];
  issues: Issue[];
  counts: IssueCounts;
  plan: WorkbookPlan;
}

/** "cum-7-2022.xlsx" → "cum-7-2023.xlsx"; a name without the year gets it appended. */
export function nextFileName(source: string, from: number, to: number): string {
  const base = source.replace(/\.xlsx$/i, '');
  const renamed = base.includes(String(from)) ? base.split(String(from)).join(String(to)) : `${base}-${to}`;
  return `${renamed}.xlsx`;
}

export async function prepareNextYear(
  host: WorkbookHost,
  options: { year?: number } = {},
): Promise<NextYearReport> {
  const [core, { buildClusterWorkbook }, { readClusterWorkbook }] = await Promise.all([
    import('../../core'),
    import('../../templates/build/cluster'),
    import('../../templates/read/cluster'),
  ]);
  const snapshot = await host.read();
  const read = readClusterWorkbook(snapshot);
  if (!read.doc)
    throw new ActionError(
      {
        vi: `Không đọc được dữ liệu thi đua từ ${snapshot.source}: sổ tính không theo mẫu của Thi đua.`,
        en: `Could not read emulation data from ${snapshot.source}: not a Thi đua workbook.`,
      },
      read.issues,
    );
  const doc = read.doc;
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year > doc.year))
    throw new ActionError({
      vi: `Năm ${options.year} không sau năm ${doc.year} của sổ.`,
      en: `${options.year} is not after the workbook's ${doc.year}.`,
    });
  const result = core.computeCluster(doc).result;
  const nominations = doc.kind === 'annual' ? core.nominateAwards(doc, result).nominations : [];
  const next = core.nextYearDocument(doc, {
    result,
    nominations,
    source: snapshot.source,
    ...(options.year !== undefined ? { year: options.year } : {}),
  });
  const now = new Date().toISOString();
  const plan = buildClusterWorkbook(next.doc, undefined, {
    now,
    log: [{ time: now, action: 'Tạo sổ năm sau', detail: `Từ ${snapshot.source} (năm ${doc.year}).` }],
  });
  const issues = mergeIssues(next.issues);
  const report: NextYearReport = {
    source: snapshot.source,
    fromYear: doc.year,
    year: next.doc.year,
    fileName: nextFileName(snapshot.source, doc.year, next.doc.year),
    members: next.members,
    merged: next.merged,
    leadershipReason: next.leadership.reason,
    carried: next.carried,
    notCarried: next.notCarried,
    issues,
    counts: countIssues(issues),
    plan,
  };
  if (next.doc.cluster.leader) report.leader = next.doc.cluster.leader;
  if (next.doc.cluster.deputy) report.deputy = next.doc.cluster.deputy;
  return report;
}
