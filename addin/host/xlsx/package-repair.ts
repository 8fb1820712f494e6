/**
 * A workbook package saved by another program (LibreOffice, openpyxl, other writers), rewritten into the
 * shape exceljs reads and writes, before exceljs sees it. No Node APIs (the standalone page runs it too).
 *
 * exceljs finds parts by fixed names and relationship targets by exact relative text: openpyxl's absolute
 * targets ("/xl/tables/table1.xml") and its part names ("xl/comments/comment1.xml") make it fail while
 * loading; a table without <tableStyleInfo> (LibreOffice) loads but fails while writing. Each repair is
 * listed so the person is told what was normalised; nothing of the content (cells, formulas, notes, tables)
 * changes. A relationship to a part the package lacks is damage, named by part.
 */
import { a1, parseRange } from '../../../templates/layouts/a1';
import { loadJsZip } from './jszip';
import { moveFormula } from './read/sheet';
import { decodeEntities } from './read/xml-scan';
import { esc } from './write/xml';

export type Normalisation =
  /** A part moved to the name Excel itself gives it (from → to). */
  | { kind: 'partRenamed'; from: string; to: string }
  /** Relationship targets written as absolute paths, made relative. */
  | { kind: 'absoluteTargets'; count: number }
  /** Tables without style information, given an explicit "no style". */
  | { kind: 'tableStyle'; tables: string[] }
  /** Drawings written with a default namespace, given the usual "xdr:" prefix. */
  | { kind: 'drawingPrefix'; parts: string[] }
  /** Parts with xsd:boolean attributes written "true"/"false" (LibreOffice), written "1"/"0". */
  | { kind: 'booleans'; parts: number }
  /** No theme part: exceljs's default is written (see ./load.ts). */
  | { kind: 'themeAdded' };

