// The year's end from the pane, over the real file host (issues 13 and 14): next year's workbook as a file (read
// back: the members after the 2025 merger, the membership question, the decided title in a person's history),
// and the dossier (its Word files unzipped and read for the figures and names; its ballots and count sheet
// written into the workbook, the counts typed there read back as votes on the next run, never overwritten).
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ActionError, createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { memberScorecardBuilder } from '../../../addin/app/cycle-core';
import { badDateText, DATE_FLAG, SIGNING_DATE } from '../../../addin/app/date-text';
import { dossierOptionsOf, fingerprintOf as webFingerprint } from '../../../addin/app/dossier';
import { isNextYear, nextFileName } from '../../../addin/app/next-year';
import { runCli } from '../../../addin/cli/main';
import { docxFiles } from '../../../addin/host/docx';
import { fingerprintOf as nodeFingerprint } from '../../../addin/host/fingerprint';
import { sealWorkbook } from '../../../addin/host/xlsx/seal';
import { XlsxHost } from '../../../addin/host/xlsx/host';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { xlsxFiles } from '../../../addin/host/xlsx/workbook-bytes';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster, nominateAwards } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import { BALLOT_SHEET, COUNT_SHEET, COUNT_TABLE, officialNamer } from '../../../templates/dossier';
import { readClusterWorkbook } from '../../../templates/read/cluster';
import { docxText } from '../docx-text';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;
const NOW = '2022-12-01T08:00:00.000Z';

/** A cluster workbook of `doc` with its results, opened in the file host as a person's Excel would hold it. */
async function openWorkbook(doc: ClusterDocument, name: string) {
  const { bytes } = await planToBytes(buildClusterWorkbook(doc, computeCluster(doc)));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const host = new XlsxHost(workbook, name);
  let writes = 0;
  const write = host.write.bind(host);
  host.write = (...args) => {
    writes++;
    return write(...args);
  };
  const actions = createActions(host, {
    core: corePorts,
    files: xlsxFiles,
    documents: docxFiles,
    now: () => NOW,
  });
  return { workbook, host, actions, writes: () => writes };
}

