/** node's zlib for the plan writer's and the patcher's zips: native deflate and inflate, about three times fflate's speed. Node only. */
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFLATE_LEVEL, type Deflate, type DeflateLater } from '../patch/zip';

export const nodeDeflate: Deflate = (data) => ({
  crc: crc32(data) >>> 0,
  deflated: deflateRawSync(data, { level: DEFLATE_LEVEL }),
});

/** node's zlib inflate for the patcher's reads (../patch): a raw deflate stream to `size` bytes. */
export const nodeInflate = (data: Uint8Array, size: number): Uint8Array => {
  const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

const deflateRawLater = promisify(deflateRaw);

/**
 * The same deflate on zlib's thread pool, while the writer goes on with the next part. One output chunk as large
 * as the input: zlib's default 16 KB would come back to this thread, busy writing, after every chunk.
 */
export const nodeDeflateLater: DeflateLater = async (data) =>
  data.length < LATER_FROM
    ? nodeDeflate(data)
    : {
        crc: crc32(data) >>> 0,
        deflated: await deflateRawLater(data, { level: DEFLATE_LEVEL, chunkSize: data.length + 1024 }),
      };

/** Smaller parts are deflated here: a stream on the pool costs more than it saves. */
const LATER_FROM = 256 * 1024;
