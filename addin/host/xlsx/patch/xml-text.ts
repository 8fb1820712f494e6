/**
 * Reading the few things a patch needs out of package XML without a DOM: an element's attributes, entity
 * decoding, and the text of a string item (<si>, <is>: its <t> runs, without phonetic <rPh> runs). Writing
 * uses ../write/xml.ts. No Node APIs.
 */

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of an element's start tag text (`<c r="A1" s="3">` or just its attributes part). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) out.set(m[1]!, decode(m[2] ?? m[3] ?? ''));
  return out;
}

const ONE = new Map<string, RegExp>();

/** One attribute of a start tag, undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  let re = ONE.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.]/g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ONE.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decode(m[1] ?? m[2] ?? '') : undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : NAMED[e]!,
  );
}

/**
 * The text of a rich or plain string item's content: its <t> elements in order, leaving out phonetic runs,
 * with Excel's _xHHHH_ escapes for characters XML cannot hold left as they are (exceljs reads them so too).
 */
export function itemText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += decode(m[1] ?? '');
  return out;
}

/** A workbook part's name resolved against the folder of the part naming it ("../tables/table1.xml"). */
export function resolvePart(fromPart: string, target: string): string {
  const dir = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/')) : '';
  const path = target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target;
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

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name; undefined for external targets. */
  part?: string;
  /** The element's text, to remove it. */
  raw: string;
}

/** The relationships of `source` from the text of its .rels part. */
export function relationships(source: string, xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const external = a.get('TargetMode') === 'External';
    out.push({
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      ...(external ? {} : { part: resolvePart(source, a.get('Target') ?? '') }),
      raw: m[0],
    });
  }
  return out;
}

/** The last segment of a relationship type ("…/relationships/worksheet" → "worksheet"). */
export const relKind = (type: string) => type.slice(type.lastIndexOf('/') + 1);
