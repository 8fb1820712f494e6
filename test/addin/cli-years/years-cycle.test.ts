/**
 * The yearly cycle on real .xlsx files (issue 13): a 2021 workbook, the 2022 and 2023 ones built with
 * `thidua next`, decisions typed into each year's "Quyết định" sheet through exceljs as a person's Excel would;
 * then the three-year basis of "Chiến sĩ thi đua ngành", `thidua history` across spellings and same-name people,
 * and `thidua next` over the 2025 reorganisation on Cụm 7.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import type { ClusterDocument } from '../../../core';
import { SHEET } from '../../../templates/layouts/cluster';
import { DECISION_HEADERS } from '../../../templates/layouts/years';
import { sampleDoc, tempDir } from '../cli-workbook/workbooks';

let dir: string;
// Each step writes and reads whole workbooks; the machine is shared.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });
const DAK_LAK = 'VKSND tỉnh Đắk Lắk';
const BASE = 'Chiến sĩ thi đua cơ sở';
const SECTOR = 'Chiến sĩ thi đua ngành Kiểm sát nhân dân';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Opens a workbook, lets `edit` type into it, saves it in place (the office's own file). */
async function typeInto(file: string, edit: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, file));
  edit(wb);
  await wb.xlsx.writeFile(join(dir, file));
}

/** Types one decision into the first empty row of the "Quyết định" table. */
function typeDecision(wb: ExcelJS.Workbook, row: (string | number | Date)[]) {
  const ws = wb.getWorksheet(SHEET.decisions)!;
  expect(ws.getCell('B4').value).toBe(DECISION_HEADERS[1]);
  let r = 5;
  while (ws.getCell(r, 2).value) r++;
  row.forEach((value, k) => {
    ws.getCell(r, k + 1).value = value;
  });
}

