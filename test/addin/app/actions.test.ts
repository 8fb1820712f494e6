// The actions' contract with the host: one read, at most one write, progress, cancellation, refusal to
// overwrite. The host is a recording fake (Excel cannot run here); the core and templates are the real
// ones, except that the workbook reader is given the sample document directly (the real reader over a real
// .xlsx runs in test/addin/app/actions-xlsx.test.ts and the end-to-end suite).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ActionError,
  createActions,
  mergeIssues,
  unitSuggestions,
  type ProgressUpdate,
} from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import type { WorkbookHost, WriteMode, WriteReport } from '../../../addin/app/host';
import type { CorePorts } from '../../../addin/app/ports';
import {
  type ClusterDocument,
  checkCluster,
  computeCluster,
  makeIssue,
  nominateAwards,
  proposeRotation,
  resolveUnit,
} from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import type { WorkbookPlan, WorkbookSnapshot } from '../../../templates/plan';

class RecordingHost implements WorkbookHost {
  readonly kind = 'file' as const;
  calls: string[] = [];
  written: { plan: WorkbookPlan; mode: WriteMode }[] = [];
  marked: number[] = [];
  constructor(private readonly snapshot: WorkbookSnapshot) {}
  async read() {
    this.calls.push('read');
    return this.snapshot;
  }
  async write(plan: WorkbookPlan, mode: WriteMode): Promise<WriteReport> {
    this.calls.push(`write:${mode}`);
    this.written.push({ plan, mode });
    return {
      cellsWritten: plan.sheets.reduce((n, s) => n + s.cells.length, 0),
      sheetsCreated: [],
      refused: [],
    };
  }
  async markIssues(issues: readonly unknown[]) {
    this.calls.push('mark');
    this.marked.push(issues.length);
  }
  async select(sheet: string, cell: string) {
    this.calls.push(`select:${sheet}!${cell}`);
  }
}

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;
const emptySnapshot: WorkbookSnapshot = { source: 'test.xlsx', sheets: [], names: [] };

/** The real core, reading the sample document instead of a workbook. */
const withSample = (over: Partial<CorePorts> = {}): CorePorts => ({
  ...corePorts,
  readWorkbook: () => ({ document: structuredClone(sample), issues: [] }),
  ...over,
});

