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

/**
 * The kind of file by its first bytes (its "magic"), whatever its name says: an OpenDocument spreadsheet
 * (.ods, a zip whose first entry is its mimetype), another zip (.xlsx, .xlsm, .docx…), an encrypted Office file
 * (a Compound File holding an EncryptionInfo stream), an old binary workbook (.xls: a Workbook or Book stream),
 * another Compound File (.doc…), a PDF; undefined for anything else (text).
 */
export type FileKind = 'ods' | 'zip' | 'encrypted' | 'xls' | 'cfb' | 'pdf';

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** The UTF-16LE bytes of `name` occur in bytes[from, to). */
function hasUtf16(bytes: Uint8Array, name: string, from: number, to: number): boolean {
  const end = Math.min(to, bytes.length) - name.length * 2;
  outer: for (let i = Math.max(0, from); i <= end; i++) {
    for (let k = 0; k < name.length; k++)
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
  const container = sniffContainer(bytes);
  if (container === 'zip') {
    // ODF: the first entry is "mimetype", stored, its content the media type.
    return ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 90).includes('opendocument')
      ? 'ods'
      : 'zip';
  }
  if (container === 'cfb') {
    // The directory's first sector (header offset 0x30), sectors of 2^(offset 0x1E) bytes after the header.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sector = bytes.length >= 0x34 ? 1 << Math.min(16, view.getUint16(0x1e, true)) : 512;
    const dir = bytes.length >= 0x34 ? (view.getUint32(0x30, true) + 1) * sector : 512;
    const inDirectory = (name: string) =>
      hasUtf16(bytes, name, dir, dir + 16 * sector) || hasUtf16(bytes, name, 0, 65536);
    if (inDirectory('EncryptionInfo') || inDirectory('EncryptedPackage')) return 'encrypted';
    if (inDirectory('Workbook') || inDirectory('Book')) return 'xls';
    return 'cfb';
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  return undefined;
}

/** What the file is, in words, for a refusal: "một sổ .ods (OpenDocument, LibreOffice)". */
export const FILE_KIND_TEXT: Record<FileKind, Bilingual> = {
  ods: {
    vi: 'một sổ .ods (OpenDocument, LibreOffice Calc)',
    en: 'an .ods workbook (OpenDocument, LibreOffice Calc)',
  },
  zip: { vi: 'một tệp nén (.xlsx, .xlsm, .docx hoặc .zip)', en: 'a zip file (.xlsx, .xlsm, .docx or .zip)' },
  encrypted: {
    vi: 'một tệp Office được đặt mật khẩu (mã hoá)',
    en: 'a password-protected (encrypted) Office file',
  },
  xls: { vi: 'một sổ Excel kiểu cũ .xls (Excel 97–2003)', en: 'an old-style .xls workbook (Excel 97–2003)' },
  cfb: { vi: 'một tệp Office kiểu cũ (.doc, .xls, .ppt)', en: 'an old-style Office file (.doc, .xls, .ppt)' },
  pdf: { vi: 'một tệp PDF', en: 'a PDF file' },
};

export function decodeJsonBytes(bytes: Uint8Array, name: string): DecodedJson {
  const kind = sniffFileKind(bytes);
  if (kind)
    return {
      refusal: {
        vi: `Tệp ${name} là ${FILE_KIND_TEXT[kind].vi}, không phải tài liệu JSON; không đọc. ${kind === 'zip' ? 'Nếu là sổ Excel, hãy đặt đuôi .xlsx.' : 'Hãy mở bằng chương trình đã tạo ra nó và lưu thành .xlsx (không mật khẩu) hoặc xuất ra JSON.'}`,
        en: `File ${name} is ${FILE_KIND_TEXT[kind].en}, not a JSON document; not read. ${kind === 'zip' ? 'If it is an Excel workbook, name it .xlsx.' : 'Open it in the program that made it and save it as .xlsx (without a password) or export it as JSON.'}`,
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
