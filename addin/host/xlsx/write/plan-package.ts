/**
 * A workbook plan straight to .xlsx bytes: the parts are written as strings from the plan and zipped with
 * fflate, without building a spreadsheet object model first (exceljs spent most of a 63-unit workbook's time
 * and memory copying the plan into its model and serialising one style object per cell). Checked cell by cell
 * against the exceljs writer (test/addin/xlsx/plan-writer.test.ts). No Node APIs: the page uses it too.
 */
import { strToU8, zipSync } from 'fflate';
import {
  DEFLATE_LEVEL,
  type Deflate,
  type DeflateLater,
  type ZipEntry,
  deflatedEntry,
  dosTime,
  writeZip,
} from '../patch/zip';
import exceljsTheme from 'exceljs/lib/xlsx/xml/theme1.js';
import { type DeferredWorkbookPlan, type SheetPlan, sheetPlanOf } from '../../../../templates/plan';
import type { WriteReport } from '../../../app/host';
import {
  type PackageCounters,
  type PartOut,
  SharedStrings,
  type ValidationAttrs,
  printNames,
  sheetPart,
} from './sheet-part';
import { StyleSheet } from './style-sheet';
import { NS, XML_HEAD, esc, relsXml } from './xml';

const TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

/** What workbook.xml and app.xml say of a sheet, kept once the sheet is written (its cells let go). */
type SheetHead = Pick<SheetPlan, 'name' | 'hidden' | 'print'>;

