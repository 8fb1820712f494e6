/**
 * Where each value of a document read from a workbook came from, so an issue the core finds in the document
 * (which names a JSON path, or a unit, criterion and stage) can name the sheet and cell a person must fix.
 * Pure and free of value imports: the task pane's actions use it without loading the core.
 */
import type { Issue, Stage } from '../../core';

export interface CellSource {
  sheet: string;
  /** A1 reference on `sheet`. */
  cell: string;
}

export interface WorkbookSources {
  /** JSON path in the document, as the core writes Issue.path (`scores[12].bonus`) → the cell it was read from. */
  cells: ReadonlyMap<string, CellSource>;
  /** scoreKey(unit, criterion, stage) → the score's JSON path (`scores[12]`), for issues that name no path. */
  scores: Map<string, string>;
}

export const emptySources = (): WorkbookSources => ({ cells: new Map(), scores: new Map() });

/** The key of a score by the unit's and criterion's names as the document's units and criteria spell them. */
export const scoreKey = (unit: string, criterion: string, stage: Stage): string =>
  `${unit}\u0000${criterion}\u0000${stage}`;

/** `scores[12].bonus` → `scores[12]` → `scores` → undefined. */
function parentPath(path: string): string | undefined {
  const m = /^(.+?)(?:\.[^.[\]]+|\[[^\]]*\])$/.exec(path);
  return m?.[1];
}

/**
 * The cell of a path, or of its nearest recorded ancestor: `people[2].titles[0].year` is the titles cell,
 * `scores[3].stage` the score's points cell.
 */
export function sourceOfPath(sources: WorkbookSources, path: string): CellSource | undefined {
  for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
    const found = sources.cells.get(p);
    if (found) return found;
  }
  return undefined;
}

/** The cell an issue is about, when the workbook holds it. */
export function sourceOfIssue(sources: WorkbookSources, issue: Issue): CellSource | undefined {
  if (issue.path !== undefined) {
    const found = sourceOfPath(sources, issue.path);
    if (found) return found;
  }
  if (issue.unit !== undefined && issue.criterion !== undefined && issue.stage !== undefined) {
    const path = sources.scores.get(scoreKey(issue.unit, issue.criterion, issue.stage));
    if (path !== undefined) return sourceOfPath(sources, path);
  }
  return undefined;
}

/**
 * The issues with sheet and cell filled where the workbook says where their value came from. Issues that
 * already name a sheet (the reader's own) are kept as they are; nothing else changes.
 */
export function locateIssues(issues: readonly Issue[], sources: WorkbookSources | undefined): Issue[] {
  if (!sources) return [...issues];
  return issues.map((issue) => {
    if (issue.sheet !== undefined) return issue;
    const found = sourceOfIssue(sources, issue);
    return found ? { ...issue, sheet: found.sheet, cell: found.cell } : issue;
  });
}
