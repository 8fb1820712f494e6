/**
 * An .xlsx package straight into the snapshot the pure readers take (templates/read), without exceljs: the
 * read path of every command and of the file host's `open` (issue 15). exceljs built a whole object model
 * (styles, every cell's object, the zip held three times) to give a grid of values; this unzips the XML parts
 * once (fflate) and scans only what the snapshot holds: the sheets in order, shared strings, which cell
 * formats are unlocked or dates, each sheet's cells, merges and tables, and the defined names.
 *
 * The result is the exceljs path's (`snapshotWorkbook(await loadWorkbookBytes(…))` + typedFormulasWithoutValue),
 * proved by test/addin/xlsx/direct-read.test.ts over every workbook of the fixtures and the product's own,
 * with the few places where exceljs was wrong named there. Parts are found through the relationships, so
 * the packages other programs write (absolute targets, other part names: ../package-repair.ts) read as they
 * are, without the repair. A file the exceljs path refused is refused with the same words: a relationship
 * to a missing part, a part that is not XML, a package that is not a zip. The package guard
 * (../check-bytes.ts: size, zip bombs, DTDs) runs before, as it did. No Node APIs (the browser reads here too).
 */
import { RowLayout, type SheetTexts } from './row-layout';
import type { Issue } from '../../../../core';
import { normaliseRef } from '../../../../templates/layouts/a1';
import type { DefinedNamePlan, WorkbookSnapshot } from '../../../../templates/plan';
import { NOT_XML, WorkbookFileError, damagedFile, damagedPart, missingPart } from '../file-error';
import { type RelsPart, parseRels, relsNameOf } from '../package-repair';
import { type Inflate, type ZipEntry, entryText, readZip } from '../patch/zip';
import { isWellFormed } from '../xml-damage';
import { type DefinedNameXml, definedNameRanges } from './names';
import { type CellFormat, readSheet, unescapeX } from './sheet';
import { CLOSE, END, OPEN, TEXT, XmlDamage, XmlScanner, checkXml, detach } from './xml-scan';

export interface DirectRead {
  snapshot: WorkbookSnapshot;
  /** Formulas typed into input cells with no saved result (workbook.formula.noValue). */
  issues: Issue[];
}

const XML_PART = /\.(xml|rels|vml)$/i;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/**
 * The zip, read from its central directory (../patch/zip.ts, the patcher's reading); each part inflated only
 * when asked for, so that one sheet's XML at a time is in memory, not the whole package's (a 700-unit
 * workbook inflates to 260 MB). The package guard (../check-bytes.ts) has refused zip64 and oversized files.
 */
class Package {
  private constructor(
    private readonly entries: Map<string, ZipEntry>,
    /** Every entry's name in the zip's order, directories left out. */
    readonly names: string[],
    private readonly inflate: Inflate | undefined,
    private readonly keep: KeptTexts | undefined,
  ) {}

  static open(bytes: Uint8Array, inflate?: Inflate, keep?: KeptTexts): Package {
    const files = (readZip(bytes) ?? []).filter((e) => !e.name.endsWith('/'));
    if (files.length === 0) throw new Error('no central directory');
    // All the worksheets or none (their sizes in bytes bound their lengths in characters): holding part of a
    // large workbook's texts through its patch raised the peak by four times their size.
    let sheets = 0;
    for (const e of files) if (WORKSHEET.test(e.name)) sheets += e.size;
    return new Package(
      new Map(files.map((e) => [e.name, e])),
      files.map((e) => e.name),
      inflate,
      keep && sheets <= keep.budget ? keep : undefined,
    );
  }

  text(part: string): string | undefined {
    const e = this.entries.get(part);
    if (e === undefined) return undefined;
    const text = entryText(e, this.inflate);
    if (this.keep && WORKSHEET.test(part)) this.keep.texts.set(part, text);
    return text;
  }

