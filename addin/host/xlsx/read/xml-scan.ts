/**
 * A small pull scanner for the XML of workbook parts: start tags (with their attributes read on demand), end
 * tags and text, entities decoded. Only what a package part needs: no DTD (the package guard refuses every
 * part declaring one before anything is read), no namespaces (element and attribute names are compared by
 * their local name, "x:c" as "c"). Tags must balance; anything else (a part cut short, a stray "<", an
 * unknown entity) throws XmlDamage, and the caller names the damaged part as the exceljs path did.
 * No Node APIs (the standalone page reads through it too).
 *
 * Why not saxes (exceljs's parser): it builds an object per tag with every attribute and is called per
 * event; the sheets of a 63-unit workbook have ~10⁶ tags, and indexOf over one string is several times faster.
 */

export class XmlDamage extends Error {}

/**
 * A string that does not hold on to the part it was cut from. V8 keeps a slice of a long string as a view
 * into it: one formula's text kept in the snapshot would keep its whole sheet's XML (700 sheets of a large
 * workbook: 450 MB). The concatenation is flattened into a copy when sliced.
 */
export const detach = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its entities (&amp; &#233; &#x1EA1;) decoded; an unknown or broken entity is damage. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new XmlDamage(`bare & in ${m}`);
    const named = ENTITY[body];
    if (named !== undefined) return named;
    const code =
      body[0] === '#'
        ? body[1] === 'x' || body[1] === 'X'
          ? /^#[xX][0-9a-fA-F]+$/.test(body)
            ? Number.parseInt(body.slice(2), 16)
            : Number.NaN
          : /^#\d+$/.test(body)
            ? Number.parseInt(body.slice(1), 10)
            : Number.NaN
        : Number.NaN;
    // Only characters XML allows (not &#24;, a lone surrogate, U+FFFE…).
    const allowed =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) throw new XmlDamage(`unknown entity ${m}`);
    return String.fromCodePoint(code);
  });
}

