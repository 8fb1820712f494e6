/**
 * The patch's parts (addin/host/xlsx/patch/parts.ts): a replaced part deflated when it is written (`pack`,
 * issue 15: a workbook whose every sheet changes does not hold all their texts) reads back as its new text,
 * can be replaced again, and zips to the same bytes as a part deflated with the rest at the end.
 */
import { deflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Parts } from '../../../addin/host/xlsx/patch/parts';
import { crc32, type Deflate, readZip } from '../../../addin/host/xlsx/patch/zip';

const deflate: Deflate = (data) => ({ crc: crc32(data), deflated: deflateSync(data, { level: 6 }) });

const ZIP = zipSync({
  'a.xml': strToU8('<a>một</a>'),
  'b.xml': strToU8('<b/>'),
  'c.xml': strToU8('<c/>'),
});

const parts = () => new Parts(readZip(ZIP)!);

describe('patched parts', () => {
  it('a packed part reads back as its new text and zips as if deflated at the end', () => {
    const packed = parts();
    const later = parts();
    for (const p of [packed, later]) {
      expect(p.text('a.xml')).toBe('<a>một</a>');
      p.replace('a.xml', '<a>hai</a>');
    }
    packed.pack('a.xml', deflate);
    expect(packed.replaced.has('a.xml')).toBe(false);
    expect(packed.text('a.xml')).toBe('<a>hai</a>');
    expect(packed.bytes(deflate)).toEqual(later.bytes(deflate));
  });

  it('a part replaced after it was packed takes its newest text; an unreplaced part is not packed', () => {
    const p = parts();
    p.replace('a.xml', '<a>hai</a>');
    p.pack('a.xml', deflate);
    p.replace('a.xml', '<a>ba</a>');
    p.pack('b.xml', deflate);
    expect(p.text('a.xml')).toBe('<a>ba</a>');
    const again = new Parts(readZip(p.bytes(deflate))!);
    expect(again.text('a.xml')).toBe('<a>ba</a>');
    expect(again.text('b.xml')).toBe('<b/>');
    expect(again.text('c.xml')).toBe('<c/>');
  });
});
