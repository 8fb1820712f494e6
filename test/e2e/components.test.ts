// The task pane's components in a real Chromium with fake actions: every view works through the actions it
// is given (progress, cancel, issue selection, search, create, explain, awards, export, leadership) and never
// touches Excel or Office. The reports are the real core's on the sample document. Also: the pages' CSP.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppActions, createActions } from '../../addin/app/actions';
import { corePorts } from '../../addin/app/core-port';
import type { WorkbookHost } from '../../addin/app/host';
import type { ClusterDocument } from '../../core';
import {
  type Browser,
  ROOT,
  type StaticServer,
  axeViolations,
  buildAddin,
  launchChromium,
  pagePolicy,
  screenshotPath,
  serious,
  serve,
} from './harness';

const sample = JSON.parse(
  await readFile(join(ROOT, 'templates/samples/cum-7-2022.json'), 'utf8'),
) as ClusterDocument;

let server: StaticServer;
let browser: Browser;
let fixture: string;

/** Reports exactly as the actions give them over the real core (a host that holds nothing). */
async function realReports() {
  const host: WorkbookHost = {
    kind: 'file',
    read: async () => ({ source: 'cum-7-2022.xlsx', sheets: [], names: [] }),
    write: async () => ({ cellsWritten: 3536, sheetsCreated: [], refused: [] }),
    markIssues: async () => {},
    select: async () => {},
  };
  const actions: AppActions = createActions(host, {
    core: { ...corePorts, readWorkbook: () => ({ document: structuredClone(sample), issues: [] }) },
  });
  const check = await actions.check();
  // One issue with a cell, so the list has something to select.
  check.issues.unshift({
    severity: 'warning',
    code: 'score.note.missing',
    message: 'Thiếu ghi chú giải trình điểm trừ (minh hoạ)',
    messageEn: 'Deduction without an explanatory note (illustration)',
    unit: 'VKSND tỉnh Gia Lai',
    sheet: 'Gia Lai',
    cell: 'H12',
  });
  check.counts.warning += 1;
  return {
    check,
    compute: await actions.compute(),
    nominate: await actions.nominate(),
    rotate: await actions.rotate(),
    exportResults: await actions.exportResults(),
    create: {
      document: check.document,
      sheets: ['Hướng dẫn', 'Đơn vị', 'Tiêu chí'],
      write: { cellsWritten: 10, sheetsCreated: [], refused: [] },
    },
    suggestions: await actions.searchUnits('Phú Yên', '2022-12-31'),
  };
}

beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), 'thidua-fake-pane-'));
  await buildAddin(join(fixture, 'addin'));
  await build({
    entryPoints: [join(ROOT, 'test/e2e/fixtures/fake-pane.tsx')],
    outfile: join(fixture, 'fake-pane.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  // The standalone page's own HTML and CSP, with the fixture's script in place of the page's.
  const page = (await readFile(join(fixture, 'addin', 'standalone.html'), 'utf8')).replace(
    /<script type="module" src="standalone\.js"><\/script>/,
    '<script type="module" src="fake-pane.js"></script>',
  );
  await writeFile(join(fixture, 'index.html'), page);
  server = await serve(join(fixture, 'addin'), fixture);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(fixture, { recursive: true, force: true });
});

const probe = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __probe: { calls: string[]; touched: string[]; saved: string[]; preloads: number };
        }
      ).__probe,
  );

