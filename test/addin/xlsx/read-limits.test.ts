/**
 * A workbook the product writes is always readable by it: the read limits follow from the measured memory
 * of reading (addin/host/xlsx/read-limits.ts), and a 700-unit cluster workbook falls under them. Building 700
 * units takes minutes, so its size is extrapolated from two real ones (the XML grows linearly in members,
 * one sheet each), and the larger of them is read back for real, with limits scaled down so that it is as far
 * over the old fixed 20 MB as the 700-unit file is over 20 MB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import { WorkbookFileError, checkXlsxBytes } from '../../../addin/host/xlsx/files';
import { readZipDirectory } from '../../../addin/host/xlsx/package-guard';
import {
  MAX_FILE_BYTES,
  MAX_UNCOMPRESSED_BYTES,
  READ_COST,
  predictedPeakMb,
} from '../../../addin/host/xlsx/read-limits';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { computeCluster } from '../../../core';
import { buildClusterWorkbook } from '../../../templates/build/cluster';
import { largeCluster } from '../../../scripts/bench/workbook';

const MB = 1048576;

async function written(units: number): Promise<{ bytes: Uint8Array; xml: number }> {
  const doc = largeCluster(units);
  const plan = buildClusterWorkbook(doc, computeCluster(doc), { now: '2025-01-05T08:00:00Z' });
  const { bytes } = await planToBytes(plan);
  const xml = readZipDirectory(bytes)!.entries.reduce((n, e) => n + e.uncompressed, 0);
  return { bytes, xml };
}

describe('read limits from the memory bound', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keep the heaviest command within the budget at the limit', () => {
    expect(predictedPeakMb(MAX_UNCOMPRESSED_BYTES)).toBeLessThanOrEqual(READ_COST.budgetMb);
    expect(predictedPeakMb(MAX_UNCOMPRESSED_BYTES + 10 * MB)).toBeGreaterThan(READ_COST.budgetMb);
    expect(MAX_FILE_BYTES * 4).toBeLessThanOrEqual(MAX_UNCOMPRESSED_BYTES);
    // The old fixed limits refused the product's own 700-unit workbook (29,6 MB, 249 MB of XML).
    expect(MAX_FILE_BYTES).toBeGreaterThan(20 * MB);
    expect(MAX_UNCOMPRESSED_BYTES).toBeGreaterThan(200 * MB);
  });

  it('let a 700-unit workbook the product writes be read back (extrapolated from 7 and 21 units, 21 read)', async () => {
    const small = await written(7);
    const large = await written(21);
    const perUnit = (large.xml - small.xml) / 14;
    const zipPerUnit = (large.bytes.byteLength - small.bytes.byteLength) / 14;
    const xml700 = large.xml + perUnit * (700 - 21);
    const zip700 = large.bytes.byteLength + zipPerUnit * (700 - 21);
    // Measured on the real 700-unit file: 155,5 MB of XML, 30,7 MB zipped (249,2 MB of XML before a
    // validation repeated down a column was written once, 2026-12-07); the extrapolation is within 10 %.
    expect(xml700 / MB).toBeGreaterThan(155.5 * 0.9);
    expect(xml700 / MB).toBeLessThan(155.5 * 1.1);
    expect(xml700 * 1.05).toBeLessThan(MAX_UNCOMPRESSED_BYTES);
    expect(zip700 * 1.05).toBeLessThan(MAX_FILE_BYTES);
    // The 21-unit file, with the limits scaled by its size against 700 units: passes, and the old 20 MB
    // limit scaled the same way refuses it, as it refused the real 700-unit file.
    const scale = large.bytes.byteLength / zip700;
    const limits = {
      maxFileBytes: MAX_FILE_BYTES * scale,
      maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES * (large.xml / xml700),
    };
    await expect(checkXlsxBytes(large.bytes, 'cum-21.xlsx', limits)).resolves.toEqual({
      kept: new Map(),
      complete: false,
    });
    const refused = await checkXlsxBytes(large.bytes, 'cum-21.xlsx', { maxFileBytes: 20 * MB * scale }).catch(
      (error: WorkbookFileError) => error,
    );
    expect(refused).toBeInstanceOf(WorkbookFileError);
    expect((refused as WorkbookFileError).text.vi).toMatch(
      /^Tệp cum-21\.xlsx lớn .* quá giới hạn .*; không mở\. Nếu đây là sổ thật, hãy tách/,
    );
    const file = join(dir, 'cum-21.xlsx');
    writeFileSync(file, large.bytes);
    const read = await readWorkbookDocument(file);
    expect(read.doc?.units).toHaveLength(21);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  }, 60_000);
});
