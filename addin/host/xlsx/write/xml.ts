/**
 * Text and attribute escaping for the parts the plan writer makes. Characters XML 1.0 cannot hold (C0 controls
 * but tab, newline and carriage return; DEL) are left out, as exceljs leaves them out: a name carrying one is
 * reported by the readers (core/text), never written as a file Excel calls damaged. No Node APIs.
 */

/** What each character below 128 becomes: an entity, '' (left out), or undefined (kept). */
const REPLACE: (string | undefined)[] = [];
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) REPLACE[c] = '';
REPLACE[127] = '';
REPLACE[38] = '&amp;';
REPLACE[60] = '&lt;';
REPLACE[62] = '&gt;';
REPLACE[34] = '&quot;';

/**
 * Element text and attribute values alike (quotes escaped too, so one function serves both). By hand: every
 * formula of a sheet passes here, and most hold a quote or a comparison.
 */
export function esc(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 62 && c !== 127) continue;
    const replaced = REPLACE[c];
    if (replaced === undefined) continue;
    out += text.slice(from, i) + replaced;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Where `text` escaped as esc escapes it ends when `xml` holds it at `at`, else -1 (also when esc would leave
 * a character out: the text would not read back as itself). Compared in place, nothing made: the patch asks
 * it of every cell it writes, to know the cell holds the text already.
 */
export function escapedAt(xml: string, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const replaced = c > 62 && c !== 127 ? undefined : REPLACE[c];
    if (replaced === undefined) {
      if (xml.charCodeAt(at) !== c) return -1;
      at++;
    } else {
      if (replaced === '' || !xml.startsWith(replaced, at)) return -1;
      at += replaced.length;
    }
  }
  return at;
}

/** An attribute value that keeps its line breaks and tabs (an attribute's raw newline reads back as a space). */
export function escAttr(text: string): string {
  return esc(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** `<t>` keeps leading and trailing spaces and line breaks only with xml:space="preserve". */
export function textElement(text: string): string {
  const keep = /^\s|\s$|\n/.test(text);
  return keep ? `<t xml:space="preserve">${esc(text)}</t>` : `<t>${esc(text)}</t>`;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

/** A relationships part from (id, type, target) triples; `type` is the last segment of the officeDocument URI. */
export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const body = rels
    .map((r) => {
      const type = r.type.startsWith('http') ? r.type : `${NS.rel}/${r.type}`;
      return `<Relationship Id="${r.id}" Type="${type}" Target="${esc(r.target)}"/>`;
    })
    .join('');
  return `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}">${body}</Relationships>`;
}
