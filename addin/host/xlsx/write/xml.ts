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

/** What an element's text needs escaped: `&` and `<` (and what cannot be held); quotes and `>` stay. */
const REPLACE_TEXT: (string | undefined)[] = [...REPLACE];
REPLACE_TEXT[34] = undefined;
REPLACE_TEXT[62] = undefined;

/**
 * A cell's formula or text as element content: `&` and `<` escaped, quotes and `>` as they are (XML text
 * needs no more), `>` escaped only after "]]" (the one place XML forbids it). A sheet's formulas compare more
 * than they quote: 300 of a scorecard's 1 300 hold a `>`, each five characters longer escaped, and the patch
 * compared each of those character by character instead of at once.
 */
export function escText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 60 && c !== 127) continue;
    const replaced = REPLACE_TEXT[c];
    if (replaced === undefined) continue;
    out += text.slice(from, i) + replaced;
    from = i + 1;
  }
  const written = from === 0 ? text : out + text.slice(from);
  // Looked for in what is written: a character left out can bring "]]" and ">" together.
  return written.includes(']]>') ? esc(text) : written;
}

/** The named entities a character may be written as in element text besides itself. */
const ALSO: (string | undefined)[] = [];
ALSO[34] = '&quot;';
ALSO[39] = '&apos;';
ALSO[62] = '&gt;';

/**
 * Where element text reading as `text` ends when `xml` holds it at `at`, else -1: `&` and `<` as their
 * entities, quotes, apostrophes and `>` as themselves or their entities (escText's spelling, esc's, Excel's
 * and LibreOffice's alike); -1 also when a character of `text` cannot be held (it would not read back). Any
 * other spelling (a numeric entity) is -1: the caller reads such a cell instead.
 */
export function textAt(xml: string, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 62 && c !== 127) {
      if (xml.charCodeAt(at) !== c) return -1;
      at++;
      continue;
    }
    const also = ALSO[c];
    if (also !== undefined) {
      if (xml.charCodeAt(at) === c) at++;
      else if (xml.startsWith(also, at)) at += also.length;
      else return -1;
      continue;
    }
    const replaced = REPLACE[c];
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
  return keep ? `<t xml:space="preserve">${escText(text)}</t>` : `<t>${escText(text)}</t>`;
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
