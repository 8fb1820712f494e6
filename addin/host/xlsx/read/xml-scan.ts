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

/** A numeric character reference's code point if XML allows the character (not &#24;, a lone surrogate…). */
function allowedCode(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character of the named entity at `amp` (&quot; &amp; &apos; &lt; &gt;), else undefined. */
function namedAt(s: string, amp: number): string | undefined {
  switch (s.charCodeAt(amp + 1)) {
    case 113 /* q */:
      return s.startsWith('quot;', amp + 1) ? '"' : undefined;
    case 97 /* a */:
      if (s.startsWith('amp;', amp + 1)) return '&';
      return s.startsWith('apos;', amp + 1) ? "'" : undefined;
    case 108 /* l */:
      return s.startsWith('lt;', amp + 1) ? '<' : undefined;
    case 103 /* g */:
      return s.startsWith('gt;', amp + 1) ? '>' : undefined;
    default:
      return undefined;
  }
}

/**
 * Text with its entities (&amp; &#233; &#x1EA1;) decoded; an unknown or broken entity is damage. By hand
 * (formulas are full of &quot; and &lt;): the body of each is what runs to the next ";", "&" or white space.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    out += s.slice(from, amp);
    // The five named entities read in place (a carried document's JSON has thousands of &quot;).
    const known = namedAt(s, amp);
    if (known !== undefined) {
      out += known;
      from = s.indexOf(';', amp) + 1;
      amp = s.indexOf('&', from);
      continue;
    }
    let end = amp + 1;
    for (; end < s.length; end++) {
      const c = s.charCodeAt(end);
      if (c === 59 /* ; */ || c === 38 /* & */ || isSpace(c)) break;
    }
    const body = s.slice(amp + 1, end);
    if (s.charCodeAt(end) !== 59) throw new XmlDamage(`bare & in &${body}`);
    const named = NAMED[body];
    if (named !== undefined) out += named;
    else {
      let code = Number.NaN;
      if (body.charCodeAt(0) === 35 /* # */) {
        const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
        const digits = body.slice(hex ? 2 : 1);
        if (hex ? /^[0-9a-fA-F]+$/.test(digits) : /^\d+$/.test(digits))
          code = Number.parseInt(digits, hex ? 16 : 10);
      }
      if (!allowedCode(code)) throw new XmlDamage(`unknown entity &${body};`);
      out += String.fromCodePoint(code);
    }
    from = end + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

