// The whole cycle on the standalone page alone, in Chromium, on the bundled sample cluster (Cụm thi đua số 7,
// 2022): create the workbook, send out the members' scorecards, merge three returned files, check, compute,
// write the official nomination sheets, download. Each step is asserted on real outputs: the files the page
// downloads are read back with exceljs and the project's reader, and compared with the core's answer.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countIssues, mergeIssues } from '../../addin/app/actions';
import { readWorkbookDocument } from '../../addin/cli/read-document';
import { rankingRows } from '../../addin/taskpane/view-model';
import { type ClusterDocument, type Score, checkCluster, computeCluster, nominateAwards } from '../../core';
import { NOMINATION_SHEETS } from '../../templates/nomination';
import { UNIT_SCORECARD_TEMPLATE_ID } from '../../templates';
import { readMetaRows } from '../../templates/read/unit-meta';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import { selfScores, typeScores } from '../addin/app/returned';
import { ROOT, axeViolations, serious, standaloneSession } from './harness';

const sample = JSON.parse(
  await readFile(join(ROOT, 'templates/samples/cum-7-2022.json'), 'utf8'),
) as ClusterDocument;
const UNITS = sample.units.map((u) => u.name);

const session = standaloneSession('cycle');

async function saved(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(session.work, name);
  await download.saveAs(path);
  expect(download.suggestedFilename()).toBe(name.replace(/^\d+-step-/, ''));
  return path;
}

async function cellTexts(path: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  expect(ws, sheet).toBeDefined();
  const out: string[] = [];
  ws!.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? c.value ?? ''))));
  return out;
}

