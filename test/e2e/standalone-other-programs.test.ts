import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbookBytes } from '../../addin/host/xlsx/load';
import { repairPackage } from '../../addin/host/xlsx/package-repair';
import { readWorkbookDocument } from '../../addin/cli/read-document';
import { readFile } from 'node:fs/promises';
import { ROOT, standaloneSession } from './harness';

const CORPUS = join(ROOT, 'test/fixtures/other-programs');

const session = standaloneSession('e2e-other');

describe('standalone page on files from other programs', { timeout: 180_000 }, () => {
  it.each(['lo-py-typed-cluster.xlsx', 'py-variants-cluster.xlsx'])(
    '%s: opens, computes, says what was normalised if anything was, and downloads with nothing lost',
    async (name) => {
      // Results go into the file's own package (patched) when every sheet they name is there; a renamed
      // member tab is not, so that file takes the exceljs path, which normalises the package and says so.
      const patched = name.includes('typed');
      const page = await session.browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${session.server.origin}/standalone.html`);
      await page.locator('input[type=file]').setInputFiles(join(CORPUS, name));
      await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();

      await page.getByRole('tab', { name: 'Tính điểm' }).click();
      await page.getByRole('button', { name: 'Tính điểm', exact: true }).click();
      await page.getByRole('table', { name: /Bảng xếp hạng/ }).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
      ]);
      const downloaded = join(session.work, `downloaded-${name}`);
      await download.saveAs(downloaded);
      expect(errors).toEqual([]);
      if (patched) expect(await page.getByTestId('normalised-notice').count()).toBe(0);
      else
        await expect(page.getByTestId('normalised-notice').textContent()).resolves.toContain(
          'do chương trình khác lưu; Thi đua đã chuẩn hoá gói tệp',
        );
      await page.close();

      // Read back: the same document; patched, the package as the program saved it (no more to repair than
      // the original), else nothing left to repair; typed formulas and unlocked inputs kept.
      const bytes = await readFile(downloaded);
      const input = await readFile(join(CORPUS, name));
      const asSaved = (await repairPackage(input)).normalised;
      expect(asSaved.length).toBeGreaterThan(0);
      expect((await repairPackage(bytes)).normalised).toEqual(patched ? asSaved : []);
      const original = await readWorkbookDocument(join(CORPUS, name));
      expect((await readWorkbookDocument(downloaded)).doc).toEqual(original.doc);
      const book = await loadWorkbookBytes(bytes, name);
      expect(book.getWorksheet('tỉnh Đắk Lắk')!.getCell('G6').protection?.locked).toBe(false);
      if (name.includes('typed')) {
        const ws = book.getWorksheet('tỉnh Gia Lai')!;
        expect(ws.getCell('G7').formula).toBe('2+3');
        expect(ws.getCell('K6').value).toBe('sửa tay');
        expect(await readFile(downloaded, 'latin1')).not.toContain('NaN');
      } else {
        expect(book.getWorksheet('Gia Lai (đổi tên)')).toBeDefined();
      }
    },
  );

  // The rest of the corpus (issue 9: every file): each cluster and campaign workbook opens, computes and
  // downloads as the same document; each member's scorecard opens and is checked, and ranking it is refused.
  it.each([
    'inline-strings-cluster.xlsx',
    'lo-cluster.xlsx',
    'lo-campaign.xlsx',
    'lo-py-variants-cluster.xlsx',
    'py-cluster.xlsx',
    'py-campaign.xlsx',
    'py-typed-cluster.xlsx',
    'lo-member.xlsx',
    'py-member.xlsx',
    'py-typed-member.xlsx',
  ])(
    '%s: opens, computes (or, a member scorecard, is checked only) and downloads the same document',
    async (name) => {
      const page = await session.browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${session.server.origin}/standalone.html`);
      await page.locator('input[type=file]').setInputFiles(join(CORPUS, name));
      await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
      await page.getByRole('tab', { name: 'Tính điểm' }).click();
      await page.getByRole('button', { name: 'Tính điểm', exact: true }).click();
      if (name.includes('member')) {
        const alert = page.getByRole('alert');
        await alert.waitFor();
        await expect(alert.textContent()).resolves.toMatch(/Đây là bảng chấm điểm của .*gộp các bảng/);
      } else await page.getByRole('table', { name: /Bảng xếp hạng/ }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
      ]);
      const downloaded = join(session.work, `all-${name}`);
      await download.saveAs(downloaded);
      expect(errors).toEqual([]);
      await page.close();
      expect((await readWorkbookDocument(downloaded)).doc).toEqual(
        (await readWorkbookDocument(join(CORPUS, name))).doc,
      );
    },
  );

  it('a damaged file: the page names the part and says to re-save, with no library text', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.locator('input[type=file]').setInputFiles(join(CORPUS, 'damaged-part-member.xlsx'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/phần xl\/worksheets\/sheet\d+\.xml không phải XML hợp lệ/);
    expect(text).toContain('Hãy mở và lưu lại bằng Excel');
    expect(text).not.toMatch(/Cannot read|undefined|TypeError|Error:/);
    await page.close();
  });

  // The command line's limits hold on the page (issue 10): a zip whose entry inflates far past its compressed
  // size, one whose directory lies about the sizes (found while inflating), and XML parts declaring a DTD.
  it.each([
    ['zip-bomb-ratio.xlsx', /giải nén ra hơn [\d.]+ lần kích thước nén/],
    ['zip-bomb-lying-size.xlsx', /giải nén ra hơn [\d.]+ lần kích thước nén/],
    ['dtd-billion-laughs.xlsx', /có khai báo DTD/],
    ['dtd-external-entity.xlsx', /có khai báo DTD/],
  ])('%s: refused before it is opened, saying why', async (file, why) => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/hostile', file));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`Tệp ${file} không mở`);
    expect(text).toMatch(why);
    expect(text).not.toMatch(/Cannot read|undefined|TypeError|Error:/);
    await page.close();
  });
});
