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
import { readWorkbookDocument } from '../../../addin/cli/read-document';
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
    expect(again.err.join('\n')).toContain('cum7-chi-daklak.xlsx đã có: Thi đua không ghi đè');
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

  it("builds the cluster workbook from the members' files alone: every self score, the missing members listed", async () => {
    const inputs = [files.dakLak!, files.giaLai!, files.konTum!];
    const before = await Promise.all(inputs.map(sha));
    const { out, err, io: cliIo } = io();
    const code = await runCli(
      ['merge', 'daklak.xlsx', 'gialai.xlsx', 'kontum.xlsx', '-o', 'chi-don-vi.xlsx', '--json'],
      cliIo,
    );
    expect(err).toEqual([]);
    expect(code).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.received.map((r: { unit: string }) => r.unit)).toEqual([DAK_LAK, GIA_LAI, KON_TUM]);
    expect(report.missing).toEqual(['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng']);
    expect(report.duplicates).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.issues.map((i: { code: string }) => i.code).sort()).toEqual([
      'merge.unit.missing',
      'merge.unit.missing',
    ]);
    expect(await Promise.all(inputs.map(sha))).toEqual(before);

    // The new workbook: the members, leader, rotation and criteria the files carry, and their self scores.
    const merged = await readWorkbookDocument(join(dir, 'chi-don-vi.xlsx'));
    expect(merged.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const doc = merged.doc!;
    expect(doc.units.map((u) => u.name)).toEqual(sample.units.map((u) => u.name));
    expect(doc.cluster).toEqual(sample.cluster);
    expect(doc.year).toBe(sample.year);
    expect(doc.criteria).toEqual(sample.criteria);
    const key = (s: Score) =>
      `${matchKey(s.unit)}|${s.criterion}|${s.stage}|${s.points}|${s.bonus ?? 0}|${s.deduction ?? 0}|${s.occurrences ?? ''}`;
    const expected = [DAK_LAK, GIA_LAI, KON_TUM].flatMap((u) => selfOnly(sample, u)).map(key);
    expect((doc.scores ?? []).map(key).sort()).toEqual(expected.sort());
  });

  it('reports a second file for a unit as a duplicate and differing values naming unit, criterion, stage and each file', async () => {
    const { out, io: cliIo } = io();
    const code = await runCli(
      ['merge', 'daklak.xlsx', 'gialai.xlsx', 'gialai-lan2.xlsx', '-o', 'hai-tep.xlsx', '--lang', 'en'],
      cliIo,
    );
    expect(code).toBe(1);
    const text = out.join('\n');
    const first = selfOnly(sample, GIA_LAI)[0]!;
    expect(text).toContain(`Duplicate files: ${GIA_LAI} (gialai.xlsx, gialai-lan2.xlsx)`);
    const conflict = text.split('\n').find((l) => l.includes('the files differ'));
    expect(conflict).toContain(`${GIA_LAI}, criterion ${first.criterion} (self)`);
    expect(conflict).toContain(`gialai.xlsx: điểm ${first.points}`);
    expect(conflict).toContain('gialai-lan2.xlsx: điểm ');
    const merged = await readWorkbookDocument(join(dir, 'hai-tep.xlsx'));
    const giaLai = merged.doc!.scores!.filter((s) => s.unit === GIA_LAI);
    expect(giaLai).toHaveLength(selfOnly(sample, GIA_LAI).length - 1);
    expect(giaLai.some((s) => s.criterion === first.criterion)).toBe(false);
  });

  it('skips a file whose member list or criteria differ from the others, naming it', async () => {
    const empty: ClusterDocument = { ...sample, scores: [], indicatorResults: [], votes: [] };
    const leaf = sample.criteria.find((c) => !sample.criteria.some((d) => d.parent === c.code))!;
    const otherCriteria = {
      ...empty,
      criteria: empty.criteria.map((c) => (c === leaf ? { ...c, bonusMax: (c.bonusMax ?? 0) + 1 } : c)),
    };
    await writePlan(
      buildUnitScorecard(
        { ...otherCriteria, scores: selfOnly(sample, 'VKSND tỉnh Đắk Nông') },
        'VKSND tỉnh Đắk Nông',
      ),
      'daknong-mau-khac.xlsx',
    );
    const fewer = { ...empty, units: empty.units.filter((u) => u.name !== KON_TUM) };
    await writePlan(
      buildUnitScorecard(
        { ...fewer, scores: selfOnly(sample, 'VKSND tỉnh Lâm Đồng') },
        'VKSND tỉnh Lâm Đồng',
      ),
      'lamdong-thieu-don-vi.xlsx',
    );
    const { out, io: cliIo } = io();
    const code = await runCli(
      [
        'merge',
        'daklak.xlsx',
        'daknong-mau-khac.xlsx',
        'gialai.xlsx',
        'lamdong-thieu-don-vi.xlsx',
        'kontum.xlsx',
        '-o',
        'lech-mau.xlsx',
        '--json',
      ],
      cliIo,
    );
    expect(code).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.skipped.map((s: { file: string }) => s.file)).toEqual([
      'daknong-mau-khac.xlsx',
      'lamdong-thieu-don-vi.xlsx',
    ]);
    const mismatches = report.issues.filter((i: { code: string }) => i.code === 'merge.contents.mismatch');
    expect(mismatches.map((i: { path: string }) => i.path)).toEqual([
      'daknong-mau-khac.xlsx',
      'lamdong-thieu-don-vi.xlsx',
    ]);
    expect(mismatches[0].message).toContain(`1 tiêu chí khác (${leaf.code})`);
    expect(mismatches[1].message).toContain(`danh sách đơn vị thiếu ${KON_TUM}`);
    expect(report.missing).toEqual(['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng']);
  });

  it('reads a scorecard made before they carried the cluster information against the others', async () => {
    const empty: ClusterDocument = { ...sample, scores: [], indicatorResults: [], votes: [] };
    const plan = buildUnitScorecard(
      { ...empty, scores: selfOnly(sample, 'VKSND tỉnh Đắk Nông') },
      'VKSND tỉnh Đắk Nông',
    );
    // What a scorecard made before this change looks like: no cluster.document rows in the meta table.
    const carried = (v: unknown) => String(v).startsWith('cluster.document');
    const strip = (p: WorkbookPlan): WorkbookPlan => ({
      ...p,
      sheets: p.sheets.map((sheet) => {
        if (sheet.role !== 'meta') return sheet;
        const rows = new Set(
          sheet.cells.filter((c) => c.ref.startsWith('A') && carried(c.value)).map((c) => c.ref.slice(1)),
        );
        return {
          ...sheet,
          cells: sheet.cells.filter((c) => !rows.has(c.ref.replace(/^[A-Z]+/, ''))),
          tables: (sheet.tables ?? []).map((t) => ({ ...t, rows: t.rows.filter((r) => !carried(r[0])) })),
        };
      }),
    });
    const stripped = strip(plan);
    const metaRows = stripped.sheets.find((s) => s.role === 'meta')!.tables![0]!.rows;
    expect(metaRows.map((r) => r[0])).not.toContain('cluster.document.parts');
    await writePlan(stripped, 'daknong-cu.xlsx');
    const { out, io: cliIo } = io();
    expect(
      await runCli(['merge', 'daklak.xlsx', 'daknong-cu.xlsx', '-o', 'co-tep-cu.xlsx', '--json'], cliIo),
    ).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report.received.map((r: { unit: string }) => r.unit)).toEqual([DAK_LAK, 'VKSND tỉnh Đắk Nông']);
    const merged = await readWorkbookDocument(join(dir, 'co-tep-cu.xlsx'));
    expect(merged.doc!.scores).toHaveLength(
      selfOnly(sample, DAK_LAK).length + selfOnly(sample, 'VKSND tỉnh Đắk Nông').length,
    );

    // Old scorecards only: nothing says who the members are.
    const alone = io();
    expect(await runCli(['merge', 'daknong-cu.xlsx', '-o', 'chi-tep-cu.xlsx'], alone.io)).toBe(2);
    expect(alone.err.join('\n')).toContain(
      'hãy đưa sổ tổng hợp của cụm (hoặc tệp .json của cụm) vào danh sách tệp',
    );
  });

  it("never overwrites an existing -o when merging members' files alone", async () => {
    await writeFile(join(dir, 'da-co.xlsx'), 'không phải sổ tính');
    const before = await sha(join(dir, 'da-co.xlsx'));
    const { err, io: cliIo } = io();
    expect(await runCli(['merge', 'daklak.xlsx', 'gialai.xlsx', '-o', 'da-co.xlsx'], cliIo)).toBe(2);
    expect(err.join('\n')).toContain('da-co.xlsx đã có: Thi đua không ghi đè');
    expect(await sha(join(dir, 'da-co.xlsx'))).toBe(before);
  });
});
