/**
 * The plan writer's escaping (addin/host/xlsx/write/xml.ts) against the reader's decoding: any text written
 * and read back is the text, less the characters XML 1.0 cannot hold. esc (attributes) never writes a bare
 * "&", "<", ">" or quote; escText (a cell's formula and text) keeps quotes and ">", never "]]>"; the patch's
 * comparison (textAt) finds a text in every spelling they and other programs write.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../addin/host/xlsx/read/xml-scan';
import { esc, escAttr, escText, textAt } from '../../../addin/host/xlsx/write/xml';

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_CONTROL = new RegExp(CONTROLS.source);
const unit = fc.oneof(
  fc.constantFrom(
    '&',
    '<',
    '>',
    '"',
    "'",
    '\t',
    '\n',
    '\r',
    '\u0000',
    '\u0008',
    '\u000b',
    '\u001f',
    '\u007f',
    'ạ',
    '😀',
  ),
  fc.string({ maxLength: 3 }),
);

describe('xml escaping', () => {
  it('esc then decode gives the text back, without the characters XML cannot hold', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const written = esc(text);
        expect(written).not.toMatch(/[<>"]|&(?!amp;|lt;|gt;|quot;)/);
        expect(written).not.toMatch(CONTROLS);
        expect(decodeEntities(written)).toBe(text.replace(CONTROLS, ''));
        expect(decodeEntities(escAttr(text))).toBe(text.replace(CONTROLS, ''));
      }),
      { numRuns: 5000 },
    );
    expect(esc('plain')).toBe('plain');
    expect(esc('IF(A1<>"",1,0)&x')).toBe('IF(A1&lt;&gt;&quot;&quot;,1,0)&amp;x');
  });

  it("escText: element text reads back as the text; no bare & or <, never ']]>'; quotes and > kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(unit, fc.constant(']]>'), fc.constant(']'), fc.constant(']\u001f')), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.join('');
          const written = escText(text);
          expect(written).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;)/);
          expect(written).not.toContain(']]>');
          expect(written).not.toMatch(CONTROLS);
          expect(decodeEntities(written)).toBe(text.replace(CONTROLS, ''));
        },
      ),
      { numRuns: 5000 },
    );
    expect(escText('IF(I6>=0,"a&b",A1<B1)')).toBe('IF(I6>=0,"a&amp;b",A1&lt;B1)');
    expect(escText('T[[#This Row],[A]]>0')).toBe('T[[#This Row],[A]]&gt;0');
    // A character XML cannot hold, left out, brings "]]" and ">" together (found by this property).
    expect(escText(']\u001f]>')).toBe(']]&gt;');
  });

  it('textAt finds the text in every spelling the writers use, and only the text', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.string({ maxLength: 3 }), (parts, tail) => {
        const text = parts.join('');
        if (HAS_CONTROL.test(text)) {
          expect(textAt(`x${esc(text)}${tail}`, 1, text)).toBe(-1);
          return;
        }
        for (const written of [
          esc(text),
          escText(text),
          escAttr(text).replace(/&#(10|13|9);/g, (_, n) => String.fromCharCode(Number(n))),
        ]) {
          const xml = `<f>${written}</f>${tail}`;
          expect(textAt(xml, 3, text), written).toBe(3 + written.length);
          // Another text is not found there (one character more, or one changed).
          expect(textAt(xml, 3, `${text}x`)).not.toBe(3 + written.length);
        }
      }),
      { numRuns: 3000 },
    );
    expect(textAt('<f>A&#62;1</f>', 3, 'A>1')).toBe(-1);
    expect(textAt('<f>"a"</f>', 3, '"a"')).toBe(6);
    expect(textAt('<f>&quot;a&quot;</f>', 3, '"a"')).toBe(16);
    expect(textAt('<f>&quot;b&quot;</f>', 3, '"a"')).toBe(-1);
  });
});
