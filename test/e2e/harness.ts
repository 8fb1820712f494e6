/**
 * End-to-end harness: builds the add-in into the test file's own folder, serves it from 127.0.0.1 (a tiny
 * static server: no network beyond this machine), and drives Debian's Chromium with playwright-core in a
 * fresh profile.
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, type StaticServer, serve } from '../../scripts/local-page';
// @ts-expect-error: plain JS build module without type declarations
import { buildAddin as buildAddinInto } from '../../scripts/build-addin.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');

// The static server moved to scripts/local-page.ts (the page's benchmark serves builds the same way).
export { type StaticServer, serve };

/**
 * The add-in built into `outDir`, a folder of the calling test file's own: test files run in parallel workers,
 * and a build clears its output folder first, so a shared dist/addin would vanish under another file's page.
 */
export async function buildAddin(outDir: string): Promise<string> {
  await buildAddinInto({ outDir });
  return outDir;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'thidua-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 420, height: 900 },
    locale: 'vi-VN',
  });
  // CI machines are slower than these and run LibreOffice and CLI tests beside the browser: an operation
  // that takes 30 s there is slow, not wrong. The tests' own timeouts bound the whole run.
  context.setDefaultTimeout(90_000);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The Content-Security-Policy a built page declares in its meta tag. */
export function pagePolicy(html: string): Map<string, string[]> {
  const content = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/i.exec(html)?.[1];
  if (!content) throw new Error('page without a Content-Security-Policy meta tag');
  const policy = new Map<string, string[]>();
  for (const part of content.replace(/&#39;|&apos;/g, "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name, values);
  }
  return policy;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  /** CSS selectors of the offending elements. */
  nodes: string[];
}

/**
 * axe-core's violations on the page. One exception, and only it: Tabster's focus "dummy" elements
 * (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent UI's TabList and Dialog to redirect focus the
 * moment they get it) trip aria-hidden-focus by design (microsoft/fluentui#27517, "Resolution: By Design";
 * Accessibility Insights suppresses them the same way, microsoft/accessibility-insights-web#7605).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Colours are measured once every transition has ended: mid fade-in (Fluent's dialog), a button is still
  // half transparent and its contrast is not the one a person reads.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // A spinner runs for ever; only the transitions that end are awaited.
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  // Evaluated through the debugging protocol, not as a page <script>: the page's CSP stays as shipped.
  await page.evaluate(source);
  return page.evaluate(async () => {
    interface Result {
      violations: { id: string; impact: string | null; nodes: { html: string; target: string[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Node, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes
          .filter((n) => !(v.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(n.html)))
          .map((n) => n.target.join(' ')),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

export const serious = (violations: readonly AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Where a screenshot goes: docs/images/ (for the README) when THIDUA_WRITE_DOC_IMAGES=1, else a scratch
 * directory, so an ordinary test run still takes (and so exercises) every screenshot but leaves the tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.THIDUA_WRITE_DOC_IMAGES
    ? join(ROOT, 'docs/images')
    : join(tmpdir(), 'thidua-screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The standalone page served from the built add-in, a browser on it and a scratch folder, for one test file. */
export interface StandaloneSession {
  server: StaticServer;
  browser: Browser;
  /** A fresh folder for the test's files, removed afterwards. */
  work: string;
  /** Every URL the pages asked for. */
  urls: string[];
}

/**
 * Registers the start-up and clean-up of a standalone session in the calling test file (beforeAll/afterAll);
 * the returned object is filled before the first test runs. `prepare` runs beside the build.
 */
export function standaloneSession(
  prefix: string,
  prepare?: (work: string) => Promise<unknown>,
): StandaloneSession {
  const session = { urls: [] as string[] } as StandaloneSession;
  beforeAll(async () => {
    session.work = await mkdtemp(join(tmpdir(), `thidua-${prefix}-`));
    const [dist] = await Promise.all([buildAddin(join(session.work, 'addin')), prepare?.(session.work)]);
    session.server = await serve(dist);
    session.browser = await launchChromium();
    session.browser.context.on('request', (request) => session.urls.push(request.url()));
  }, 300_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
    if (session.work) await rm(session.work, { recursive: true, force: true });
  });
  return session;
}
