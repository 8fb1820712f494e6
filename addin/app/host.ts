/**
 * What the application needs from a place that holds a workbook. Two hosts implement it:
 * the Office.js host (inside Excel: one read batch, one write batch per command) and the file host
 * (exceljs: the command line and the standalone page). Everything above this interface is host-neutral:
 * read a snapshot, run the pure reader and core, build a plan, write it.
 */
import type { Bilingual, Issue } from '../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';

export type WriteMode =
  /** A new workbook (or, inside Excel, new sheets): everything in the plan is written. */
  | 'create'
  /** Results into an existing workbook: only the cells the plan names; sheets missing are created. */
  | 'update'
  /**
   * Values a person entered in the pane's fields (leader, deputy, rotation, dates), into exactly the cells the
   * plan names: written over what the cells hold, since the person asked for this change; nothing else.
   */
  | 'set';

/** Why a cell the plan named was left as it is (./kept-cells.ts words each). */
export type KeptReason =
  /** An input cell holding a typed value that differs from the plan's. */
  | 'typed'
  /** An input cell holding a typed formula whose result differs from the plan's value. */
  | 'formula'
  /** An input cell holding a typed formula with no computed value saved (its value is unknown). */
  | 'formulaNoCache'
  /** A formula cell of the template over which a person typed a value. */
  | 'overFormula'
  /** The plan's value is not a number Excel can hold (NaN, infinite): nothing written. */
  | 'notANumber';

export interface WriteReport {
  cellsWritten: number;
  sheetsCreated: string[];
  /**
   * Cells the plan named that hold what a person typed (unlocked input cells with a value differing from the plan):
   * never overwritten, reported instead. `reason` absent means 'typed'.
   */
  refused: { sheet: string; cell: string; reason?: KeptReason }[];
  /** What the host normalised in the file to write it (a package saved by another program), to be told. */
  notices?: Bilingual[];
  /** What this Excel could not do (an API set it lacks: data validation, RangeAreas…), named for the pane. */
  skipped?: Bilingual[];
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