function personRow(wb: ExcelJS.Workbook, name: string): ExcelJS.Row {
  const ws = wb.getWorksheet(SHEET.people)!;
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === name) return ws.getRow(r);
  throw new Error(`no row for ${name}`);
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  dir = await tempDir();
  const sample = await sampleDoc();
  const y2021: ClusterDocument = {
    ...sample,
    year: 2021,
    title: 'Bảng chấm điểm thi đua năm 2021 – Cụm thi đua số 7',
    people: [
      {
        name: 'Nguyễn Văn Thành',
        unit: DAK_LAK,
        gender: 'Nam',
        serviceStart: '2005-09-01',
        recruited: '2005-09-01',
        initiatives: [{ year: 2021, level: 'cơ sở' }],
      },
      { name: 'Lê Thị Hồng Nhung', unit: 'VKSND tỉnh Gia Lai', gender: 'Nữ', serviceStart: '2012-03-15' },
      { name: 'Lê Thị Hồng Nhung', unit: 'VKSND tỉnh Kon Tum', gender: 'Nữ', serviceStart: '2015-01-10' },
    ],
    votes: [],
    decisions: [
      {
        form: BASE,
        recipient: 'Nguyễn Văn Thành',
        unit: DAK_LAK,
        number: '12/QĐ-VKS',
        date: '2022-01-10',
        authority: 'Viện trưởng VKSND tỉnh Đắk Lắk',
      },
      {
        form: 'Lao động tiên tiến',
        recipient: 'Lê Thị Hồng Nhung',
        unit: 'VKSND tỉnh Gia Lai',
        number: '5/QĐ-VKS',
        date: '2022-01-12',
        authority: 'Viện trưởng VKSND tỉnh Gia Lai',
      },
      // A proposal still waiting for its decision: shown as such, never history.
      { form: 'Lao động tiên tiến', recipient: 'Lê Thị Hồng Nhung', unit: 'VKSND tỉnh Kon Tum' },
    ],
  };
  await writeFile(join(dir, 'cum-7-2021.json'), JSON.stringify(y2021));
  expect((await cli('new', 'annual', '--from', 'cum-7-2021.json', '-o', 'cum-7-2021.xlsx')).code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('three years: 2021 → 2022 → 2023 with thidua next', () => {
  it('2021 → 2022: people and decided awards carried, the undecided proposal listed and left out', async () => {
    const r = await cli('next', 'cum-7-2021.xlsx', '-o', 'cum-7-2022.xlsx', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.year).toBe(2022);
    expect(report.notCarried.join('\n')).toContain(
      'Lao động tiên tiến cho Lê Thị Hồng Nhung (năm 2021): đề nghị chưa có quyết định',
    );
    expect(report.notCarried.join('\n')).toContain(
      'Điểm chấm (147): của năm 2021, vẫn nằm trong tệp năm 2021',
    );
    const doc = (await readWorkbookDocument(join(dir, 'cum-7-2022.xlsx'))).doc!;
    expect(doc.year).toBe(2022);
    expect(doc.cluster.leader).toBe('VKSND tỉnh Gia Lai');
    expect(doc.scores ?? []).toEqual([]);
    const thanh = doc.people!.find((p) => p.name === 'Nguyễn Văn Thành')!;
    expect(thanh.titles).toEqual([{ year: 2021, title: BASE }]);
    const nhungs = doc.people!.filter((p) => p.name === 'Lê Thị Hồng Nhung');
    expect(nhungs.map((p) => p.titles ?? [])).toEqual([[{ year: 2021, title: 'Lao động tiên tiến' }], []]);
    expect(
      (doc.decisions as { number?: string; source?: string }[]).map((d) => [d.number, d.source]),
    ).toEqual([
      ['12/QĐ-VKS', 'cum-7-2021.xlsx'],
      ['5/QĐ-VKS', 'cum-7-2021.xlsx'],
    ]);
  });

  it('2022 → 2023: the 2022 decision typed on the sheet (and the name typed another way) goes on', async () => {
    await typeInto('cum-7-2022.xlsx', (wb) => {
      typeDecision(wb, [
        2022,
        BASE,
        'Nguyễn Văn Thành',
        'Cá nhân',
        DAK_LAK,
        '08/QĐ-VKS',
        utc('2023-01-09'),
        'Viện trưởng VKSND tỉnh Đắk Lắk',
      ]);
      // The 2022 list spells the name without its tone mark: one person all the same.
      personRow(wb, 'Nguyễn Văn Thành').getCell(1).value = 'Nguyễn Văn Thanh';
    });
    const r = await cli('next', 'cum-7-2022.xlsx', '-o', 'cum-7-2023.xlsx');
    expect(r.code).toBe(0);
    const doc = (await readWorkbookDocument(join(dir, 'cum-7-2023.xlsx'))).doc!;
    const thanh = doc.people!.find((p) => p.name === 'Nguyễn Văn Thanh')!;
    expect(thanh.titles).toEqual([
      { year: 2021, title: BASE },
      { year: 2022, title: BASE },
    ]);
    expect((doc.decisions as { number: string }[]).map((d) => d.number)).toEqual([
      '12/QĐ-VKS',
      '5/QĐ-VKS',
      '08/QĐ-VKS',
    ]);
    expect(doc.previousYear).toMatchObject({ year: 2022, source: 'cum-7-2022.xlsx' });
  });

  it('2023: proposed for Chiến sĩ thi đua ngành with the three decisions as basis, with or without --history', async () => {
    await typeInto('cum-7-2023.xlsx', (wb) => {
      typeDecision(wb, [
        2023,
        BASE,
        'Nguyễn Văn Thành',
        'Cá nhân',
        DAK_LAK,
        '03/QĐ-VKS',
        utc('2023-12-20'),
        'Viện trưởng VKSND tỉnh Đắk Lắk',
      ]);
      personRow(wb, 'Nguyễn Văn Thanh').getCell(7).value = '2021: cơ sở; 2023: ngành';
      const votes = wb.getWorksheet(SHEET.votes)!;
      votes.getRow(5).values = [SECTOR, 'Nguyễn Văn Thanh', 10, 10];
    });
    for (const extra of [[], ['--history', 'cum-7-2021.xlsx', '--history', 'cum-7-2022.xlsx']]) {
      const r = await cli('nominate', 'cum-7-2023.xlsx', '--json', ...extra);
      const report = JSON.parse(r.out);
      const n = report.nominations.find(
        (x: { rule: string; candidate: string }) =>
          x.rule === 'sectorEmulationSoldier' && x.candidate === 'Nguyễn Văn Thanh',
      );
      expect(n, JSON.stringify(report.blocked, null, 1)).toBeDefined();
      const line = n.basis.find((b: string) => b.startsWith(`"${BASE}" 2021, 2022, 2023:`));
      expect(line).toBe(
        `"${BASE}" 2021, 2022, 2023: ` +
          '2021 QĐ số 12/QĐ-VKS ngày 10/01/2022 của Viện trưởng VKSND tỉnh Đắk Lắk (cum-7-2021.xlsx); ' +
          '2022 QĐ số 08/QĐ-VKS ngày 09/01/2023 của Viện trưởng VKSND tỉnh Đắk Lắk (cum-7-2022.xlsx); ' +
          '2023 QĐ số 03/QĐ-VKS ngày 20/12/2023 của Viện trưởng VKSND tỉnh Đắk Lắk (cum-7-2023.xlsx)',
      );
    }
  });

  it('a title typed for a year whose decisions are recorded, without a decision, is an issue and not counted', async () => {
    const doc = (await readWorkbookDocument(join(dir, 'cum-7-2023.xlsx'))).doc!;
    const nhung = doc.people!.find((p) => p.unit === 'VKSND tỉnh Kon Tum')!;
    nhung.titles = [{ year: 2022, title: BASE }];
    await writeFile(join(dir, 'typed.json'), JSON.stringify(doc));
    const report = JSON.parse((await cli('nominate', 'typed.json', '--json')).out);
    const issue = report.issues.find((i: { code: string }) => i.code === 'history.title.undecided');
    expect(issue.message).toContain('Lê Thị Hồng Nhung: danh hiệu "Chiến sĩ thi đua cơ sở" năm 2022');
  });

  it('thidua history: one person under two spellings; two people of one name in two units kept apart', async () => {
    const files = ['cum-7-2021.xlsx', 'cum-7-2022.xlsx', 'cum-7-2023.xlsx'];
    const thanh = JSON.parse((await cli('history', ...files, '--person', 'Nguyễn Văn Thành', '--json')).out);
    expect(thanh.people).toHaveLength(1);
    const p = thanh.people[0];
    expect(p.names).toEqual(['Nguyễn Văn Thành', 'Nguyễn Văn Thanh']);
    expect(p.confidence).toBe(0.95);
    expect(p.years.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023]);
    expect(p.years[0]).toMatchObject({ unit: DAK_LAK, rank: 1, of: 5, source: 'cum-7-2021.xlsx' });
    expect(
      p.years.map((y: { items: { form: string; status: string }[] }) =>
        y.items.map((i) => `${i.form}/${i.status}`),
      ),
    ).toEqual([[`${BASE}/decided`], [`${BASE}/decided`], [`${BASE}/decided`]]);
    const nhung = await cli('history', dir, '--person', 'Le Thi Hong Nhung');
    expect(nhung.out).toContain('Có 2 người mang tên "Le Thi Hong Nhung"');
    const report = JSON.parse(
      (await cli('history', ...files, '--person', 'Lê Thị Hồng Nhung', '--json')).out,
    );
    expect(report.people.map((x: { units: string[] }) => x.units)).toEqual([
      ['VKSND tỉnh Gia Lai'],
      ['VKSND tỉnh Kon Tum'],
    ]);
    expect(report.people[1].years[0].items).toEqual([
      { form: 'Lao động tiên tiến', status: 'proposed', sources: ['cum-7-2021.xlsx'] },
    ]);
  });
});

