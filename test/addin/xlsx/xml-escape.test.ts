/**
 * The plan writer's escaping (addin/host/xlsx/write/xml.ts) against the reader's decoding: any text written
 * and read back is the text, less the characters XML 1.0 cannot hold; what is written never holds a bare
 * "&", "<", ">" or quote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../addin/host/xlsx/read/xml-scan';
import { esc, escAttr } from '../../../addin/host/xlsx/write/xml';

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
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
});
