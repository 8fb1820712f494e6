/**
 * The limits of the file host on real packages (addin/host/xlsx/files.ts, package-guard.ts): the absolute
 * inflated size counted while inflating when the directory lies, the ratio, the entry count, traversal
 * names, DTDs split across inflated chunks; and that a plain workbook of the corpus passes them all.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFileError, checkXlsxBytes } from '../../../addin/host/xlsx/files';
import {
  MAX_ZIP_ENTRIES,
  dtdScanner,
  isTraversalName,
  readZipDirectory,
} from '../../../addin/host/xlsx/package-guard';
import type { CheckInflate } from '../../../addin/host/xlsx/check-bytes';
import { type Inflate, heldInflate, readZip } from '../../../addin/host/xlsx/patch/zip';
import { readSnapshotBytes } from '../../../addin/host/xlsx/read/direct-read';
import { nativeChunked } from '../../../addin/standalone/native-inflate';
import { nodeInflate } from '../../../addin/host/xlsx/write/node-deflate';

const fixtures = join(import.meta.dirname, '../../fixtures');
const member = new Uint8Array(readFileSync(join(fixtures, 'other-programs/py-member.xlsx')));

/** Sets every entry's declared uncompressed size (local and central headers) to 1 byte. */
function lieAboutAllSizes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 30 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, 1, true);
    if (sig === 0x02014b50 && i + 46 < out.length) view.setUint32(i + 24, 1, true);
  }
  return out;
}

async function refusal(bytes: Uint8Array, limits = {}, inflate?: Inflate | CheckInflate): Promise<string> {
  try {
    await checkXlsxBytes(
      bytes,
      'x.xlsx',
      limits,
      typeof inflate === 'function' ? { bounded: inflate } : inflate,
    );
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookFileError);
    return (error as WorkbookFileError).text.vi;
  }
  return '';
}