describe('nextYear', () => {
  it('2024 → 2025: a new file with the members after the merger, the question, the history; nothing written', async () => {
    const doc: ClusterDocument = {
      ...sample,
      year: 2024,
      decisions: [
        {
          form: 'Chiến sĩ thi đua cơ sở',
          recipient: 'Nguyễn Văn Thành',
          unit: 'VKSND tỉnh Đắk Lắk',
          number: '12/QĐ-VKS',
          date: '2024-12-10',
          authority: 'Viện trưởng VKSND tỉnh Đắk Lắk',
        },
      ],
    } as ClusterDocument;
    const { actions, writes } = await openWorkbook(doc, 'cum-7-2024.xlsx');
    const report = await actions.nextYear();
    expect(writes()).toBe(0);
    expect(report.file.name).toBe('cum-7-2025.xlsx');
    expect(report.year).toBe(2025);
    expect(report.fromYear).toBe(2024);
    expect(report.merged.map((m) => m.into)).toEqual(['VKSND tỉnh Lâm Đồng']);
    expect(report.questions.map((i) => i.code)).toContain('years.membership.merged');
    expect(report.questions.every((q) => q.message && q.messageEn)).toBe(true);
    expect(report.notCarried.length).toBeGreaterThan(0);
    expect(report.notCarried.every((c) => c.vi && c.en)).toBe(true);

    const next = new ExcelJS.Workbook();
    await next.xlsx.load(report.file.bytes.buffer as ArrayBuffer);
    const read = readClusterWorkbook(snapshotWorkbook(next, report.file.name));
    expect(read.doc!.year).toBe(2025);
    expect(read.doc!.units.map((u) => u.name)).toEqual([
      'VKSND tỉnh Đắk Lắk',
      'VKSND tỉnh Gia Lai',
      'VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Lâm Đồng',
    ]);
    // The decided title of 2024 is in the person's history in next year's workbook.
    const thanh = read.doc!.people!.find((p) => p.name === 'Nguyễn Văn Thành')!;
    expect(thanh.titles).toContainEqual(
      expect.objectContaining({ year: 2024, title: 'Chiến sĩ thi đua cơ sở' }),
    );
    expect(next.getWorksheet('So với năm trước')).toBeDefined();
  });

  it('refuses a year that is not after the workbook’s, in Vietnamese', async () => {
    const { actions } = await openWorkbook({ ...sample, year: 2024 }, 'cum-7-2024.xlsx');
    const refused = await actions.nextYear({ year: 2024 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    expect((refused as ActionError).text.vi).toContain('cần một năm sau năm 2024');
  });

  it('names the next file after the year it holds; years up to 2100', () => {
    expect(nextFileName('cum-7-2022.xlsx', 2022, 2023)).toBe('cum-7-2023.xlsx');
    expect(nextFileName('So thi dua.xlsx', 2022, 2023)).toBe('So thi dua-2023.xlsx');
    expect([isNextYear(2023, 2022), isNextYear(2022, 2022), isNextYear(2101, 2022)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('dossier', () => {
  it('Word files with the proposals, and the ballots and count sheet in the workbook, read back as votes', async () => {
    const { workbook, host, actions, writes } = await openWorkbook(sample, 'cum-7-2022.xlsx');
    const options = { date: '2022-12-20', place: 'Buôn Ma Thuột', signer: 'Nguyễn Văn An' };
    const held = corePorts.readWorkbook(await host.read()).document!;
    const first = await actions.dossier(options);
    expect(writes()).toBe(1);

    // The fingerprint is the CLI's (Node's hash) of the document the workbook holds, from Web Crypto.
    const result = computeCluster(held).result;
    const awards = nominateAwards(held, result, { lang: 'vi' });
    expect(first.fingerprint).toBe(nodeFingerprint(held, result, awards));
    expect(first.nominations).toBe(awards.nominations.length);

    const names = first.files.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'phieu-bau-2022.docx',
        'to-trinh-2022.docx',
        expect.stringMatching(/^danh-sach/),
        expect.stringMatching(/^bien-ban/),
        expect.stringMatching(/^bao-cao-tong-ket/),
      ]),
    );
    const collective = [
      ...new Set(awards.nominations.filter((n) => n.kind === 'collective').map((n) => n.candidate)),
    ];
    // One achievement report per proposed unit.
    expect(names.filter((n) => n.startsWith('bao-cao-thanh-tich'))).toHaveLength(collective.length);
    const texts = new Map<string, string>();
    for (const f of first.files) {
      expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      texts.set(f.name, await docxText(f.bytes));
    }
    for (const text of texts.values()) expect(text).toContain(first.fingerprint);
    const name = officialNamer(sample);
    const list = texts.get(names.find((n) => n.startsWith('danh-sach'))!)!;
    for (const n of awards.nominations)
      expect(list).toContain(n.kind === 'collective' ? name(n.candidate) : n.candidate);
    const submission = texts.get('to-trinh-2022.docx')!;
    expect(submission).toContain('Nguyễn Văn An');
    expect(submission).toContain('Buôn Ma Thuột');
    expect(submission).toContain('20 tháng 12 năm 2022');
    // The government flag's vote as recorded in the workbook (5 of 5) is in the minutes.
    const minutes = texts.get(names.find((n) => n.startsWith('bien-ban'))!)!;
    expect(minutes).toContain('Cờ thi đua của Chính phủ');

    // The ballots and the count sheet are new sheets of the open workbook; the document reads as before.
    expect(first.sheets).toEqual([BALLOT_SHEET, COUNT_SHEET]);
    expect(first.kept).toEqual([]);
    expect(first.counted).toBeUndefined();
    const ballots = workbook.getWorksheet(BALLOT_SHEET)!;
    const ballotText = ballots.getSheetValues().flat().join('|');
    expect(ballotText).toContain('Cờ thi đua của Chính phủ');
    expect(ballotText).toContain(name('VKSND tỉnh Lâm Đồng'));
    expect(corePorts.readWorkbook(await host.read()).document!.units).toEqual(sample.units);

    // The clerk types the count for Lâm Đồng's sector flag: 5 of 5. The next run takes it as the vote.
    const sheet = workbook.getWorksheet(COUNT_SHEET)!;
    expect(sheet.getTable(COUNT_TABLE)).toBeDefined();
    let typedRow = 0;
    sheet.eachRow((row, n) => {
      if (
        row.getCell(1).value === 'Cờ thi đua của ngành Kiểm sát nhân dân' &&
        row.getCell(2).value === name('VKSND tỉnh Lâm Đồng')
      )
        typedRow = n;
    });
    expect(typedRow).toBeGreaterThan(0);
    sheet.getCell(typedRow, 3).value = 5;
    sheet.getCell(typedRow, 4).value = 5;
    const second = await actions.dossier(options);
    // The three votes the workbook recorded were printed on the count sheet; with the typed one, four.
    expect(second.counted).toBe(4);
    expect(second.kept).toEqual([BALLOT_SHEET, COUNT_SHEET]);
    expect(second.sheets).toEqual([]);
    expect(second.write.cellsWritten).toBe(0);
    expect(sheet.getCell(typedRow, 3).value).toBe(5);
    expect(second.notes.map((n) => n.vi).join(' ')).toContain('kết quả biểu quyết từ cum-7-2022.xlsx');
    // Lâm Đồng is now proposed for the sector flag: the list says so, and the fingerprint changed.
    expect(second.fingerprint).not.toBe(first.fingerprint);
    const secondList = await docxText(second.files.find((f) => f.name.startsWith('danh-sach'))!.bytes);
    const flagPart = secondList.slice(secondList.indexOf('Cờ thi đua của ngành Kiểm sát nhân dân'));
    expect(flagPart).toContain(name('VKSND tỉnh Lâm Đồng'));
  });

  it('a kept count sheet that lacks a candidate proposed now is named, with what the clerk can do', async () => {
    const { workbook, actions } = await openWorkbook(sample, 'cum-7-2022.xlsx');
    const options = { date: '2022-12-20' };
    const first = await actions.dossier(options);
    expect(first.notes.map((n) => n.vi).join(' ')).not.toContain('thiếu');
    // The row of the Government flag's candidate is cleared, as if the sheet had been made before the vote.
    const sheet = workbook.getWorksheet(COUNT_SHEET)!;
    let cleared = '';
    sheet.eachRow((row) => {
      if (!cleared && row.getCell(1).value === 'Cờ thi đua của Chính phủ') {
        cleared = String(row.getCell(2).value);
        row.getCell(1).value = null;
        row.getCell(2).value = null;
      }
    });
    expect(cleared).not.toBe('');
    const second = await actions.dossier(options);
    expect(second.kept).toEqual([BALLOT_SHEET, COUNT_SHEET]);
    const said = second.notes.map((n) => n.vi).join(' ');
    expect(said).toContain(
      `Sheet "${COUNT_SHEET}" có từ trước, thiếu 1 ứng viên đang được đề nghị: ${cleared} (Cờ thi đua của Chính phủ)`,
    );
    expect(said).toContain('chương trình không tự thêm. Bỏ bảo vệ sheet (không có mật khẩu)');
    expect(said).toContain('xoá sheet');
    // The Word ballots made now list the candidate the kept sheets lack.
    const ballots = await docxText(second.files.find((f) => f.name === 'phieu-bau-2022.docx')!.bytes);
    expect(ballots).toContain(cleared);
  });

  it('a finalised copy: the dossier says who finalised and when, nothing is written; changed figures warn', async () => {
    const { workbook, host, actions, writes } = await openWorkbook(sample, 'cum-7-2022-chot.xlsx');
    const held = corePorts.readWorkbook(await host.read()).document!;
    const result = computeCluster(held).result;
    const awards = nominateAwards(held, result, { lang: 'vi' });
    const stamp = {
      fingerprint: nodeFingerprint(held, result, awards),
      by: 'Trần Thị Bình',
      at: '2022-12-22T09:00:00Z',
    };
    await sealWorkbook(workbook, stamp, result, awards, []);
    const report = await actions.dossier({});
    expect(report.finalised).toEqual({ by: 'Trần Thị Bình', at: '2022-12-22T09:00:00Z' });
    expect(report.fingerprint).toBe(stamp.fingerprint);
    expect(writes()).toBe(0);
    expect(workbook.getWorksheet(COUNT_SHEET)).toBeUndefined();
    const submission = await docxText(report.files.find((f) => f.name === 'to-trinh-2022.docx')!.bytes);
    expect(submission).toContain('chốt ngày 2022-12-22, Trần Thị Bình');

    // A figure changed after sealing: a warning, and "chưa chốt".
    const changed = await openWorkbook(sample, 'cum-7-2022-chot.xlsx');
    await sealWorkbook(changed.workbook, { ...stamp, fingerprint: '0000-0000-00' }, result, awards, []);
    const warned = await changed.actions.dossier({});
    expect(warned.finalised).toBeUndefined();
    expect(warned.notes.map((n) => n.vi).join(' ')).toContain(
      'số liệu đã khác bản chốt (mã khi chốt 0000-0000-00',
    );
    expect(await docxText(warned.files.find((f) => f.name === 'to-trinh-2022.docx')!.bytes)).toContain(
      'chưa chốt',
    );
  });

  it("one member's scorecard: the dossier and next year's workbook are refused, saying to merge first", async () => {
    const card = memberScorecardBuilder(sample, NOW)(sample.units[1]!.name);
    const { bytes } = await planToBytes(card.plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const actions = createActions(new XlsxHost(workbook, card.name), {
      core: corePorts,
      files: xlsxFiles,
      documents: docxFiles,
      now: () => NOW,
    });
    for (const run of [() => actions.dossier({}), () => actions.nextYear({})]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as ActionError).text.vi).toContain(
        `Đây là bảng chấm điểm của ${sample.units[1]!.name}; hãy gộp các bảng`,
      );
    }
    expect(workbook.worksheets.map((w) => w.name)).not.toContain(COUNT_SHEET);
  });

  it('names a date that is not real in Vietnamese before reading anything', async () => {
    const { actions, writes } = await openWorkbook(sample, 'cum-7-2022.xlsx');
    const refused = await actions.dossier({ date: '2022-02-30' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    expect((refused as ActionError).text.vi).toContain('Ngày ký 2022-02-30');
    expect(writes()).toBe(0);
    expect(dossierOptionsOf({ date: ' 2022-12-20 ', place: ' ', signer: 3 })).toEqual({
      options: { date: '2022-12-20' },
    });
  });

  it('a bad date: the command line and the pane say the same sentence, each naming where it was typed', async () => {
    const bad = '2022-02-30';
    const tail = (where: string, text: string) => {
      expect(text.startsWith(`${where} `), text).toBe(true);
      return text.slice(where.length + 1);
    };
    const dir = await mkdtemp(join(tmpdir(), 'thidua-bad-date-'));
    try {
      const cli = async (argv: string[]) => {
        const err: string[] = [];
        const code = await runCli(argv, { out: () => {}, err: (t) => err.push(t), cwd: dir });
        expect(code).toBe(2);
        return err.join('\n').trim();
      };
      const file = join(process.cwd(), 'templates/samples/cum-7-2022.json');
      const said = {
        vi: [
          await cli(['dossier', file, '-o', 'hs', '--date', bad]),
          await cli(['nominate', file, '-o', 'ds.xlsx', '--date', bad]),
        ],
        en: [await cli(['--lang', 'en', 'dossier', file, '-o', 'hs', '--date', bad])],
      };
      expect(await readdir(dir)).toEqual([]);
      const { actions, writes } = await openWorkbook(sample, 'cum-7-2022.xlsx');
      const pane = [
        await actions.dossier({ date: bad }).catch((e: unknown) => e),
        await actions.nominationSheets({ date: bad }).catch((e: unknown) => e),
      ].map((e) => {
        expect(e).toBeInstanceOf(ActionError);
        return (e as ActionError).text;
      });
      expect(writes()).toBe(0);

      // One sentence: the place, then the same words for the same date.
      const sentence = tail(DATE_FLAG.vi, badDateText(DATE_FLAG, bad).vi);
      expect(sentence).toBe(`${bad}: cần một ngày có thật dạng YYYY-MM-DD, ví dụ 2022-12-20.`);
      for (const text of said.vi) expect(tail('--date', text)).toBe(sentence);
      for (const text of pane) expect(tail(SIGNING_DATE.vi, text.vi)).toBe(sentence);
      const english = tail('--date', said.en[0]!);
      expect(english).toBe(`${bad}: expected a real date as YYYY-MM-DD, e.g. 2022-12-20.`);
      for (const text of pane) expect(tail(SIGNING_DATE.en, text.en)).toBe(english);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the Web Crypto fingerprint is the Node one', async () => {
    const result = computeCluster(sample).result;
    const report = nominateAwards(sample, result);
    expect(await webFingerprint(sample, result, report)).toBe(nodeFingerprint(sample, result, report));
  });
});
