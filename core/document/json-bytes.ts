/**
 * The bytes of a `.json` document as text, or why they are not one: a workbook (.xlsx, .ods, .xls) given in
 * place of JSON, or text that is not UTF-8 (a Windows-1258 or TCVN3 file would otherwise be read with every
 * accented letter replaced). UTF-16 with its byte-order mark is read as such.
 */
import type { Bilingual } from '../issues/issue';

export type DecodedJson = { text: string; refusal?: undefined } | { text?: undefined; refusal: Bilingual };

const startsWith = (bytes: Uint8Array, ...head: number[]) => head.every((b, k) => bytes[k] === b);

/** What kind of file the bytes are, when they are a spreadsheet or another binary container. */
export function sniffContainer(bytes: Uint8Array): 'zip' | 'cfb' | undefined {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  // Compound File Binary: .xls, .doc, and encrypted Office Open XML files.
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'cfb';
  return undefined;
}

export function decodeJsonBytes(bytes: Uint8Array, name: string): DecodedJson {
  const container = sniffContainer(bytes);
  if (container)
    return {
      refusal: {
        vi: `Tệp ${name} là một sổ bảng tính hoặc tệp nén (${container === 'zip' ? '.xlsx, .ods' : '.xls hoặc sổ có mật khẩu'}), không phải tài liệu JSON; hãy đặt đúng đuôi tệp.`,
        en: `File ${name} is a spreadsheet or archive (${container === 'zip' ? '.xlsx, .ods' : '.xls or a password-protected workbook'}), not a JSON document; give it its right extension.`,
      },
    };
  try {
    if (startsWith(bytes, 0xff, 0xfe))
      return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes) };
    if (startsWith(bytes, 0xfe, 0xff))
      return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes) };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstBadUtf8(bytes);
    return {
      refusal: {
        vi: `Tệp ${name} không phải văn bản UTF-8 (byte thứ ${at + 1} không hợp lệ; có thể được lưu bằng bảng mã Windows-1258, TCVN3 hoặc VNI). Hãy lưu lại tệp với bảng mã UTF-8.`,
        en: `File ${name} is not UTF-8 text (byte ${at + 1} is invalid; perhaps saved as Windows-1258, TCVN3 or VNI). Save it again as UTF-8.`,
      },
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
