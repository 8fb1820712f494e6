/**
 * The standalone page's workbook: an exceljs Workbook in this browser's memory behind the file host
 * (XlsxHost), and the actions over it. Loaded lazily (exceljs is large), so the page paints first.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../templates/plan';
import { createActions } from '../app/actions';
import type { WorkbookHost } from '../app/host';
import { addPlanCharts } from '../host/xlsx/chart';
import { WorkbookFileError } from '../host/xlsx/file-error';
import { XlsxHost } from '../host/xlsx/host';
import { xlsxFiles } from '../host/xlsx/workbook-bytes';
import { checkXlsxBytes } from '../host/xlsx/check-bytes';
import { loadWorkbookBytes, normalisedNotice } from '../host/xlsx/load';
import { type FileSession, type SessionOpener, XLSX_MIME } from './session';

/** The file host, remembering the last plan that drew charts: exceljs neither keeps nor writes charts. */
class ChartKeepingHost implements WorkbookHost {
  readonly kind = 'file' as const;
  chartPlan: WorkbookPlan | undefined;
  constructor(readonly inner: XlsxHost) {}
  read() {
    return this.inner.read();
  }
  async write(plan: WorkbookPlan, mode: Parameters<WorkbookHost['write']>[1]) {
    const report = await this.inner.write(plan, mode);
    if (plan.sheets.some((s) => (s.charts?.length ?? 0) > 0)) this.chartPlan = plan;
    return report;
  }
  markIssues(issues: Parameters<WorkbookHost['markIssues']>[0]) {
    return this.inner.markIssues(issues);
  }
  select(sheet: string, cell: string) {
    return this.inner.select(sheet, cell);
  }
}

function session(workbook: ExcelJS.Workbook, name: string, blank: boolean): FileSession {
  const host = new ChartKeepingHost(new XlsxHost(workbook, name));
  const notice = normalisedNotice(workbook);
  return {
    name,
    blank,
    // docx (the dossier's Word files) loads on first use only.
    actions: createActions(host, {
      files: xlsxFiles,
      documents: () => import('../host/docx').then((m) => m.docxFiles),
    }),
    ...(notice ? { notice } : {}),
    async save() {
      let bytes: Uint8Array;
      try {
        const written = new Uint8Array(await workbook.xlsx.writeBuffer());
        bytes = host.chartPlan ? await addPlanCharts(written, host.chartPlan) : written;
      } catch {
        // The writer's own text names nothing a person can act on.
        throw new WorkbookFileError({
          vi: `sổ tính có phần Thi đua không ghi được; hãy mở ${name} bằng Excel, lưu lại rồi thử lại`,
          en: `the workbook holds a part Thi đua cannot write; open ${name} in Excel, re-save it and try again`,
        });
      }
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
    },
  };
}

export const fileSessions: SessionOpener = {
  async open(file) {
    // The command line's limits first (too large, a zip bomb, a DTD); then files from other programs are
    // repaired, and a damaged one names its part (../host/xlsx/load.ts).
    const bytes = new Uint8Array(await file.arrayBuffer());
    await checkXlsxBytes(bytes, file.name);
    const workbook = await loadWorkbookBytes(bytes, file.name);
    return session(workbook, file.name, false);
  },
  async blank() {
    return session(new ExcelJS.Workbook(), 'thi-dua.xlsx', true);
  },
};
