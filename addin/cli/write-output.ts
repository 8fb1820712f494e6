/**
 * The one place the dossier's commands write a file, through the guarded writer: each file is written beside
 * its place and renamed in when complete, so a failure or a kill leaves the previous file or nothing.
 * `replace` is for the documents a command regenerates from the figures (the dossier's Word files); anything
 * else already there is refused (OutputError, printed as the product's sentence).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeOutput } from '../host/fs/guarded-write';

export async function writeOutputFile(
  path: string,
  bytes: Uint8Array | string,
  options: { replace?: boolean } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeOutput(path, bytes, { force: options.replace === true });
}
