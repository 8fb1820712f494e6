// The Excel add-in build: `node scripts/build.mjs addin` (or `buildAddin()` from tests and scripts/serve.ts).
// Output in dist/addin/: the task pane, standalone page, ribbon commands and custom functions as one ESM build with
// code splitting (the standalone page's exceljs stays a lazy chunk), functions.json from the JSDoc tags, the HTML
// pages with office.js and a content security policy, PNG icons, help.html and the manifest for the chosen origin.
//
// Environment: THIDUA_ORIGIN (production origin, default https://localhost:3000), THIDUA_OFFICEJS_URL (office.js
// from an intranet mirror; "local" = the copy in node_modules/@microsoft/office-js, served by the add-in itself).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allIcons } from '../addin/assets/icons.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const DEV_ORIGIN = 'https://localhost:3000';
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the add-in serves its own copy of office.js when THIDUA_OFFICEJS_URL=local. */
export const OFFICE_JS_LOCAL = '/office-js/office.js';

/** Entry points: output name → source. Pages written by other parts of the project may not exist yet. */
const ENTRIES = {
  taskpane: 'addin/taskpane/main.tsx',
  standalone: 'addin/standalone/main.tsx',
  commands: 'addin/commands/commands.ts',
  functions: 'addin/functions/functions.ts',
  deliver: 'addin/deliver/main.ts',
};

/** Pages: source → output, with the scripts each one must load (in a shared runtime the task pane page also
 * hosts the ribbon commands and the custom functions). */
const PAGES = [
  {
    from: 'addin/taskpane/taskpane.html',
    to: 'taskpane.html',
    scripts: ['taskpane', 'commands', 'functions'],
    office: true,
  },
  { from: 'addin/standalone/index.html', to: 'standalone.html', scripts: ['standalone'], office: false },
  { from: 'addin/functions/functions.html', to: 'functions.html', scripts: ['functions'], office: true },
  { from: 'addin/assets/help.html', to: 'help.html', scripts: [], office: false },
  // Saves a file the task pane made: an Office dialog, or the person's browser (addin/taskpane/deliver.ts).
  { from: 'addin/deliver/deliver.html', to: 'deliver.html', scripts: ['deliver'], office: true },
];

function resolveOfficeJs(value) {
  if (!value) return OFFICE_JS_CDN;
  if (value === 'local') return OFFICE_JS_LOCAL;
  return value;
}

function normaliseOrigin(origin) {
  const url = new URL(origin);
  if (url.protocol !== 'https:') throw new Error(`THIDUA_ORIGIN must be https: ${origin}`);
  return url.origin;
}

/**
 * The content security policy of every page: nothing from the network but the add-in's origin and, for pages that
 * run inside Office (officeJsUrl given), office.js's origin. Pages outside Office get no external origin at all.
 */
export function contentSecurityPolicy(officeJsUrl) {
  const office = officeJsUrl && /^https?:\/\//.test(officeJsUrl) ? ` ${new URL(officeJsUrl).origin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    // Fluent UI (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A page as the build serves it: the CSP meta tag first in <head>, office.js (when the page runs inside Office)
 * before the bundles, the bundles as modules. Script tags the page's author pointed at sources (main.tsx) or at
 * office.js are replaced, so the page keeps working from a dev server and from the build.
 */
export function preparePage(html, { scripts, office, officeJsUrl }) {
  let out = html
    .replace(/<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi, '')
    .replace(/<script\b[^>]*\bsrc=["'][^"']*office\.js["'][^>]*>\s*<\/script>\s*/gi, '')
    .replace(/<script\b[^>]*\bsrc=["'][^"']*\.(tsx?|jsx)["'][^>]*>\s*<\/script>\s*/gi, '');
  for (const name of scripts) {
    const re = new RegExp(`<script\\b[^>]*\\bsrc=["'](\\./)?${name}\\.js["'][^>]*>\\s*</script>\\s*`, 'gi');
    out = out.replace(re, '');
  }
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(office ? officeJsUrl : undefined))}">`,
    ...(office ? [`<script src="${escapeAttr(officeJsUrl)}"></script>`] : []),
    ...scripts.map((name) => `<script type="module" src="${name}.js"></script>`),
  ];
  if (!/<head[^>]*>/i.test(out)) throw new Error('page without <head>');
  const [first, ...rest] = head;
  // The CSP must come before anything it governs: right after <head> (and <meta charset> if present).
  out = out.replace(/<head[^>]*>(\s*<meta charset=[^>]*>)?/i, (m) => `${m}\n    ${first}`);
  return out.replace(/<\/head>/i, `    ${rest.join('\n    ')}\n  </head>`);
}

