/**
 * The large parts of a package inflated by the browser's own DecompressionStream, all at once, before a patch
 * reads them (../host/xlsx/patch inflates one part at a time with fflate, in script: the page's patch spent
 * a fifth of its time there). The patch is given an Inflate that hands back a part inflated here, once, and
 * inflates any other with fflate as before: a part the browser does not inflate (damaged, junk after its
 * end) or whose size is not the one the zip states is inflated by fflate, which fails or reads it as it
 * always has. No Node APIs.
 */
import { type ChunkedInflate, SLICE } from '../host/xlsx/check-bytes';
import { type Inflate, fflateInflate, heldInflate, readZip } from '../host/xlsx/patch/zip';

/** Parts smaller than this are left to fflate: a stream per part costs more than it saves. */
const MIN_SIZE = 16 * 1024;
/** At most this much inflated ahead (a 63-unit workbook's sheets are 26 MB; a 700-unit one's 260 MB). */
const BUDGET = 64 * 1024 * 1024;

/** The part's deflated data written into the stream as it is (a view of the package's bytes: no copy). */
async function inflateRaw(data: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const stream = new DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    // A damaged part fails the write, the close and the read alike: the read's failure is the one answered.
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
    writer.close().catch(() => {});
    return new Uint8Array(await new Response(stream.readable).arrayBuffer());
  } catch {
    return undefined;
  }
}

/** An Inflate for a patch of `bytes`, its large parts inflated ahead; undefined where the browser has none. */
export async function inflateAhead(bytes: Uint8Array): Promise<Inflate | undefined> {
  if (typeof DecompressionStream === 'undefined') return undefined;
  const entries = readZip(bytes);
  if (!entries) return undefined;
  // By where the part's data starts in `bytes`: the patch reads the same zip, so its parts start there too.
  const held = new Map<number, Uint8Array>();
  const jobs: Promise<void>[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.method !== 8 || e.size < MIN_SIZE || total + e.size > BUDGET) continue;
    total += e.size;
    jobs.push(
      inflateRaw(e.data).then((out) => {
        if (out?.length === e.size) held.set(e.data.byteOffset, out);
      }),
    );
  }
  await Promise.all(jobs);
  if (held.size === 0) return undefined;
  return heldInflate(bytes, held, fflateInflate);
}

/**
 * The package check's stream (../host/xlsx/check-bytes.ts) through the browser's DecompressionStream: the
 * compressed data written a slice at a time as the inflated chunks are read, so a zip bomb is stopped with
 * at most a slice's worth inflated ahead; undefined where the browser has none (fflate's stream then).
 */
export const nativeChunked: ChunkedInflate | undefined =
  typeof DecompressionStream === 'undefined'
    ? undefined
    : async (data, chunk) => {
        const stream = new DecompressionStream('deflate-raw');
        const writer = stream.writable.getWriter();
        const reader = stream.readable.getReader();
        let stopped = false;
        const feed = (async () => {
          for (let at = 0; !stopped && at < data.byteLength; at += SLICE) {
            await writer.ready;
            await writer.write(data.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>);
          }
          if (!stopped) await writer.close();
        })();
        // A damaged stream fails the read (answered below) and the writes alike.
        feed.catch(() => {});
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (chunk(value)) {
            stopped = true;
            await reader.cancel().catch(() => {});
            await writer.abort().catch(() => {});
            return;
          }
        }
        await feed;
      };