describe('thidua next across 2025-07-01 (Cụm 7, 2024 → 2025)', () => {
  it('gives the 2025 members and their lineage and asks for the membership decision', async () => {
    const sample = await sampleDoc();
    await writeFile(
      join(dir, 'cum-7-2024.json'),
      JSON.stringify({ ...sample, year: 2024, title: 'Năm 2024' }),
    );
    expect((await cli('new', 'annual', '--from', 'cum-7-2024.json', '-o', 'cum-7-2024.xlsx')).code).toBe(0);
    const r = await cli('next', 'cum-7-2024.xlsx', '-o', 'cum-7-2025.xlsx', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.members.map((m: { from: string; to: string }) => `${m.from} → ${m.to}`)).toEqual([
      'VKSND tỉnh Đắk Lắk → VKSND tỉnh Đắk Lắk',
      'VKSND tỉnh Gia Lai → VKSND tỉnh Gia Lai',
      'VKSND tỉnh Kon Tum → VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Đắk Nông → VKSND tỉnh Lâm Đồng',
      'VKSND tỉnh Lâm Đồng → VKSND tỉnh Lâm Đồng',
    ]);
    expect(report.merged).toEqual([
      {
        into: 'VKSND tỉnh Lâm Đồng',
        from: ['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng'],
        since: '2025-07-01',
      },
    ]);
    const codes = report.issues.map((i: { code: string }) => i.code);
    expect(codes).toContain('years.membership.merged');
    const absorbed = report.issues.find(
      (i: { code: string; unit?: string }) => i.code === 'years.membership.absorbed' && i.unit === DAK_LAK,
    );
    expect(absorbed.message).toContain('VKSND tỉnh Phú Yên');
    const doc = (await readWorkbookDocument(join(dir, 'cum-7-2025.xlsx'))).doc!;
    expect(doc.units.map((u) => [u.name, u.province])).toEqual([
      [DAK_LAK, '66'],
      ['VKSND tỉnh Gia Lai', '52'],
      ['VKSND tỉnh Quảng Ngãi', '51'],
      ['VKSND tỉnh Lâm Đồng', '68'],
    ]);
    const text = await cli('next', 'cum-7-2024.xlsx', '-o', 'cum-7-2025b.xlsx');
    expect(text.out).toContain('VKSND tỉnh Kon Tum → VKSND tỉnh Quảng Ngãi (từ 01/07/2025)');
    expect(text.out).toContain('Cần quyết định mới về thành viên Cụm thi đua');
    // The year-over-year sheet: the merged unit lists both predecessors and is not compared.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'cum-7-2025.xlsx'));
    const yoy = wb.getWorksheet(SHEET.yearOverYear)!;
    const rows = [6, 7, 8, 9].map((r) => [
      yoy.getCell(r, 2).value,
      yoy.getCell(r, 3).value,
      yoy.getCell(r, 20).value,
    ]);
    expect(rows[2]).toEqual(['VKSND tỉnh Quảng Ngãi', 'VKSND tỉnh Kon Tum', 'Năm 2024: VKSND tỉnh Kon Tum']);
    expect(rows[3]).toEqual([
      'VKSND tỉnh Lâm Đồng',
      'VKSND tỉnh Đắk Nông; VKSND tỉnh Lâm Đồng',
      'Hợp nhất từ VKSND tỉnh Đắk Nông, VKSND tỉnh Lâm Đồng: không so sánh trực tiếp',
    ]);
  });

  it('refuses to overwrite a file and a year that is not later (exit 2, one line)', async () => {
    const again = await cli('next', 'cum-7-2024.xlsx', '-o', 'cum-7-2025.xlsx');
    expect(again.code).toBe(2);
    expect(again.err).toContain('cum-7-2025.xlsx đã có: Thi đua không ghi đè');
    const back = await cli('next', 'cum-7-2024.xlsx', '-o', 'x.xlsx', '--year', '2023', '--lang', 'en');
    expect(back.code).toBe(2);
    expect(back.err).toContain("--year 2023: needs a year after the file's 2024.");
  });
});
