/**
 * Real .xlsx files for the workbook CLI tests: the bundled sample built by the template builder and written
 * by the file host, then edited the way people edit workbooks (exceljs for cells, sheets and tables; the
 * zip's XML for what exceljs cannot do), and the CLI run on them in-process.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, computeCluster, parseClusterJson } from '../../../core';
import { buildClusterWorkbook } from '../../../templates/build/cluster';

export const root = join(import.meta.dirname, '../../..');
export const SAMPLE = join(root, 'templates/samples/cum-7-2022.json');

export async function sampleDoc(): Promise<ClusterDocument> {
  return parseClusterJson(await readFile(SAMPLE, 'utf8')).doc!;
}

let cached: Uint8Array | undefined;

/** The sample as a computed cluster workbook, written by the file host (built once per test file). */
export async function sampleWorkbookBytes(): Promise<Uint8Array> {
  if (!cached) {
    const doc = await sampleDoc();
    const plan = buildClusterWorkbook(doc, computeCluster(doc), { now: '2023-01-05T08:00:00Z' });
    cached = (await planToBytes(plan)).bytes;
  }
  return cached;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'thidua-wb-'));
}

/** The sample workbook after `edit` through exceljs (load, change, save: as a person's Excel would). */
export async function editedWorkbook(
  edit: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await sampleWorkbookBytes()) as unknown as ArrayBuffer);
  await edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Rewrites zip parts whose path matches `part` (e.g. table XML), leaving the rest byte for byte. */
export async function editZip(
  bytes: Uint8Array,
  part: RegExp,
  edit: (xml: string, path: string) => string,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files).filter((p) => part.test(p))) {
    zip.file(path, edit(await zip.file(path)!.async('string'), path));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(argv: string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Writes `bytes` as `name` in a fresh folder, runs the command on it, and checks the file is byte for byte
 * what it was: no command ever writes its input.
 */
export async function runOn(
  bytes: Uint8Array,
  argv: (file: string) => string[],
  name = 'so-thi-dua.xlsx',
): Promise<CliRun & { dir: string; file: string }> {
  const dir = await tempDir();
  const file = join(dir, name);
  await writeFile(file, bytes);
  const run = await cli(argv(name), dir);
  // Buffer.equals, not toEqual: a deep comparison of a 20 MB array takes minutes.
  expect(Buffer.from(bytes).equals(await readFile(file)), `${name} was changed`).toBe(true);
  return { ...run, dir, file };
}

export const check = (bytes: Uint8Array, name?: string) => runOn(bytes, (f) => ['check', f], name);
