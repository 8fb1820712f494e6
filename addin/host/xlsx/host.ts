/**
 * The file host: WorkbookHost over an exceljs workbook held in memory (the CLI and the standalone page).
 * No Node APIs: bytes come in and go out (addin/host/xlsx/files.ts does the file system part in Node).
 */
import type ExcelJS from 'exceljs';
import type { Issue } from '../../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../../templates/plan';
import type { WorkbookHost, WriteMode, WriteReport } from '../../app/host';
import { applyPlanToWorkbook } from './apply';
import { snapshotWorkbook } from './snapshot';

export class XlsxHost implements WorkbookHost {
  readonly kind = 'file' as const;
  /** The cell the person asked to see (the standalone page scrolls to it). */
  selected?: { sheet: string; cell: string };

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly source: string,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    return snapshotWorkbook(this.workbook, this.source);
  }

  async write(plan: WorkbookPlan, mode: WriteMode): Promise<WriteReport> {
    return applyPlanToWorkbook(this.workbook, plan, mode);
  }

  /** A note on each named cell (the person's own fill and value stay). */
  async markIssues(issues: readonly Issue[]): Promise<void> {
    for (const issue of issues) {
      if (!issue.sheet || !issue.cell || issue.cell.includes(':')) continue;
      const ws = this.workbook.getWorksheet(issue.sheet);
      if (!ws) continue;
      const cell = ws.getCell(issue.cell);
      const prefix = issue.severity === 'error' ? 'Lỗi' : 'Lưu ý';
      cell.note = `${prefix} (Thi đua): ${issue.message}`;
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
  }
}
