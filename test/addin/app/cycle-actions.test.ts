// The cycle's actions over the real file host: create the cluster workbook, send out the members' scorecards,
// merge three returned files, set leader/deputy/rotation/dates in fields, write the official nomination sheets,
// and export: each step checked on what is in the workbook afterwards (read back by the real reader).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { ActionError, createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { memberScorecardBuilder } from '../../../addin/app/cycle-core';
import { badDateText, PERIOD_FROM, PERIOD_TO } from '../../../addin/app/date-text';
import type { WorkbookHost } from '../../../addin/app/host';
import { OfficeHost } from '../../../addin/host/office/office-host';
import { XlsxHost } from '../../../addin/host/xlsx/host';
import { xlsxFiles } from '../../../addin/host/xlsx/workbook-bytes';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster } from '../../../core';
import { translate } from '../../../addin/taskpane/i18n';
import { NOMINATION_SHEETS } from '../../../templates/nomination';
import { FakeExcel } from '../office/fake-excel';
import { selfScores, typeScores } from './returned';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;
const NOW = '2022-11-01T08:00:00.000Z';

async function readDoc(host: XlsxHost): Promise<ClusterDocument> {
  const read = corePorts.readWorkbook(await host.read());
  expect(read.document).toBeDefined();
  return read.document!;
}

