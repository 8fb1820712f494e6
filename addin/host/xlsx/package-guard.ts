/**
 * What a workbook package must not hold before exceljs sees it (issue 10, "hostile files"). Every file comes
 * from many hands (members, other programs, e-mail), so each is read as untrusted: the kind of file is told
 * by its first bytes, not its name (an .xls, .ods, encrypted or macro workbook renamed to .xlsx); a zip with
 * too many entries, an entry that inflates far more than any workbook part (a zip bomb by ratio), entry
 * names that climb out of the package (path traversal), XML parts with a DTD (entities, external entities)
 * and links to other workbooks are refused, each with one Vietnamese sentence naming the file and the reason.
 * No Node APIs (the standalone page may run it too).
 */
import { FILE_KIND_TEXT, sniffFileKind } from '../../../core';
import { WorkbookFileError } from './file-error';

/** A 63-unit cluster workbook has about 300 entries; 5 000 is far above any workbook the product reads. */
export const MAX_ZIP_ENTRIES = 5000;
/** Inflated ÷ compressed size of one entry above which it is a bomb (sheets of real workbooks: 5 to 30). */
export const MAX_ENTRY_RATIO = 200;
/** The ratio is judged only on entries that inflate past this size (a tiny empty part compresses 100 ×). */
export const RATIO_FLOOR_BYTES = 4 * 1024 * 1024;

const RESAVE = {
  vi: 'Hãy mở tệp bằng Excel và lưu lại thành sổ .xlsx thông thường (File → Save As → Excel Workbook).',
  en: 'Open it in Excel and save it again as a plain .xlsx workbook (File → Save As → Excel Workbook).',
};

const refuse = (name: string, why: { vi: string; en: string }, resave = true) =>
  new WorkbookFileError({
    vi: `Tệp ${name} không mở: ${why.vi}.${resave ? ` ${RESAVE.vi}` : ''}`,
    en: `File ${name} not opened: ${why.en}.${resave ? ` ${RESAVE.en}` : ''}`,
  });

/** The refusal for bytes that are not a zip at all, naming what they are when their first bytes tell. */
export function notAWorkbook(bytes: Uint8Array, name: string): WorkbookFileError {
  const kind = sniffFileKind(bytes);
  if (kind === 'encrypted')
    return new WorkbookFileError({
      vi: `Tệp ${name} không mở: sổ được đặt mật khẩu (mã hoá), Thi đua không đọc được nội dung. Hãy mở bằng Excel, bỏ mật khẩu (File → Info → Protect Workbook → Encrypt with Password, xoá mật khẩu) rồi lưu lại.`,
      en: `File ${name} not opened: the workbook is password-protected (encrypted), Thi đua cannot read it. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save it.`,
    });
  if (kind && kind !== 'zip')
    return refuse(name, {
      vi: `nội dung là ${FILE_KIND_TEXT[kind].vi}, không phải sổ .xlsx dù tên tệp có đuôi đó`,
      en: `its content is ${FILE_KIND_TEXT[kind].en}, not an .xlsx workbook whatever its name says`,
    });
  return new WorkbookFileError({
    vi: `Tệp ${name} không phải là sổ Excel .xlsx (nội dung không phải dạng nén của .xlsx; có thể là tệp khác bị đổi đuôi thành .xlsx).`,
    en: `File ${name} is not an .xlsx workbook (its content is not the .xlsx zip format; perhaps another file renamed to .xlsx).`,
  });
}

/** An OpenDocument spreadsheet renamed .xlsx, told before the zip is opened. */
export function refuseByKind(bytes: Uint8Array, name: string): WorkbookFileError | undefined {
  if (sniffFileKind(bytes) !== 'ods') return undefined;
  return refuse(name, {
    vi: `nội dung là ${FILE_KIND_TEXT.ods.vi}, không phải sổ .xlsx`,
    en: `its content is ${FILE_KIND_TEXT.ods.en}, not an .xlsx workbook`,
  });
}

export interface ZipDirectoryEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** Where the zip's end-of-central-directory record starts (22 bytes plus a comment of up to 65535); -1 if none. */
export function endOfCentralDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 65535); i--)
    if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/**
 * The entries the zip's central directory declares (names decoded as UTF-8 or Latin-1), read before any
 * inflating library sees the file; undefined when there is no readable directory.
 */
