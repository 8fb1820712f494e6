// The manifest, checked offline: well-formed XML, elements in the schema's order, every resid defined, every URL
// https on one origin, every icon and page it names present in the build, and office-addin-manifest can read it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS build module without type declarations
import { buildAddin } from '../../../scripts/build-addin.mjs';

const root = join(import.meta.dirname, '../../..');
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const children = (e: Element) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
const all = (e: Element): Element[] => children(e).flatMap((c) => [c, ...all(c)]);

/** Documented sequences (OfficeApp 1.1 TaskPaneApp, VersionOverrides 1.0 task pane): a child list must follow it. */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'EquivalentAddins',
    'WebApplicationInfo',
  ],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  CustomTab: ['Group', 'OfficeGroup', 'Label', 'InsertAfter', 'InsertBefore'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning', 'FunctionName'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
  ExtensionPoint: ['Script', 'Page', 'Metadata', 'Namespace', 'CustomTab', 'OfficeTab'],
};

/** Every element's children in the schema's sequence (Office rejects a manifest whose elements are out of order). */
function expectSchemaOrder(rootEl: Element) {
  for (const el of [rootEl, ...all(rootEl)]) {
    const order = ORDER[el.tagName];
    if (!order) continue;
    const seen = children(el)
      .map((c) => c.tagName)
      .filter((n) => order.includes(n));
    const positions = seen.map((n) => order.indexOf(n));
    expect(positions, `${el.tagName}: ${seen.join(', ')}`).toEqual([...positions].sort((a, b) => a - b));
  }
}

/** Every resid used is defined among the resources, and no longer than Office allows. */
function expectResidsDefined(rootEl: Element) {
  const ids = new Set(
    all(rootEl)
      .filter((e) => e.getAttribute('id') && e.tagName.startsWith('bt:'))
      .map((e) => e.getAttribute('id')),
  );
  const used = all(rootEl)
    .map((e) => e.getAttribute('resid'))
    .filter((r): r is string => !!r);
  expect(used.length).toBeGreaterThan(30);
  for (const r of used) {
    expect(ids.has(r), r).toBe(true);
    expect(r.length).toBeLessThanOrEqual(32);
  }
}

/** Every URL of a built manifest https on the configured origin, naming a file the build wrote. */
function expectBuiltUrls(builtXml: string) {
  expect(builtXml).not.toContain('localhost');
  const urls = [...builtXml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(20);
  for (const url of urls) {
    const u = new URL(url);
    expect(u.origin).toBe('https://thidua.example.gov.vn');
    const file = join(out, u.pathname);
    expect(existsSync(file), u.pathname).toBe(true);
    if (u.pathname.endsWith('.png')) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const size = Number(/-(\d+)\.png$/.exec(u.pathname)![1]);
      expect(png.readUInt32BE(16)).toBe(size);
    }
  }
}

let out: string;
let built: { pages: string[]; bundles: Record<string, number> };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'thidua-addin-'));
  built = await buildAddin({ outDir: out, origin: 'https://thidua.example.gov.vn', officeJs: 'local' });
}, 180_000);

describe('manifest.xml', () => {
  const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
  const doc = parse(xml);
  const rootEl = doc.documentElement!;

  it('is well-formed, a task pane add-in with least permissions, vi-VN default and en-US overrides', () => {
    expect(() => parse('<OfficeApp><Id></OfficeApp>')).toThrow();
    expect(rootEl.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(doc.getElementsByTagName('Permissions')[0]!.textContent).toBe('ReadWriteDocument');
    expect(doc.getElementsByTagName('DefaultLocale')[0]!.textContent).toBe('vi-VN');
    expect(xml.match(/Locale="en-US"/g)!.length).toBeGreaterThanOrEqual(10);
    const vo = doc.getElementsByTagName('VersionOverrides')[0]!;
    expect(vo.getAttribute('xsi:type')).toBe('VersionOverridesV1_0');
    expect(doc.getElementsByTagName('Runtime')[0]!.getAttribute('lifetime')).toBe('long');
    expect(doc.getElementsByTagName('Set')[0]!.getAttribute('Name')).toBe('SharedRuntime');
  });

  it('keeps every element in the documented order', () => expectSchemaOrder(rootEl));

  it('defines every resid it uses, and has the seven ribbon buttons and the THIDUA namespace', () => {
    expectResidsDefined(rootEl);
    const labels = Array.from(doc.getElementsByTagName('Control')).map((c) => {
      const resid = children(c)
        .find((x) => x.tagName === 'Label')!
        .getAttribute('resid');
      return Array.from(doc.getElementsByTagName('bt:String'))
        .find((s) => s.getAttribute('id') === resid)!
        .getAttribute('DefaultValue');
    });
    expect(labels).toEqual([
      'Tạo bảng',
      'Kiểm tra',
      'Tính điểm & xếp hạng',
      'Đề xuất khen thưởng',
      'Xuất danh sách',
      'Hồ sơ, năm sau',
      'Mở bảng điều khiển',
    ]);
    const ns = Array.from(doc.getElementsByTagName('bt:String')).find(
      (s) => s.getAttribute('id') === 'Functions.Namespace',
    );
    expect(ns!.getAttribute('DefaultValue')).toBe('THIDUA');
  });

  it('in the build: every URL https on the configured origin, every icon and page present', () => {
    expectBuiltUrls(readFileSync(join(out, 'manifest.xml'), 'utf8'));
  });

  it('office-addin-manifest reads it offline', () => {
    const text = execFileSync(
      join(root, 'node_modules/.bin/office-addin-manifest'),
      ['info', join(root, 'manifest.xml')],
      {
        encoding: 'utf8',
        env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_IN: 'false' },
      },
    );
    expect(text).toContain('7257f53c-9f37-483e-a880-e69a5a86a244');
    expect(text).toContain('ReadWriteDocument');
  });
});

