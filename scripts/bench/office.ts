/**
 * The Office.js host against the recording fake (test/addin/office/fake-excel.ts): context.sync calls and the
 * largest request/response per command for clusters of 7, 63 and 700 units built by the real template builder.
 * Excel on the web refuses payloads over 5 MB; the host splits only what would pass that. Notes are off here (no
 * ExcelApi 1.18 outside Office), as in Excel versions without the notes API.
 */
import type { BenchRow } from '../bench';
import { runCommands } from '../../test/addin/office/scenario';

const kib = (bytes: number) => (bytes / 1024).toFixed(0);

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const units of [7, 63, 700]) {
    const started = performance.now();
    const { counts } = await runCommands(units);
    for (const c of counts) {
      rows.push({
        area: 'office',
        case: `${units} units: ${c.command}`,
        value: c.syncs,
        unit: 'syncs',
        note:
          `requests ${kib(c.requestBytes)} KiB (max ${kib(c.maxRequestBytes)}), ` +
          `responses ${kib(c.responseBytes)} KiB (max ${kib(c.maxResponseBytes)})`,
      });
    }
    rows.push({
      area: 'office',
      case: `${units} units: all commands (fake)`,
      value: performance.now() - started,
      unit: 'ms',
    });
  }
  return rows;
}