describe('task pane components with fake actions, in Chromium', () => {
  it('drive every view through the actions and never touch Excel or Office', async () => {
    const reports = await realReports();
    const page = await browser.context.newPage();
    await page.addInitScript((r) => {
      (window as unknown as { __reports: unknown }).__reports = r;
    }, reports);
    await page.goto(`${server.origin}/extra/index.html`);

    // Check: the issue with a cell selects it.
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const select = page.getByRole('button', { name: /Thiếu ghi chú giải trình/ });
    await select.click();
    await page.getByText("Đã chọn ô 'Gia Lai'!H12.").waitFor();

    // Compute: progress, then cancel; then run again to the table.
    await page.getByRole('tab', { name: 'Tính điểm' }).click();
    await page.getByRole('button', { name: 'Tính điểm', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Đang thực hiện' }).waitFor();
    await page.getByText('Bước 2/4: tính điểm và xếp hạng').waitFor();
    await page.screenshot({ path: screenshotPath('taskpane-progress.png') });
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByText('Đã hủy thao tác.').waitFor();
    await page.getByRole('button', { name: 'Tính điểm', exact: true }).click();
    await page.getByRole('table', { name: /Bảng xếp hạng/ }).waitFor();
    const leader = reports.compute.result.units[0]!.unit;
    await page.getByRole('button', { name: new RegExp(`^Vì sao ${leader}`) }).click();
    await page.getByRole('dialog').getByText('Diễn giải').waitFor();
    await page.getByRole('button', { name: 'Đóng giải thích' }).click();

    // Awards and export: proposals, then the JSON saves go through the saveText it was given.
    await page.getByRole('tab', { name: 'Khen thưởng' }).click();
    await page.getByRole('button', { name: 'Đề xuất khen thưởng' }).click();
    await page.getByText(`Đề nghị (${reports.nominate.nominations.length})`).waitFor();
    await page.getByRole('button', { name: 'Xuất kết quả' }).click();
    await page.getByRole('button', { name: 'Lưu kết quả (JSON)' }).click();
    await page.getByRole('button', { name: 'Lưu dữ liệu cụm (JSON)' }).click();

    // Leadership.
    await page.getByRole('tab', { name: 'Cụm trưởng' }).click();
    await page.getByRole('button', { name: 'Đề xuất', exact: true }).click();
    await page.getByRole('heading', { name: `Năm ${reports.rotate.year}` }).waitFor();

    // Create: members through the registry search, with the successor note shown.
    await page.getByRole('tab', { name: 'Tạo sổ' }).click();
    await page.getByRole('textbox', { name: 'Tên cụm thi đua' }).fill('Cụm thi đua số 7');
    const search = page.getByRole('combobox', { name: /Tìm đơn vị/ });
    await search.click();
    await search.pressSequentially('Phú Yên');
    const option = page.getByRole('option', { name: /VKSND tỉnh Phú Yên/ });
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('thuộc VKSND tỉnh Đắk Lắk');
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: screenshotPath('taskpane-create.png') });
    await option.click();
    await page.getByRole('button', { name: 'Bỏ VKSND tỉnh Phú Yên' }).waitFor();
    await page.getByRole('button', { name: 'Tạo sổ tính' }).click();
    await page.getByText(/Đã tạo 3 trang/).waitFor();

    const seen = await probe(page);
    expect(seen.touched).toEqual([]);
    expect(seen.calls).toEqual(
      expect.arrayContaining([
        'check',
        'selectIssue:Gia Lai!H12',
        'compute',
        'nominate',
        'exportResults',
        'rotate',
        'searchUnits:Phú Yên',
        `createWorkbook:${JSON.stringify({ kind: 'annual', year: 2023, cluster: 'Cụm thi đua số 7', units: ['VKSND tỉnh Phú Yên'] })}`,
      ]),
    );
    expect(seen.calls.filter((c) => c === 'compute')).toHaveLength(2);
    // Once idle, the pane asked for the scoring code ahead of use, once (not per view or render).
    expect(seen.preloads).toBe(1);
    expect(seen.saved).toEqual(['thidua-2022-ket-qua.json', 'thidua-2022-du-lieu.json']);
    await page.close();
  }, 120_000);

  it('can be used with the keyboard alone: tabs by arrow keys, actions by Enter', async () => {
    const reports = await realReports();
    const page = await browser.context.newPage();
    await page.addInitScript((r) => {
      (window as unknown as { __reports: unknown }).__reports = r;
    }, reports);
    await page.goto(`${server.origin}/extra/index.html`);
    await page.getByRole('tab', { name: 'Kiểm tra', selected: true }).waitFor();
    // Tab from the start of the page: the language switch, then the selected tab.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('switch');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Kiểm tra');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Tính điểm');
    await page.getByRole('tabpanel', { name: 'Tính điểm' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Tính điểm');
    await page.close();
  }, 60_000);
});

describe('reports from ribbon commands', () => {
  it('open the view they belong to and show the report without running the action again', async () => {
    const reports = await realReports();
    const page = await browser.context.newPage();
    await page.addInitScript((r) => {
      (window as unknown as { __reports: unknown }).__reports = r;
    }, reports);
    await page.goto(`${server.origin}/extra/index.html`);
    await page.getByRole('tab', { name: 'Kiểm tra', selected: true }).waitFor();
    await page.evaluate((report) => {
      window.dispatchEvent(new CustomEvent('thidua:navigate', { detail: { view: 'compute', report } }));
    }, reports.compute);
    await page.getByRole('tab', { name: 'Tính điểm', selected: true }).waitFor();
    await page.getByRole('table', { name: /Bảng xếp hạng/ }).waitFor();
    await page.evaluate(() => {
      window.dispatchEvent(
        new CustomEvent('thidua:navigate', {
          detail: {
            view: 'check',
            error: { vi: 'Sổ tính không theo mẫu Thi đua.', en: 'Not a Thi đua workbook.' },
          },
        }),
      );
    });
    await page.getByRole('alert').getByText('Sổ tính không theo mẫu Thi đua.').waitFor();
    const seen = await probe(page);
    expect(seen.calls).toEqual([]);
    expect(seen.touched).toEqual([]);
    await page.close();
  }, 60_000);
});

describe('content security policy of the built pages', () => {
  it('the standalone page allows no network at all: nothing beyond its own origin', async () => {
    const policy = pagePolicy(await readFile(join(fixture, 'addin', 'standalone.html'), 'utf8'));
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        expect(`${directive} ${source}`).toMatch(/ ('self'|'none'|'unsafe-inline'|data:|blob:)$/);
      }
    }
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('the task pane allows the office.js source and nothing else from the network', async () => {
    const html = await readFile(join(fixture, 'addin', 'taskpane.html'), 'utf8');
    const policy = pagePolicy(html);
    const office = /<script src="(https:\/\/[^"]+office\.js)"/.exec(html)?.[1];
    expect(office).toBeDefined();
    const officeOrigin = new URL(office!).origin;
    const remote: string[] = [];
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        if (!/^('self'|'none'|'unsafe-inline'|data:|blob:)$/.test(source))
          remote.push(`${directive} ${source}`);
      }
    }
    expect(remote).toEqual([`script-src ${officeOrigin}`]);
  });

  it('the browser enforces it: a request to another origin is refused by the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/standalone.html`);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      // The report is an event queued after the refusal: on a loaded machine it comes later than any fixed pause,
      // so wait for it (or, if the page never reports, give up after a while and let the assertion say so).
      const reported = new Promise<void>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          violations.push(e.effectiveDirective);
          resolve();
        });
        setTimeout(resolve, 10_000);
      });
      const fetched = await fetch('http://127.0.0.2:9/leak').then(
        () => 'sent',
        () => 'refused',
      );
      await reported;
      await new Promise((r) => setTimeout(r, 50));
      return { fetched, violations };
    });
    expect(outcome).toEqual({ fetched: 'refused', violations: ['connect-src'] });
    await page.close();
  }, 60_000);
});
