/**
 * The standalone page's workbook: an exceljs Workbook in this browser's memory behind the file host
 * (XlsxHost), and the actions over it. Loaded lazily (exceljs is large), so the page paints first.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../templates/plan';
import { createActions } from '../app/actions';
import type { WorkbookHost } from '../app/host';
import { addPlanCharts } from '../host/xlsx/chart';
import { XlsxHost } from '../host/xlsx/host';
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
  return {
    name,
    blank,
    actions: createActions(host),
    async save() {
      const written = new Uint8Array(await workbook.xlsx.writeBuffer());
      const bytes = host.chartPlan ? await addPlanCharts(written, host.chartPlan) : written;
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
    },
  };
}

export const fileSessions: SessionOpener = {
  async open(file) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    return session(workbook, file.name, false);
  },
  async blank() {
    return session(new ExcelJS.Workbook(), 'thi-dua.xlsx', true);
  },
};
