/**
 * `thidua new --unit NAME` and `--per-unit DIR`: the scorecards the secretariat sends out, written as real
 * .xlsx files, read back, filled in through exceljs as a member's Excel would, and merged without the
 * cluster workbook.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { readWorkbookFile } from '../../../addin/host/xlsx/files';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { type ClusterDocument, matchKey } from '../../../core';
import { SC } from '../../../templates/build/scorecard-sheet';
import { LAYOUT } from '../../../templates/layouts/cluster';
import { readUnitScorecard } from '../../../templates/read/unit-meta';
import { sampleDoc, tempDir } from './workbooks';

let dir: string;
let sample: ClusterDocument;
const DAK_LAK = 'VKSND tỉnh Đắk Lắk';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir } };
}

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function readBack(name: string) {
  return readUnitScorecard(snapshotWorkbook(await readWorkbookFile(join(dir, name)), name));
}

beforeAll(async () => {
  dir = await tempDir();
  sample = await sampleDoc();
  // The form sent out: the cluster's structure, no scores yet.
  const blank = { ...sample, scores: [], indicatorResults: [], votes: [] };
  await writeFile(join(dir, 'cum7.json'), JSON.stringify(blank));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('thidua new --unit', () => {
  it("writes one member's scorecard carrying the cluster's members, leader and criteria; the name read through the registry", async () => {
    const { out, err, io: cliIo } = io();
    const code = await runCli(
      ['new', 'annual', '--from', 'cum7.json', '--unit', 'Dak Lak', '-o', 'daklak.xlsx'],
      cliIo,
    );
    expect(err.join('\n')).not.toContain('✗');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`Đã tạo daklak.xlsx: bảng chấm điểm của ${DAK_LAK}`);
    const read = await readBack('daklak.xlsx');
    expect(read.template).toEqual({ id: 'thidua/unit-scorecard', version: '1.1' });
    expect(read.unit).toBe(DAK_LAK);
    expect(read.document?.scores).toEqual([]);
    const carried = read.cluster!;
    expect(carried.year).toBe(sample.year);
    expect(carried.kind).toBe('annual');
    expect(carried.cluster).toEqual(sample.cluster);
    expect(carried.units).toEqual(sample.units);
    expect(carried.criteria).toEqual(sample.criteria);
    expect(carried.indicators).toEqual(sample.indicators);
    expect(carried.scores).toBeUndefined();
    expect(carried.people).toBeUndefined();
  });

  it('names the members when the name is not one of them (exit 2, nothing written)', async () => {
    const { err, io: cliIo } = io();
    const code = await runCli(
      ['new', 'annual', '--from', 'cum7.json', '--unit', 'Gia Lay', '-o', 'khong-co.xlsx', '--lang', 'en'],
      cliIo,
    );
    expect(code).toBe(2);
    // The closest member first: a typo is offered its unit, never guessed.
    expect(err.join('\n')).toMatch(
      new RegExp(
        `^"Gia Lay" is not a member of ${sample.cluster.name}\\. Closest members: VKSND tỉnh Gia Lai; `,
      ),
    );
    expect(await readdir(dir)).not.toContain('khong-co.xlsx');
  });

  it('never overwrites a scorecard already there', async () => {
    const before = await sha(join(dir, 'daklak.xlsx'));
    const { err, io: cliIo } = io();
    expect(
      await runCli(['new', 'annual', '--from', 'cum7.json', '--unit', DAK_LAK, '-o', 'daklak.xlsx'], cliIo),
    ).toBe(2);
    expect(err.join('\n')).toContain('daklak.xlsx đã có');
    expect(await sha(join(dir, 'daklak.xlsx'))).toBe(before);
  });

  it('works from --units without a document, and refuses --unit with --per-unit', async () => {
    const { io: cliIo } = io();
    const code = await runCli(
      [
        'new',
        'campaign',
        '--year',
        '2024',
        '--cluster',
        'Cụm thi đua số 3',
        '--units',
        'VKSND tỉnh Bắc Ninh;VKSND tỉnh Bắc Giang;VKSND tỉnh Lạng Sơn',
        '--unit',
        'Bac Giang',
        '-o',
        'bacgiang.xlsx',
      ],
      cliIo,
    );
    expect(code).toBe(0);
    const read = await readBack('bacgiang.xlsx');
    expect(read.unit).toBe('VKSND tỉnh Bắc Giang');
    expect(read.cluster?.units.map((u) => u.name)).toEqual([
      'VKSND tỉnh Bắc Ninh',
      'VKSND tỉnh Bắc Giang',
      'VKSND tỉnh Lạng Sơn',
    ]);
    expect(read.cluster?.kind).toBe('campaign');
    expect(read.cluster?.year).toBe(2024);

    const both = io();
    expect(
      await runCli(
        ['new', 'annual', '--from', 'cum7.json', '--unit', DAK_LAK, '--per-unit', 'x', '-o', 'y.xlsx'],
        both.io,
      ),
    ).toBe(2);
    expect(both.err.join('\n')).toContain('Chỉ dùng một trong hai');
  });

  it('documents --unit and --per-unit in --help', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['new', '--help'], cliIo)).toBe(0);
    expect(out.join('\n')).toContain('--unit NAME');
    expect(out.join('\n')).toContain('--per-unit DIR');
  });
});

describe('thidua new --per-unit, then merge the returned files alone', () => {
  it('sends out, members fill in, the secretariat merges without the cluster workbook', async () => {
    const { out, io: cliIo } = io();
    expect(
      await runCli(
        ['new', 'annual', '--from', 'cum7.json', '-o', 'cum7.xlsx', '--per-unit', 'gui-di'],
        cliIo,
      ),
    ).toBe(0);
    const files = (await readdir(join(dir, 'gui-di'))).sort();
    expect(files).toEqual([
      '01-vksnd-tinh-dak-lak.xlsx',
      '02-vksnd-tinh-gia-lai.xlsx',
      '03-vksnd-tinh-kon-tum.xlsx',
      '04-vksnd-tinh-dak-nong.xlsx',
      '05-vksnd-tinh-lam-dong.xlsx',
    ]);
    expect(out.join('\n')).toContain('Đã tạo cum7.xlsx');
    for (const f of files) expect(out.join('\n')).toContain(`Đã tạo ${join('gui-di', f)}`);

    // Four members type their self points into their copy, the way Excel saves it; Lâm Đồng does not answer.
    const returned: string[] = [];
    for (const [i, f] of files.slice(0, 4).entries()) {
      const unit = sample.units[i]!.name;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'gui-di', f));
      const ws = wb.worksheets.find((w) => w.getCell(LAYOUT.scorecard.unitRow, 2).value === unit)!;
      for (const s of sample.scores!.filter((x) => x.unit === unit && x.stage === 'self')) {
        for (let row = LAYOUT.scorecard.headerRow + 1; row <= ws.rowCount; row++) {
          if (String(ws.getCell(row, SC.code).value) === s.criterion)
            ws.getCell(row, SC.selfPoints).value = s.points;
        }
      }
      const name = `tra-ve-${i + 1}.xlsx`;
      await wb.xlsx.writeFile(join(dir, name));
      returned.push(name);
    }
    const before = await Promise.all(returned.map((f) => sha(join(dir, f))));
    const merged = io();
    const code = await runCli(['merge', ...returned, '-o', 'cum7-gop.xlsx', '--json'], merged.io);
    expect(merged.err).toEqual([]);
    expect(code).toBe(1);
    const report = JSON.parse(merged.out.join('\n'));
    expect(report.received.map((r: { unit: string }) => r.unit)).toEqual(
      sample.units.slice(0, 4).map((u) => u.name),
    );
    expect(report.missing).toEqual(['VKSND tỉnh Lâm Đồng']);
    expect(await Promise.all(returned.map((f) => sha(join(dir, f))))).toEqual(before);

    const doc = (await readWorkbookDocument(join(dir, 'cum7-gop.xlsx'))).doc!;
    expect(doc.units).toEqual(sample.units);
    expect(doc.cluster).toEqual(sample.cluster);
    const points = (list: ClusterDocument['scores']) =>
      (list ?? []).map((s) => `${matchKey(s.unit)}|${s.criterion}|${s.stage}|${s.points}`).sort();
    expect(points(doc.scores)).toEqual(
      points(sample.scores!.filter((s) => s.stage === 'self' && s.unit !== 'VKSND tỉnh Lâm Đồng')),
    );
  });

  it('writes nothing when a scorecard is already in the folder', async () => {
    const before = await sha(join(dir, 'gui-di', '01-vksnd-tinh-dak-lak.xlsx'));
    const { err, io: cliIo } = io();
    expect(
      await runCli(
        ['new', 'annual', '--from', 'cum7.json', '-o', 'cum7-lan2.xlsx', '--per-unit', 'gui-di'],
        cliIo,
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('Đã có 5 tệp trong gui-di');
    expect(await readdir(dir)).not.toContain('cum7-lan2.xlsx');
    expect(await sha(join(dir, 'gui-di', '01-vksnd-tinh-dak-lak.xlsx'))).toBe(before);
  });
});
