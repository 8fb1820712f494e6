// One file, one answer, whatever the door (issue 12): the same workbook checked and computed by the command
// line, by the actions over the file host (the standalone page) and by the actions over the Office host (the
// recording fake standing for Excel) gives the same issues and the same ranking. The kinds: the cluster's
// workbook, a member's own scorecard, a campaign's workbook, and the cluster rebuilt from returned files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionError, createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import { memberScorecardBuilder } from '../../../addin/app/cycle-core';
import { runCli } from '../../../addin/cli/main';
import { OfficeHost } from '../../../addin/host/office/office-host';
import { XlsxHost } from '../../../addin/host/xlsx/host';
import { xlsxFiles } from '../../../addin/host/xlsx/workbook-bytes';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import type { ClusterDocument, Issue } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import type { WorkbookPlan } from '../../../templates/plan';
import sampleJson from '../../../templates/samples/cum-7-2022.json';
import { FakeExcel } from '../office/fake-excel';

const sample = sampleJson as unknown as ClusterDocument;
const member = sample.units[1]!.name;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-one-answer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Kind {
  name: string;
  file: string;
  plan: () => WorkbookPlan;
}

const kinds: Kind[] = [
  { name: 'the cluster workbook', file: 'cum-7-2022.xlsx', plan: () => buildClusterWorkbook(sample) },
  {
    name: 'a member scorecard',
    file: '02-scorecard.xlsx',
    plan: () => memberScorecardBuilder(sample, '2022-12-01T00:00:00.000Z')(member).plan,
  },
  {
    name: 'a campaign workbook',
    file: 'dot-thi-dua.xlsx',
    plan: () =>
      buildClusterWorkbook({
        ...sample,
        kind: 'campaign',
        title: 'Đợt thi đua cao điểm',
        period: { from: '2022-05-01', to: '2022-08-31' },
      }),
  },
];

/** What a door says about a workbook: its issues (code, place) and its ranking, or that it refuses to rank. */
interface Answer {
  issues: string[];
  units: { unit: string; rank: number | null; total: number | null; tier: string | null }[] | 'refused';
}

const issueKeys = (issues: readonly Issue[]) =>
  issues.map((i) => `${i.severity} ${i.code} ${i.unit ?? ''} ${i.criterion ?? ''}`.trim()).sort();

function ranking(units: readonly Record<string, unknown>[]): Answer['units'] {
  return units.map((u) => {
    const stage = (u[String(u.stageUsed ?? 'verified')] ?? u.verified ?? u.self) as
      | { total?: number }
      | undefined;
    return {
      unit: String(u.unit),
      rank: (u.rank as number | undefined) ?? null,
      total: stage?.total ?? null,
      tier: (u.tier as string | undefined) ?? null,
    };
  });
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function byCli(path: string): Promise<Answer> {
  const check = JSON.parse((await cli(['check', path, '--json'])).out) as { issues: Issue[] };
  const compute = await cli(['compute', path, '--json']);
  if (compute.code === 2) {
    expect(compute.err).toMatch(/bảng chấm điểm của một đơn vị/);
    return { issues: issueKeys(check.issues), units: 'refused' };
  }
  const units = (JSON.parse(compute.out) as { units: Record<string, unknown>[] }).units;
  return { issues: issueKeys(check.issues), units: ranking(units) };
}

async function byActions(actions: ReturnType<typeof createActions>): Promise<Answer> {
  const check = await actions.check();
  try {
    const compute = await actions.compute();
    return {
      issues: issueKeys(check.issues),
      units: ranking(compute.result.units as unknown as Record<string, unknown>[]),
    };
  } catch (error) {
    // The pane says the same as the command line, in its own words (merge in the "Gửi, gộp bảng" tab).
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).text.vi).toMatch(/Đây là bảng chấm điểm của .*gộp các bảng/);
    return { issues: issueKeys(check.issues), units: 'refused' };
  }
}

async function standalone(bytes: Uint8Array, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return createActions(new XlsxHost(workbook, name), { core: corePorts });
}

async function office(plan: WorkbookPlan) {
  const excel = new FakeExcel();
  excel.addSheet('Sheet1');
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await host.write(plan, 'create');
  return createActions(host, { core: corePorts });
}

describe('one workbook, one answer through the command line, the standalone page and Excel', () => {
  it.each(kinds)('$name', async (kind) => {
    const plan = kind.plan();
    const { bytes } = await planToBytes(plan);
    const path = join(dir, kind.file);
    await writeFile(path, bytes);

    const fromCli = await byCli(path);
    // A member's own scorecard is checked for that member only, and is not ranked by any door.
    if (kind.name === 'a member scorecard') {
      expect(fromCli.units).toBe('refused');
      expect(fromCli.issues).toContain(`info unit.scorecard.member ${member}`);
    } else {
      expect(fromCli.units).toHaveLength(sample.units.length);
      expect(fromCli.units !== 'refused' && fromCli.units.every((u) => u.total !== null)).toBe(true);
    }
    expect(await byActions(await standalone(bytes, kind.file))).toEqual(fromCli);
    expect(await byActions(await office(plan))).toEqual(fromCli);
  });

  it('the cluster rebuilt from returned scorecards: merge on the command line and in the pane agree', async () => {
    const card = memberScorecardBuilder(sample, '2022-12-01T00:00:00.000Z');
    const returned = await Promise.all(
      sample.units.slice(0, 3).map(async (u) => {
        const c = card(u.name);
        const { bytes } = await planToBytes(c.plan);
        await writeFile(join(dir, c.name), bytes);
        return { name: c.name, bytes };
      }),
    );
    const merged = join(dir, 'gop.xlsx');
    const code = await runCli(['merge', ...returned.map((r) => r.name), '-o', 'gop.xlsx'], {
      out: () => {},
      err: () => {},
      cwd: dir,
    });
    expect(code).toBeLessThanOrEqual(1);
    const fromCli = await byCli(merged);
    // The three that returned are ranked; the two that did not are listed as not returned, not ranked last.
    const ranked = fromCli.units === 'refused' ? [] : fromCli.units.filter((u) => u.rank !== null);
    expect(ranked.map((u) => u.unit).sort()).toEqual(
      sample.units
        .slice(0, 3)
        .map((u) => u.name)
        .sort(),
    );

    // The pane merges the same files into a blank workbook (the file host on an empty .xlsx).
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1');
    const paneBook = new ExcelJS.Workbook();
    await paneBook.xlsx.load(await blank.xlsx.writeBuffer());
    const pane = createActions(new XlsxHost(paneBook, 'moi.xlsx'), { core: corePorts, files: xlsxFiles });
    await pane.mergeReturns(returned.map((r) => ({ name: r.name, bytes: r.bytes })));
    expect(await byActions(pane)).toEqual(fromCli);
  });
});