/**
 * Everything office.js may load at run time (the host and version scripts it picks for Excel on Windows, Mac and
 * the web, the strings of every locale, telemetry, the error UI), so an intranet without Internet can serve it:
 * the whole of @microsoft/office-js/dist but the debug builds and the editor-only typings. Returns the files copied.
 */
export async function copyOfficeJs(target) {
  const dist = dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  const files = [];
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || OFFICE_JS_SKIPPED.test(entry.name)) continue;
    const from = join(entry.parentPath, entry.name);
    const file = relative(dist, from);
    await mkdir(dirname(join(target, file)), { recursive: true });
    await copyFile(from, join(target, file));
    files.push(file);
  }
  return files;
}
const OFFICE_JS_SKIPPED = /\.debug\.js$|\.d\.ts$|-vsdoc\.js$/;

/** The manifests for an origin (every https://localhost:3000 replaced): the full one and the basic one. */
export async function writeManifest(outDir, origin) {
  const xml = (await readFile(join(root, 'manifest.xml'), 'utf8')).replaceAll(
    DEV_ORIGIN,
    normaliseOrigin(origin),
  );
  await writeFile(join(outDir, 'manifest.xml'), xml);
  await writeFile(join(outDir, 'manifest-basic.xml'), basicManifest(xml));
}

/** The ribbon button's function → the pane view a basic-manifest button opens instead. */
const BASIC_VIEWS = {
  thiduaNew: 'create',
  thiduaCheck: 'check',
  thiduaCompute: 'compute',
  thiduaAwards: 'awards',
  thiduaExport: 'awards',
  thiduaYearEnd: 'yearEnd',
};

/**
 * The manifest for Excel 2016 and 2019 (no shared runtime, no custom functions): the same task pane and ribbon,
 * each button opening the pane on its view (`taskpane.html?view=…`) instead of running a function in a shared
 * runtime those versions lack. Its own Id, so both can be installed side by side while an office migrates.
 */
export function basicManifest(xml) {
  const { DOMParser, XMLSerializer } = require('@xmldom/xmldom');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const byTag = (tag) => Array.from(doc.getElementsByTagName(tag));
  const remove = (el) => el.parentNode.removeChild(el);
  byTag('Id')[0].textContent = BASIC_MANIFEST_ID;
  const name = byTag('DisplayName')[0];
  name.setAttribute('DefaultValue', `${name.getAttribute('DefaultValue')} (Excel 2016/2019)`);
  for (const set of byTag('Set')) {
    if (set.getAttribute('Name') === 'SharedRuntime') {
      set.setAttribute('Name', 'ExcelApi');
      set.setAttribute('MinVersion', '1.1');
    }
  }
  for (const tag of ['Runtimes', 'AllFormFactors', 'FunctionFile']) byTag(tag).forEach(remove);
  const urls = byTag('bt:Urls')[0];
  const paneUrl = byTag('bt:Url')
    .find((u) => u.getAttribute('id') === 'Taskpane.Url')
    .getAttribute('DefaultValue');
  for (const action of byTag('Action')) {
    if (action.getAttribute('xsi:type') !== 'ExecuteFunction') continue;
    const fn = action.getElementsByTagName('FunctionName')[0].textContent.trim();
    const view = BASIC_VIEWS[fn];
    if (!view) throw new Error(`basic manifest: no pane view for ${fn}`);
    const resid = `Taskpane.${view}.Url`;
    if (!byTag('bt:Url').some((u) => u.getAttribute('id') === resid)) {
      const url = doc.createElement('bt:Url');
      url.setAttribute('id', resid);
      url.setAttribute('DefaultValue', `${paneUrl}?view=${view}`);
      urls.appendChild(url);
    }
    while (action.firstChild) action.removeChild(action.firstChild);
    action.setAttribute('xsi:type', 'ShowTaskpane');
    const id = doc.createElement('TaskpaneId');
    id.textContent = 'ThiDua.Taskpane';
    const source = doc.createElement('SourceLocation');
    source.setAttribute('resid', resid);
    const title = doc.createElement('Title');
    title.setAttribute('resid', 'Taskpane.Title');
    for (const child of [id, source, title]) action.appendChild(child);
  }
  // Strings only the custom functions used would be unreferenced.
  for (const s of byTag('bt:String')) if (s.getAttribute('id') === 'Functions.Namespace') remove(s);
  for (const u of byTag('bt:Url')) if (/^Functions\./.test(u.getAttribute('id'))) remove(u);
  const out = new XMLSerializer().serializeToString(doc);
  return out.replace(/<!--[\s\S]*?-->/, BASIC_MANIFEST_COMMENT);
}
const BASIC_MANIFEST_COMMENT = `<!--
  Thi đua for Excel 2016 and 2019: task pane and ribbon only (no shared runtime, no custom functions THIDUA.*).
  Generated by scripts/build-addin.mjs from manifest.xml; each ribbon button opens the pane on its view.
-->`;
const BASIC_MANIFEST_ID = '0f5f7a43-7d2c-4c1b-9a47-3c0e8d8f2b61';

