/**
 * Where each value of a document read from a workbook came from, so an issue the core finds in the document
 * (which names a JSON path, or a unit, criterion and stage) can name the sheet and cell a person must fix.
 * Pure and free of the core's values: the task pane's actions use it without loading the core.
 */
import type { Issue, Stage } from '../../core';
import { a1 } from '../layouts/a1';

export interface CellSource {
  sheet: string;
  /** A1 reference on `sheet`. */
  cell: string;
}

/** One entry's fields read from cells (`scores[12]`: points, bonus…), kept as numbers until a field is asked for. */
interface EntrySource {
  sheet: string;
  fields: readonly string[];
  rows: readonly number[];
  cols: readonly (number | undefined)[];
}

/**
 * JSON path → the cell it was read from. A workbook of 63 units has 160 000 such paths, nearly all fields of
 * entries: an entry's are kept as one record and each field's A1 text made only when asked for.
 */
export class SourceCells implements ReadonlyMap<string, CellSource> {
  private readonly single = new Map<string, CellSource>();
  private readonly entries_ = new Map<string, EntrySource>();

  set(path: string, source: CellSource): this {
    this.single.set(path, source);
    return this;
  }

  /** `path.fields[k]` read from (rows[k], cols[k]) on `sheet`; a field whose column is undefined is not recorded. */
  setEntry(
    path: string,
    sheet: string,
    fields: readonly string[],
    rows: readonly number[],
    cols: readonly (number | undefined)[],
  ): void {
    this.entries_.set(path, { sheet, fields, rows, cols });
  }

  get(path: string): CellSource | undefined {
    const found = this.single.get(path);
    if (found !== undefined || this.entries_.size === 0) return found;
    const dot = path.lastIndexOf('.');
    if (dot < 0) return undefined;
    const entry = this.entries_.get(path.slice(0, dot));
    if (!entry) return undefined;
    const k = entry.fields.indexOf(path.slice(dot + 1));
    const col = k < 0 ? undefined : entry.cols[k];
    return col === undefined ? undefined : { sheet: entry.sheet, cell: a1(entry.rows[k]!, col) };
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get size(): number {
    let n = this.single.size;
    for (const [path, entry] of this.entries_)
      entry.cols.forEach((col, k) => {
        if (col !== undefined && !this.single.has(`${path}.${entry.fields[k]}`)) n++;
      });
    return n;
  }

  *entries(): MapIterator<[string, CellSource]> {
    yield* this.single;
    for (const [path, entry] of this.entries_)
      for (let k = 0; k < entry.fields.length; k++) {
        const col = entry.cols[k];
        const key = `${path}.${entry.fields[k]}`;
        if (col !== undefined && !this.single.has(key))
          yield [key, { sheet: entry.sheet, cell: a1(entry.rows[k]!, col) }];
      }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<CellSource> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, CellSource]> {
    return this.entries();
  }

  forEach(fn: (value: CellSource, key: string, map: ReadonlyMap<string, CellSource>) => void): void {
    for (const [key, value] of this.entries()) fn(value, key, this);
  }
}

export interface WorkbookSources {
  /** JSON path in the document, as the core writes Issue.path (`scores[12].bonus`) → the cell it was read from. */
  cells: SourceCells;
  /** scoreKey(unit, criterion, stage) → the score's JSON path (`scores[12]`), for issues that name no path. */
  scores: Map<string, string>;
}

export const emptySources = (): WorkbookSources => ({ cells: new SourceCells(), scores: new Map() });

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
