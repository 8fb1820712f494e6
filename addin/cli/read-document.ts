/**
 * The CLI loader's entry for .xlsx inputs: a workbook file back into the document, with issues. Two kinds of
 * file: the cluster workbook, and one member's scorecard (`thidua new --unit`), read as the cluster's
 * information it carries plus that member's scores.
 */
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { type ClusterDocument, type Issue, joinCellIssues, makeIssue, matchKey } from '../../core';
import { META_KEYS, TABLE, UNIT_SCORECARD_TEMPLATE_ID } from '../../templates/layouts/cluster';
import type { WorkbookSnapshot } from '../../templates/plan';
import { readClusterWorkbook } from '../../templates/read/cluster';
import { type WorkbookSources, locateIssues } from '../../templates/read/sources';
import { readMetaRows, readUnitScorecard } from '../../templates/read/unit-meta';
import { CliError } from './context';
import { WorkbookFileError, readWorkbookFile } from '../host/xlsx/files';
import { snapshotWorkbook } from '../host/xlsx/snapshot';
import { typedFormulasWithoutValue } from '../host/xlsx/typed-formulas';

/**
 * Each document read here → where its values sit in the workbook. Keyed by the document object, so the
 * commands' loader (which passes the document on unchanged) needs no field of its own for it; the entry goes
 * with the document.
 */
const SOURCES = new WeakMap<ClusterDocument, WorkbookSources>();

/** Documents read from one member's scorecard → that member's name (as the member list spells it). */
const MEMBER = new WeakMap<ClusterDocument, string>();

type WorkbookRead = {
  doc?: ClusterDocument;
  issues: Issue[];
  sources?: WorkbookSources;
  /** The workbook read, with `keepWorkbook` (a command that writes a copy of it: compute -o). */
  workbook?: ExcelJS.Workbook;
};

/**
 * Unreadable files (not .xlsx, too large, a zip bomb, damaged) throw CliError: exit 2, one line. With
 * `keepWorkbook`, the exceljs workbook comes back too, so a command writing a copy does not parse it again;
 * otherwise it is let go as soon as the document is read (the larger workbooks hold hundreds of MB).
 */
export async function readWorkbookDocument(
  path: string,
  options: { keepWorkbook?: boolean } = {},
): Promise<WorkbookRead> {
  try {
    const workbook = await readWorkbookFile(path);
    const snapshot = snapshotWorkbook(workbook, basename(path));
    const read = isUnitScorecard(snapshot) ? readMemberScorecard(snapshot) : readClusterWorkbook(snapshot);
    if (read.doc && read.sources) SOURCES.set(read.doc, read.sources);
    return {
      ...read,
      issues: joinCellIssues(typedFormulasWithoutValue(workbook), read.issues),
      ...(options.keepWorkbook ? { workbook } : {}),
    };
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw error;
  }
}

function isUnitScorecard(snapshot: WorkbookSnapshot): boolean {
  return readMetaRows(snapshot).get(META_KEYS.templateId)?.trim() === UNIT_SCORECARD_TEMPLATE_ID;
}

/**
 * A member's scorecard as a document: the cluster's information it carries (members, criteria, year…) and
 * the member's scores, named by the member list's spelling. Without that information (a scorecard made
 * before it was carried, or damaged) there is no document: the reader's error says why.
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
  MEMBER.set(doc, member);
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
  return { doc, issues: [info, ...read.issues], ...(read.sources ? { sources: read.sources } : {}) };
}

/** Where the values of a document read by readWorkbookDocument sit (sheet and cell); undefined for JSON. */
export function workbookSourcesOf(doc: ClusterDocument): WorkbookSources | undefined {
  return SOURCES.get(doc);
}

/** The member whose scorecard `doc` was read from; undefined for a cluster workbook or a JSON file. */
export function memberScorecardUnit(doc: ClusterDocument): string | undefined {
  return MEMBER.get(doc);
}

/** The core's notes that a member has no self scores: expected of every other member in one member's file. */
const OTHER_MEMBERS_SCORES = new Set(['score.unit.none', 'score.missing', 'unit.notSubmitted']);

/**
 * Issues found on a document (checkCluster, computeCluster) with the sheet and cell of their value when the
 * document was read from a workbook by readWorkbookDocument; otherwise (a JSON file) as they are. For one
 * member's scorecard, the notes that the other members have no scores are dropped: the file holds only its own.
 */
export function locateWorkbookIssues(doc: ClusterDocument, issues: readonly Issue[]): Issue[] {
  const member = MEMBER.get(doc);
  const kept =
    member === undefined
      ? issues
      : issues.filter(
          (i) => !(OTHER_MEMBERS_SCORES.has(i.code) && i.unit !== undefined && i.unit !== member),
        );
  return locateIssues(kept, SOURCES.get(doc));
}
