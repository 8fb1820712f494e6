/**
 * The direct reader's scanner (addin/host/xlsx/read/xml-scan.ts) on its own: generated well-formed parts give
 * back exactly the elements, attributes (first of a name wins, prefixes dropped) and text they were made of,
 * and each kind of damage the scanner must refuse is refused, wherever in a part it stands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSE,
  END,
  OPEN,
  TEXT,
  XmlDamage,
  XmlScanner,
  checkXml,
  decodeEntities,
} from '../../../addin/host/xlsx/read/xml-scan';

interface Element {
  name: string;
  attrs: [string, string][];
  children: (Element | string)[];
}

const escText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (t: string) => escText(t).replace(/"/g, '&quot;');

function xmlOf(e: Element, prefix: string): string {
  const attrs = e.attrs.map(([k, v], i) => ` ${i % 2 ? prefix : ''}${k}="${escAttr(v)}"`).join('');
  if (e.children.length === 0) return `<${e.name}${attrs}/>`;
  const body = e.children.map((c) => (typeof c === 'string' ? escText(c) : xmlOf(c, prefix))).join('');
  return `<${e.name}${attrs}>${body}</${e.name}>`;
}

/** What the scanner should give: OPEN name + attrs, TEXT, CLOSE name (no CLOSE after an empty tag). */
function expected(e: Element, out: string[]): void {
  const first = new Map<string, string>();
  for (const [k, v] of e.attrs) if (!first.has(k)) first.set(k, v);
  out.push(`open ${e.name} ${JSON.stringify([...first].sort())}`);
  if (e.children.length === 0) return;
  for (const c of e.children) {
    if (typeof c === 'string') {
      if (c) out.push(`text ${c}`);
    } else expected(c, out);
  }
  out.push(`close ${e.name}`);
}

function scanned(xml: string, names: readonly string[]): string[] {
  const s = new XmlScanner(xml);
  const out: string[] = [];
  for (let t = s.next(); t !== END; t = s.next()) {
    if (t === OPEN) {
      const attrs = names
        .map((n) => [n, s.attr(n)] as const)
        .filter(([, v]) => v !== undefined)
        .sort();
      out.push(`open ${s.name} ${JSON.stringify(attrs)}`);
    } else if (t === TEXT) {
      // Adjacent text runs (split at a child) are one expected run each: join as the generator made them.
      out.push(`text ${s.text}`);
    } else if (t === CLOSE) out.push(`close ${s.name}`);
  }
  return out;
}

const NAMES = ['c', 'v', 'f', 'row', 'si', 't'];
const KEYS = ['r', 's', 't', 'ref', 'id'];
const text = fc.string({
  unit: fc.constantFrom('a', 'Ạ', ' ', '&', '<', '>', '"', "'", '1', '\n', 'đ', '😀'),
  maxLength: 6,
});
function elementOf(depth: number): fc.Arbitrary<Element> {
  const child: fc.Arbitrary<Element | string> =
    depth > 0
      ? fc.oneof(
          text.filter((t) => t.length > 0),
          elementOf(depth - 1),
        )
      : text.filter((t) => t.length > 0);
  return fc.record({
    name: fc.constantFrom(...NAMES),
    attrs: fc.array(fc.tuple(fc.constantFrom(...KEYS), text), { maxLength: 4 }),
    children: fc.array(child, { maxLength: 3 }),
  });
}
const element = elementOf(3);

/** Text children next to each other are written as one run: merge them in the model too. */
function merged(e: Element): Element {
  const children: (Element | string)[] = [];
  for (const c of e.children) {
    const last = children[children.length - 1];
    if (typeof c === 'string' && typeof last === 'string') children[children.length - 1] = last + c;
    else children.push(typeof c === 'string' ? c : merged(c));
  }
  return { ...e, children };
}

describe('xml scanner', () => {
  it('gives back the elements, attributes and text a well-formed part was made of', () => {
    fc.assert(
      fc.property(element, fc.constantFrom('', 'x:', 'r:'), fc.boolean(), (raw, prefix, head) => {
        const root = merged(raw);
        const xml = `${head ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}${xmlOf(root, prefix)}`;
        const want: string[] = [];
        expected(root, want);
        expect(scanned(xml, KEYS)).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads quotes of either kind, white space around "=", ">" inside a value, and CDATA', () => {
    const xml = `<a x = 'b>c' y="d&amp;e"  z='&#x1EA1;&#233;'><![CDATA[<raw & text>]]><b/></a >`;
    const s = new XmlScanner(xml);
    expect(s.next()).toBe(OPEN);
    expect([s.attr('x'), s.attr('y'), s.attr('z'), s.attr('w')]).toEqual(['b>c', 'd&e', 'ạé', undefined]);
    expect(s.next()).toBe(TEXT);
    expect(s.text).toBe('<raw & text>');
    expect(s.next()).toBe(OPEN);
    expect([s.name, s.empty]).toEqual(['b', true]);
    expect(s.next()).toBe(CLOSE);
    expect(s.next()).toBe(END);
  });

  it('refuses each kind of damage, wherever it stands', () => {
    const damaged = [
      '<a><b></a>',
      '<a>',
      '<a></b>',
      '<a x="1"y="2"/>',
      '<a x=1/>',
      '<a x="1/>',
      '<a x="<"/>',
      '<a x="1" < y="2"/>',
      '<a x="&bogus;"/>',
      '<a x="&amp"/>',
      '<a>&#24;</a>',
      '<a>&#xD800;</a>',
      '<a>fish & chips</a>',
      '<a =""/>',
      '<a x&y="1"/>',
      '<a / x="1">',
      '<a><!DOCTYPE x></a>',
      '<a><!-- cut',
      '<a><![CDATA[cut</a>',
      '<a x="1" x="2"><b',
    ];
    for (const xml of damaged) {
      for (const pad of ['', '<z q="1">text &amp; more</z>']) {
        const doc = pad ? `<root>${pad}${xml}${pad}</root>` : xml;
        expect(() => checkXml(doc), doc).toThrow(XmlDamage);
      }
    }
    // Only one root, and no text outside it.
    for (const doc of ['<a/><b/>', 'text<a/>', '<a/>text'])
      expect(() => checkXml(doc), doc).toThrow(XmlDamage);
    // The first of a repeated attribute wins, as saxes kept it.
    const s = new XmlScanner('<a x="1" x="2"/>');
    s.next();
    expect(s.attr('x')).toBe('1');
  });

  it('decodes entities as XML defines them, and nothing else', () => {
    expect(decodeEntities('A &amp; B &lt; C &gt; &quot;D&quot; &apos;E&apos; &#65;&#x42;&#X43;')).toBe(
      `A & B < C > "D" 'E' ABC`,
    );
    expect(decodeEntities('no entities')).toBe('no entities');
    for (const bad of ['&', '&amp', '&nbsp;', '&#;', '&#x;', '&#12a;', '&#0;', '&#xFFFE;', '&am p;'])
      expect(() => decodeEntities(bad), bad).toThrow(XmlDamage);
  });
});
