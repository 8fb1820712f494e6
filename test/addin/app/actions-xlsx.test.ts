// The actions over the real file host: an exceljs workbook built from the sample by the template, read back
// by the real reader. What compute writes stays readable and computes the same; create refuses to write over
// the sheets it would make.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { XlsxHost } from '../../../addin/host/xlsx/host';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;

/** The sample as a real .xlsx in memory, loaded the way the standalone page loads a file. */
async function sampleHost(): Promise<{ host: XlsxHost; workbook: ExcelJS.Workbook }> {
  const { bytes } = await planToBytes(buildClusterWorkbook(sample));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return { host: new XlsxHost(workbook, 'cum-7-2022.xlsx'), workbook };
}

describe('actions over an .xlsx workbook', () => {
  it('compute gives the core result for the workbook, and what it wrote reads back the same', async () => {
    const { host, workbook } = await sampleHost();
    const actions = createActions(host, { core: corePorts });
    const report = await actions.compute();
    const expected = computeCluster(sample).result;
    expect(report.result.units).toEqual(expected.units);
    expect(report.result.clusterIndicators).toEqual(expected.clusterIndicators);
    expect(report.write.cellsWritten).toBeGreaterThan(0);
    expect(report.write.refused).toEqual([]);

    // Save and reopen: the document the workbook holds is unchanged by writing results.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await workbook.xlsx.writeBuffer());
    const reread = await createActions(new XlsxHost(again, 'reopened.xlsx'), {
      core: corePorts,
    }).exportResults();
    expect(reread.result.units).toEqual(expected.units);
    expect(JSON.parse(reread.documentJson).scores).toHaveLength(sample.scores?.length ?? 0);
  });

  it('check reads the workbook back into the sample cluster and finds no error in it', async () => {
    const { host } = await sampleHost();
    const report = await createActions(host, { core: corePorts }).check();
    expect(report.document?.units).toEqual(sample.units.map((u) => u.name));
    expect(report.counts.error).toBe(0);
  });

  it('refuses to create the template over the workbook that already holds it', async () => {
    const { host } = await sampleHost();
    const actions = createActions(host, { core: corePorts });
    await expect(
      actions.createWorkbook({
        kind: 'annual',
        year: 2023,
        cluster: 'Cụm 7',
        units: sample.units.map((u) => u.name),
      }),
    ).rejects.toMatchObject({ text: { vi: expect.stringContaining('đã có trang') } });
  });

  it('creates the template in an empty workbook, which then reads back as that cluster', async () => {
    const workbook = new ExcelJS.Workbook();
    const host = new XlsxHost(workbook, 'moi.xlsx');
    const actions = createActions(host, { core: corePorts });
    const units = ['VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum', 'VKSND tỉnh Đắk Lắk'];
    const created = await actions.createWorkbook({
      kind: 'annual',
      year: 2023,
      cluster: 'Cụm thi đua số 7',
      units,
    });
    expect(created.sheets.length).toBeGreaterThan(units.length);
    const check = await actions.check();
    expect(check.document).toMatchObject({ year: 2023, cluster: 'Cụm thi đua số 7', units });
  });
});
