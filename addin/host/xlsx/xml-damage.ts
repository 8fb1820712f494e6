/**
 * Which XML part of a package is not well-formed, so that a damaged file's message can name it. A small
 * tokenizer (tags balanced and matching, nothing but markup after '<'): enough for the damage files really
 * carry (a part cut short, a broken tag, text that is not XML). No Node APIs.
 */
import type JSZip from 'jszip';

const NAME = /^[A-Za-z_][\w.\-:]*/;

/** True when `xml` is one balanced element tree (declarations, comments and CDATA allowed). */
export function isWellFormed(xml: string): boolean {
  const stack: string[] = [];
  let roots = 0;
  let i = xml.indexOf('<');
  if (i < 0) return false;
  if (
    xml
      .slice(0, i)
      .replace(/^\uFEFF/, '')
      .trim()
  )
    return false;
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end < 0 || stack.length === 0) return false;
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (xml.startsWith('<!', i)) {
      const end = xml.indexOf('>', i + 2);
      if (end < 0) return false;
      i = end + 1;
    } else {
      const end = xml.indexOf('>', i + 1);
      if (end < 0) return false;
      const body = xml.slice(i + 1, end);
      if (body.includes('<')) return false;
      if (body.startsWith('/')) {
        const name = body.slice(1).trim();
        if (stack.pop() !== name) return false;
      } else {
        const name = body.match(NAME)?.[0];
        if (!name) return false;
        if (stack.length === 0) roots++;
        if (!body.endsWith('/')) stack.push(name);
      }
      i = end + 1;
    }
    const next = xml.indexOf('<', i);
    if (next < 0) {
      if (xml.slice(i).trim()) return false;
      break;
    }
    if (stack.length === 0 && xml.slice(i, next).trim()) return false;
    i = next;
  }
  return stack.length === 0 && roots === 1;
}

/** The first XML part (in package order) that is not well-formed, or undefined. */
export async function malformedPart(zip: JSZip): Promise<string | undefined> {
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    let text: string;
    try {
      text = await entry.async('string');
    } catch {
      return entry.name;
    }
    if (!isWellFormed(text)) return entry.name;
  }
  return undefined;
}
