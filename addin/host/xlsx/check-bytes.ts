/**
 * What an .xlsx must pass before any inflating library sees it, for every place that opens files: the command
 * line (./files.ts) and the standalone page (./workbook-bytes.ts). No Node APIs: the entries are inflated
 * through JSZip's own stream, in Node and in the browser alike.
 */
import JSZip from 'jszip';
import { WorkbookFileError, damagedFile } from './file-error';
import {
  MAX_ENTRY_RATIO,
  RATIO_FLOOR_BYTES,
  bombByRatio,
  dtdRefusal,
  dtdScanner,
  endOfCentralDirectory,
  inspectDirectory,
  inspectPackage,
  isXmlPart,
  notAWorkbook,
  readZipDirectory,
  refuseByKind,
} from './package-guard';
import { MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES } from './read-limits';

export interface XlsxLimits {
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
}

const mb = (n: number) => (n / 1048576).toFixed(1).replace('.', ',');
const mbEn = (n: number) => (n / 1048576).toFixed(1);

/** What a person can do with a real workbook past the limits (the product's own stay under them). */
const SPLIT = {
  vi: 'Nếu đây là sổ thật, hãy tách thành các sổ ít đơn vị hơn, hoặc xoá các trang tính và hình ảnh không cần rồi lưu lại.',
  en: 'If it is a real workbook, split it into workbooks with fewer units, or delete the sheets and pictures not needed and save it again.',
};

export function tooLarge(name: string, size: number, limit: number): WorkbookFileError {
  return new WorkbookFileError({
    vi: `Tệp ${name} lớn ${mb(size)} MB, quá giới hạn ${mb(limit)} MB; không mở. ${SPLIT.vi}`,
    en: `File ${name} is ${mbEn(size)} MB, over the ${mbEn(limit)} MB limit; not opened. ${SPLIT.en}`,
  });
}

function expandsTooMuch(name: string, size: number, limit: number): WorkbookFileError {
  if (!Number.isFinite(size))
    return new WorkbookFileError({
      vi: `Tệp ${name} khai báo kích thước giải nén không giới hạn (zip64), quá giới hạn ${mb(limit)} MB (có thể là tệp nén độc hại); không mở. ${SPLIT.vi}`,
      en: `File ${name} declares an unbounded uncompressed size (zip64), past the ${mbEn(limit)} MB limit (possibly a zip bomb); not opened. ${SPLIT.en}`,
    });
  return new WorkbookFileError({
    vi: `Tệp ${name} khi giải nén lớn hơn ${mb(size)} MB, quá giới hạn ${mb(limit)} MB (có thể là tệp nén độc hại); không mở. ${SPLIT.vi}`,
    en: `File ${name} expands to over ${mbEn(size)} MB, past the ${mbEn(limit)} MB limit (possibly a zip bomb); not opened. ${SPLIT.en}`,
  });
}

// The zip library's own text never reaches the person (it names no part they could act on).
const damaged = (name: string, _why: string) => damagedFile(name);

/**
 * The total uncompressed size the zip's central directory declares (a zip64 marker counts as unbounded);
 * 0 when there is no readable directory (JSZip then reports the damage).
 */
export function declaredUncompressedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  if (end < 0) return 0;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const size = view.getUint32(at + 24, true);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** JSZip's own chunked stream (StreamHelper), in Node and the browser; its typings leave it out. */
interface ChunkStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'error', listener: (error: unknown) => void): ChunkStream;
  on(event: 'end', listener: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}
interface Streamable {
  internalStream(type: 'uint8array'): ChunkStream;
}

/**
 * Inflates every entry without keeping it, stopping as soon as the running total passes the limit, one
 * entry inflates past MAX_ENTRY_RATIO times its compressed size, or an XML part declares a DTD.
 */
async function inflateChecked(
  zip: JSZip,
  name: string,
  limit: number,
  compressedSizes: Map<string, number>,
): Promise<number> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const scan = isXmlPart(entry.name) ? dtdScanner() : undefined;
    const compressed = compressedSizes.get(entry.name);
    let own = 0;
    const stop = await new Promise<WorkbookFileError | 'over' | undefined>((resolve, reject) => {
      const stream = (entry as unknown as Streamable).internalStream('uint8array');
      let done = false;
      const end = (why: WorkbookFileError | 'over') => {
        done = true;
        stream.pause();
        resolve(why);
      };
      stream.on('data', (chunk: Uint8Array) => {
        if (done) return;
        total += chunk.byteLength;
        own += chunk.byteLength;
        if (total > limit) return end('over');
        if (
          compressed !== undefined &&
          own > RATIO_FLOOR_BYTES &&
          own > MAX_ENTRY_RATIO * Math.max(1, compressed)
        )
          return end(bombByRatio(name, entry.name, own, compressed));
        if (scan?.(chunk)) return end(dtdRefusal(name, entry.name));
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(undefined));
      stream.resume();
    });
    if (stop === 'over') break;
    if (stop) throw stop;
  }
  return total;
}

/**
 * Refuses what exceljs should never see: too large, not a zip, a zip whose declared or actual uncompressed
 * size passes the limit (the declared sizes can lie, so the entries are inflated with a running count),
 * a damaged zip, or a zip without a workbook part.
 */
export async function checkXlsxBytes(
  bytes: Uint8Array,
  name: string,
  limits: XlsxLimits = {},
): Promise<void> {
  const maxFile = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const maxUncompressed = limits.maxUncompressedBytes ?? MAX_UNCOMPRESSED_BYTES;
  if (bytes.byteLength > maxFile) throw tooLarge(name, bytes.byteLength, maxFile);
  const zipped = bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  // What the first bytes say the file is (.xls, encrypted, .ods, PDF…), whatever its name says.
  if (!zipped) throw notAWorkbook(bytes, name);
  const byKind = refuseByKind(bytes, name);
  if (byKind) throw byKind;
  // The directory's sizes and names first, read before any inflating library sees the file.
  const declared = declaredUncompressedSize(bytes);
  if (declared > maxUncompressed) throw expandsTooMuch(name, declared, maxUncompressed);
  const directory = readZipDirectory(bytes);
  const byDirectory = directory && inspectDirectory(directory, name);
  if (byDirectory) throw byDirectory;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw damaged(name, (error as Error).message);
  }
  const byPackage = inspectPackage(zip, name);
  if (byPackage) throw byPackage;
  if (!zip.file('xl/workbook.xml'))
    throw new WorkbookFileError({
      vi: `Tệp ${name} không phải là sổ Excel .xlsx (thiếu phần xl/workbook.xml).`,
      en: `File ${name} is not an .xlsx workbook (no xl/workbook.xml part).`,
    });
  let actual: number;
  const compressedSizes = new Map((directory?.entries ?? []).map((e) => [e.name, e.compressed]));
  try {
    actual = await inflateChecked(zip, name, maxUncompressed, compressedSizes);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw damaged(name, (error as Error).message);
  }
  if (actual > maxUncompressed) throw expandsTooMuch(name, actual, maxUncompressed);
}
