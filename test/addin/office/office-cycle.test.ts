// The Excel path complete on the recording fake: the ranking chart drawn by the Office host, the official
// nomination sheets written into the workbook within two syncs at 7 and 63 units, and an Excel with only
// ExcelApi 1.7 (Excel 2016/2019) running check and compute without an API above it, saying what it skipped.
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { OfficeHost, SKIPPED } from '../../../addin/host/office/office-host';
import { type ClusterDocument, computeCluster } from '../../../core';
import { buildClusterWorkbook, newClusterDocument } from '../../../templates';
import { NOMINATION_SHEETS } from '../../../templates/nomination';
import { selfScores } from '../app/returned';
import { FakeExcel } from './fake-excel';

/** N members, every leaf scored at both stages, so the ranking and the proposals have something to say. */
function scoredCluster(units: number): ClusterDocument {
  const doc = newClusterDocument({
    kind: 'annual',
    year: 2022,
    cluster: `Cụm thi đua ${units} đơn vị`,
    units: Array.from({ length: units }, (_, i) => `VKSND tỉnh số ${i + 1}`),
  });
  const scores = doc.units.flatMap((u, i) => {
    const self = selfScores(doc, u.name, i);
    return [...self, ...self.map((s) => ({ ...s, stage: 'verified' as const }))];
  });
  return { ...doc, scores };
}

const syncsOf = (excel: FakeExcel, from: number) => excel.runs.slice(from).map((r) => r.length);

describe('the Office host draws the chart and writes the nomination sheets', () => {
  for (const units of [7, 63]) {
    it(`${units} units: the ranking chart on the summary sheet, and the nomination sheets in ≤ 2 syncs`, async () => {
      const excel = new FakeExcel();
      excel.addSheet('Sheet1');
      const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
      const doc = scoredCluster(units);
      const plan = buildClusterWorkbook(doc, computeCluster(doc));
      let from = excel.runs.length;
      await host.write(plan, 'create');
      expect(Math.max(...syncsOf(excel, from))).toBeLessThanOrEqual(2);
      const planned = plan.sheets.flatMap((s) => (s.charts ?? []).map((c) => ({ sheet: s.name, chart: c })));
      expect(planned.length).toBe(1);
      const { sheet, chart } = planned[0]!;
      const drawn = excel.sheet(sheet).charts;
      expect(drawn).toHaveLength(1);
      const strip = (a: string) => a.replace(/\$/g, '');
      expect(strip(drawn[0]!.source)).toBe(strip(chart.values));
      expect(strip(drawn[0]!.categories!)).toBe(strip(chart.categories));
      expect(drawn[0]).toMatchObject({
        type: chart.kind === 'bar' ? 'BarClustered' : 'ColumnClustered',
        title: chart.title,
        seriesName: chart.seriesName,
        position: { from: chart.from, to: chart.to },
      });
      if (chart.valueAxisMin !== undefined) expect(drawn[0]!.valueAxisMinimum).toBe(chart.valueAxisMin);

      const actions = createActions(host, { core: corePorts });
      from = excel.runs.length;
      const report = await actions.nominationSheets({ date: '2022-12-20', signer: 'Nguyễn Văn A' });
      // One read run and one write run, each within two syncs.
      const runs = syncsOf(excel, from);
      expect(runs).toHaveLength(2);
      for (const n of runs) expect(n).toBeLessThanOrEqual(2);
      expect(report.sheets.length).toBeGreaterThan(0);
      expect(report.write.sheetsCreated).toEqual(report.sheets);
      for (const name of report.sheets) {
        expect(Object.values(NOMINATION_SHEETS)).toContain(name);
        const texts = [...excel.sheet(name).cells.values()].map((c) => String(c.value ?? ''));
        expect(texts.some((t) => t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
        expect(texts.some((t) => t.includes('Nguyễn Văn A'))).toBe(true);
        expect(excel.sheet(name).layout).toMatchObject({ paperSize: 'A4' });
      }
      // Written again (a second list): still two syncs, the sheets updated in place.
      from = excel.runs.length;
      const again = await actions.nominationSheets({ date: '2022-12-21' });
      for (const n of syncsOf(excel, from)) expect(n).toBeLessThanOrEqual(2);
      expect(again.write.sheetsCreated).toEqual([]);
      const texts = [...excel.sheet(again.sheets[0]!).cells.values()].map((c) => String(c.value ?? ''));
      expect(texts.some((t) => t.includes('ngày 21 tháng 12 năm 2022'))).toBe(true);
      expect(texts.some((t) => t.includes('ngày 20 tháng 12 năm 2022'))).toBe(false);
    }, 120_000);
  }
});

describe('an Excel with ExcelApi 1.7 only (Excel 2016, 2019)', () => {
  it('creates, checks and computes without an API above 1.7, and names what it skipped', async () => {
    const excel = new FakeExcel({ excelApi: 7 });
    excel.addSheet('Sheet1');
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const actions = createActions(host, { core: corePorts });
    const doc = scoredCluster(7);
    // The fake throws ApiNotFound on any call above 1.7: every step below would fail on one.
    const created = await host.write(buildClusterWorkbook(doc), 'create');
    expect(created.skipped).toEqual(
      expect.arrayContaining([SKIPPED.validation, SKIPPED.pageLayout, SKIPPED.indent]),
    );
    for (const s of excel.book.sheets) expect(s.validations).toEqual([]);
    const check = await actions.check();
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const computed = await actions.compute();
    expect(computed.result.units).toEqual(computeCluster(doc).result.units);
    expect(computed.write.skipped).toEqual([SKIPPED.cellProperties]);
    // What compute wrote reads back as the same document.
    const reread = await actions.compute();
    expect(reread.result.units).toEqual(computed.result.units);
    // Nomination sheets too: the official layout without page setup, said so.
    const sheets = await actions.nominationSheets();
    expect(sheets.write.skipped).toEqual(expect.arrayContaining([SKIPPED.pageLayout]));
  }, 120_000);

  it('the same workbook on ExcelApi 1.9 skips nothing', async () => {
    const excel = new FakeExcel({ excelApi: 9 });
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const doc = scoredCluster(7);
    const created = await host.write(buildClusterWorkbook(doc), 'create');
    expect(created.skipped).toBeUndefined();
    const computed = await createActions(host, { core: corePorts }).compute();
    expect(computed.write.skipped).toBeUndefined();
  }, 60_000);
});