describe('createActions over the real core', () => {
  it('check reads once, writes nothing, marks what the core finds', async () => {
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: withSample() }).check();
    expect(host.calls).toEqual(['read', 'mark']);
    expect(report.issues).toEqual(mergeIssues(checkCluster(sample)));
    expect(host.marked).toEqual([report.issues.length]);
    expect(report.document?.units).toEqual(sample.units.map((u) => u.name));
  });

  it('preload fetches the scoring code once, ahead of use; a failed preload leaves the next action to load it', async () => {
    const host = new RecordingHost(emptySnapshot);
    let loads = 0;
    const actions = createActions(host, {
      core: async () => {
        loads += 1;
        if (loads === 1) throw new Error('chunk did not arrive');
        return withSample();
      },
    });
    actions.preload();
    await new Promise((done) => setTimeout(done, 0));
    expect(loads).toBe(1);
    expect(host.calls).toEqual([]);
    // The failure was not kept: compute loads the code again and works.
    const report = await actions.compute();
    expect(loads).toBe(2);
    expect(report.result.units.length).toBe(computeCluster(sample).result.units.length);
    actions.preload();
    await actions.compute();
    expect(loads).toBe(2);
  });

  it('compute reads once and writes the builder plan once, in update mode', async () => {
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: withSample() }).compute();
    expect(host.calls).toEqual(['read', 'write:update']);
    const expected = computeCluster(sample);
    expect(report.result).toEqual(expected.result);
    expect(report.tieBreak).toEqual(sample.ranking?.tieBreak);
    expect(host.written[0]?.plan.sheets.map((s) => s.name)).toEqual(
      buildClusterWorkbook(sample, expected).sheets.map((s) => s.name),
    );
  });

  it('explains every unit in rank order, with the criteria where something was adjusted', async () => {
    const report = await createActions(new RecordingHost(emptySnapshot), { core: withSample() }).compute();
    expect(report.explanations.map((e) => e.unit)).toEqual(report.result.units.map((u) => u.unit));
    for (const e of report.explanations) {
      expect(e.kind).toBe('unit');
      expect(e.lines.length).toBeGreaterThan(0);
      for (const d of report.criterionDetails[e.unit] ?? []) {
        const row = e.criteria.find((c) => c.criterion === d.criterion);
        const adjusted =
          row?.self !== row?.verified ||
          d.caps.length > 0 ||
          d.issues.length > 0 ||
          d.inputs.some((i) => i.held.length > 0 || i.occurrences !== undefined);
        expect(adjusted, `${e.unit} ${d.criterion}`).toBe(true);
      }
    }
    const first = report.explanations[0]!.unit;
    // Worked out when first read, then the same list.
    expect(report.criterionDetails[first]).toBe(report.criterionDetails[first]);
    const details = Object.values(report.criterionDetails).flat();
    // The sample has verified scores that differ from the self scores: some detail must show.
    expect(details.length).toBeGreaterThan(0);
  });

  it('nominate reads once, never writes, and returns what the award rules propose', async () => {
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: withSample() }).nominate();
    expect(host.calls).toEqual(['read']);
    const expected = nominateAwards(sample, computeCluster(sample).result);
    expect(report.nominations).toEqual(expected.nominations);
    expect(report.blocked).toEqual(expected.blocked);
    expect(report.ruleSet).toBe(expected.ruleSet);
  });

  it('rotate reads once, never writes, and proposes what the leadership rules give', async () => {
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: withSample() }).rotate();
    expect(host.calls).toEqual(['read']);
    const expected = proposeRotation(sample);
    expect(report.year).toBe(2023);
    expect([report.leader, report.deputy]).toEqual([expected.leader, expected.deputy]);
    expect(report.reason).toEqual(expected.reason);
  });

  it('exportResults reads once and writes once, returning both JSON documents', async () => {
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: withSample() }).exportResults();
    expect(host.calls).toEqual(['read', 'write:update']);
    expect(JSON.parse(report.documentJson)).toEqual(sample);
    expect(JSON.parse(report.resultJson)).toEqual(computeCluster(sample).result);
  });

  it('reports progress step by step up to the total', async () => {
    const seen: ProgressUpdate[] = [];
    await createActions(new RecordingHost(emptySnapshot), { core: withSample() }).compute({
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => `${p.step}:${p.done}/${p.total}`)).toEqual([
      'read:0/4',
      'read:1/4',
      'compute:1/4',
      'compute:2/4',
      'build:2/4',
      'build:3/4',
      'write:3/4',
      'write:4/4',
    ]);
  });

  it('stops before writing once cancelled', async () => {
    const host = new RecordingHost(emptySnapshot);
    const controller = new AbortController();
    const run = createActions(host, { core: withSample() }).compute({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'compute' && p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.calls).toEqual(['read']);
  });

  it('refuses a workbook the reader cannot rebuild, passing the reader issues', async () => {
    const issue = makeIssue('error', 'workbook.template.missing', { vi: 'thiếu', en: 'missing' });
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: withSample({ readWorkbook: () => ({ issues: [issue] }) }) });
    const error = await actions.compute().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).issues).toEqual([issue]);
    expect((error as ActionError).text.vi).toContain('test.xlsx');
    expect(host.calls).toEqual(['read']);
  });

  it('createWorkbook writes the template for the cluster, but never over a filled sheet', async () => {
    const input = {
      kind: 'annual' as const,
      year: 2023,
      cluster: 'Cụm thi đua số 7',
      units: ['VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum'],
    };
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: corePorts }).createWorkbook(input);
    expect(host.calls).toEqual(['read', 'write:create']);
    const plan = host.written[0]!.plan;
    expect(report.sheets).toEqual(plan.sheets.map((s) => s.name));
    expect(plan.sheets.filter((s) => s.role === 'scorecard').map((s) => s.unit)).toEqual(input.units);

    const taken = plan.sheets[1]!.name;
    const filled = new RecordingHost({
      source: 'x',
      sheets: [{ name: taken, values: [['đã nhập']], tables: [] }],
      names: [],
    });
    await expect(createActions(filled, { core: corePorts }).createWorkbook(input)).rejects.toThrow(taken);
    expect(filled.calls).toEqual(['read']);
  });

  it('createWorkbook refuses a cluster with fewer than two members before touching the workbook', async () => {
    const host = new RecordingHost(emptySnapshot);
    await expect(
      createActions(host, { core: corePorts }).createWorkbook({
        kind: 'annual',
        year: 2023,
        cluster: 'C',
        units: ['A', ' '],
      }),
    ).rejects.toBeInstanceOf(ActionError);
    expect(host.calls).toEqual([]);
  });

  it('selectIssue selects the named cell and says so when there is none', async () => {
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: corePorts });
    const withCell = makeIssue('error', 'x', { vi: 'a', en: 'b' }, { sheet: 'Đắk Lắk', cell: 'E7' });
    expect(await actions.selectIssue(withCell)).toEqual({ selected: true, sheet: 'Đắk Lắk', cell: 'E7' });
    expect(await actions.selectIssue(makeIssue('error', 'x', { vi: 'a', en: 'b' }))).toEqual({
      selected: false,
    });
    expect(host.calls).toEqual(['select:Đắk Lắk!E7']);
  });
});

