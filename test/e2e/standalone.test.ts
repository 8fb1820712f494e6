// The standalone page in a real Chromium: open the sample workbook, check, compute, explain, propose awards
// and leadership, export, download; the downloaded workbook computes the same as the command line's core.
// Screenshots go to docs/images/taskpane-*.png for the README with THIDUA_WRITE_DOC_IMAGES=1.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countIssues, mergeIssues } from '../../addin/app/actions';
import { writeClusterWorkbook } from '../../addin/host/xlsx/workbook-files';
import { locateWorkbookIssues, readWorkbookDocument } from '../../addin/cli/read-document';
import { translator } from '../../addin/taskpane/i18n';
import { issuePlace, rankingRows } from '../../addin/taskpane/view-model';
import {
  type ClusterDocument,
  checkCluster,
  computeCluster,
  nominateAwards,
  proposeRotation,
} from '../../core';
import { ROOT, axeViolations, screenshotPath, serious, standaloneSession } from './harness';

const sample = JSON.parse(
  await readFile(join(ROOT, 'templates/samples/cum-7-2022.json'), 'utf8'),
) as ClusterDocument;

const session = standaloneSession('e2e', (work) =>
  writeClusterWorkbook(join(work, 'cum-7-2022.xlsx'), sample),
);
/** The sample cluster workbook the session wrote. */
const workbookPath = () => join(session.work, 'cum-7-2022.xlsx');

async function shot(page: Page, name: string) {
  await page.screenshot({ path: screenshotPath(`taskpane-${name}.png`), fullPage: true });
}