/** A relationship points at a part the package does not hold. */
export class MissingPartError extends Error {
  constructor(
    readonly part: string,
    readonly from: string,
  ) {
    super(`missing part ${part}`);
  }
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export interface Relationship {
  /** The whole element's text, replaced in place. */
  raw: string;
  /** Its Id, by which parts name it (r:id). */
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target as a part name (no leading slash), for internal relationships. */
  part?: string;
}

export interface RelsPart {
  name: string;
  /** The part these relationships belong to ('' for the package's own _rels/.rels). */
  source: string;
  xml: string;
  rels: Relationship[];
}

const attr = (element: string, name: string): string | undefined => {
  const m = element.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`));
  return m ? (m[2] ?? m[3]) : undefined;
};

const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );

const dirOf = (part: string) => (part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '');

/** A target resolved against its source's folder, as a part name without a leading slash. */
export function resolvePart(sourceDir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : sourceDir ? `${sourceDir}/${target}` : target;
  const out: string[] = [];
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A target with a stray % is taken as written.
  }
  for (const seg of decoded.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relative target from a source part to a part, as exceljs writes it ("../tables/table1.xml"). */
function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export const relsNameOf = (part: string) =>
  `${dirOf(part) ? `${dirOf(part)}/` : ''}_rels/${part.split('/').pop()}.rels`;

function sourceOfRels(name: string): string {
  const m = name.match(/^(.*?)_rels\/([^/]+)\.rels$/);
  if (!m) return '';
  return `${m[1]}${m[2]}`;
}

/** A relationships part's relationships (the direct reader, ./read/direct-read.ts, reads them here too). */
export function parseRels(name: string, xml: string): RelsPart {
  const source = sourceOfRels(name);
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const raw = m[0];
    const target = decodeXml(attr(raw, 'Target') ?? '');
    const external = attr(raw, 'TargetMode') === 'External';
    rels.push({
      raw,
      id: decodeXml(attr(raw, 'Id') ?? ''),
      type: attr(raw, 'Type') ?? '',
      target,
      external,
      ...(external ? {} : { part: resolvePart(dirOf(source), target) }),
    });
  }
  return { name, source, xml, rels };
}

/** The names exceljs reads each kind of part under, and the name given when a part has another. */
const CANONICAL: Record<string, { pattern: RegExp; make: (n: number) => string }> = {
  worksheet: { pattern: /^xl\/worksheets\/sheet\d+\.xml$/, make: (n) => `xl/worksheets/sheet${n}.xml` },
  comments: { pattern: /^xl\/comments\d+\.xml$/, make: (n) => `xl/comments${n}.xml` },
  vmlDrawing: {
    pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    make: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  },
  table: { pattern: /^xl\/tables\/table\d+\.xml$/, make: (n) => `xl/tables/table${n}.xml` },
  drawing: { pattern: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/, make: (n) => `xl/drawings/drawing${n}.xml` },
  theme: { pattern: /^xl\/theme\/[a-zA-Z0-9]+\.xml$/, make: (n) => `xl/theme/theme${n}.xml` },
  sharedStrings: { pattern: /^xl\/sharedStrings\.xml$/, make: () => 'xl/sharedStrings.xml' },
  styles: { pattern: /^xl\/styles\.xml$/, make: () => 'xl/styles.xml' },
};

const kindOf = (type: string) => (type.startsWith(REL) ? type.slice(REL.length) : '');

/** The table parts lacking <tableStyleInfo>, given an explicit "no style" (what they look like already). */
function withTableStyle(xml: string): string | undefined {
  if (/<(?:\w+:)?tableStyleInfo\b/.test(xml)) return undefined;
  const info =
    '<tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>';
  const at = xml.search(/<(?:\w+:)?extLst\b|<\/(?:\w+:)?table>\s*$/);
  if (at < 0) return undefined;
  return `${xml.slice(0, at)}${info}${xml.slice(at)}`;
}

const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/**
 * A drawing written with the spreadsheetDrawing namespace as the default (openpyxl: <wsDr xmlns="…">), with
 * the "xdr:" prefix exceljs reads it by; the same XML to any other reader. Undefined when already prefixed.
 */
function withDrawingPrefix(xml: string): string | undefined {
  const root = xml.match(/<wsDr\b[^>]*>/)?.[0];
  if (!root || attr(root, 'xmlns') !== DRAWING_NS) return undefined;
  return xml
    .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, '<$1xdr:$2')
    .replace(/(<xdr:wsDr\b[^>]*?)\sxmlns\s*=\s*"[^"]*"/, `$1 xmlns:xdr="${DRAWING_NS}"`);
}

/** Attributes holding text, never a boolean, even when the text is "true". */
const TEXT_ATTRIBUTES = new Set([
  'name',
  'displayName',
  'prompt',
  'error',
  'promptTitle',
  'errorTitle',
  'tooltip',
  'display',
  'formatCode',
  'location',
  'ref',
  'sqref',
  'uniqueName',
  'caption',
  'comment',
  'description',
  'r',
]);

/**
 * xsd:boolean allows "true" and "false"; exceljs reads only "1" (LibreOffice's locked="false" would make
 * every input cell locked, hidden="true" rows visible). Undefined when the part has none.
 */
function withNumericBooleans(xml: string): string | undefined {
  let changed = false;
  const out = xml.replace(/(\s)([\w:]+)="(true|false)"/g, (m, space: string, name: string, v: string) => {
    if (TEXT_ATTRIBUTES.has(name.replace(/^\w+:/, ''))) return m;
    changed = true;
    return `${space}${name}="${v === 'true' ? '1' : '0'}"`;
  });
  return changed ? out : undefined;
}

const BOOLEAN_PARTS = /^xl\/(styles|workbook)\.xml$|^xl\/(worksheets|tables)\/[^/]+\.xml$/;

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** The top-left cell of one range of a sqref ("G17:G26" → "G17"); undefined when it is not a range. */
function topLeftOf(area: string): string | undefined {
  const r = parseRange(area);
  return r && a1(r.top, r.left);
}

/**
 * A validation over several ranges (sqref="G6:G15 G17:G26": the plan writer writes a rule repeated down a
 * column so, and Excel a rule set on several ranges at once), as one element per range, its formulas moved
 * from the first range's top-left cell to that range's: exceljs gives every cell of such a validation the
 * formulas unmoved and writes each range back with them, so every range but the first would check the
 * wrong cells. Not told to the person: every cell's rule is the same before and after. Undefined when the
 * part has none.
 */
export function withValidationsByArea(xml: string): string | undefined {
  if (!xml.includes('<dataValidation ')) return undefined;
  let changed = false;
  const out = xml.replace(
    /<dataValidation\b([^>]*?)\ssqref="([^"]*)"([^>]*?)(?<!\/)>([\s\S]*?)<\/dataValidation>/g,
    (whole, before: string, sqref: string, after: string, body: string) => {
      const areas = sqref.trim().split(/\s+/);
      const base = topLeftOf(areas[0] ?? '');
      if (areas.length < 2 || !base) return whole;
      changed = true;
      return areas
        .map((area) => {
          const at = topLeftOf(area);
          const moved =
            at === undefined || at === base
              ? body
              : body.replace(
                  /<(formula[12])>([\s\S]*?)<\/\1>/g,
                  (_m, tag: string, f: string) =>
                    `<${tag}>${esc(moveFormula(decodeEntities(f), base, at))}</${tag}>`,
                );
          return `<dataValidation${before} sqref="${area}"${after}>${moved}</dataValidation>`;
        })
        .join('');
    },
  );
  if (!changed) return undefined;
  const count = out.match(/<dataValidation\s/g)?.length ?? 0;
  return out.replace(/(<dataValidations\b[^>]*?\scount=")\d+"/, `$1${count}"`);
}

export interface RepairedPackage {
  /** The bytes to load: the input itself when nothing needed repair. */
  bytes: Uint8Array;
  normalised: Normalisation[];
}

/**
 * Rewrites the package into exceljs's shape; `bytes` unchanged when it already is. Throws MissingPartError
 * when a relationship names a part that is not there; a zip JSZip cannot read throws JSZip's error (the
 * caller checked the zip before).
 */
export async function repairPackage(bytes: Uint8Array): Promise<RepairedPackage> {
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const has = new Set(names);
  const relsParts: RelsPart[] = [];
  for (const name of names.filter((n) => /(^|\/)_rels\/[^/]+\.rels$/.test(n)))
    relsParts.push(parseRels(name, await zip.file(name)!.async('string')));

  // Canonical names: every internal target whose kind exceljs reads by name, moved where it looks.
  const rename = new Map<string, string>();
  const taken = new Set(names);
  const counters: Record<string, number> = {};
  let absolute = 0;
  for (const rp of relsParts)
    for (const rel of rp.rels) {
      if (rel.external || !rel.part) continue;
      if (rel.target.startsWith('/')) absolute++;
      if (!has.has(rel.part)) throw new MissingPartError(rel.part, rp.source || rp.name);
      const canonical = CANONICAL[kindOf(rel.type)];
      if (!canonical || canonical.pattern.test(rel.part) || rename.has(rel.part)) continue;
      let n = counters[kindOf(rel.type)] ?? 1;
      let to = canonical.make(n);
      while (taken.has(to) && to !== canonical.make(0)) to = canonical.make(++n);
      counters[kindOf(rel.type)] = n + 1;
      taken.add(to);
      rename.set(rel.part, to);
    }

  const normalised: Normalisation[] = [];
  const moved = (part: string) => rename.get(part) ?? part;
  const out = new Map<string, string | Uint8Array>();

  // Relationship parts: targets relative to the (possibly moved) source, exactly as exceljs compares them.
  for (const rp of relsParts) {
    const source = moved(rp.source);
    let xml = rp.xml;
    for (const rel of rp.rels) {
      if (rel.external || !rel.part) continue;
      const wanted = relativeTarget(source, moved(rel.part));
      if (wanted === rel.target) continue;
      const raw = rel.raw.replace(/(\sTarget\s*=\s*)("[^"]*"|'[^']*')/, `$1"${wanted}"`);
      xml = xml.replace(rel.raw, raw);
    }
    const name = rp.source ? relsNameOf(source) : rp.name;
    if (xml !== rp.xml || name !== rp.name) out.set(name, xml);
    if (name !== rp.name) out.set(rp.name, '');
  }

  // Parts themselves, and their overrides in [Content_Types].xml.
  for (const [from, to] of rename) {
    out.set(to, await zip.file(from)!.async('uint8array'));
    out.set(from, '');
    normalised.push({ kind: 'partRenamed', from, to });
  }
  if (rename.size > 0 && has.has('[Content_Types].xml')) {
    let types = await zip.file('[Content_Types].xml')!.async('string');
    for (const [from, to] of rename) types = types.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
    if (!/Extension="vml"/i.test(types) && [...rename.values()].some((p) => p.endsWith('.vml')))
      types = types.replace(
        /<Types\b[^>]*>/,
        (m) =>
          `${m}<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
      );
    out.set('[Content_Types].xml', types);
  }
  if (absolute > 0) normalised.push({ kind: 'absoluteTargets', count: absolute });

  // Tables without style information.
  const unstyled: string[] = [];
  for (const name of names) {
    const part = moved(name);
    if (!CANONICAL.table!.pattern.test(part)) continue;
    const xml = await zip.file(name)!.async('string');
    const fixed = withTableStyle(xml);
    if (fixed === undefined) continue;
    out.set(part, fixed);
    unstyled.push(attr(xml.match(/<(?:\w+:)?table\b[^>]*>/)?.[0] ?? '', 'displayName') ?? part);
  }
  if (unstyled.length > 0) normalised.push({ kind: 'tableStyle', tables: unstyled });

  const prefixed: string[] = [];
  for (const name of names) {
    const part = moved(name);
    if (!CANONICAL.drawing!.pattern.test(part)) continue;
    const fixed = withDrawingPrefix(await zip.file(name)!.async('string'));
    if (fixed === undefined) continue;
    out.set(part, fixed);
    prefixed.push(part);
  }
  if (prefixed.length > 0) normalised.push({ kind: 'drawingPrefix', parts: prefixed });

  // Each part once, both rewrites applied to what an earlier repair made of it.
  let booleans = 0;
  for (const name of names) {
    const part = moved(name);
    const numeric = BOOLEAN_PARTS.test(part);
    const byArea = WORKSHEET_PART.test(part);
    if (!numeric && !byArea) continue;
    const held = out.get(part);
    let xml = typeof held === 'string' && held ? held : await zip.file(name)!.async('string');
    const withNumbers = numeric ? withNumericBooleans(xml) : undefined;
    if (withNumbers !== undefined) booleans++;
    xml = withNumbers ?? xml;
    const split = byArea ? withValidationsByArea(xml) : undefined;
    if (withNumbers !== undefined || split !== undefined) out.set(part, split ?? xml);
  }
  if (booleans > 0) normalised.push({ kind: 'booleans', parts: booleans });

  if (out.size === 0) return { bytes, normalised };
  for (const [name, content] of out) {
    if (content === '') zip.remove(name);
  }
  for (const [name, content] of out) {
    if (content !== '') zip.file(name, content);
  }
  const repaired = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes: repaired, normalised };
}
