import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ClusterDocument, computeCluster, parseClusterJson } from '../../../core';
import { runCli } from '../../../addin/cli/main';
import { readWorkbookDocument } from '../../../addin/cli/read-document';

const sortScores = (doc: ClusterDocument) => ({
  ...doc,
  scores: [...(doc.scores ?? [])].sort((a, b) =>
    `${a.unit}|${a.criterion}|${a.stage}`.localeCompare(`${b.unit}|${b.criterion}|${b.stage}`),
  ),
});

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('new --from then export', () => {
  it('gives back the sample document, and compute on the workbook equals compute on the JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-rt-'));
    const sample = join(import.meta.dirname, '../../../templates/samples/cum-7-2022.json');
    const source = parseClusterJson(await readFile(sample, 'utf8')).doc!;
    const made = await cli(['new', 'annual', '--from', sample, '-o', 'cum7.xlsx'], dir);
    expect(made.code, made.err).toBeLessThan(2);
    const read = await readWorkbookDocument(join(dir, 'cum7.xlsx'));
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(sortScores(read.doc!)).toEqual(sortScores({ ...source, kind: 'annual' }));
    const exported = await cli(['export', 'cum7.xlsx', '-o', 'back.json'], dir);
    expect(exported.code, exported.err).toBe(0);
    const back = parseClusterJson(await readFile(join(dir, 'back.json'), 'utf8')).doc!;
    expect(computeCluster(back).result).toEqual(computeCluster(source).result);
  });

  it('refuses a file that is not .xlsx, with exit 2 and the input unchanged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thidua-rt-'));
    await writeFile(join(dir, 'bad.xls'), 'not a workbook');
    const before = await readFile(join(dir, 'bad.xls'));
    const r = await cli(['export', 'bad.xls', '-o', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không phải \.xlsx/);
    expect(await readFile(join(dir, 'bad.xls'))).toEqual(before);
  });
});
