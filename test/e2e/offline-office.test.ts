// An intranet deployment without Internet: the built add-in (THIDUA_OFFICEJS_URL=local) served by a plain static
// server — no node_modules, no dev server — must give office.js every file it asks for, on each Excel host.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS build module without type declarations
import { buildAddin } from '../../scripts/build-addin.mjs';
import { type Browser, type StaticServer, launchChromium, serve } from './harness';

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'thidua-offline-'));
  await buildAddin({ outDir: out, origin: 'https://thidua.example.gov.vn', officeJs: 'local' });
  server = await serve(out);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

/** How Office tells office.js where it runs (host, platform, version, locale), as Excel on the web passes it. */
const HOSTS = ['Excel$Win32$16.01$vi-VN$$$$0', 'Excel$Mac$16.00$en-US$$$$0', 'Excel$Web$16.00$vi-VN$$$$0'];

describe('office.js served by the add-in itself', () => {
  for (const host of HOSTS) {
    it(`loads every file it asks for (${host.split('$').slice(0, 3).join(' ')})`, async () => {
      const page = await browser.context.newPage();
      const failed: string[] = [];
      const outside: string[] = [];
      const office: string[] = [];
      page.on('request', (r) => {
        const url = new URL(r.url());
        if (url.origin !== server.origin && !url.protocol.startsWith('data')) outside.push(r.url());
        else if (url.pathname.startsWith('/office-js/')) office.push(url.pathname);
      });
      page.on('requestfailed', (r) => failed.push(r.url()));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${server.origin}/taskpane.html?_host_Info=${host}`);
      // office.js resolves the host and loads its host script and strings, then Office.onReady settles.
      await page.waitForFunction(
        () => typeof (globalThis as { Office?: { context?: unknown } }).Office?.context !== 'undefined',
      );
      await page.waitForLoadState('networkidle');
      await page.close();
      expect(failed).toEqual([]);
      expect(outside).toEqual([]);
      // More than office.js itself: the host's own script and a strings file, all served locally.
      expect(office.length).toBeGreaterThan(2);
      expect(office.some((p) => /excel-/i.test(p))).toBe(true);
      expect(office.some((p) => /_strings\.js$/i.test(p))).toBe(true);
    }, 60_000);
  }
});