describe('the cycle on the file host', () => {
  it('create, send out, merge three returns, settings, nomination sheets, export', async () => {
    const host = new XlsxHost(new ExcelJS.Workbook(), 'thi-dua.xlsx');
    const actions = createActions(host, { core: corePorts, files: xlsxFiles, now: () => NOW });
    const units = sample.units.map((u) => u.name);
    await actions.createWorkbook({ kind: 'annual', year: 2022, cluster: sample.cluster.name, units });
    const created = await readDoc(host);

    // Send out: one scorecard per member, named by number and unaccented name; nothing written into the workbook.
    const sent = await actions.sendOut();
    expect(sent.files.map((f) => f.name)).toEqual([
      '01-vksnd-tinh-dak-lak.xlsx',
      '02-vksnd-tinh-gia-lai.xlsx',
      '03-vksnd-tinh-kon-tum.xlsx',
      '04-vksnd-tinh-dak-nong.xlsx',
      '05-vksnd-tinh-lam-dong.xlsx',
    ]);
    expect(sent.files.map((f) => f.unit)).toEqual(units);

    // Three members type their self scores and return the file.
    const returned = [];
    const expectedScores = [];
    for (const [i, unit] of units.slice(0, 3).entries()) {
      const scores = selfScores(created, unit, i);
      const { bytes, typed } = await typeScores(sent.files[i]!.bytes, created, unit, scores);
      expect(typed).toBeGreaterThan(0);
      returned.push({ name: sent.files[i]!.name, bytes });
      expectedScores.push(...scores);
    }
    const merged = await actions.mergeReturns(returned);
    expect(merged.intoOpenWorkbook).toBe(true);
    expect(merged.received.map((r) => r.unit)).toEqual(units.slice(0, 3));
    expect(merged.missing).toEqual(units.slice(3));
    expect(merged.conflicts).toEqual([]);
    expect(merged.write.refused).toEqual([]);
    const afterMerge = await readDoc(host);
    const key = (s: { unit: string; criterion: string; stage: string }) =>
      `${s.unit}|${s.criterion}|${s.stage}`;
    const got = new Map((afterMerge.scores ?? []).map((s) => [key(s), s.points]));
    for (const s of expectedScores) expect(got.get(key(s)), key(s)).toBe(s.points);
    // The ranking the pane computes is the core's on the consolidated document.
    const computed = await actions.compute();
    expect(computed.result.units).toEqual(computeCluster(afterMerge).result.units);

    // Settings in fields: written into their cells, read back by the reader.
    const before = await actions.readSettings();
    expect(before.document.units).toEqual(units);
    const rotation = [...units].reverse();
    const saved = await actions.saveSettings({
      leader: units[2],
      deputy: units[4],
      rotation,
      period: { from: '2022-01-01', to: '2022-11-30' },
    });
    expect(saved.write.cellsWritten).toBeGreaterThan(0);
    const afterSettings = await readDoc(host);
    expect(afterSettings.cluster.leader).toBe(units[2]);
    expect(afterSettings.cluster.deputy).toBe(units[4]);
    expect(afterSettings.cluster.rotation).toEqual(rotation);
    expect(afterSettings.period).toEqual({ from: '2022-01-01', to: '2022-11-30' });
    // The scores are untouched by the settings.
    expect(afterSettings.scores).toEqual(afterMerge.scores);
    expect((await actions.readSettings()).settings.rotation).toEqual(rotation);

    // Wrong settings are refused with the reasons, and nothing is written.
    const refused = await actions
      .saveSettings({ leader: 'VKSND tỉnh Bình Định', deputy: units[0], rotation: units.slice(1) })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    expect((refused as ActionError).issues.map((i) => i.code).sort()).toEqual([
      'settings.leader.unknown',
      'settings.rotation.missing',
    ]);
    expect((await readDoc(host)).cluster.leader).toBe(units[2]);

    // The official nomination sheets, in the workbook and as a file of their own.
    const sheets = await actions.nominationSheets({ date: '2022-12-20', signer: 'Nguyễn Văn A' });
    expect(sheets.sheets.length).toBeGreaterThan(0);
    for (const name of sheets.sheets) expect(Object.values(NOMINATION_SHEETS)).toContain(name);
    const ws = host.workbook.getWorksheet(sheets.sheets[0]!)!;
    const texts = new Set<string>();
    ws.eachRow((row) => row.eachCell((c) => texts.add(String(c.value))));
    expect([...texts].some((t) => t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect([...texts].some((t) => t.includes('Nguyễn Văn A'))).toBe(true);
    expect([...texts].some((t) => t.includes('ngày 20 tháng 12 năm 2022'))).toBe(true);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(sheets.file!.bytes.buffer as ArrayBuffer);
    expect(own.worksheets.map((w) => w.name)).toEqual(sheets.sheets);
    // The cluster workbook is still read as before: the nomination sheets change nothing of its data.
    expect((await readDoc(host)).scores).toEqual(afterMerge.scores);

    // Export writes results and proposals: the nomination sheets are in the workbook.
    const exported = await actions.exportResults();
    expect(exported.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const name of sheets.sheets) expect(host.workbook.getWorksheet(name)).toBeDefined();
  }, 120_000);

  it('merge into a blank workbook creates the cluster workbook from the returns alone', async () => {
    const source = new XlsxHost(new ExcelJS.Workbook(), 'cum.xlsx');
    const actions = createActions(source, { core: corePorts, files: xlsxFiles, now: () => NOW });
    const units = sample.units.map((u) => u.name);
    await actions.createWorkbook({ kind: 'annual', year: 2022, cluster: sample.cluster.name, units });
    const created = await readDoc(source);
    const sent = await actions.sendOut();
    const returned = [];
    for (const [i, unit] of units.entries())
      returned.push({
        name: sent.files[i]!.name,
        bytes: (await typeScores(sent.files[i]!.bytes, created, unit, selfScores(created, unit, i))).bytes,
      });
    const blank = new XlsxHost(new ExcelJS.Workbook(), 'moi.xlsx');
    const merged = await createActions(blank, {
      core: corePorts,
      files: xlsxFiles,
      now: () => NOW,
    }).mergeReturns(returned);
    expect(merged.intoOpenWorkbook).toBe(false);
    expect(merged.missing).toEqual([]);
    expect(merged.write.sheetsCreated.length).toBeGreaterThan(units.length);
    const doc = await readDoc(blank);
    expect(doc.units.map((u) => u.name)).toEqual(units);
    expect(doc.scores?.length).toBe(units.length * selfScores(created, units[0]!, 0).length);
  }, 120_000);

  it('refuses a merge into a workbook that is not a cluster workbook, and a damaged file by name', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'danh sách khác';
    const actions = createActions(new XlsxHost(other, 'khac.xlsx'), { core: corePorts, files: xlsxFiles });
    const notCluster = await actions
      .mergeReturns([{ name: 'a.xlsx', bytes: new Uint8Array([1]) }])
      .catch((e: unknown) => e);
    expect((notCluster as ActionError).text.vi).toContain('không phải sổ tổng hợp của cụm');
    const blank = createActions(new XlsxHost(new ExcelJS.Workbook(), 'moi.xlsx'), {
      core: corePorts,
      files: xlsxFiles,
    });
    const damaged = await blank
      .mergeReturns([{ name: 'hong.xlsx', bytes: new TextEncoder().encode('không phải zip') }])
      .catch((e: unknown) => e);
    expect(damaged).toBeInstanceOf(ActionError);
    expect((damaged as ActionError).text.vi).toContain('hong.xlsx');
    expect((damaged as ActionError).text.vi).not.toMatch(/zip|End of data|Error/i);
  });
});

describe("the campaign's dates in the cluster settings", () => {
  it('a bad or missing date is refused in the one sentence for a bad date, naming the field by its label, nothing written', async () => {
    const host = new XlsxHost(new ExcelJS.Workbook(), 'phong-trao.xlsx');
    const actions = createActions(host, { core: corePorts, files: xlsxFiles, now: () => NOW });
    const units = sample.units.map((u) => u.name);
    await actions.createWorkbook({ kind: 'campaign', year: 2022, cluster: sample.cluster.name, units });
    const write = vi.spyOn(host, 'write');
    const refused = await actions
      .saveSettings({ rotation: units, period: { from: '2022-02-30', to: '' } })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    const dates = (refused as ActionError).issues.filter((i) => i.code === 'settings.period.date');
    expect(dates.map((i) => i.message)).toEqual([
      'Từ ngày 2022-02-30: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2022-12-20.',
      'Đến ngày (chưa nhập): cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2022-12-20.',
    ]);
    expect(dates.map((i) => i.messageEn)).toEqual([
      'From 2022-02-30: expected a real date as YYYY-MM-DD, e.g. 2022-12-20.',
      'To (blank): expected a real date as YYYY-MM-DD, e.g. 2022-12-20.',
    ]);
    // The place named is the label of the pane's field, and the sentence is the dossier's and the CLI's.
    expect(dates[0]!.message).toBe(badDateText(PERIOD_FROM, '2022-02-30').vi);
    expect(dates[0]!.message.startsWith(`${translate('vi', 'settings.from')} `)).toBe(true);
    expect(dates[1]!.messageEn.startsWith(`${translate('en', 'settings.to')} `)).toBe(true);
    expect(dates[1]!.message).toBe(badDateText(PERIOD_TO, '').vi);
    expect(write).not.toHaveBeenCalled();
  });
});

describe("one member's scorecard: the leadership and the cluster's settings belong to the cluster workbook", () => {
  const member = sample.units[1]!.name;
  const card = () => memberScorecardBuilder(sample, NOW)(member);

  /** The scorecard opened on the file host (the standalone page) and its cells, to see nothing changed. */
  async function onFileHost() {
    const { bytes } = await planToBytes(card().plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const host = new XlsxHost(workbook, card().name);
    const cells = () =>
      JSON.stringify(
        workbook.worksheets.map((ws) => {
          const values: unknown[] = [ws.name];
          ws.eachRow((row) => row.eachCell((c) => values.push(c.address, c.value)));
          return values;
        }),
      );
    return { host, cells };
  }

  /** The scorecard written into Excel (the recording fake) and its cells. */
  async function inExcel() {
    const excel = new FakeExcel();
    excel.addSheet('Sheet1');
    const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.write(card().plan, 'create');
    const cells = () =>
      JSON.stringify(
        excel.book.sheets.map((s) => [s.name, [...s.cells].map(([k, c]) => [k, c.value, c.formula])]),
      );
    return { host, cells };
  }

  it.each([
    ['the file host', onFileHost],
    ['Excel', inExcel],
  ] as const)(
    'on %s: rotate and saveSettings are refused, saying what to open, and nothing is written',
    async (_, open) => {
      const { host, cells }: { host: WorkbookHost; cells: () => string } = await open();
      const before = cells();
      const write = vi.spyOn(host, 'write');
      const actions = createActions(host, { core: corePorts, files: xlsxFiles, now: () => NOW });
      const units = sample.units.map((u) => u.name);

      const rotated = await actions.rotate().catch((e: unknown) => e);
      expect(rotated).toBeInstanceOf(ActionError);
      expect((rotated as ActionError).text.vi).toBe(
        `Đây là bảng chấm điểm của ${member}; Cụm trưởng, Cụm phó năm sau được đề xuất trên sổ tổng hợp của cụm: hãy mở sổ tổng hợp (gộp các bảng đơn vị gửi về ở thẻ “Gửi, gộp bảng” nếu chưa gộp) rồi xem ở thẻ “Cụm trưởng”.`,
      );
      expect((rotated as ActionError).text.en).toContain(`This is the scorecard of ${member};`);

      const saved = await actions
        .saveSettings({ leader: units[2], deputy: units[4], rotation: [...units].reverse() })
        .catch((e: unknown) => e);
      expect(saved).toBeInstanceOf(ActionError);
      expect((saved as ActionError).text.vi).toBe(
        `Đây là bảng chấm điểm của ${member}; chưa ghi gì. Thông tin của cụm (Cụm trưởng, Cụm phó, thứ tự luân phiên, thời gian) ghi trên sổ tổng hợp của cụm: hãy mở sổ tổng hợp rồi sửa ở thẻ “Thông tin cụm”.`,
      );
      expect((saved as ActionError).text.en).toContain('nothing was written');

      expect(write).not.toHaveBeenCalled();
      expect(cells()).toBe(before);
    },
  );

  it.each([
    ['the file host', onFileHost],
    ['Excel', inExcel],
  ] as const)(
    "on %s: sendOut is refused; readSettings shows the cluster's settings the file carries, saying whose file it is, and saving them is refused",
    async (_, open) => {
      const { host, cells }: { host: WorkbookHost; cells: () => string } = await open();
      const before = cells();
      const write = vi.spyOn(host, 'write');
      const actions = createActions(host, { core: corePorts, files: xlsxFiles, now: () => NOW });

      const sent = await actions.sendOut().catch((e: unknown) => e);
      expect(sent).toBeInstanceOf(ActionError);
      expect((sent as ActionError).text.vi).toBe(
        `Đây là bảng chấm điểm của ${member}; chưa tạo bảng nào. Bảng chấm điểm gửi các đơn vị được tạo từ sổ tổng hợp của cụm: hãy mở sổ tổng hợp rồi gửi ở thẻ “Gửi, gộp bảng”.`,
      );
      expect((sent as ActionError).text.en).toContain('no scorecard was made');

      // The cluster's information sent with the scorecard, as the cluster workbook holds it, and whose file.
      const read = await actions.readSettings();
      expect(read.member).toBe(member);
      expect(read.settings).toEqual({
        leader: sample.cluster.leader,
        deputy: sample.cluster.deputy,
        rotation: sample.cluster.rotation,
      });
      expect(read.document.units).toEqual(sample.units.map((u) => u.name));

      // Saving what was read is still refused by the action, whatever the view lets through.
      const saved = await actions.saveSettings(read.settings).catch((e: unknown) => e);
      expect(saved).toBeInstanceOf(ActionError);
      expect((saved as ActionError).text.vi).toContain(`Đây là bảng chấm điểm của ${member}; chưa ghi gì.`);

      expect(write).not.toHaveBeenCalled();
      expect(cells()).toBe(before);
    },
  );

  it('on the cluster workbook readSettings names no member', async () => {
    const host = new XlsxHost(new ExcelJS.Workbook(), 'thi-dua.xlsx');
    const actions = createActions(host, { core: corePorts, files: xlsxFiles, now: () => NOW });
    const units = sample.units.map((u) => u.name);
    await actions.createWorkbook({ kind: 'annual', year: 2022, cluster: sample.cluster.name, units });
    const read = await actions.readSettings();
    expect(read.document.units).toEqual(units);
    expect('member' in read).toBe(false);
  });
});
