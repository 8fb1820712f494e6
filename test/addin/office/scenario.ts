/**
 * A cluster of N units through the real template builder, written into the recording fake by the Office host:
 * the same scenario for the tests and scripts/bench/office.ts.
 */
import { OfficeHost } from '../../../addin/host/office/office-host';
import { buildClusterWorkbook, newClusterDocument } from '../../../templates';
import type { WorkbookPlan } from '../../../templates/plan';
import { FakeExcel } from './fake-excel';

export function clusterPlan(units: number): WorkbookPlan {
  const doc = newClusterDocument({
    kind: 'annual',
    year: 2022,
    cluster: `Cụm thi đua ${units} đơn vị`,
    units: Array.from({ length: units }, (_, i) => `VKSND tỉnh số ${i + 1}`),
  });
  return buildClusterWorkbook(doc);
}

export interface CommandCounts {
  command: string;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** All the command's requests and responses together. */
  requestBytes: number;
  responseBytes: number;
}

/** Runs create, read, update, markIssues and select; counts each command's syncs and largest payloads. */
export async function runCommands(units: number): Promise<{ counts: CommandCounts[]; excel: FakeExcel }> {
  const excel = new FakeExcel();
  excel.addSheet('Sheet1');
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  const plan = clusterPlan(units);
  const counts: CommandCounts[] = [];
  const measure = async (command: string, work: () => Promise<unknown>) => {
    const before = excel.runs.length;
    await work();
    const syncs = excel.runs.slice(before).flat();
    counts.push({
      command,
      syncs: syncs.length,
      maxRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes)),
      requestBytes: syncs.reduce((n, s) => n + s.requestBytes, 0),
      responseBytes: syncs.reduce((n, s) => n + s.responseBytes, 0),
    });
  };
  await measure('read (cold)', () => host.read());
  await measure('write create', () => host.write(plan, 'create'));
  await measure('read', () => host.read());
  await measure('write update', () => host.write(plan, 'update'));
  const first = plan.sheets[0]!;
  await measure('markIssues', () =>
    host.markIssues([
      { severity: 'error', code: 'x', message: 'lỗi', messageEn: 'error', sheet: first.name, cell: 'B2' },
      {
        severity: 'warning',
        code: 'y',
        message: 'cảnh báo',
        messageEn: 'warning',
        sheet: first.name,
        cell: 'C3',
      },
    ]),
  );
  await measure('select', () => host.select(first.name, 'B2'));
  return { counts, excel };
}