  /** Where the reader notes a kept worksheet's rows, for the patch of its text; none when it is not kept. */
  layoutFor(part: string): RowLayout | undefined {
    if (!this.keep?.texts.has(part)) return undefined;
    const layout = new RowLayout();
    this.keep.texts.layouts.set(part, layout);
    return layout;
  }
}

/**
 * The worksheets' texts as the reader decoded them, kept for a patch of the same bytes, which would otherwise
 * inflate and decode them again (../patch/parts.ts takes them over); only when they are `budget` bytes or
 * fewer in all.
 */
export interface KeptTexts {
  /** With where each kept sheet's rows and cells are (./row-layout.ts). */
  texts: SheetTexts;
  readonly budget: number;
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

function unzip(bytes: Uint8Array, name: string, inflate?: Inflate, keep?: KeptTexts): Package {
  try {
    return Package.open(bytes, inflate, keep);
  } catch {
    throw damagedFile(name);
  }
}

/**
 * Every relationships part, as the repair read them before exceljs: a relationship to a part the package
 * lacks is damage named by part, whichever part it comes from.
 */
function relationships(pkg: Package, name: string): Map<string, RelsPart> {
  const out = new Map<string, RelsPart>();
  const has = new Set(pkg.names);
  const texts = new Map<string, string>();
  for (const part of pkg.names) {
    if (!/(^|\/)_rels\/[^/]+\.rels$/.test(part)) continue;
    const xml = pkg.text(part) ?? '';
    texts.set(part, xml);
    const rp = parseRels(part, xml);
    for (const rel of rp.rels)
      if (!rel.external && rel.part && !has.has(rel.part))
        throw missingPart(name, rel.part, rp.source || rp.name);
    out.set(part, rp);
  }
  // Then, as exceljs read them: XML with nothing but <Relationship> elements (anything else was damage).
  for (const [part, xml] of texts) {
    const scan = new XmlScanner(xml);
    for (let t = scan.next(); t !== END; t = scan.next())
      if (t === OPEN && scan.name !== 'Relationships' && scan.name !== 'Relationship')
        throw new XmlDamage(`<${scan.name}> in ${part}`);
  }
  return out;
}

/** A part's relationships by Id (its rels part may be missing: none). */
function relsOf(rels: Map<string, RelsPart>, part: string) {
  const map = new Map<string, { target: string; part?: string; type: string }>();
  for (const rel of rels.get(relsNameOf(part))?.rels ?? [])
    map.set(rel.id, { target: rel.target, type: rel.type, ...(rel.part ? { part: rel.part } : {}) });
  return map;
}

const kindOf = (type: string) => (type.startsWith(REL) ? type.slice(REL.length) : type.replace(/.*\//, ''));

/** The one part the workbook's relationships name of a kind, else where Excel puts it. */
function partOfKind(wbRels: ReturnType<typeof relsOf>, kind: string, fallback: string): string {
  let found: string | undefined;
  for (const rel of wbRels.values()) if (kindOf(rel.type) === kind && rel.part) found = rel.part;
  return found ?? fallback;
}

interface WorkbookXml {
  sheets: { name: string; id: string }[];
  names: DefinedNameXml[];
  date1904: boolean;
}

function readWorkbookXml(xml: string): WorkbookXml {
  const s = new XmlScanner(xml);
  const out: WorkbookXml = { sheets: [], names: [], date1904: false };
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t !== OPEN) continue;
    if (s.name === 'sheet') out.sheets.push({ name: detach(s.attr('name') ?? ''), id: s.attr('id') ?? '' });
    else if (s.name === 'workbookPr') {
      const v = s.attr('date1904');
      out.date1904 = v === '1' || v === 'true';
    } else if (s.name === 'definedName') {
      const entry = { name: s.attr('name') ?? '', text: '' };
      if (!s.empty)
        for (let u = s.next(); u !== CLOSE; u = s.next()) {
          if (u === TEXT) entry.text += s.text;
          else if (u === OPEN) s.skip();
          else if (u === END) break;
        }
      out.names.push(entry);
    }
  }
  return out;
}

/** Shared strings: plain or rich text (runs joined), phonetic runs (<rPh>) left out. */
function readSharedStrings(xml: string): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  let current: string | undefined;
  let inT = false;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      if (s.name === 'si') {
        current = '';
        if (s.empty) out.push('');
      } else if (s.name === 'rPh' || s.name === 'rPr') s.skip();
      else if (s.name === 't') inT = !s.empty;
    } else if (t === TEXT) {
      if (inT && current !== undefined) current += s.text;
    } else if (t === CLOSE) {
      if (s.name === 't') inT = false;
      else if (s.name === 'si' && current !== undefined) {
        out.push(detach(unescapeX(current)));
        current = undefined;
      }
    }
  }
  return out;
}

