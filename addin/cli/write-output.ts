/**
 * The one place the dossier's commands write a file. Plain writes today; the guarded atomic writer of the
 * CLI outputs can replace this body without touching the commands.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeOutputFile(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}