export function readZipDirectory(
  bytes: Uint8Array,
): { count: number; entries: ZipDirectoryEntry[] } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipDirectoryEntry[] = [];
  const utf8 = new TextDecoder('utf-8');
  // Past MAX_ZIP_ENTRIES the file is refused anyway: the directory is not walked further.
  for (let n = 0; n < count && n <= MAX_ZIP_ENTRIES && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const raw = bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength));
    entries.push({
      name: utf8.decode(raw),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { count: Math.max(count, entries.length), entries };
}

const shownName = (entry: string) => JSON.stringify(entry.length > 60 ? `${entry.slice(0, 60)}…` : entry);

/** An entry name that would leave the package if it were unpacked: "..", an absolute path, a drive, "\". */
export function isTraversalName(entry: string): boolean {
  if (entry.startsWith('/') || entry.includes('\\') || /^[A-Za-z]:/.test(entry)) return true;
  if (entry.includes('\0')) return true;
  return entry.split('/').some((part) => part === '..');
}

/** Refusals the central directory alone tells: too many entries, a traversal name, a bomb by ratio. */
export function inspectDirectory(
  directory: { count: number; entries: ZipDirectoryEntry[] },
  name: string,
): WorkbookFileError | undefined {
  if (directory.count > MAX_ZIP_ENTRIES)
    return refuse(
      name,
      {
        vi: `gói nén có ${directory.count > MAX_ZIP_ENTRIES ? `hơn ${MAX_ZIP_ENTRIES.toLocaleString('vi-VN')}` : directory.count} phần, quá nhiều cho một sổ tính (có thể là tệp nén độc hại)`,
        en: `the zip holds over ${MAX_ZIP_ENTRIES} entries, too many for a workbook (possibly a malicious archive)`,
      },
      false,
    );
  for (const entry of directory.entries) {
    if (isTraversalName(entry.name))
      return refuse(
        name,
        {
          vi: `gói nén có phần tên ${shownName(entry.name)} trỏ ra ngoài gói (đường dẫn "..", tuyệt đối hoặc có "\\"); sổ Excel thật không có tên như vậy`,
          en: `the zip has an entry named ${shownName(entry.name)} that points outside the package ("..", absolute or with "\\"); real Excel workbooks have no such names`,
        },
        false,
      );
    if (
      entry.uncompressed > RATIO_FLOOR_BYTES &&
      entry.uncompressed !== 0xffffffff &&
      entry.uncompressed > MAX_ENTRY_RATIO * Math.max(1, entry.compressed)
    )
      return bombByRatio(name, entry.name, entry.uncompressed, entry.compressed);
  }
  return undefined;
}

export function bombByRatio(name: string, entry: string, inflated: number, compressed: number) {
  const ratio = Math.floor(inflated / Math.max(1, compressed));
  return refuse(
    name,
    {
      vi: `phần ${shownName(entry)} giải nén ra hơn ${ratio.toLocaleString('vi-VN')} lần kích thước nén (giới hạn ${MAX_ENTRY_RATIO} lần; có thể là tệp nén độc hại)`,
      en: `its entry ${shownName(entry)} inflates to over ${ratio} times its compressed size (limit ${MAX_ENTRY_RATIO}; possibly a zip bomb)`,
    },
    false,
  );
}

/** Refusals the opened package tells: macros (.xlsm), links to other workbooks. */
export function inspectPackage(names: readonly string[], name: string): WorkbookFileError | undefined {
  const macro = names.find((n) => /(^|\/)vba[^/]*\.bin$/i.test(n));
  if (macro)
    return refuse(name, {
      vi: `sổ có macro (${macro}, kiểu .xlsm) dù tên tệp là .xlsx; Thi đua không mở sổ có macro nhận từ nơi khác`,
      en: `the workbook holds macros (${macro}, an .xlsm) though its name is .xlsx; Thi đua does not open macro workbooks received from elsewhere`,
    });
  const link = names.find((n) => /^xl\/externalLinks\/[^/]+\.xml$/i.test(n));
  if (link)
    return refuse(
      name,
      {
        vi: `sổ có liên kết tới sổ khác (${link}); số liệu lấy từ tệp ngoài không kiểm tra được. Hãy chép giá trị (Data → Edit Links → Break Link)`,
        en: `the workbook links to another workbook (${link}); values taken from an outside file cannot be checked. Copy them as values (Data → Edit Links → Break Link)`,
      },
      false,
    );
  return undefined;
}

/** XML parts whose text is scanned for a DTD while they are inflated. */
export const isXmlPart = (entry: string) => /\.(xml|rels|vml)$/i.test(entry);

/** A DTD (and so entities, external entities, "billion laughs") in an XML part: never in an Office file. */
export function dtdRefusal(name: string, part: string): WorkbookFileError {
  return refuse(
    name,
    {
      vi: `phần ${shownName(part)} có khai báo DTD (<!DOCTYPE hoặc <!ENTITY>, có thể trỏ tới tệp khác trên máy); tệp Office thật không có khai báo này`,
      en: `its part ${shownName(part)} declares a DTD (<!DOCTYPE or <!ENTITY>, which can point at other files on the machine); real Office files have none`,
    },
    false,
  );
}

/**
 * Finds "<!DOCTYPE" or "<!ENTITY" across chunk boundaries: `feed` each chunk of one part, in order.
 * ASCII only is looked at, so the check is the same on any encoding of the markup.
 */
export function dtdScanner(): (chunk: Uint8Array) => boolean {
  let tail = '';
  const bytesAsText = new TextDecoder('latin1');
  return (chunk) => {
    // Only text with a "!" can hold a declaration: most chunks are passed over without decoding them.
    if (chunk.indexOf(0x21) < 0 && !tail.includes('!')) {
      tail = (tail + bytesAsText.decode(chunk.subarray(Math.max(0, chunk.byteLength - 16)))).slice(-16);
      return false;
    }
    const text = tail + bytesAsText.decode(chunk);
    const found = /<!\s*(DOCTYPE|ENTITY)/i.test(text);
    tail = text.slice(-16);
    return found;
  };
}