/** functions.json from the JSDoc tags of addin/functions/functions.ts (custom-functions-metadata). */
export async function functionsMetadata() {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  const result = await generateCustomFunctionsMetadata(join(root, 'addin/functions/functions.ts'), false);
  if (result.errors.length > 0) throw new Error(`custom functions metadata:\n${result.errors.join('\n')}`);
  return JSON.parse(result.metadataJson);
}

/**
 * Builds the add-in. Options (each defaults to its environment variable): outDir, origin (THIDUA_ORIGIN),
 * officeJs (THIDUA_OFFICEJS_URL), minify (true). Returns what was built and the bundle sizes.
 */
export async function buildAddin(options = {}) {
  const outDir = options.outDir ?? join(root, 'dist/addin');
  const origin = normaliseOrigin(options.origin ?? process.env.THIDUA_ORIGIN ?? DEV_ORIGIN);
  const officeJsUrl = resolveOfficeJs(options.officeJs ?? process.env.THIDUA_OFFICEJS_URL);
  const skipped = [];

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets'), { recursive: true });

  const entryPoints = {};
  for (const [name, source] of Object.entries(ENTRIES)) {
    if (existsSync(join(root, source))) entryPoints[name] = join(root, source);
    else skipped.push(source);
  }
  for (const source of skipped) console.log(`build-addin: ${source} does not exist yet, skipped`);

  const result = await build({
    entryPoints,
    absWorkingDir: root,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Excel's shared runtime runs in WebView2 (Windows), WKWebView (Mac) or the browser (web).
    target: ['es2020', 'chrome100', 'safari15'],
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    minify: options.minify ?? true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Before anything parses: zod without its eval probe, which the pages' policy reports (the module says why).
    inject: [join(root, 'addin/app/zod-jitless.ts')],
    logLevel: 'warning',
  });

  if (entryPoints.functions) {
    await writeFile(
      join(outDir, 'functions.json'),
      `${JSON.stringify(await functionsMetadata(), null, 2)}\n`,
    );
  }

  const built = new Set(Object.keys(entryPoints));
  const pages = [];
  for (const page of PAGES) {
    const source = join(root, page.from);
    if (!existsSync(source)) {
      console.log(`build-addin: ${page.from} does not exist yet, skipped`);
      skipped.push(page.from);
      continue;
    }
    const scripts = page.scripts.filter((s) => built.has(s));
    const html = preparePage(await readFile(source, 'utf8'), { scripts, office: page.office, officeJsUrl });
    await writeFile(join(outDir, page.to), html);
    pages.push(page.to);
  }

  for (const [file, bytes] of allIcons()) await writeFile(join(outDir, 'assets', file), bytes);
  await writeManifest(outDir, origin);

  if (officeJsUrl === OFFICE_JS_LOCAL) await copyOfficeJs(join(outDir, 'office-js'));

  const bundles = {};
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) bundles[relative(outDir, join(root, file))] = info.bytes;
  }
  return { outDir, origin, officeJsUrl, pages, skipped, bundles };
}