/** exceljs's built-in number formats that are dates (ids 14–22, 45–47; 27–36 and 50–58 are locale-only). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's isDateFmt: y m d h M s b outside quotes and brackets. */
const isDateCode = (code: string) =>
  /[ymdhMsb]+/.test(
    code
      .replace(/[\\](.)/g, '$1')
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, ''),
  );

/** Each cellXfs entry: unlocked (<protection locked="0">), a date number format. */
function readStyles(xml: string): CellFormat[] {
  const s = new XmlScanner(xml);
  const codes = new Map<number, string>();
  const formats: CellFormat[] = [];
  let inXfs = false;
  let inCodes = false;
  let current: CellFormat | undefined;
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === CLOSE) {
      if (s.name === 'cellXfs') inXfs = false;
      else if (s.name === 'numFmts') inCodes = false;
      continue;
    }
    if (t !== OPEN) continue;
    if (s.name === 'numFmts') inCodes = !s.empty;
    else if (inCodes && s.name === 'numFmt') {
      const id = Number.parseInt(s.attr('numFmtId') ?? '', 10);
      codes.set(id, s.attr('formatCode') ?? '');
    } else if (s.name === 'cellXfs') inXfs = !s.empty;
    else if (inXfs && s.name === 'xf') {
      const id = Number.parseInt(s.attr('numFmtId') ?? '', 10);
      const code = codes.get(id);
      // A custom code wins over the built-in one of the same id; id 0 (General) is never a date.
      const date = id ? (code ? isDateCode(code) : DATE_FORMAT_IDS.has(id)) : false;
      current = { unlocked: false, date };
      formats.push(current);
    } else if (inXfs && s.name === 'protection' && current) {
      const locked = s.attr('locked');
      current.unlocked = locked === '0' || locked === 'false';
    }
  }
  return formats;
}

function readTable(xml: string): { name: string; ref: string } | undefined {
  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== END; t = s.next())
    if (t === OPEN && s.name === 'table') {
      const table = { name: detach(s.attr('name') ?? ''), ref: detach(s.attr('ref') ?? '') };
      // The rest of the part is read only to be sure it is whole.
      for (let u = s.next(); u !== END; u = s.next());
      return table;
    }
  return undefined;
}

/**
 * The parts exceljs parsed (by their names, or as the repair would have named them) that the snapshot does
 * not need: each must still be XML, or the exceljs path refused the file (a damaged docProps/app.xml…).
 */
const EXCELJS_PARTS =
  /^docProps\/(app|core)\.xml$|xl\/drawings\/[a-zA-Z0-9]+\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml/;
const EXCELJS_KINDS = new Set(['drawing', 'comments', 'vmlDrawing']);

function checkOtherParts(pkg: Package, rels: Map<string, RelsPart>): void {
  const parts = new Set(pkg.names.filter((n) => EXCELJS_PARTS.test(n)));
  for (const rp of rels.values())
    for (const rel of rp.rels) if (rel.part && EXCELJS_KINDS.has(kindOf(rel.type))) parts.add(rel.part);
  for (const part of parts) {
    const xml = pkg.text(part);
    if (xml !== undefined) checkXml(xml);
  }
}

