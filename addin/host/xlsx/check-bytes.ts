/**
 * What an .xlsx must pass before any inflating library sees it, for every place that opens files: the command
 * line (./files.ts) and the standalone page (./workbook-bytes.ts). No Node APIs: the entries are inflated by
 * fflate's stream, a slice at a time, from the zip's own directory (./patch/zip.ts); a zip that reader does not
 * read exactly (zip64, unusual methods) goes through JSZip's stream instead, in Node and the browser alike.
 */
import { Inflate as InflateStream } from 'fflate';
import type JSZip from 'jszip';
import { loadJsZip } from './jszip';
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
import { type Inflate, type ZipEntry, readZip } from './patch/zip';
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
/**
 * `work`'s refusals as they are; any other failure (a zip that does not load or inflate) is the sentence for
 * a damaged file: the library's own text names nothing the person could act on.
 */
async function orDamaged<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw damagedFile(name);
  }
}

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

/**
 * The running count over every entry's inflated chunks: the total against the limit, each entry against
 * MAX_ENTRY_RATIO times its compressed size, and each XML part's text for a DTD.
 */
class InflateTally {
  total = 0;
  /** The current entry's inflated bytes so far. */
  own = 0;
  private scan: ((chunk: Uint8Array) => boolean) | undefined;
  private compressed: number | undefined;
  private entry = '';

  constructor(
    private readonly name: string,
    private readonly limit: number,
  ) {}

  start(entry: string, compressed: number | undefined): void {
    this.entry = entry;
    this.own = 0;
    this.compressed = compressed;
    this.scan = isXmlPart(entry) ? dtdScanner() : undefined;
  }

  /** 'over' once the total passes the limit; a refusal for this entry; undefined to go on. */
  add(chunk: Uint8Array): WorkbookFileError | 'over' | undefined {
    this.total += chunk.byteLength;
    this.own += chunk.byteLength;
    if (this.total > this.limit) return 'over';
    const compressed = this.compressed;
    if (
      compressed !== undefined &&
      this.own > RATIO_FLOOR_BYTES &&
      this.own > MAX_ENTRY_RATIO * Math.max(1, compressed)
    )
      return bombByRatio(this.name, this.entry, this.own, compressed);
    if (this.scan?.(chunk)) return dtdRefusal(this.name, this.entry);
    return undefined;
  }
}

/** Compressed bytes pushed per step: a deflate stream inflates at most about 1 032 times, so ≤ 17 MB a step. */
export const SLICE = 16 * 1024;

/**
 * A raw deflate stream inflated a chunk at a time, compressed data fed a slice at a time so that a chunk stays
 * bounded; `chunk` answers true to stop there. Throws (or rejects) on damage.
 */
export type ChunkedInflate = (data: Uint8Array, chunk: (c: Uint8Array) => boolean) => void | Promise<void>;

const fflateChunked: ChunkedInflate = (data, chunk) => {
  let stopped = false;
  const stream = new InflateStream((c) => {
    if (!stopped) stopped = chunk(c);
  });
  for (let at = 0; !stopped && at < data.byteLength; at += SLICE)
    stream.push(data.subarray(at, at + SLICE), at + SLICE >= data.byteLength);
  if (data.byteLength === 0) stream.push(data, true);
};

/**
 * A host's faster inflates for the check: `bounded`, one that throws past the length asked (node's zlib);
 * `chunked`, a stream (the browser's DecompressionStream). fflate's stream otherwise.
 */