const BAD_NAME = /[&<>"'/=;,()]/;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

const localName = (qname: string) => {
  const at = qname.indexOf(':');
  return at < 0 ? qname : qname.slice(at + 1);
};

export class XmlScanner {
  /** After OPEN or CLOSE: the element's local name. */
  name = '';
  /** After OPEN: whether the tag closes itself (<c r="A1"/>); no CLOSE token follows it. */
  empty = false;
  /** After TEXT: the decoded text (CDATA sections included as they are). */
  text = '';
  private at = 0;
  private attrFrom = 0;
  private attrTo = 0;
  private count = 0;
  private readonly keys: string[] = [];
  private readonly values: string[] = [];
  private readonly stack: string[] = [];
  private roots = 0;

  constructor(private readonly xml: string) {
    if (xml.charCodeAt(0) === 0xfeff) this.at = 1;
  }

  /** The next token; END once the document is over (throws XmlDamage when it ended unbalanced). */
  next(): Token {
    const xml = this.xml;
    for (;;) {
      const at = this.at;
      if (at >= xml.length) {
        if (this.stack.length > 0 || this.roots !== 1) throw new XmlDamage('document ends inside an element');
        return END;
      }
      if (xml.charCodeAt(at) !== 60 /* < */) {
        const lt = xml.indexOf('<', at);
        const end = lt < 0 ? xml.length : lt;
        this.at = end;
        if (this.stack.length === 0) {
          // Only white space outside the root element.
          if (xml.slice(at, end).trim()) throw new XmlDamage('text outside the root element');
          continue;
        }
        this.text = decodeEntities(xml.slice(at, end));
        return TEXT;
      }
      const c1 = xml.charCodeAt(at + 1);
      if (c1 === 47 /* / */) {
        const gt = xml.indexOf('>', at + 2);
        if (gt < 0) throw new XmlDamage('end tag cut short');
        const qname = xml.slice(at + 2, gt).trim();
        if (this.stack.pop() !== qname) throw new XmlDamage(`</${qname}> does not close the open element`);
        this.at = gt + 1;
        this.name = localName(qname);
        return CLOSE;
      }
      if (c1 === 33 /* ! */) {
        if (xml.startsWith('<!--', at)) {
          const end = xml.indexOf('-->', at + 4);
          if (end < 0) throw new XmlDamage('comment cut short');
          this.at = end + 3;
          continue;
        }
        if (xml.startsWith('<![CDATA[', at)) {
          const end = xml.indexOf(']]>', at + 9);
          if (end < 0 || this.stack.length === 0) throw new XmlDamage('CDATA cut short');
          this.at = end + 3;
          this.text = xml.slice(at + 9, end);
          return TEXT;
        }
        // <!DOCTYPE …: refused by the package guard before any reading.
        throw new XmlDamage('declaration');
      }
      if (c1 === 63 /* ? */) {
        const end = xml.indexOf('?>', at + 2);
        if (end < 0) throw new XmlDamage('processing instruction cut short');
        this.at = end + 2;
        continue;
      }
      // A start tag: the name, then attributes up to the '>' that is not inside quotes.
      let i = at + 1;
      while (i < xml.length) {
        const ch = xml.charCodeAt(i);
        if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        i++;
      }
      const qname = xml.slice(at + 1, i);
      if (!qname || BAD_NAME.test(qname)) throw new XmlDamage('broken start tag');
      let gt = i;
      let quote = 0;
      for (; gt < xml.length; gt++) {
        const ch = xml.charCodeAt(gt);
        if (quote) {
          if (ch === quote) quote = 0;
          else if (ch === 60) throw new XmlDamage('"<" in an attribute value');
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
        else if (ch === 60) throw new XmlDamage('"<" inside a tag');
      }
      if (gt >= xml.length) throw new XmlDamage('start tag cut short');
      this.empty = xml.charCodeAt(gt - 1) === 47;
      this.attrFrom = i;
      this.attrTo = this.empty ? gt - 1 : gt;
      this.at = gt + 1;
      if (this.stack.length === 0) {
        if (++this.roots > 1) throw new XmlDamage('a second root element');
      }
      if (!this.empty) this.stack.push(qname);
      this.name = localName(qname);
      // Every tag's attributes are read, asked for or not: a broken one anywhere is damage, as for saxes.
      this.parseAttrs();
      return OPEN;
    }
  }

  /** An attribute of the start tag just read, by local name ("r:id" as "id"), decoded; undefined if absent. */
  attr(name: string): string | undefined {
    const keys = this.keys;
    for (let i = 0; i < this.count; i++) if (keys[i] === name) return this.values[i];
    return undefined;
  }

  /** The start tag's attributes into keys/values (first of a name wins), by hand: this runs per cell. */
  private parseAttrs(): void {
    this.count = 0;
    const xml = this.xml;
    const end = this.attrTo;
    let i = this.attrFrom;
    for (;;) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (i >= end) return;
      const from = i;
      let colon = -1;
      while (i < end) {
        const c = xml.charCodeAt(i);
        if (c === 61 /* = */ || isSpace(c)) break;
        if (c === 58 /* : */) colon = i;
        i++;
      }
      const key = xml.slice(colon < 0 ? from : colon + 1, i);
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61 || i === from) throw new XmlDamage('broken attributes');
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new XmlDamage('attribute value without quotes');
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0 || close >= end) throw new XmlDamage('attribute value cut short');
      const raw = xml.slice(i + 1, close);
      i = close + 1;
      // Attributes are separated by white space, and a name is a name ("T&ype" is damage, as for saxes).
      if (i < end && !isSpace(xml.charCodeAt(i))) throw new XmlDamage('no space between attributes');
      if (BAD_NAME.test(key)) throw new XmlDamage(`attribute name ${key}`);
      let known = false;
      for (let k = 0; k < this.count; k++) if (this.keys[k] === key) known = true;
      if (known) continue;
      this.keys[this.count] = key;
      this.values[this.count] = raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
      this.count++;
    }
  }

  /** Skips to the end of the element just opened (its CLOSE consumed); nothing when it was empty. */
  skip(): void {
    if (this.empty) return;
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === OPEN && !this.empty) depth++;
      else if (t === CLOSE && --depth === 0) return;
      else if (t === END) return;
    }
  }
}

/** Throws XmlDamage unless `xml` is one well-formed element tree (as the scanner reads it). */
export function checkXml(xml: string): void {
  const s = new XmlScanner(xml);
  while (s.next() !== END);
}