describe('manifest-basic.xml (Excel 2016 and 2019)', () => {
  const read = () => readFileSync(join(out, 'manifest-basic.xml'), 'utf8');

  it('has no shared runtime and no custom functions; every button opens the pane on its view', () => {
    const xml = read();
    const doc = parse(xml);
    const rootEl = doc.documentElement!;
    for (const tag of ['Runtimes', 'Runtime', 'AllFormFactors', 'FunctionFile', 'FunctionName']) {
      expect(doc.getElementsByTagName(tag).length, tag).toBe(0);
    }
    expect(xml).not.toContain('SharedRuntime');
    expect(xml).not.toContain('ExecuteFunction');
    const sets = Array.from(doc.getElementsByTagName('Set')).map((s) => s.getAttribute('Name'));
    expect(sets).toEqual(['ExcelApi']);
    expect(doc.getElementsByTagName('Id')[0]!.textContent).not.toBe('7257f53c-9f37-483e-a880-e69a5a86a244');
    const actions = Array.from(doc.getElementsByTagName('Action'));
    expect(actions).toHaveLength(7);
    const urls = new Map(
      Array.from(doc.getElementsByTagName('bt:Url')).map((u) => [
        u.getAttribute('id'),
        u.getAttribute('DefaultValue'),
      ]),
    );
    const views = actions.map((a) => {
      expect(a.getAttribute('xsi:type')).toBe('ShowTaskpane');
      const resid = a.getElementsByTagName('SourceLocation')[0]!.getAttribute('resid')!;
      return new URL(urls.get(resid)!).searchParams.get('view');
    });
    expect(views).toEqual(['create', 'check', 'compute', 'awards', 'awards', 'yearEnd', null]);
    expectSchemaOrder(rootEl);
    expectResidsDefined(rootEl);
    expectBuiltUrls(xml);
  });

  it('office-addin-manifest reads it offline', () => {
    const file = join(out, 'manifest-basic.xml');
    const text = execFileSync(join(root, 'node_modules/.bin/office-addin-manifest'), ['info', file], {
      encoding: 'utf8',
      env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_IN: 'false' },
    });
    expect(text).toContain('0f5f7a43-7d2c-4c1b-9a47-3c0e8d8f2b61');
    expect(text).toContain('ReadWriteDocument');
  });
});

describe('the add-in build', () => {
  it('writes functions.json from the JSDoc tags: ids, names, parameters, result types', () => {
    const meta = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8'));
    const byId = Object.fromEntries(meta.functions.map((f: { id: string }) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(['EXCEEDED', 'MET', 'PERCENTVI', 'RANK', 'RATIO', 'TIER']);
    expect(byId.PERCENTVI.result.type).toBe('string');
    expect(byId.MET.parameters.map((p: { name: string }) => p.name)).toEqual([
      'numerator',
      'denominator',
      'target',
      'lowerIsBetter',
    ]);
    expect(byId.MET.parameters[3].optional).toBe(true);
    expect(byId.RANK.parameters[0].dimensionality).toBe('matrix');
    expect(byId.RANK.result.dimensionality).toBe('matrix');
    expect(byId.TIER.result.type).toBe('string');
  });

  it('pages carry a CSP that allows only the origin and office.js, and load office.js and the bundles', () => {
    for (const page of built.pages.filter((p) => p !== 'help.html')) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*script-src 'self';/);
      expect(html).not.toContain('main.tsx');
    }
    const pane = readFileSync(join(out, 'functions.html'), 'utf8');
    expect(pane).toContain('src="/office-js/office.js"');
    expect(pane).toContain('src="functions.js"');
    expect(existsSync(join(out, 'office-js/office.js'))).toBe(true);
    expect(Object.keys(built.bundles)).toContain('functions.js');
  });
});
