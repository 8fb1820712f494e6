/**
 * Every command over every file of the other-programs corpus (test/fixtures/other-programs, made by
 * LibreOffice and openpyxl from the project's own workbooks: scripts/other-programs/make-corpus.ts). Each
 * file is read as the product wrote it, written back with nothing lost (typed formulas kept, no NaN, the
 * output readable again without repair), and no captured output holds a library's text or a stack trace.
 */
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookDocument } from '../../../addin/cli/read-document';
import { loadWorkbookBytes } from '../../../addin/host/xlsx/load';
import { repairPackage } from '../../../addin/host/xlsx/package-repair';
import { type CliRun, SAMPLE, cli, root, tempDir } from './workbooks';

const CORPUS = join(root, 'test/fixtures/other-programs');
const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.xlsx')).sort();
const damaged = files.filter((f) => f.startsWith('damaged-'));
const members = files.filter((f) => f.includes('member') && !damaged.includes(f));
const clusters = files.filter((f) => !members.includes(f) && !damaged.includes(f));
const campaign = (f: string) => f.includes('campaign');
/** Files where a person typed formulas without a saved value (openpyxl does not calculate). */
const uncached = (f: string) => f.startsWith('py-typed-');

/** Library and runtime texts that must never reach a person. */
const LEAKS =
  /Cannot read propert|is not a function|is not defined|undefined|\[object Object\]|TypeError|RangeError|SyntaxError|\bat \S+ \(|node:internal|exceljs|jszip|saxes|Corrupted zip|Lỗi không mong đợi|Unexpected error|\bNaN\b/i;

/** Every captured output of the runs below, by run. */
const captured: { run: string; text: string }[] = [];
let dir: string;
let previous: string | undefined;

async function run(label: string, argv: string[]): Promise<CliRun> {
  const r = await cli(argv, dir);
  captured.push({ run: label, text: `${r.out}\n${r.err}` });
  return r;
}

/** The document a workbook reads as, without the fields that record when it was made. */
async function documentOf(path: string) {
  const read = await readWorkbookDocument(path);
  return JSON.parse(JSON.stringify(read.doc ?? null));
}

async function sheetXml(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  return (await Promise.all(parts.map((p) => zip.file(p)!.async('string')))).join('\n');
}

beforeAll(async () => {
  dir = await tempDir();
  // nominate -o prints its list to PDF through LibreOffice; that is tested elsewhere, not per corpus file.
  previous = process.env.THIDUA_SOFFICE;
  process.env.THIDUA_SOFFICE = '';
  for (const f of files) await copyFile(join(CORPUS, f), join(dir, f));
  // The product's own workbooks, the reference each corpus file must read as.
  for (const [kind, name] of [
    ['annual', 'cluster'],
    ['campaign', 'campaign'],
  ] as const) {
    expect((await cli(['new', kind, '--from', SAMPLE, '-o', `own-${name}.xlsx`], dir)).code).toBe(0);
    const unit = ['new', kind, '--from', SAMPLE, '--unit', 'VKSND tỉnh Kon Tum', '-o'];
    expect((await cli([...unit, `own-member-${name}.xlsx`], dir)).code).toBe(0);
  }
  expect(
    (
      await cli(
        ['new', 'annual', '--from', SAMPLE, '--unit', 'VKSND tỉnh Gia Lai', '-o', 'own-member.xlsx'],
        dir,
      )
    ).code,
  ).toBe(0);
}, 120_000);

afterAll(() => {
  if (previous === undefined) delete process.env.THIDUA_SOFFICE;
  else process.env.THIDUA_SOFFICE = previous;
});

describe('the other-programs corpus', { timeout: 120_000 }, () => {
  it('holds files of both programs and every variant the generator makes', () => {
    expect(files.filter((f) => f.startsWith('lo-')).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.startsWith('py-')).length).toBeGreaterThanOrEqual(5);
    expect(files).toEqual(
      expect.arrayContaining([
        'inline-strings-cluster.xlsx',
        'py-variants-cluster.xlsx',
        'lo-py-variants-cluster.xlsx',
      ]),
    );
  });

  it.each(clusters)(
    '%s: check, compute -o, merge and nominate -o; written back with nothing lost',
    async (f) => {
      const own = join(dir, campaign(f) ? 'own-campaign.xlsx' : 'own-cluster.xlsx');
      const input = join(dir, f);
      const before = await readFile(input);

      const checked = await run(`check ${f}`, ['check', f]);
      expect(checked.code, checked.out).toBe(uncached(f) ? 1 : 0);
      // Read as the product wrote it (the typed variants' formulas hold the sample's values when cached).
      if (!uncached(f)) expect(await documentOf(input)).toEqual(await documentOf(own));

      const out = `${f}.computed.xlsx`;
      const computed = await run(`compute -o ${f}`, ['compute', f, '-o', out]);
      expect(computed.code, computed.err).toBe(uncached(f) ? 1 : 0);
      expect(computed.err).toContain(`Đã ghi kết quả vào ${out}.`);
      const written = join(dir, out);
      // The results are patched into the package as the program saved it (addin/host/xlsx/patch): it needs
      // no more repair than the input did, holds no NaN, and reads as the same document.
      const normalised = (await repairPackage(before)).normalised;
      expect((await repairPackage(await readFile(written))).normalised).toEqual(normalised);
      expect(await sheetXml(written)).not.toMatch(/<v>NaN<\/v>|<v>Infinity<\/v>/);
      expect(await documentOf(written)).toEqual(await documentOf(input));

      // Read as the product reads it (the package kept as the program saved it goes through the repair).
      const book = await loadWorkbookBytes(await readFile(written), out);
      // Input cells stay open to typing (LibreOffice writes locked="false", which exceljs alone reads as locked).
      expect(book.getWorksheet('tỉnh Đắk Lắk')!.getCell('G6').protection?.locked).toBe(false);
      expect(book.getWorksheet('tỉnh Đắk Lắk')!.getCell('K6').formula).toBeTruthy();
      if (f.includes('variants')) {
        expect(book.getWorksheet('Gia Lai (đổi tên)')).toBeDefined();
        const people = book.getWorksheet('Cá nhân')!;
        expect(people.getRow(6).hidden).toBe(true);
        expect(book.getWorksheet('Tiêu chí')!.getRow(7).hidden).toBe(true);
        expect(people.getCell('F1').isMerged).toBe(true);
      }
      if (f.includes('typed')) {
        const ws = book.getWorksheet('tỉnh Gia Lai')!;
        expect(ws.getCell('G7').formula).toBe('2+3');
        expect(ws.getCell('G8').formula).toBe('4+1');
        expect(ws.getCell('K6').value).toBe('sửa tay');
        expect(computed.err).toContain('Sheet "tỉnh Gia Lai", ô K6: ô công thức của mẫu đã bị gõ đè');
        if (uncached(f))
          expect(computed.err).toContain(
            'ô G7: ô nhập có công thức do người dùng gõ nhưng tệp không lưu kết quả',
          );
      }
      // Nothing was normalised to write it, so nothing is said about it.
      expect(computed.err).not.toContain('Thi đua đã chuẩn hoá gói tệp');

      const member = campaign(f) ? 'own-member-campaign.xlsx' : 'own-member-cluster.xlsx';
      const merged = await run(`merge ${f}`, ['merge', f, member, '-o', `${f}.merged.xlsx`]);
      expect(merged.code, merged.out + merged.err).toBe(uncached(f) ? 1 : 0);
      expect(merged.out).toContain('VKSND tỉnh Kon Tum');
      expect((await repairPackage(await readFile(join(dir, `${f}.merged.xlsx`)))).normalised).toEqual(
        normalised,
      );

      const nominated = await run(`nominate -o ${f}`, ['nominate', f, '-o', `${f}.nominated.xlsx`]);
      expect(nominated.code, nominated.err).not.toBe(2);

      // No command wrote its input.
      expect(before.equals(await readFile(input))).toBe(true);
    },
  );

  it.each(members)('%s: check, merge into the cluster, and compute/nominate refused cleanly', async (f) => {
    const checked = await run(`check ${f}`, ['check', f]);
    if (uncached(f)) {
      // A self-assessment typed as a formula with no saved value cannot be read: an error at its cell, once.
      expect(checked.code, checked.out).toBe(1);
      expect(checked.out).toContain('ô G7: Điểm tự chấm của tiêu chí 1.2 là công thức =2+3 chưa có kết quả');
      expect(checked.out.split('ô G7').length - 1, checked.out).toBe(1);
    } else expect(checked.code, checked.out).toBe(0);
    if (!uncached(f))
      expect(await documentOf(join(dir, f))).toEqual(await documentOf(join(dir, 'own-member.xlsx')));

    for (const base of ['own-cluster.xlsx', 'lo-cluster.xlsx', 'py-cluster.xlsx']) {
      const merged = await run(`merge ${base} ${f}`, ['merge', base, f, '-o', `${f}.${base}`]);
      // The unreadable cell is an error (exit 1) named once; the rest of the member's scores are merged.
      expect(merged.code, merged.out + merged.err).toBe(uncached(f) ? 1 : 0);
      if (uncached(f)) expect(merged.out.split('ô G7').length - 1, merged.out).toBe(1);
      expect(merged.out).toContain('Đã nhận 1 đơn vị: VKSND tỉnh Gia Lai');
      // Written into the base's own package: only what the base itself needs.
      const baseNeeds = (await repairPackage(await readFile(join(dir, base)))).normalised;
      expect((await repairPackage(await readFile(join(dir, `${f}.${base}`)))).normalised).toEqual(baseNeeds);
    }
    // One member's scorecard is not a ranking: a one-line refusal in Vietnamese.
    const computed = await run(`compute -o ${f}`, ['compute', f, '-o', `${f}.computed.xlsx`]);
    expect(computed.code).toBe(2);
    expect(computed.err).toContain('Đây là bảng chấm điểm của một đơn vị');
    const nominated = await run(`nominate -o ${f}`, ['nominate', f, '-o', `${f}.nominated.xlsx`]);
    expect(nominated.code).toBe(2);
  });

  it.each(damaged)('%s: every command names the damaged part and says to re-save in Excel', async (f) => {
    const runs = [
      await run(`check ${f}`, ['check', f]),
      await run(`compute -o ${f}`, ['compute', f, '-o', `${f}.computed.xlsx`]),
      await run(`merge ${f}`, ['merge', 'own-cluster.xlsx', f, '-o', `${f}.merged.xlsx`]),
      await run(`nominate -o ${f}`, ['nominate', f, '-o', `${f}.nominated.xlsx`]),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/phần xl\/worksheets\/sheet\d+\.xml không phải XML hợp lệ/);
      expect(r.err).toContain('Hãy mở và lưu lại bằng Excel');
    }
  });

  it('no captured output holds a library text or a stack trace', () => {
    // Runs above: 4 per cluster file, 6 per member file, 4 per damaged file.
    expect(captured.length).toBe(clusters.length * 4 + members.length * 6 + damaged.length * 4);
    const leaks = captured
      .filter((c) => LEAKS.test(c.text))
      .map((c) => `${c.run}: ${c.text.match(LEAKS)![0]}`);
    expect(leaks).toEqual([]);
  });
});