function coreXml(plan: DeferredWorkbookPlan, now: Date): string {
  const p = plan.properties ?? {};
  const when = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${
    // A plan without a creator is signed by the product (exceljs wrote "Unknown").
    `<dc:creator>${esc(p.creator ?? 'Thi đua')}</dc:creator><dc:title>${esc(p.title ?? '')}</dc:title><dc:subject>${esc(p.subject ?? '')}</dc:subject>`
  }<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

function appXml(plan: DeferredWorkbookPlan, heads: readonly SheetHead[]): string {
  const names = heads.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join('');
  const company = `<Company>${esc(plan.properties?.company ?? '')}</Company>`;
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${heads.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${heads.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>${company}<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;
}

function workbookXml(plan: DeferredWorkbookPlan, heads: readonly SheetHead[]): string {
  const first = Math.max(
    0,
    heads.findIndex((s) => !s.hidden),
  );
  const sheets = heads
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const names = [
    ...plan.names.map(
      (n) =>
        `<definedName name="${esc(n.name)}"${n.comment ? ` comment="${esc(n.comment)}"` : ''}>${esc(n.ref)}</definedName>`,
    ),
    ...heads.flatMap((s, i) => printNames(s, i)),
  ];
  return `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" firstSheet="${first}" activeTab="${first}"/></bookViews><sheets>${sheets}</sheets>${
    names.length ? `<definedNames>${names.join('')}</definedNames>` : ''
  }<calcPr calcId="171027"/></workbook>`;
}

export type { Deflate };

export interface PlanPackage {
  bytes: Uint8Array;
  report: WriteReport;
}

/** The plan as a new workbook's bytes, and what was written or refused (a number Excel cannot hold). */
export function planPackage(
  plan: DeferredWorkbookPlan,
  options: { now?: Date; deflate?: Deflate } = {},
): PlanPackage {
  const now = options.now ?? new Date();
  const { deflate } = options;
  if (!deflate) {
    const parts: [string, Uint8Array][] = [];
    const report = writeParts(plan, now, (path, data) => {
      parts.push([path, data]);
    });
    // DEFLATE_LEVEL (../patch/zip.ts): a tenth more bytes than level 6 for a third of its time.
    return {
      bytes: zipSync(Object.fromEntries(contentTypesFirst(parts)), { level: DEFLATE_LEVEL, mtime: now }),
      report,
    };
  }
  const entries: ZipEntry[] = [];
  const report = writeParts(plan, now, (path, data) => {
    entries.push(deflatedEntry(path, data, deflate(data), dosTime(now)));
  });
  return { bytes: writeZip(contentTypesFirst(entries)), report };
}

/** As planPackage, each part deflated by `deflate` while the next is written; the same bytes. */
export async function planPackageLater(
  plan: DeferredWorkbookPlan,
  options: { now?: Date; deflate: DeflateLater },
): Promise<PlanPackage> {
  const now = options.now ?? new Date();
  const pending: Promise<ZipEntry>[] = [];
  const report = writeParts(plan, now, (path, data) => {
    pending.push(options.deflate(data).then((d) => deflatedEntry(path, data, d, dosTime(now))));
  });
  return { bytes: writeZip(contentTypesFirst(await Promise.all(pending))), report };
}

const CONTENT_TYPES = '[Content_Types].xml';

/** [Content_Types].xml first, where readers that stream the zip look for it (it is made last). */
function contentTypesFirst<T extends [string, Uint8Array] | ZipEntry>(parts: T[]): T[] {
  const name = (p: T) => (Array.isArray(p) ? p[0] : p.name);
  return [
    ...parts.filter((p) => name(p) === CONTENT_TYPES),
    ...parts.filter((p) => name(p) !== CONTENT_TYPES),
  ];
}

/**
 * Every part of the plan's package handed to `part` as it is made; [Content_Types].xml last, once every part's
 * type is known.
 */
function writeParts(
  plan: DeferredWorkbookPlan,
  now: Date,
  part: (path: string, data: Uint8Array) => void,
): WriteReport {
  const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const counters: PackageCounters = { table: 0, drawing: 0, chart: 0, comments: 0 };
  const validationAttrs: ValidationAttrs = new Map();
  const overrides: string[] = [];
  const put = (out: PartOut) => {
    part(out.path, strToU8(out.text));
    if (out.contentType)
      overrides.push(`<Override PartName="/${out.path}" ContentType="${out.contentType}"/>`);
  };
  const heads: SheetHead[] = [];
  plan.sheets.forEach((planned, i) => {
    // A deferred sheet is made here and let go once written.
    const sheet = sheetPlanOf(planned);
    heads.push({ name: sheet.name, hidden: sheet.hidden, print: sheet.print });
    const out = sheetPart(sheet, styles, strings, counters, report, validationAttrs);
    report.sheetsCreated.push(sheet.name);
    put({ path: `xl/worksheets/sheet${i + 1}.xml`, text: out.xml, contentType: TYPE.sheet });
    if (out.rels) put({ path: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, text: out.rels });
    for (const part of out.parts) put(part);
  });
  const n = plan.sheets.length;
  put({ path: 'xl/workbook.xml', text: workbookXml(plan, heads), contentType: TYPE.workbook });
  put({ path: 'xl/styles.xml', text: styles.xml(), contentType: TYPE.styles });
  put({ path: 'xl/sharedStrings.xml', text: strings.xml(), contentType: TYPE.strings });
  put({ path: 'xl/theme/theme1.xml', text: exceljsTheme as string, contentType: TYPE.theme });
  put({
    path: 'xl/_rels/workbook.xml.rels',
    text: relsXml([
      ...plan.sheets.map((_, i) => ({
        id: `rId${i + 1}`,
        type: 'worksheet',
        target: `worksheets/sheet${i + 1}.xml`,
      })),
      { id: `rId${n + 1}`, type: 'styles', target: 'styles.xml' },
      { id: `rId${n + 2}`, type: 'sharedStrings', target: 'sharedStrings.xml' },
      { id: `rId${n + 3}`, type: 'theme', target: 'theme/theme1.xml' },
    ]),
  });
  put({ path: 'docProps/core.xml', text: coreXml(plan, now), contentType: TYPE.core });
  put({ path: 'docProps/app.xml', text: appXml(plan, heads), contentType: TYPE.app });
  put({
    path: '_rels/.rels',
    text: relsXml([
      { id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' },
      {
        id: 'rId2',
        type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
        target: 'docProps/core.xml',
      },
      { id: 'rId3', type: 'extended-properties', target: 'docProps/app.xml' },
    ]),
  });
  part(
    CONTENT_TYPES,
    strToU8(
      `${XML_HEAD}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${overrides.join('')}</Types>`,
    ),
  );
  return report;
}