describe('file host limits', () => {
  it('a plain workbook of the corpus passes every limit', async () => {
    expect(await refusal(member)).toBe('');
    const directory = readZipDirectory(member)!;
    expect(directory.count).toBe(directory.entries.length);
    expect(directory.entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  it('the absolute inflated size is counted while inflating when the directory lies', async () => {
    // A 40 MB part declaring 1 000 bytes: the directory passes, the running count stops it at the limit.
    const lying = new Uint8Array(readFileSync(join(fixtures, 'hostile/zip-bomb-lying-size.xlsx')));
    expect(
      readZipDirectory(lying)!.entries.find((e) => e.name === 'xl/media/padding.bin')?.uncompressed,
    ).toBe(1000);
    const text = await refusal(lying, { maxUncompressedBytes: 1024 * 1024 });
    expect(text).toMatch(
      /^Tệp x\.xlsx khi giải nén lớn hơn 1,0 MB, quá giới hạn 1,0 MB \(có thể là tệp nén độc hại\); không mở\. Nếu đây là sổ thật, hãy tách/,
    );
  });

  it('sizes that lie about a small part are damage, named as such', async () => {
    expect(await refusal(lieAboutAllSizes(member))).toMatch(/bị hỏng, không đọc được/);
  });

  it('the declared size is judged before anything is inflated', async () => {
    expect(await refusal(member, { maxUncompressedBytes: 50 * 1024 })).toMatch(/khi giải nén lớn hơn 0,1 MB/);
  });

  it('more entries than MAX_ZIP_ENTRIES, counted from the directory', async () => {
    const zip = await JSZip.loadAsync(member);
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) zip.file(`x/${i}`, '', { createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await refusal(bytes)).toMatch(/gói nén có hơn 5\.000 phần/);
  });

  it('traversal names: "..", absolute, drive letters, backslashes, NUL', () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'xl\\..\\x', 'a\u0000b'])
      expect(isTraversalName(bad), bad).toBe(true);
    for (const good of [
      'xl/workbook.xml',
      '[Content_Types].xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'a..b/c',
    ])
      expect(isTraversalName(good), good).toBe(false);
  });

  it("node's bounded zlib inflate gives the same answers as fflate's stream", async () => {
    const lying = new Uint8Array(readFileSync(join(fixtures, 'hostile/zip-bomb-lying-size.xlsx')));
    const mb = { maxUncompressedBytes: 1024 * 1024 };
    expect(await refusal(member, {}, nodeInflate)).toBe('');
    expect(await refusal(lying, mb, nodeInflate)).toBe(await refusal(lying, mb));
    expect(await refusal(lying, mb, nodeInflate)).toMatch(/khi giải nén lớn hơn 1,0 MB/);
    expect(await refusal(lieAboutAllSizes(member), {}, nodeInflate)).toMatch(/bị hỏng, không đọc được/);
    // A DTD inside a part and a ratio bomb are found by either inflate.
    const zip = await JSZip.loadAsync(member);
    zip.file('xl/styles.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>');
    const dtd = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await refusal(dtd, {}, nodeInflate)).toMatch(/DTD/);
    expect(await refusal(dtd, {}, nodeInflate)).toBe(await refusal(dtd));
    const bomb = await JSZip.loadAsync(member);
    bomb.file('xl/media/zeros.bin', new Uint8Array(8 * 1024 * 1024));
    const ratio = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await refusal(ratio, {}, nodeInflate)).toMatch(/zeros\.bin/);
    expect(await refusal(ratio, {}, nodeInflate)).toBe(await refusal(ratio));
  });

  it('what the check keeps for the reader is each part exactly, small ones too, within the budget, and nothing of a refused file', async () => {
    const cluster = new Uint8Array(readFileSync(join(fixtures, 'other-programs/lo-cluster.xlsx')));
    const entries = readZip(cluster)!;
    const deflated = entries.filter((e) => e.method === 8);
    expect(deflated.filter((e) => e.size < 16 * 1024).length).toBeGreaterThan(1);
    expect(deflated.filter((e) => e.size >= 16 * 1024).length).toBeGreaterThan(1);
    const { kept } = await checkXlsxBytes(
      cluster,
      'lo-cluster.xlsx',
      {},
      { bounded: nodeInflate, keep: 1e9 },
    );
    expect([...kept.keys()].sort()).toEqual(deflated.map((e) => e.data.byteOffset).sort());
    for (const e of deflated) expect(kept.get(e.data.byteOffset)).toEqual(nodeInflate(e.data, e.size));
    // A budget keeps the parts that fit it, in the zip's order; none without one.
    const first = deflated[0]!.size;
    const some = await checkXlsxBytes(cluster, 'lo-cluster.xlsx', {}, { bounded: nodeInflate, keep: first });
    expect([...some.kept.keys()]).toEqual([deflated[0]!.data.byteOffset]);
    expect(some.complete).toBe(false);
    expect(
      (await checkXlsxBytes(cluster, 'lo-cluster.xlsx', {}, { bounded: nodeInflate, keep: 1e9 })).complete,
    ).toBe(true);
    const none = await checkXlsxBytes(cluster, 'lo-cluster.xlsx', {}, { bounded: nodeInflate });
    expect(none.kept.size).toBe(0);
    // The streams keep the same parts, their chunks joined (fflate's; the browser's, a slice at a time).
    for (const streamed of [{}, { chunked: nativeChunked! }]) {
      const got = await checkXlsxBytes(cluster, 'lo-cluster.xlsx', {}, { ...streamed, keep: 1e9 });
      expect([...got.kept.keys()].sort()).toEqual([...kept.keys()].sort());
      for (const [at, part] of got.kept) expect(part).toEqual(kept.get(at));
    }
    // The reader given what was kept reads the same snapshot as the one inflating every part itself, and
    // inflates none of them.
    const given = heldInflate(cluster, kept, () => {
      throw new Error('a kept part was inflated again');
    });
    expect(readSnapshotBytes(cluster, 'lo-cluster.xlsx', given)).toEqual(
      readSnapshotBytes(cluster, 'lo-cluster.xlsx', nodeInflate),
    );
    const lying = new Uint8Array(readFileSync(join(fixtures, 'hostile/zip-bomb-lying-size.xlsx')));
    await expect(
      checkXlsxBytes(
        lying,
        'x.xlsx',
        { maxUncompressedBytes: 1024 * 1024 },
        { bounded: nodeInflate, keep: 1e9 },
      ),
    ).rejects.toBeInstanceOf(WorkbookFileError);
  });

  it("the browser's DecompressionStream, a slice at a time, gives the same answers as fflate's stream", async () => {
    expect(nativeChunked).toBeDefined();
    const native = { chunked: nativeChunked! };
    const lying = new Uint8Array(readFileSync(join(fixtures, 'hostile/zip-bomb-lying-size.xlsx')));
    const mb = { maxUncompressedBytes: 1024 * 1024 };
    expect(await refusal(member, {}, native)).toBe('');
    expect(await refusal(lying, mb, native)).toBe(await refusal(lying, mb));
    expect(await refusal(lieAboutAllSizes(member), {}, native)).toMatch(/bị hỏng, không đọc được/);
    const zip = await JSZip.loadAsync(member);
    zip.file('xl/styles.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>');
    const dtd = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await refusal(dtd, {}, native)).toMatch(/DTD/);
    const bomb = await JSZip.loadAsync(member);
    bomb.file('xl/media/zeros.bin', new Uint8Array(8 * 1024 * 1024));
    const ratio = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await refusal(ratio, {}, native)).toBe(await refusal(ratio));
    expect(await refusal(ratio, {}, native)).toMatch(/zeros\.bin/);
    // A part whose deflated data is garbage half way is damage, not a hang.
    const garbled = new Uint8Array(member);
    const part = readZip(garbled)!
      .filter((e) => e.method === 8)
      .sort((a, b) => b.data.byteLength - a.data.byteLength)[0]!;
    part.data.fill(0xff, part.data.byteLength >> 1);
    expect(await refusal(garbled, {}, native)).toMatch(/bị hỏng, không đọc được/);
    expect(await refusal(garbled)).toMatch(/bị hỏng, không đọc được/);
  });

  it('a DTD split across two inflated chunks is found', () => {
    const feed = dtdScanner();
    expect(feed(new TextEncoder().encode('<?xml version="1.0"?><!DOC'))).toBe(false);
    expect(feed(new TextEncoder().encode('TYPE x [<!ENTITY a "b">]><x/>'))).toBe(true);
    expect(dtdScanner()(new TextEncoder().encode('<x>&lt;!DOCTYPE is text here</x>'))).toBe(false);
  });

  it('a "!" in one chunk and the declaration in the next, or chunks of a few bytes, are found', () => {
    const feed = dtdScanner();
    expect(feed(new TextEncoder().encode('<x/><'))).toBe(false);
    expect(feed(new TextEncoder().encode('!'))).toBe(false);
    expect(feed(new TextEncoder().encode('ENT'))).toBe(false);
    expect(feed(new TextEncoder().encode('ITY a "b">'))).toBe(true);
    const plain = dtdScanner();
    for (const piece of ['<a>', 'text', '</a>']) expect(plain(new TextEncoder().encode(piece))).toBe(false);
  });

  it('a zip the exact directory reader refuses is checked by the JSZip stream to the same refusals', async () => {
    // Bytes before the first entry shift every offset: ./patch/zip.ts reads none of it, JSZip still does.
    const shifted = (bytes: Uint8Array) => {
      const out = new Uint8Array(bytes.byteLength + 34);
      out.set([0x50, 0x4b, 0x05, 0x05]);
      out.set(bytes, 34);
      return out;
    };
    const lying = new Uint8Array(readFileSync(join(fixtures, 'hostile/zip-bomb-lying-size.xlsx')));
    expect(readZip(shifted(member))).toBeUndefined();
    expect(await refusal(shifted(member))).toBe('');
    expect(await refusal(shifted(lying), { maxUncompressedBytes: 1024 * 1024 })).toMatch(
      /^Tệp x\.xlsx khi giải nén lớn hơn 1,0 MB, quá giới hạn 1,0 MB/,
    );
    expect(await refusal(shifted(lieAboutAllSizes(member)))).toMatch(/bị hỏng, không đọc được/);
  });
});
