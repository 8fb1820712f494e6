/**
 * Reading the few things a patch needs out of package XML without a DOM: an element's attributes, its
 * relationships, and the text of a string item (<si>, <is>: its <t> runs, without phonetic <rPh> runs). Writing
 * uses ../write/xml.ts. No Node APIs.
 */

import { type Relationship, parseRels, relsNameOf } from '../package-repair';
import { decodeEntities as decode } from '../read/xml-scan';

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

/**
 * The relationships of `source` from the text of its .rels part: the package repair's reading
 * (../package-repair.ts), which the direct reader uses too.
 */
export const relationships = (source: string, xml: string): Relationship[] =>
  parseRels(relsNameOf(source), xml).rels;

/** The last segment of a relationship type ("…/relationships/worksheet" → "worksheet"). */
export const relKind = (type: string) => type.slice(type.lastIndexOf('/') + 1);
