/**
 * Next year's workbook (issue 13), the pure work shared by `thidua next` and the task pane's action (actions.ts
 * nextYear, which loads this module lazily with the core): next year's document from this year's and its
 * computed result (core/years nextYearDocument: members across the 2025 merger, leader and deputy, people's
 * history, decisions), the log line of the new workbook, its plan and its file name. Nothing is written into
 * this year's workbook: next year's is a new file.
 */
import {
  type AwardNomination,
  type Bilingual,
  type ClusterDocument,
  type Criterion,
  type Issue,
  type MemberLine,
  type NextYear,
  nextYearDocument,
  type ResultDocument,
} from '../../core';
import { type BuildOptions, buildClusterWorkbook } from '../../templates/build/cluster';
import type { WorkbookPlan } from '../../templates/plan';

/** The latest year a next year's workbook is made for. */
const LAST_YEAR = 2100;

/** A year next year's workbook can be made for, after the workbook's `current`. */
export const isNextYear = (year: number, current: number): boolean =>
  Number.isInteger(year) && year > current && year <= LAST_YEAR;

/** "cum-7-2022.xlsx" → "cum-7-2023.xlsx"; a name without the year gets it appended. */
export function nextFileName(source: string, from: number, to: number): string {
  const base = source.replace(/\.xlsx$/i, '');
  const renamed = base.includes(String(from)) ? base.split(String(from)).join(String(to)) : `${base}-${to}`;
  return `${renamed}.xlsx`;
}

export interface NextYearInput {
  doc: ClusterDocument;
  result: ResultDocument;
  /** This year's proposals (an annual year's): those no decision followed are listed. */
  nominations: readonly AwardNomination[];
  /** This year's file name, written as the source of what is carried. */
  source: string;
  year?: number;
  /** A new criteria table (default: this year's). */
  criteria?: Criterion[];
  /** The clock (ISO) of the new workbook's log. */
  now: string;
}

export interface NextYearOutcome {
  next: NextYear;
  /** The new workbook's build options: its log starts with where it came from. */
  build: BuildOptions;
  /** The questions the membership leaves open (two members become one): the cluster decides them again. */
  questions: Issue[];
}

export function nextYearOf(input: NextYearInput): NextYearOutcome {
  const next = nextYearDocument(input.doc, {
    result: input.result,
    nominations: input.nominations,
    source: input.source,
    ...(input.year !== undefined ? { year: input.year } : {}),
    ...(input.criteria ? { criteria: input.criteria } : {}),
  });
  const changed = next.members.filter((m) => m.changed).length;
  const build: BuildOptions = {
    now: input.now,
    log: [
      {
        time: input.now,
        action: 'Tạo sổ năm sau',
        detail: `Từ ${input.source} (năm ${input.doc.year}); ${changed} đơn vị đổi theo sắp xếp đơn vị hành chính.`,
      },
    ],
  };
  const questions = next.issues.filter((i) => /^years\.(membership|leadership)\./.test(i.code));
  return { next, build, questions };
}

/** Next year's workbook as a plan for a new file. */
export const nextYearPlan = (outcome: NextYearOutcome): WorkbookPlan =>
  buildClusterWorkbook(outcome.next.doc, undefined, outcome.build);

/** What the pane shows of next year's workbook, and the file to save. */
export interface NextYearSummary {
  fromYear: number;
  year: number;
  members: MemberLine[];
  merged: NextYear['merged'];
  leader?: string;
  deputy?: string;
  leadershipReason: Bilingual;
  carried: Bilingual[];
  notCarried: Bilingual[];
  questions: Issue[];
}

export function nextYearSummary(from: ClusterDocument, outcome: NextYearOutcome): NextYearSummary {
  const { next } = outcome;
  const summary: NextYearSummary = {
    fromYear: from.year,
    year: next.doc.year,
    members: next.members,
    merged: next.merged,
    leadershipReason: next.leadership.reason,
    carried: next.carried,
    notCarried: next.notCarried,
    questions: outcome.questions,
  };
  if (next.doc.cluster.leader) summary.leader = next.doc.cluster.leader;
  if (next.doc.cluster.deputy) summary.deputy = next.doc.cluster.deputy;
  return summary;
}