describe('searchUnits over the real registry', () => {
  const actions = createActions(new RecordingHost(emptySnapshot), { core: corePorts });

  it('suggests the procuracy name for a place name typed without accents', async () => {
    const found = await actions.searchUnits('dak lak', '2022-12-31');
    expect(found[0]?.name).toBe('VKSND tỉnh Đắk Lắk');
  });

  it('says where a unit went after the 2025 merger', async () => {
    const found = await actions.searchUnits('Phú Yên', '2022-12-31');
    expect(found[0]?.name).toBe('VKSND tỉnh Phú Yên');
    expect(found[0]?.successor?.name).toBe('VKSND tỉnh Đắk Lắk');
    expect(found[0]?.note?.vi).toContain('thuộc VKSND tỉnh Đắk Lắk');
  });

  it('offers every close unit when the text is ambiguous, and nothing for one letter', async () => {
    const found = await actions.searchUnits('Đắk', '2022-12-31');
    expect(found.map((s) => s.name)).toEqual(
      expect.arrayContaining(['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Đắk Nông']),
    );
    expect(await actions.searchUnits('Đ', '2022-12-31')).toEqual([]);
  });
});

describe('unitSuggestions', () => {
  it('lists each unit once and notes the new code it took in the 2025 merger', () => {
    const r = resolveUnit('VKSND Gia Lai', '2022-12-31');
    const list = unitSuggestions(
      { ...r, alternatives: [...r.alternatives, { ...r.match!, confidence: 0.5 }] },
      8,
    );
    expect(list).toHaveLength(1);
    expect(list[0]?.note?.vi).toContain('mã mới 52');
  });
});

describe('nominate in English', () => {
  it('gives the legal basis in the language asked for, the same proposals either way', async () => {
    const actions = createActions(new RecordingHost(emptySnapshot), { core: withSample() });
    const vi = await actions.nominate();
    const en = await actions.nominate({ lang: 'en' });
    expect(en.nominations.map((n) => [n.rule, n.candidate])).toEqual(
      vi.nominations.map((n) => [n.rule, n.candidate]),
    );
    const expected = nominateAwards(sample, computeCluster(sample).result, { lang: 'en' });
    expect(en.nominations.map((n) => n.basis)).toEqual(expected.nominations.map((n) => n.basis));
    expect(en.nominations.map((n) => n.basis)).not.toEqual(vi.nominations.map((n) => n.basis));
  });
});
