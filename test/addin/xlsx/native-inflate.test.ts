/**
 * The page's inflate ahead of a patch (addin/standalone/native-inflate.ts): each part as fflate inflates it,
 * the browser's stream for the large ones (Node has the same DecompressionStream), fflate for the rest, for a
 * part asked for again and for one the stream does not inflate.
 */
import { inflateSync, strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../../addin/host/xlsx/patch/zip';
import { inflateAhead } from '../../../addin/standalone/native-inflate';

const large = (n: number) =>
  `<sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')}</sheetData>`;

describe('inflate ahead', () => {
  const bytes = zipSync({
    'xl/worksheets/sheet1.xml': strToU8(large(2000)),
    'xl/worksheets/sheet2.xml': strToU8(large(3000)),
    'xl/styles.xml': strToU8('<styleSheet/>'),
  });
  const entries = readZip(bytes)!;
  const fflate = (e: (typeof entries)[number]) =>
    strFromU8(inflateSync(e.data, { out: new Uint8Array(e.size) }));

  it('gives every part as fflate inflates it, a large one twice', async () => {
    const inflate = (await inflateAhead(bytes))!;
    expect(inflate).toBeDefined();
    for (const e of entries) expect(strFromU8(inflate(e.data, e.size))).toBe(fflate(e));
    const sheet = entries.find((e) => e.name.endsWith('sheet2.xml'))!;
    expect(strFromU8(inflate(sheet.data, sheet.size))).toBe(fflate(sheet));
  });

  it('leaves a part the stream does not inflate to fflate, which fails as it did', async () => {
    const damaged = bytes.slice();
    const sheet = readZip(damaged)!.find((e) => e.name.endsWith('sheet1.xml'))!;
    damaged.fill(0xff, sheet.data.byteOffset, sheet.data.byteOffset + 16);
    const inflate = await inflateAhead(damaged);
    const again = readZip(damaged)!.find((e) => e.name.endsWith('sheet1.xml'))!;
    let fflateError: unknown;
    try {
      inflateSync(again.data, { out: new Uint8Array(again.size) });
    } catch (error) {
      fflateError = error;
    }
    expect(fflateError).toBeDefined();
    expect(() => inflate!(again.data, again.size)).toThrow();
  });
});
