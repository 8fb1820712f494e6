/**
 * The one read path for every door (the command line, the task pane, the standalone page): which kind of
 * workbook a snapshot is, and its document with issues and cell sources. Two kinds hold a document: the
 * cluster workbook (a campaign's is the same template), and one member's scorecard (`thidua new --unit`, the
 * pane's send-out), read as the cluster's information it carries plus that member's scores.
 */
import { type ClusterDocument, type Issue, makeIssue, matchKey } from '../../core';
import { META_KEYS, TABLE, UNIT_SCORECARD_TEMPLATE_ID } from '../layouts/cluster';
import type { WorkbookSnapshot } from '../plan';
import { readClusterWorkbook } from './cluster';
import type { WorkbookSources } from './sources';
import { readMetaRows, readUnitScorecard } from './unit-meta';

export interface WorkbookRead {
  doc?: ClusterDocument;
  issues: Issue[];
  sources?: WorkbookSources;
  /** Set when the workbook is one member's scorecard: that member, as the member list spells it. */
  member?: string;
}

export function isUnitScorecard(snapshot: WorkbookSnapshot): boolean {
  return readMetaRows(snapshot).get(META_KEYS.templateId)?.trim() === UNIT_SCORECARD_TEMPLATE_ID;
}

export function readWorkbookSnapshot(snapshot: WorkbookSnapshot): WorkbookRead {
  return isUnitScorecard(snapshot) ? readMemberScorecard(snapshot) : readClusterWorkbook(snapshot);
}

/**
 * Without the cluster's information (a scorecard made before it was carried, or damaged) there is no
 * document: the reader's error says why.
 */
function readMemberScorecard(snapshot: WorkbookSnapshot): WorkbookRead {
  const read = readUnitScorecard(snapshot);
  if (!read.cluster || !read.document) return { issues: read.issues };
  const typed = read.unit ?? '';
  const member = read.cluster.units.find((u) => matchKey(u.name) === matchKey(typed))?.name ?? typed;
  const doc: ClusterDocument = {
    ...read.cluster,
    scores: (read.document.scores ?? []).map((s) => ({ ...s, unit: member })),
  };
  const sheet = snapshot.sheets.find((s) =>
    s.tables.some((t) => t.name.startsWith(TABLE.scorecardPrefix)),
  )?.name;
  const info = makeIssue(
    'info',
    'unit.scorecard.member',
    {
      vi: `Bảng chấm điểm của ${member}: chỉ kiểm tra điểm của đơn vị này.`,
      en: `The scorecard of ${member}: only this unit's scores are checked.`,
    },
    { unit: member, ...(sheet ? { sheet } : {}) },
  );
  return {
    doc,
    issues: [info, ...read.issues],
    member,
    ...(read.sources ? { sources: read.sources } : {}),
  };
}

/** The core's notes that a member has no self scores: expected of every other member in one member's file. */
const OTHER_MEMBERS_SCORES = new Set(['score.unit.none', 'score.missing', 'unit.notSubmitted']);

/** The issues that concern a member's own scorecard: the other members' missing scores are not its business. */
export function memberScorecardIssues(member: string | undefined, issues: readonly Issue[]): Issue[] {
  if (member === undefined) return [...issues];
  return issues.filter(
    (i) => !(OTHER_MEMBERS_SCORES.has(i.code) && i.unit !== undefined && i.unit !== member),
  );
}