describe('standalone task pane on the sample workbook', () => {
  it('checks, computes, explains, proposes, exports and downloads; the download computes like the CLI', async () => {
    const page = await session.browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.getByText('Chọn tệp .xlsx').waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    await shot(page, 'open');

    // While the person chooses a file, the file host's code arrives; once a workbook is open, the scoring code.
    const fetched = (prefix: string) => session.server.requests.some((r) => r.startsWith(prefix));
    await expect.poll(() => fetched('/chunks/file-session-'), { timeout: 10_000 }).toBe(true);
    expect(fetched('/chunks/core-port-')).toBe(false);

    // Open the workbook through the file input.
    await page.locator('input[type=file]').setInputFiles(workbookPath());
    await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
    await expect.poll(() => fetched('/chunks/core-port-'), { timeout: 10_000 }).toBe(true);
    await expect(page.getByRole('toolbar').textContent()).resolves.toContain('cum-7-2022.xlsx');

    // Check: the counts the core gives for the same workbook.
    const read = await readWorkbookDocument(workbookPath());
    const expectedCheck = countIssues(mergeIssues(read.issues, checkCluster(read.doc!)));
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const summary =
      expectedCheck.error + expectedCheck.warning + expectedCheck.info === 0
        ? 'Không phát hiện vấn đề nào.'
        : `${expectedCheck.error} lỗi, ${expectedCheck.warning} cảnh báo, ${expectedCheck.info} ghi chú`;
    await page.getByText(summary).waitFor();

    // Compute: the ranking table shows the core's ranking, row for row.
    await page.getByRole('tab', { name: 'Tính điểm' }).click();
    await page.getByRole('button', { name: 'Tính điểm', exact: true }).click();
    const table = page.getByRole('table', { name: /Bảng xếp hạng/ });
    await table.waitFor();
    const expected = computeCluster(sample).result;
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) =>
          // innerText, not textContent: the unit and its rating are stacked and must read apart.
          (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
    expect(rows).toEqual(
      rankingRows(expected, 'vi').map((r) => [
        r.shared ? `${r.rank}=` : String(r.rank),
        `${r.unit} ${r.tier}`,
        r.total,
        r.percent,
        r.indicators,
      ]),
    );
    await page.getByText(/Toàn cụm: \d+\/\d+ \(/).waitFor();
    await page.getByText(/Khi bằng tổng điểm, xét lần lượt/).waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    await shot(page, 'compute');

    // "Why this score" for the leader of the ranking, by keyboard: Enter opens, Escape closes, focus returns.
    const first = expected.units[0]!.unit;
    const why = page.getByRole('button', { name: new RegExp(`^Vì sao ${first} được`) });
    await why.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Giải thích điểm của ${first}` });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(`Hạng 1;`);
    await expect(
      dialog.getByRole('table', { name: 'Điểm theo tiêu chí' }).locator('tbody tr').count(),
    ).resolves.toBe(sample.criteria.length);
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-explain.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(why.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // Awards: what the dated rules propose for the computed result.
    const nominations = nominateAwards(sample, expected);
    await page.getByRole('tab', { name: 'Khen thưởng' }).click();
    await page.getByRole('button', { name: 'Đề xuất khen thưởng' }).click();
    await page.getByText(`Đề nghị (${nominations.nominations.length})`).waitFor();
    await page.getByText(`Không đủ điều kiện (${nominations.blocked.length})`).waitFor();
    for (const n of nominations.nominations) {
      await expect(
        page
          .locator(`section[data-award=${JSON.stringify(n.award)}] summary`, { hasText: n.candidate })
          .count(),
      ).resolves.toBeGreaterThan(0);
    }
    expect(serious(await axeViolations(page))).toEqual([]);
    // A candidate's legal basis is one click (or Enter) away.
    const firstNomination = nominations.nominations[0]!;
    const summaryEl = page.locator(`section[data-award=${JSON.stringify(firstNomination.award)}] summary`, {
      hasText: firstNomination.candidate,
    });
    await summaryEl.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Căn cứ' }).first().getByText(firstNomination.basis[0]!).waitFor();
    await page.screenshot({ path: screenshotPath('taskpane-awards.png') });
    await page.getByRole('button', { name: 'Xuất kết quả' }).click();
    await page.getByText(/Đã ghi kết quả và đề nghị vào sổ tính/).waitFor();

    // Leadership for next year.
    const rotation = proposeRotation(sample);
    await page.getByRole('tab', { name: 'Cụm trưởng' }).click();
    await page.getByRole('button', { name: 'Đề xuất', exact: true }).click();
    await page.getByRole('heading', { name: `Năm ${rotation.year}` }).waitFor();
    await expect(page.locator('dd').first().textContent()).resolves.toBe(rotation.leader);
    await shot(page, 'rotation');

    // Download: the workbook now holds results; read back, it computes the same as the JSON.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('cum-7-2022-ket-qua.xlsx');
    const downloaded = join(session.work, 'downloaded.xlsx');
    await download.saveAs(downloaded);
    const back = await readWorkbookDocument(downloaded);
    expect(back.doc).toBeDefined();
    const again = computeCluster(back.doc!).result;
    expect(again.units).toEqual(expected.units);
    expect(again.clusterIndicators).toEqual(expected.clusterIndicators);
    expect(again.stage).toBe(expected.stage);

    expect(violations.filter((v) => /Content Security Policy|Refused/.test(v))).toEqual([]);
    await page.close();
  }, 180_000);

  it('lists the problems of a workbook with a wrong entry, each with the place it names', async () => {
    // The sample with a bonus above its criterion's maximum, typed in the workbook.
    const wrong = structuredClone(sample);
    const capped = new Map(
      sample.criteria.filter((c) => c.bonusMax !== undefined).map((c) => [c.code, c.bonusMax!]),
    );
    const score = wrong.scores!.find((x) => capped.has(x.criterion) && x.stage === 'self')!;
    score.bonus = capped.get(score.criterion)! + 1;
    const path = join(session.work, 'sai-diem-cong.xlsx');
    await writeClusterWorkbook(path, wrong);
    const read = await readWorkbookDocument(path);
    // Placed as the pane places them: a rule on the data names the cell the value was read from.
    const issues = locateWorkbookIssues(read.doc!, mergeIssues(read.issues, checkCluster(read.doc!)));
    const errors = issues.filter((i) => i.severity === 'error');
    const over = errors.find((i) => i.code === 'score.bonus.over');
    expect(over?.sheet && over.cell).toBeTruthy();

    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const counts = countIssues(issues);
    await page.getByText(`${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} ghi chú`).waitFor();
    await expect(page.locator('li[data-severity]').count()).resolves.toBe(issues.length);
    // Each error is listed with the place it names (the cell, or unit and criterion where no cell is known).
    for (const e of errors) {
      const item = page.locator(`li[data-severity="error"][data-code="${e.code}"]`);
      await expect(item.first().textContent()).resolves.toContain(e.message);
      await expect(item.first().textContent()).resolves.toContain(issuePlace(e, translator('vi')));
    }
    // The bonus above its maximum is a button selecting the cell it was typed in.
    await page
      .locator('li[data-code="score.bonus.over"]')
      .getByRole('button')
      .and(page.getByTitle(`Chọn ô '${over!.sheet}'!${over!.cell}`))
      .first()
      .click();
    await page.getByText(`Đã chọn ô '${over!.sheet}'!${over!.cell}.`).waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    await shot(page, 'check');
    await page.close();
  }, 120_000);

  it('switches to English and back, keeping the open workbook', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.locator('input[type=file]').setInputFiles(workbookPath());
    await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
    await page.getByRole('switch', { name: 'Hiển thị bằng tiếng Anh' }).click();
    await page.getByRole('tab', { name: 'Compute' }).click();
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    await page.getByRole('table', { name: /Ranking of/ }).waitFor();
    await page.getByText(/When totals are equal, compare in turn/).waitFor();
    await shot(page, 'compute-en');
    await page.getByRole('switch', { name: 'Show in English' }).click();
    await page.getByRole('table', { name: /Bảng xếp hạng/ }).waitFor();
    await page.close();
  }, 120_000);

  it('refuses a file that is not an .xlsx workbook, saying which', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/standalone.html`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'bao-cao.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('not a workbook'),
    });
    await page.getByRole('alert').getByText('Tệp bao-cao.docx không phải sổ tính .xlsx.').waitFor();
    await page.close();
  }, 60_000);

  it('asked for nothing but files of its own origin', () => {
    expect(session.urls.length).toBeGreaterThan(0);
    const foreign = session.urls.filter(
      (u) => !u.startsWith(`${session.server.origin}/`) && !/^(blob|data):/.test(u),
    );
    expect(foreign).toEqual([]);
  });
});