describe('the whole cycle on the standalone page', () => {
  it('create, send out, merge three returns, check, compute, nominate with the official sheets, download', async () => {
    const page = await session.browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${session.server.origin}/standalone.html`);

    // 1. Create: a new workbook for the sample's cluster, members found through the registry.
    await page.getByRole('button', { name: 'Tạo sổ mới' }).click();
    await page
      .getByRole('spinbutton', { name: /Năm thi đua/ })
      .or(page.getByRole('textbox', { name: /Năm thi đua/ }))
      .fill('2022');
    await page.getByRole('textbox', { name: 'Tên cụm thi đua' }).fill(sample.cluster.name);
    const search = page.getByRole('combobox', { name: /Tìm đơn vị/ });
    for (const unit of UNITS) {
      await search.click();
      await search.fill('');
      await search.pressSequentially(unit.replace('VKSND tỉnh ', ''));
      await page
        .getByRole('option', { name: new RegExp(`^${unit}`) })
        .first()
        .click();
      await page.getByRole('button', { name: `Bỏ ${unit}` }).waitFor();
    }
    await page.getByRole('button', { name: 'Tạo sổ tính' }).click();
    await page.getByText(/Đã tạo \d+ trang/).waitFor();
    const createdPath = await saved(
      page,
      () => page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
      '1-step-thi-dua-ket-qua.xlsx',
    );
    const created = await readWorkbookDocument(createdPath);
    expect(created.doc!.units.map((u) => u.name)).toEqual(UNITS);
    expect(created.doc!.cluster.name).toBe(sample.cluster.name);
    expect(created.doc!.year).toBe(2022);
    const doc = created.doc!;

    // 2. Send out: one scorecard per member; each download is a member's scorecard carrying the cluster.
    await page.getByRole('tab', { name: 'Gửi, gộp bảng' }).click();
    await page.getByRole('button', { name: 'Tạo bảng chấm điểm cho từng đơn vị' }).click();
    await page.getByText(/Đã tạo 5 bảng chấm điểm/).waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    const names = [
      '01-vksnd-tinh-dak-lak.xlsx',
      '02-vksnd-tinh-gia-lai.xlsx',
      '03-vksnd-tinh-kon-tum.xlsx',
      '04-vksnd-tinh-dak-nong.xlsx',
      '05-vksnd-tinh-lam-dong.xlsx',
    ];
    const returned: string[] = [];
    const typedScores: Score[] = [];
    for (const [i, name] of names.slice(0, 3).entries()) {
      const path = await saved(page, () => page.getByRole('button', { name: `Lưu ${name}` }).click(), name);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      expect(readMetaRows(snapshotWorkbook(wb, name)).get('template.id')).toBe(UNIT_SCORECARD_TEMPLATE_ID);
      // 3a. The member types its self scores into the file it received and sends it back.
      const scores = selfScores(doc, UNITS[i]!, i);
      const { bytes, typed } = await typeScores(new Uint8Array(await readFile(path)), doc, UNITS[i]!, scores);
      expect(typed).toBeGreaterThan(0);
      const back = join(session.work, `tra-ve-${name}`);
      await writeFile(back, bytes);
      returned.push(back);
      typedScores.push(...scores);
    }

    // 3b. Merge the three returned files into the open workbook.
    await page.getByTestId('merge-files').setInputFiles(returned);
    await page.getByText(/Đã chọn 3 tệp/).waitFor();
    await page.getByRole('button', { name: 'Gộp vào sổ tính' }).click();
    const mergeResult = page.getByTestId('merge-result');
    await mergeResult.waitFor();
    await expect(mergeResult.textContent()).resolves.toContain(
      `Đã nhận 3 đơn vị: ${UNITS.slice(0, 3).join(', ')}`,
    );
    await expect(mergeResult.textContent()).resolves.toContain(
      `Còn thiếu 2 đơn vị: ${UNITS.slice(3).join(', ')}`,
    );
    const mergedPath = await saved(
      page,
      () => page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
      '2-step-thi-dua-ket-qua.xlsx',
    );
    const merged = await readWorkbookDocument(mergedPath);
    const key = (s: Score) => `${s.unit}|${s.criterion}|${s.stage}`;
    const inFile = new Map((merged.doc!.scores ?? []).map((s) => [key(s), s.points]));
    for (const s of typedScores) expect(inFile.get(key(s)), key(s)).toBe(s.points);
    expect(merged.doc!.scores!.filter((s) => UNITS.slice(3).includes(s.unit))).toEqual([]);

    // 4. Check: the counts the core gives for the merged workbook.
    const expectedCheck = countIssues(mergeIssues(merged.issues, checkCluster(merged.doc!)));
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page
      .getByText(
        expectedCheck.error + expectedCheck.warning + expectedCheck.info === 0
          ? 'Không phát hiện vấn đề nào.'
          : `${expectedCheck.error} lỗi, ${expectedCheck.warning} cảnh báo, ${expectedCheck.info} ghi chú`,
      )
      .waitFor();

    // 5. Compute: the table is the core's ranking of the merged document, row for row.
    const expected = computeCluster(merged.doc!).result;
    await page.getByRole('tab', { name: 'Tính điểm' }).click();
    await page.getByRole('button', { name: 'Tính điểm', exact: true }).click();
    const table = page.getByRole('table', { name: /Bảng xếp hạng/ });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td')].map((td) =>
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

    // 6. Nominate with the official sheets: into the workbook, and as a file of their own.
    const nominations = nominateAwards(merged.doc!, expected);
    await page.getByRole('tab', { name: 'Khen thưởng' }).click();
    await page.getByRole('textbox', { name: 'Ngày ký (YYYY-MM-DD)' }).fill('2022-12-20');
    await page.getByRole('textbox', { name: 'Người ký' }).fill('Nguyễn Văn A');
    await page.getByRole('button', { name: 'Ghi danh sách đề nghị vào sổ' }).click();
    const sheetsResult = page.getByTestId('sheets-result');
    await sheetsResult.waitFor();
    await expect(sheetsResult.textContent()).resolves.toContain(
      `(${nominations.nominations.length} đề nghị)`,
    );
    expect(serious(await axeViolations(page))).toEqual([]);
    const listPath = await saved(
      page,
      () => page.getByRole('button', { name: 'Lưu de-nghi-khen-thuong-2022.xlsx' }).click(),
      'de-nghi-khen-thuong-2022.xlsx',
    );
    const listTexts = await cellTexts(listPath, NOMINATION_SHEETS.collective);
    expect(listTexts.some((t) => t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect(listTexts.some((t) => t.includes('ngày 20 tháng 12 năm 2022'))).toBe(true);
    expect(listTexts).toContain('Nguyễn Văn A');
    for (const n of nominations.nominations.filter((x) => x.kind === 'collective'))
      expect(
        listTexts.some((t) => t.includes(n.candidate)),
        n.candidate,
      ).toBe(true);

    // 7. Download: the workbook holds the results and the nomination sheets, and computes as the core does.
    const finalPath = await saved(
      page,
      () => page.getByRole('button', { name: 'Tải sổ tính về' }).click(),
      '3-step-thi-dua-ket-qua.xlsx',
    );
    const inBook = await cellTexts(finalPath, NOMINATION_SHEETS.collective);
    expect(inBook).toEqual(listTexts);
    const final = await readWorkbookDocument(finalPath);
    expect(computeCluster(final.doc!).result.units).toEqual(expected.units);

    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    const foreign = session.urls.filter(
      (u) => !u.startsWith(`${session.server.origin}/`) && !/^(blob|data):/.test(u),
    );
    expect(foreign).toEqual([]);
    await page.close();
  }, 300_000);
});