function readPackage(pkg: Package, name: string): DirectRead {
  const rels = relationships(pkg, name);
  checkOtherParts(pkg, rels);
  const workbookXml = pkg.text('xl/workbook.xml');
  if (workbookXml === undefined) throw damagedFile(name);
  const book = readWorkbookXml(workbookXml);
  const wbRels = relsOf(rels, 'xl/workbook.xml');
  const stringsXml = pkg.text(partOfKind(wbRels, 'sharedStrings', 'xl/sharedStrings.xml'));
  const strings = stringsXml === undefined ? undefined : readSharedStrings(stringsXml);
  const stylesXml = pkg.text(partOfKind(wbRels, 'styles', 'xl/styles.xml'));
  const formats = stylesXml === undefined ? [] : readStyles(stylesXml);

  const sheets: WorkbookSnapshot['sheets'] = [];
  const issues: Issue[] = [];
  for (const sheet of book.sheets) {
    const rel = wbRels.get(sheet.id);
    // Chart sheets and dialog sheets are not worksheets: exceljs left them out, and so does the snapshot.
    // (exceljs read a part named as a worksheet whatever its relationship's type said.)
    if (!rel?.part || (kindOf(rel.type) !== 'worksheet' && !/^xl\/worksheets\/sheet\d+\.xml$/.test(rel.part)))
      continue;
    const xml = pkg.text(rel.part);
    if (xml === undefined) continue;
    const sheetRels = relsOf(rels, rel.part);
    const layout = pkg.layoutFor(rel.part);
    const read = readSheet(xml, {
      name: sheet.name,
      strings,
      formats,
      date1904: book.date1904,
      rels: sheetRels,
      ...(layout ? { layout } : {}),
    });
    // Tables by name, the first place kept when two share one (exceljs held them by name).
    const tables = new Map<string, { name: string; ref: string }>();
    for (const part of read.tableParts) {
      const tableXml = pkg.text(part);
      const table = tableXml === undefined ? undefined : readTable(tableXml);
      if (table) tables.set(table.name, table);
    }
    sheets.push({ ...read.snapshot, tables: [...tables.values()] });
    issues.push(...read.issues);
  }
  const names: DefinedNamePlan[] = [];
  for (const n of definedNameRanges(book.names)) {
    if (n.name.startsWith('_xlnm.')) continue;
    for (const ref of n.ranges) names.push({ name: n.name, ref: normaliseRef(ref) });
  }
  return { snapshot: { source: name, sheets, names }, issues };
}

/** Why the package could not be read: the first XML part that is not well-formed, else the whole file. */
function failure(pkg: Package, name: string): WorkbookFileError {
  for (const part of pkg.names) {
    if (!XML_PART.test(part)) continue;
    let text: string | undefined;
    try {
      text = pkg.text(part);
    } catch {
      return damagedPart(name, part, NOT_XML);
    }
    if (text === undefined || !isWellFormed(text)) return damagedPart(name, part, NOT_XML);
  }
  return damagedFile(name);
}

/**
 * The snapshot of an .xlsx's bytes (checked by checkXlsxBytes before), with the typed formulas that have no
 * saved result as issues. A file that cannot be read throws WorkbookFileError naming the file (and the part).
 * `inflate`: a host's faster one (node's zlib, ../write/node-deflate.ts); fflate's otherwise. `keep`: where
 * the worksheets' texts go for a patch of these bytes.
 */
export function readSnapshotBytes(
  bytes: Uint8Array,
  name: string,
  inflate?: Inflate,
  keep?: KeptTexts,
): DirectRead {
  const pkg = unzip(bytes, name, inflate, keep);
  try {
    return readPackage(pkg, name);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    // Damage the scanner or a cell found (XmlDamage, CellDamage), or anything else the parts held that
    // could not be read: the file is damaged, named by part when one is not XML, as the exceljs path said.
    throw failure(pkg, name);
  }
}
