// The year's end on the standalone page alone, in Chromium (issues 13 and 14): open the sample cluster's
// workbook, make the dossier in the view "Hồ sơ, năm sau" (its Word files downloaded and unzipped for the
// figures and names; the ballots and count sheet in the downloaded workbook, read back as votes), then next
// year's workbook for 2025 (downloaded, read back: the members after the merger).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readWorkbookDocument } from '../../addin/cli/read-document';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import { writeClusterWorkbook } from '../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster, nominateAwards } from '../../core';
import { BALLOT_SHEET, COUNT_SHEET, officialNamer, readCountSheet } from '../../templates/dossier';
import { ROOT, axeViolations, serious, standaloneSession, screenshotPath } from './harness';
import { docxText as wordText } from '../addin/docx-text';

const docxText = async (path: string) => wordText(new Uint8Array(await readFile(path)));

const sample = JSON.parse(
  await readFile(join(ROOT, 'templates/samples/cum-7-2022.json'), 'utf8'),
) as ClusterDocument;
/** CI machines are slow and run other suites beside this one. */
const WAIT = { timeout: 60_000 };

const session = standaloneSession('year-end', (work) =>
  writeClusterWorkbook(join(work, 'cum-7-2022.xlsx'), sample),
);
/** The sample cluster workbook the session wrote. */
const workbookPath = () => join(session.work, 'cum-7-2022.xlsx');

async function saved(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), click()]);
  expect(download.suggestedFilename()).toBe(name);
  const path = join(session.work, `downloaded-${name}`);
  await download.saveAs(path);
  return path;
}

describe('the year’s end on the standalone page', { timeout: 300_000 }, () => {
  it('makes the dossier and next year’s workbook from the open workbook', async () => {
    const page = await session.browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(new URL(r.url()).pathname);
    });
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.locator('input[type=file]').setInputFiles(workbookPath());
    await page.getByRole('tab', { name: 'Hồ sơ, năm sau' }).click(WAIT);

    // The dossier: the fields, then the button.
    await page.getByRole('textbox', { name: /Ngày ký/ }).fill('2022-12-20');
    await page.getByRole('textbox', { name: 'Địa danh' }).fill('Buôn Ma Thuột');
    await page.getByRole('textbox', { name: 'Người ký' }).fill('Nguyễn Văn An');
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    const result = page.getByTestId('dossier-result');
    await result.waitFor(WAIT);
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-dossier.png'), fullPage: true });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain(`"${BALLOT_SHEET}", "${COUNT_SHEET}"`);
    const fingerprint = /Mã kiểm chứng số liệu: ([0-9A-F-]+)/.exec(text)?.[1];
    expect(fingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2}$/);

    const read = await readWorkbookDocument(workbookPath());
    const doc = read.doc!;
    const awards = nominateAwards(doc, computeCluster(doc).result, { lang: 'vi' });
    const name = officialNamer(doc);
    const listPath = await saved(
      page,
      () => page.getByRole('button', { name: 'Lưu danh-sach-de-nghi-2022.docx' }).click(),
      'danh-sach-de-nghi-2022.docx',
    );
    const list = await docxText(listPath);
    expect(list).toContain(fingerprint!);
    for (const n of awards.nominations)
      expect(list).toContain(n.kind === 'collective' ? name(n.candidate) : n.candidate);
    const submission = await docxText(
      await saved(
        page,
        () => page.getByRole('button', { name: 'Lưu to-trinh-2022.docx' }).click(),
        'to-trinh-2022.docx',
      ),
    );
    expect(submission).toContain('Nguyễn Văn An');
    expect(submission).toContain('Buôn Ma Thuột, ngày 20 tháng 12 năm 2022');
    const reports = await page.getByRole('button', { name: /^Lưu bao-cao-thanh-tich/ }).count();
    const proposed = new Set(
      awards.nominations.filter((n) => n.kind === 'collective').map((n) => n.candidate),
    );
    expect(reports).toBe(proposed.size);

    // The ballots and the count sheet are in the workbook the page downloads; the count reads as the votes.
    const workbook = await saved(
      page,
      () => page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
      'cum-7-2022-ket-qua.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    expect(wb.getWorksheet(BALLOT_SHEET)).toBeDefined();
    const counted = readCountSheet(snapshotWorkbook(wb, 'cum-7-2022.xlsx'));
    expect(counted?.votes.map((v) => [v.award, v.candidate, v.yes, v.voters])).toEqual(
      expect.arrayContaining((doc.votes ?? []).map((v) => [v.award, name(v.candidate), v.yes, v.voters])),
    );
    expect((await readWorkbookDocument(workbook)).doc!.units).toEqual(doc.units);

    // Next year's workbook, for 2025: the members after the 2025 merger, what stays behind listed.
    await page.getByRole('textbox', { name: /Năm mới/ }).fill('2025');
    await page.getByRole('button', { name: 'Tạo sổ năm sau' }).click();
    const next = page.getByTestId('next-year-result');
    await next.waitFor(WAIT);
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-next-year.png'), fullPage: true });
    expect(await page.getByTestId('not-carried').locator('li').count()).toBeGreaterThan(0);
    await expect(next.textContent()).resolves.toContain('Cần cụm quyết định lại');
    const nextPath = await saved(
      page,
      () => page.getByRole('button', { name: 'Lưu cum-7-2025.xlsx' }).click(),
      'cum-7-2025.xlsx',
    );
    const nextDoc = (await readWorkbookDocument(nextPath)).doc!;
    expect(nextDoc.year).toBe(2025);
    expect(nextDoc.units.map((u) => u.name)).toEqual([
      'VKSND tỉnh Đắk Lắk',
      'VKSND tỉnh Gia Lai',
      'VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Lâm Đồng',
    ]);
    // Every chunk the view loads (docx among them) arrived, and the page's policy refused nothing.
    expect(missing.filter((p) => p !== '/favicon.ico')).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });
});