const BAD_NAME = /[&<>"'/=;,()]/;
/** BAD_NAME's characters by code, for the attribute loop. */
const BAD_CHAR: boolean[] = [];
for (const ch of '&<>"\'/=;,()') BAD_CHAR[ch.charCodeAt(0)] = true;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

const localName = (qname: string) => {
  const at = qname.indexOf(':');
  return at < 0 ? qname : qname.slice(at + 1);
};

const ACA_FALSE = '<f aca="false">';
const ACA_TRUE = '<f aca="true">';

export class XmlScanner {
  /** After OPEN or CLOSE: the element's local name. */
  name = '';
  /** After OPEN: whether the tag closes itself (<c r="A1"/>); no CLOSE token follows it. */
  empty = false;
  /** After TEXT: the decoded text (CDATA sections included as they are). */
  text = '';
  private at = 0;
  /** Where the token just read (or the cell plainCell read) starts in the text; `position` is where it ends. */
  tokenStart = 0;
  private count = 0;
  /** The attributes of the start tag just read: where each local name and value stands in the text. */
  private readonly keyFrom: number[] = [];
  private amp = -2;
  private readonly keyTo: number[] = [];
  private readonly valueFrom: number[] = [];
  private readonly valueTo: number[] = [];
  private readonly stack: string[] = [];
  /** The local names of the open elements, by depth (so an end tag needs no slice). */
  private readonly names: string[] = [];
  private roots = 0;

  constructor(private readonly xml: string) {
    if (xml.charCodeAt(0) === 0xfeff) this.at = 1;
  }

  get position(): number {
    return this.at;
  }

  /** The next token; END once the document is over (throws XmlDamage when it ended unbalanced). */
  next(): Token {
    const xml = this.xml;
    for (;;) {
      const at = this.at;
      this.tokenStart = at;
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
        // The open element's name, compared in place (no slice per end tag); white space may follow it.
        const open = this.stack.pop();
        let end = gt;
        while (end > at + 2 && isSpace(xml.charCodeAt(end - 1))) end--;
        if (open === undefined || end - (at + 2) !== open.length || !xml.startsWith(open, at + 2))
          throw new XmlDamage(`</${xml.slice(at + 2, gt).trim()}> does not close the open element`);
        this.at = gt + 1;
        this.name = this.names[this.stack.length]!;
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
      // A start tag: the name, then its attributes read in the same pass up to its '>' (or '/>').
      let i = at + 1;
      while (i < xml.length) {
        const ch = xml.charCodeAt(i);
        if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        i++;
      }
      const qname = xml.slice(at + 1, i);
      if (!qname || BAD_NAME.test(qname)) throw new XmlDamage('broken start tag');
      const gt = this.readAttrs(i);
      this.empty = xml.charCodeAt(gt - 1) === 47;
      this.at = gt + 1;
      if (this.stack.length === 0) {
        if (++this.roots > 1) throw new XmlDamage('a second root element');
      }
      const local = localName(qname);
      this.name = local;
      if (!this.empty) {
        this.names[this.stack.length] = local;
        this.stack.push(qname);
      }
      return OPEN;
    }
  }

  /** The next "&" at or after `p`, found once and kept until passed (-1: none left); linear over the part. */
  private ampFrom(p: number): number {
    if (this.amp !== -1 && this.amp < p) this.amp = this.xml.indexOf('&', p);
    return this.amp;
  }

  /** An attribute of the start tag just read, by local name ("r:id" as "id"), decoded; undefined if absent. */
  attr(name: string): string | undefined {
    const xml = this.xml;
    // The first of a name wins (as saxes kept it); keys are compared in place, values cut when asked for.
    for (let i = 0; i < this.count; i++) {
      const from = this.keyFrom[i]!;
      if (this.keyTo[i]! - from !== name.length || !xml.startsWith(name, from)) continue;
      const raw = xml.slice(this.valueFrom[i]!, this.valueTo[i]!);
      return raw.indexOf('&') < 0 ? raw : decodeEntities(raw);
    }
    return undefined;
  }

  /**
   * The start tag's attributes from `from` (just past its name): where each key and value is, by hand (this
   * runs per cell). Every tag's attributes are read, asked for or not: a broken one anywhere is damage, as
   * for saxes. Returns the index of the tag's '>'.
   */
  private readAttrs(from: number): number {
    this.count = 0;
    const xml = this.xml;
    const n = xml.length;
    let i = from;
    let entities = false;
    for (;;) {
      const spaceFrom = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) throw new XmlDamage('start tag cut short');
      const c = xml.charCodeAt(i);
      if (c === 62 /* > */ || (c === 47 /* / */ && xml.charCodeAt(i + 1) === 62)) {
        const gt = c === 62 ? i : i + 1;
        // No "<" anywhere in the tag, inside quotes or not; entities in its values must be ones XML knows.
        const lt = xml.indexOf('<', from);
        if (lt >= 0 && lt < gt) throw new XmlDamage('"<" inside a tag');
        if (entities)
          for (let k = 0; k < this.count; k++)
            decodeEntities(xml.slice(this.valueFrom[k]!, this.valueTo[k]!));
        return gt;
      }
      // Attributes are separated by white space ("a="1"b="2"" is damage, as for saxes).
      if (i === spaceFrom && this.count > 0) throw new XmlDamage('no space between attributes');
      const keyFrom = i;
      let localFrom = i;
      while (i < n) {
        const k = xml.charCodeAt(i);
        if (k === 61 /* = */ || isSpace(k)) break;
        if (k < 128 && BAD_CHAR[k]) throw new XmlDamage('broken attributes');
        if (k === 58 /* : */) localFrom = i + 1;
        i++;
      }
      const keyTo = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61 || keyTo === keyFrom) throw new XmlDamage('broken attributes');
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new XmlDamage('attribute value without quotes');
      const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0) throw new XmlDamage('attribute value cut short');
      if (!entities) {
        const amp = this.ampFrom(i + 1);
        if (amp >= 0 && amp < close) entities = true;
      }
      const k = this.count++;
      this.keyFrom[k] = localFrom;
      this.keyTo[k] = keyTo;
      this.valueFrom[k] = i + 1;
      this.valueTo[k] = close;
      i = close + 1;
    }
  }

  /** After formulaAndValue: the `<f>` and `<v>` texts read (undefined when absent or empty). */
  f: string | undefined;
  v: string | undefined;

  /**
   * The text of `<tag>text</tag>` starting at `i` (tag one letter), or -1 when something else stands there;
   * the text goes to `this.f` or `this.v`. Returns the index after its end tag.
   */
  private simpleElement(i: number, tag: number): number {
    const xml = this.xml;
    if (xml.charCodeAt(i) !== 60 || xml.charCodeAt(i + 1) !== tag || xml.charCodeAt(i + 2) !== 62) return -1;
    return this.elementText(i + 3, tag);
  }

  /** simpleElement's text from `from` (just past its start tag) to its end tag; -1 when not that. */
  private elementText(from: number, tag: number): number {
    const xml = this.xml;
    const end = xml.indexOf('<', from);
    if (
      end < 0 ||
      xml.charCodeAt(end + 1) !== 47 ||
      xml.charCodeAt(end + 2) !== tag ||
      xml.charCodeAt(end + 3) !== 62
    )
      return -1;
    const text = end > from ? decodeEntities(xml.slice(from, end)) : undefined;
    if (tag === 102) this.f = text;
    else this.v = text;
    return end + 4;
  }

  /**
   * Right after OPEN of an element with content: when that content is exactly `<f>text</f>`, `<v>text</v>` or
   * both in that order (no attributes but LibreOffice's aca on `<f>`, no other markup: formulaThenValue), reads it and the element's end tag at once, the
   * decoded texts in `f` and `v` (an empty text as undefined, as no TEXT token comes for it), and answers
   * true; otherwise false, with nothing read. A sheet's cells are mostly this: five tokens less per cell.
   */
  formulaAndValue(): boolean {
    const xml = this.xml;
    const i = this.formulaThenValue(this.at);
    if (i <= this.at) return false;
    const open = this.stack[this.stack.length - 1];
    if (
      open === undefined ||
      xml.charCodeAt(i) !== 60 ||
      xml.charCodeAt(i + 1) !== 47 ||
      !xml.startsWith(open, i + 2) ||
      xml.charCodeAt(i + 2 + open.length) !== 62
    )
      return false;
    this.stack.pop();
    this.at = i + 3 + open.length;
    this.name = this.names[this.stack.length]!;
    return true;
  }

  /**
   * From `i`: an optional `<f>text</f>` (also as LibreOffice writes it, `<f aca="false">`) then an optional
   * `<v>text</v>`, their decoded texts in f and v; the index after them (`i` when neither stands there), or -1
   * when an `<f` of another form stands there (attributes, children: read tag by tag).
   */
  private formulaThenValue(from: number): number {
    const xml = this.xml;
    this.f = undefined;
    this.v = undefined;
    let i = from;
    const aca = xml.startsWith(ACA_FALSE, i)
      ? ACA_FALSE.length
      : xml.startsWith(ACA_TRUE, i)
        ? ACA_TRUE.length
        : 0;
    const afterF = aca ? this.elementText(i + aca, 102) : this.simpleElement(i, 102 /* f */);
    if (afterF >= 0) i = afterF;
    else if (xml.charCodeAt(i) === 60 && xml.charCodeAt(i + 1) === 102) return -1;
    const afterV = this.simpleElement(i, 118 /* v */);
    return afterV >= 0 ? afterV : i;
  }

  /** After plainCell: the cell's address, style and type attributes (undefined when absent). */
  cellR = '';
  cellS: string | undefined;
  cellT: string | undefined;
  /** After plainCell: its address's row and column numbers (counted, however long), and where its start tag ends (after its '>'). */
  cellRow = 0;
  cellColumn = 0;
  cellTagEnd = 0;

  /**
   * When the next thing in the text is a whole cell written plainly, `<c r="B12" s="3" t="s">` (r first,
   * then s and t in either order, each at most once, one space before each, an address of capital letters
   * and digits, s digits, t letters) closing itself or holding only what formulaAndValue reads then `</c>`:
   * reads it at once (its attributes in cellR, cellS, cellT; its texts in f and v, entities decoded) and
   * answers true. Otherwise false, with nothing read: next() reads it tag by tag. What it takes, next()
   * reads the same way; it is only the cells of a sheet (most of its tags) without the generic loops.
   */
  plainCell(): boolean {
    const xml = this.xml;
    let i = this.at;
    if (
      xml.charCodeAt(i) !== 60 /* < */ ||
      xml.charCodeAt(i + 1) !== 99 /* c */ ||
      xml.charCodeAt(i + 2) !== 32 ||
      xml.charCodeAt(i + 3) !== 114 /* r */ ||
      xml.charCodeAt(i + 4) !== 61 /* = */ ||
      xml.charCodeAt(i + 5) !== 34 /* " */
    )
      return false;
    i += 6;
    const rFrom = i;
    let column = 0;
    for (let c = xml.charCodeAt(i); c >= 65 && c <= 90; c = xml.charCodeAt(++i))
      column = column * 26 + c - 64;
    const digits = i;
    let row = 0;
    for (let c = xml.charCodeAt(i); c >= 48 && c <= 57; c = xml.charCodeAt(++i)) row = row * 10 + c - 48;
    if (digits === rFrom || i === digits || xml.charCodeAt(i) !== 34) return false;
    const r = xml.slice(rFrom, i);
    i++;
    let style: string | undefined;
    let type: string | undefined;
    while (xml.charCodeAt(i) === 32) {
      const name = xml.charCodeAt(i + 1);
      if (xml.charCodeAt(i + 2) !== 61 || xml.charCodeAt(i + 3) !== 34) return false;
      const from = i + 4;
      let k = from;
      if (name === 115 /* s */ && style === undefined) {
        for (let c = xml.charCodeAt(k); c >= 48 && c <= 57; c = xml.charCodeAt(++k));
        if (k === from || xml.charCodeAt(k) !== 34) return false;
        style = xml.slice(from, k);
      } else if (name === 116 /* t */ && type === undefined) {
        for (
          let c = xml.charCodeAt(k);
          (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
          c = xml.charCodeAt(++k)
        );
        if (k === from || xml.charCodeAt(k) !== 34) return false;
        type = xml.slice(from, k);
      } else return false;
      i = k + 1;
    }
    this.f = undefined;
    this.v = undefined;
    let tagEnd: number;
    if (xml.charCodeAt(i) === 47 && xml.charCodeAt(i + 1) === 62) {
      i += 2;
      tagEnd = i;
    } else if (xml.charCodeAt(i) === 62) {
      tagEnd = i + 1;
      i = this.formulaThenValue(i + 1);
      if (
        i < 0 ||
        xml.charCodeAt(i) !== 60 ||
        xml.charCodeAt(i + 1) !== 47 ||
        xml.charCodeAt(i + 2) !== 99 ||
        xml.charCodeAt(i + 3) !== 62
      )
        return false;
      i += 4;
    } else return false;
    this.cellR = r;
    this.cellRow = row;
    this.cellColumn = column;
    this.cellS = style;
    this.cellT = type;
    this.cellTagEnd = tagEnd;
    this.tokenStart = this.at;
    this.at = i;
    return true;
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
