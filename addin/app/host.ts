/**
 * What the application needs from a place that holds a workbook. Two hosts implement it:
 * the Office.js host (inside Excel: one read batch, one write batch per command) and the file host
 * (exceljs: the command line and the standalone page). Everything above this interface is host-neutral:
 * read a snapshot, run the pure reader and core, build a plan, write it.
 */
import type { Issue } from '../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';

export type WriteMode =
  /** A new workbook (or, inside Excel, new sheets): everything in the plan is written. */
  | 'create'
  /** Results into an existing workbook: only the cells the plan names; sheets missing are created. */
  | 'update';

export interface WriteReport {
  cellsWritten: number;
  sheetsCreated: string[];
  /**
   * Cells the plan named that hold what a person typed (unlocked input cells with a value differing from the plan):
   * never overwritten, reported instead.
   */
  refused: { sheet: string; cell: string }[];
}

export interface WorkbookHost {
  readonly kind: 'office' | 'file';
  /** One read of everything the reader needs. */
  read(): Promise<WorkbookSnapshot>;
  /** One write batch. */
  write(plan: WorkbookPlan, mode: WriteMode): Promise<WriteReport>;
  /** Visual marks on the cells that issues name (a fill or note), keeping the person's own formatting otherwise. */
  markIssues(issues: readonly Issue[]): Promise<void>;
  /** Bring a cell into view and select it (an issue list item was clicked). */
  select(sheet: string, cell: string): Promise<void>;
}
