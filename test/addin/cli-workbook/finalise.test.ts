/**
 * `thidua finalise`: the council's figures sealed into a copy of the workbook, with a fingerprint the dossier
 * prints; the copy is a new file (an existing one, or the workbook itself, is refused and left as it was), and
 * a figure changed afterwards is named by check and makes the dossier say "not finalised".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLE, cli, tempDir } from './workbooks';

describe('thidua finalise', { timeout: 180_000 }, () => {
  it('seals a new copy, refuses to replace it, and check names a figure changed after sealing', async () => {
    const dir = await tempDir();
    expect((await cli(['new', 'annual', '--from', SAMPLE, '-o', 'cum.xlsx'], dir)).code).toBe(0);
    const sealed = await cli(['finalise', 'cum.xlsx', '-o', 'chot.xlsx', '--by', 'Nguyễn Văn A'], dir);
    expect(sealed.code, sealed.err).toBe(0);
    const fp = sealed.out.match(/Mã kiểm chứng: ([0-9A-F-]+)/)?.[1];
    expect(fp, sealed.out).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}$/);

    const before = await readFile(join(dir, 'chot.xlsx'));
    const again = await cli(['finalise', 'cum.xlsx', '-o', 'chot.xlsx', '--by', 'Nguyễn Văn A'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('chot.xlsx đã có');
    expect((await readFile(join(dir, 'chot.xlsx'))).equals(before)).toBe(true);
    expect((await cli(['finalise', 'cum.xlsx', '-o', 'cum.xlsx', '--by', 'A'], dir)).code).toBe(2);

    expect((await cli(['check', 'chot.xlsx'], dir)).code).toBe(0);
    // A clerk changes one self-assessed score after sealing.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'chot.xlsx'));
    const changed = 'chot-sua.xlsx';
    let done = false;
    for (const ws of wb.worksheets) {
      if (done || !ws.name.startsWith('tỉnh')) continue;
      ws.eachRow((row) => {
        const cell = row.getCell(7);
        if (!done && row.number >= 6 && typeof cell.value === 'number') {
          cell.value = cell.value - 1;
          done = true;
        }
      });
    }
    expect(done).toBe(true);
    await wb.xlsx.writeFile(join(dir, changed));
    const checked = await cli(['check', changed], dir);
    expect(checked.out).toContain(fp!);
    expect(checked.out).toMatch(/khác|thay đổi/);
  });
});