export interface CheckInflate {
  bounded?: Inflate;
  chunked?: ChunkedInflate;
  /**
   * Up to this many bytes of what was inflated kept for the reader, small parts too: the reader then does
   * not inflate them again (a zlib inflate costs its stream's making, 40 µs, whatever the part's size:
   * a merge's 64 files have 1 000 small parts).
   */
  keep?: number;
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The zip read exactly from its directory, every entry inflated: by `bounded` when given, up to what the limit
 * and the ratio still allow; by the chunked stream otherwise, or when `bounded` stops, to say exactly why. The
 * large parts, once whole and of their stated size, go into `kept` within the `keep` budget.
 */
async function inflateEntriesChecked(
  entries: readonly ZipEntry[],
  tally: InflateTally,
  limit: number,
  inflate: CheckInflate,
  kept: Map<number, Uint8Array>,
): Promise<boolean> {
  let keep = inflate.keep ?? 0;
  let complete = true;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    tally.start(entry.name, entry.data.byteLength);
    let stop: WorkbookFileError | 'over' | undefined;
    const allowed = Math.min(
      limit - tally.total,
      Math.max(RATIO_FLOOR_BYTES, MAX_ENTRY_RATIO * Math.max(1, entry.data.byteLength)),
    );
    let whole: Uint8Array | undefined;
    if (inflate.bounded && entry.method === 8)
      try {
        whole = inflate.bounded(entry.data, Math.max(0, allowed));
      } catch {
        whole = undefined;
      }
    if (entry.method === 0) {
      stop = tally.add(entry.data);
    } else if (whole) {
      stop = tally.add(whole);
    } else {
      // The chunks of a part to keep, joined once it is whole (the browser's stream inflates it only here).
      const chunks: Uint8Array[] | undefined = entry.size <= keep ? [] : undefined;
      await (inflate.chunked ?? fflateChunked)(entry.data, (chunk) => {
        stop ??= tally.add(chunk);
        chunks?.push(chunk);
        return stop !== undefined;
      });
      if (chunks && stop === undefined && tally.own === entry.size) whole = joined(chunks, entry.size);
    }
    if (stop === 'over') return false;
    if (stop) throw stop;
    // An entry that inflates to another size than its directory says is damage (as JSZip finds it).
    if (tally.own !== entry.size) throw new Error('size');
    if (entry.method !== 8) continue;
    if (whole && whole.length <= keep) {
      kept.set(entry.data.byteOffset, whole);
      keep -= whole.length;
    } else complete = false;
  }
  return complete;
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

/** The same count over JSZip's stream, for a zip ./patch/zip.ts does not read exactly. */
async function inflateJsZipChecked(
  zip: JSZip,
  tally: InflateTally,
  compressedSizes: Map<string, number>,
): Promise<void> {
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    tally.start(entry.name, compressedSizes.get(entry.name));
    const stop = await new Promise<WorkbookFileError | 'over' | undefined>((resolve, reject) => {
      const stream = (entry as unknown as Streamable).internalStream('uint8array');
      let done = false;
      stream.on('data', (chunk: Uint8Array) => {
        if (done) return;
        const why = tally.add(chunk);
        if (!why) return;
        done = true;
        stream.pause();
        resolve(why);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(undefined));
      stream.resume();
    });
    if (stop === 'over') return;
    if (stop) throw stop;
  }
}

const noWorkbookPart = (name: string) =>
  new WorkbookFileError({
    vi: `Tệp ${name} không phải là sổ Excel .xlsx (thiếu phần xl/workbook.xml).`,
    en: `File ${name} is not an .xlsx workbook (no xl/workbook.xml part).`,
  });

/**
 * Refuses what exceljs should never see: too large, not a zip, a zip whose declared or actual uncompressed
 * size passes the limit (the declared sizes can lie, so the entries are inflated with a running count),
 * a damaged zip, or a zip without a workbook part. `inflate`: a host's faster inflates (CheckInflate).
 */
export async function checkXlsxBytes(
  bytes: Uint8Array,
  name: string,
  limits: XlsxLimits = {},
  inflate: CheckInflate = {},
): Promise<CheckedParts> {
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
  const tally = new InflateTally(name, maxUncompressed);
  const kept = new Map<number, Uint8Array>();
  let complete = false;
  const exact = readZip(bytes);
  if (exact) {
    const byPackage = inspectPackage(
      exact.map((e) => e.name),
      name,
    );
    if (byPackage) throw byPackage;
    if (!exact.some((e) => e.name === 'xl/workbook.xml')) throw noWorkbookPart(name);
    complete = await orDamaged(name, () =>
      inflateEntriesChecked(exact, tally, maxUncompressed, inflate, kept),
    );
  } else {
    // JSZip is loaded only for such a zip: the page opens every other file without it.
    const zip = await orDamaged(name, async () => (await loadJsZip()).loadAsync(bytes));
    const byPackage = inspectPackage(Object.keys(zip.files), name);
    if (byPackage) throw byPackage;
    if (!zip.file('xl/workbook.xml')) throw noWorkbookPart(name);
    const compressedSizes = new Map((directory?.entries ?? []).map((e) => [e.name, e.compressed]));
    await orDamaged(name, () => inflateJsZipChecked(zip, tally, compressedSizes));
  }
  // Counting stops at the limit (a chunk can be megabytes): the file expands past it, by how much is unknown.
  if (tally.total > maxUncompressed) throw expandsTooMuch(name, maxUncompressed, maxUncompressed);
  return { kept, complete };
}

/** What the check leaves for the reader: parts it inflated, by where their data starts (CheckInflate.keep). */
export interface CheckedParts {
  kept: Map<number, Uint8Array>;
  /** Every deflated part is in `kept` (none left out by the budget). */
  complete: boolean;
}
