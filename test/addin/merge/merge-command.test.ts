/**
 * `thidua merge` on real .xlsx files: a cluster workbook built from the sample without scores, and the
 * scorecards members return (built by buildUnitScorecard with their scores typed in). Inputs are hashed
 * before and after: merge only reads them.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { readWorkbookDocument } from '../../../addin/host/xlsx/read-document';
import { planToBytes, writeClusterWorkbook } from '../../../addin/host/xlsx/workbook-files';
import { writeWorkbookFile } from '../../../addin/host/xlsx/files';
import { type ClusterDocument, type Score, matchKey } from '../../../core';
import { buildUnitScorecard } from '../../../templates';
import type { WorkbookPlan } from '../../../templates/plan';

let dir: string;
let sample: ClusterDocument;
const files: Record<string, string> = {};

const DAK_LAK = 'VKSND tỉnh Đắk Lắk';
const GIA_LAI = 'VKSND tỉnh Gia Lai';
const KON_TUM = 'VKSND tỉnh Kon Tum';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir } };
}

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

async function writePlan(plan: WorkbookPlan, name: string): Promise<string> {
  const path = join(dir, name);
  await writeWorkbookFile(path, (await planToBytes(plan)).bytes);
  return path;
}

/** The unit's self scores only: what a member types before the cluster verifies. */
const selfOnly = (doc: ClusterDocument, unit: string): Score[] =>
  (doc.scores ?? []).filter((s) => s.stage === 'self' && matchKey(s.unit) === matchKey(unit));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-merge-'));
  sample = JSON.parse(
    await readFile(join(import.meta.dirname, '../../../templates/samples/cum-7-2022.json'), 'utf8'),
  ) as ClusterDocument;
  const empty: ClusterDocument = { ...sample, scores: [], indicatorResults: [], votes: [] };
  files.cluster = join(dir, 'cum7.xlsx');
  await writeClusterWorkbook(files.cluster, empty, undefined, { now: '2022-11-01T08:00:00Z' });
  const returned = (unit: string, scores: Score[]) => buildUnitScorecard({ ...empty, scores }, unit);
  files.dakLak = await writePlan(returned(DAK_LAK, selfOnly(sample, DAK_LAK)), 'daklak.xlsx');
  files.giaLai = await writePlan(returned(GIA_LAI, selfOnly(sample, GIA_LAI)), 'gialai.xlsx');
  // Gia Lai sends a second file in which one value differs.
  const changed = selfOnly(sample, GIA_LAI).map((s, i) =>
    i === 0 ? { ...s, points: s.points === 0 ? 1 : s.points - 0.5 } : s,
  );
  files.giaLai2 = await writePlan(returned(GIA_LAI, changed), 'gialai-lan2.xlsx');
  // Kon Tum's file spells its own name another way ("Kon Tum" in capitals, NFD): the same member.
  const spelt = 'VKSND TỈNH KON TUM'.normalize('NFD');
  const konTumDoc = { ...empty, units: empty.units.map((u) => (u.name === KON_TUM ? { name: spelt } : u)) };
  files.konTum = await writePlan(
    buildUnitScorecard(
      { ...konTumDoc, scores: selfOnly(sample, KON_TUM).map((s) => ({ ...s, unit: spelt })) },
      spelt,
    ),
    'kontum.xlsx',
  );
  // A file on another major template version.
  const old = buildUnitScorecard(
    { ...empty, scores: selfOnly(sample, 'VKSND tỉnh Lâm Đồng') },
    'VKSND tỉnh Lâm Đồng',
  );
  for (const sheet of old.sheets)
    for (const cell of sheet.cells)
      if (cell.value === '1.1' || cell.value === old.template.version) cell.value = '2.0';
  for (const sheet of old.sheets)
    for (const t of sheet.tables ?? [])
      t.rows = t.rows.map((row) => row.map((v) => (v === old.template.version ? '2.0' : v)));
  files.lamDongOld = await writePlan(old, 'lamdong-mau-cu.xlsx');
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('thidua merge', () => {
  it('consolidates the returns into a new workbook and lists what is missing or conflicting (--json)', async () => {
    const inputs = [
      files.cluster!,
      files.dakLak!,
      files.giaLai!,
      files.giaLai2!,
      files.konTum!,
      files.lamDongOld!,
    ];
    const before = await Promise.all(inputs.map(sha));
    const { out, err, io: cliIo } = io();
    const code = await runCli(
      ['merge', ...inputs.map((f) => f.slice(dir.length + 1)), '-o', 'cum7-gop.xlsx', '--json'],
      cliIo,
    );
    expect(err).toEqual([]);
    expect(code).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.format).toBe('thidua/merge@1');
    expect(report.received.map((r: { unit: string }) => r.unit)).toEqual([DAK_LAK, GIA_LAI, KON_TUM]);
    expect(report.missing).toEqual(['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng']);
    expect(report.duplicates).toEqual([{ unit: GIA_LAI, files: ['gialai.xlsx', 'gialai-lan2.xlsx'] }]);
    const first = selfOnly(sample, GIA_LAI)[0]!;
    expect(report.conflicts).toEqual([
      expect.objectContaining({ unit: GIA_LAI, item: first.criterion, stage: 'self', fields: ['points'] }),
    ]);
    expect(report.skipped.map((s: { file: string }) => s.file)).toEqual(['lamdong-mau-cu.xlsx']);
    expect(report.issues.map((i: { code: string }) => i.code)).toContain('merge.template.version');

    // Inputs untouched.
    expect(await Promise.all(inputs.map(sha))).toEqual(before);

    // The output holds every agreed score, and not the conflicting one.
    const merged = await readWorkbookDocument(join(dir, 'cum7-gop.xlsx'));
    expect(merged.doc).toBeDefined();
    const key = (s: Score) =>
      `${matchKey(s.unit)}|${s.criterion}|${s.stage}|${s.points}|${s.bonus ?? 0}|${s.deduction ?? 0}|${s.occurrences ?? ''}`;
    const got = new Set((merged.doc!.scores ?? []).map(key));
    const expected = [DAK_LAK, GIA_LAI, KON_TUM]
      .flatMap((u) => selfOnly(sample, u))
      .filter((s) => !(s.unit === GIA_LAI && s.criterion === first.criterion));
    for (const s of expected) expect(got, key(s)).toContain(key(s));
    expect([...got].filter((k) => k.startsWith(`${matchKey(GIA_LAI)}|${first.criterion}|self|`))).toEqual([]);
    expect(merged.doc!.scores).toHaveLength(expected.length);
  });

  it('prints a readable list in Vietnamese, and never overwrites an existing file', async () => {
    const { out, err, io: cliIo } = io();
    const code = await runCli(['merge', 'cum7.xlsx', 'daklak.xlsx', '-o', 'cum7-chi-daklak.xlsx'], cliIo);
    expect(code).toBe(1);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain('Đã nhận 1 đơn vị: VKSND tỉnh Đắk Lắk');
    expect(text).toContain(
      'Còn thiếu 4 đơn vị: VKSND tỉnh Gia Lai, VKSND tỉnh Kon Tum, VKSND tỉnh Đắk Nông, VKSND tỉnh Lâm Đồng',
    );
    expect(text).toContain('✗ VKSND tỉnh Gia Lai: chưa gửi bảng chấm điểm.');

    const written = await sha(join(dir, 'cum7-chi-daklak.xlsx'));
    const again = io();
    expect(await runCli(['merge', 'cum7.xlsx', 'daklak.xlsx', '-o', 'cum7-chi-daklak.xlsx'], again.io)).toBe(
      2,
    );
    expect(again.err.join('\n')).toContain('cum7-chi-daklak.xlsx đã có: lệnh merge không ghi đè');
    expect(await sha(join(dir, 'cum7-chi-daklak.xlsx'))).toBe(written);
  });

  it('exits 0 when every member returned and nothing conflicts', async () => {
    const extra: string[] = [];
    for (const unit of ['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng']) {
      const empty: ClusterDocument = { ...sample, scores: [], indicatorResults: [], votes: [] };
      extra.push(
        await writePlan(
          buildUnitScorecard({ ...empty, scores: selfOnly(sample, unit) }, unit),
          `${matchKey(unit).replace(/\W+/g, '-')}.xlsx`,
        ),
      );
    }
    const { out, io: cliIo } = io();
    const code = await runCli(
      [
        'merge',
        files.cluster!,
        files.dakLak!,
        files.giaLai!,
        files.konTum!,
        ...extra,
        '-o',
        'cum7-du.xlsx',
        '--lang',
        'en',
      ],
      cliIo,
    );
    expect(out.join('\n')).toContain('Received 5 units');
    expect(code).toBe(0);
  });

  it('keeps a value already typed in the cluster workbook and reports the differing return', async () => {
    const typed = selfOnly(sample, GIA_LAI)[1]!;
    const base: ClusterDocument = {
      ...sample,
      scores: [{ ...typed, points: typed.points === 0 ? 1 : typed.points - 1 }],
      indicatorResults: [],
      votes: [],
    };
    await writeClusterWorkbook(join(dir, 'cum7-da-nhap.xlsx'), base, undefined, {
      now: '2022-11-01T08:00:00Z',
    });
    const { out, io: cliIo } = io();
    const code = await runCli(
      ['merge', 'cum7-da-nhap.xlsx', 'gialai.xlsx', '-o', 'cum7-giu.xlsx', '--json'],
      cliIo,
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.conflicts).toEqual([
      expect.objectContaining({
        unit: GIA_LAI,
        item: typed.criterion,
        kept: `điểm ${base.scores![0]!.points}`,
      }),
    ]);
    const merged = await readWorkbookDocument(join(dir, 'cum7-giu.xlsx'));
    const kept = merged.doc!.scores!.filter(
      (s) => s.unit === GIA_LAI && s.criterion === typed.criterion && s.stage === 'self',
    );
    expect(kept.map((s) => s.points)).toEqual([base.scores![0]!.points]);
  });

  it('takes the cluster from a .json document as well', async () => {
    const empty: ClusterDocument = { ...sample, scores: [], indicatorResults: [], votes: [] };
    await writeFile(join(dir, 'cum7.json'), JSON.stringify(empty));
    const { out, io: cliIo } = io();
    expect(await runCli(['merge', 'cum7.json', 'daklak.xlsx', '-o', 'tu-json.xlsx', '--json'], cliIo)).toBe(
      1,
    );
    expect(JSON.parse(out.join('\n')).received).toEqual([{ unit: DAK_LAK, files: ['daklak.xlsx'] }]);
    const merged = await readWorkbookDocument(join(dir, 'tu-json.xlsx'));
    expect(merged.doc!.scores).toHaveLength(selfOnly(sample, DAK_LAK).length);
  });

  it('needs the cluster workbook among the files', async () => {
    const { err, io: cliIo } = io();
    expect(await runCli(['merge', 'daklak.xlsx', 'gialai.xlsx', '-o', 'x.xlsx'], cliIo)).toBe(2);
    expect(err.join('\n')).toContain('Cần sổ tổng hợp của cụm');
  });
});
