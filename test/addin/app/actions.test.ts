// The actions' contract with the host: one read, at most one write, progress, cancellation, refusal to
// overwrite. The host is a recording fake (Excel cannot run here); the core is a small stand-in whose
// outputs the tests check flow through unchanged. test/addin/app/actions-real.test.ts runs the real core.
import { describe, expect, it } from 'vitest';
import { ActionError, createActions, mergeIssues, unitSuggestions } from '../../../addin/app/actions';
import type { WorkbookHost, WriteMode, WriteReport } from '../../../addin/app/host';
import type { CorePorts } from '../../../addin/app/ports';
import { type ClusterDocument, makeIssue, type ResultDocument } from '../../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../../templates/plan';

class RecordingHost implements WorkbookHost {
  readonly kind = 'file' as const;
  calls: string[] = [];
  written: { plan: WorkbookPlan; mode: WriteMode }[] = [];
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
  async markIssues() {
    this.calls.push('mark');
  }
  async select(sheet: string, cell: string) {
    this.calls.push(`select:${sheet}!${cell}`);
  }
}

const doc: ClusterDocument = {
  format: 'thidua/cluster@1',
  kind: 'annual',
  year: 2022,
  cluster: { name: 'Cụm thi đua số 7' },
  units: [{ name: 'VKSND tỉnh Đắk Lắk' }, { name: 'VKSND tỉnh Gia Lai' }],
  criteria: [{ code: '1', title: 'Công tác', points: 100 }],
};

const result: ResultDocument = {
  format: 'thidua/result@1',
  year: 2022,
  cluster: 'Cụm thi đua số 7',
  stage: 'self',
  units: [],
  clusterIndicators: {
    arising: 0,
    met: 0,
    exceedable: 0,
    exceeded: 0,
    metRatio: 0,
    exceededRatio: 0,
    metText: '0%',
    exceededText: '0%',
  },
  issues: [
    makeIssue('warning', 'score.missing', { vi: 'thiếu', en: 'missing' }, { sheet: 'Đắk Lắk', cell: 'E7' }),
  ],
};

function stubCore(over: Partial<CorePorts> = {}): CorePorts {
  return {
    readWorkbook: () => ({ document: doc, issues: [] }),
    checkDocument: () => [],
    compute: () => ({ result, explain: (unit) => ({ unit, total: 1 }) }),
    nominate: () => ({ nominations: [], quotas: [], blocked: [], issues: [] }),
    rotate: () => ({ year: 2023, leader: 'VKSND tỉnh Gia Lai', reason: { vi: 'lý do', en: 'reason' } }),
    buildWorkbook: (d) => ({
      template: { id: 'annual', version: '1' },
      sheets: [
        {
          name: 'Đơn vị',
          role: 'members',
          cells: d.units.map((u, i) => ({ ref: `B${i + 2}`, value: u.name })),
        },
      ],
      names: [],
    }),
    newDocument: (input) => ({
      ...doc,
      year: input.year,
      cluster: { name: input.cluster },
      units: input.units.map((name) => ({ name })),
    }),
    resolveUnit: (input) => ({ input, match: null, confidence: 0, alternatives: [] }),
    ...over,
  };
}

const emptySnapshot: WorkbookSnapshot = { source: 'test.xlsx', sheets: [], names: [] };

describe('createActions', () => {
  it('check reads once, writes nothing, marks the issues it found', async () => {
    const issue = makeIssue('error', 'x', { vi: 'a', en: 'b' }, { sheet: 'S', cell: 'A1' });
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: stubCore({ checkDocument: () => [issue] }) });
    const report = await actions.check();
    expect(host.calls).toEqual(['read', 'mark']);
    expect(report.issues).toEqual([issue]);
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(report.document?.units).toHaveLength(2);
  });

  it('compute reads once and writes once in update mode, with per-unit explanations', async () => {
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: stubCore() });
    const report = await actions.compute();
    expect(host.calls).toEqual(['read', 'write:update']);
    expect(report.result).toBe(result);
    expect(report.issues.map((i) => i.code)).toEqual(['score.missing']);
  });

  it('nominate and rotate read once and never write', async () => {
    for (const act of ['nominate', 'rotate'] as const) {
      const host = new RecordingHost(emptySnapshot);
      await createActions(host, { core: stubCore() })[act]();
      expect(host.calls).toEqual(['read']);
    }
  });

  it('exportResults reads once and writes once, returning both JSON documents', async () => {
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: stubCore() }).exportResults();
    expect(host.calls).toEqual(['read', 'write:update']);
    expect(JSON.parse(report.documentJson).format).toBe('thidua/cluster@1');
    expect(JSON.parse(report.resultJson).format).toBe('thidua/result@1');
  });

  it('reports progress step by step up to the total', async () => {
    const host = new RecordingHost(emptySnapshot);
    const seen: string[] = [];
    await createActions(host, { core: stubCore() }).compute({
      onProgress: (p) => seen.push(`${p.step}:${p.done}/${p.total}`),
    });
    expect(seen.at(-1)).toBe('write:5/5');
    expect(seen).toContain('compute:2/5');
  });

  it('stops before writing once cancelled', async () => {
    const host = new RecordingHost(emptySnapshot);
    const controller = new AbortController();
    const actions = createActions(host, {
      core: stubCore({
        compute: () => {
          controller.abort();
          return { result, explain: (unit) => ({ unit }) };
        },
      }),
    });
    await expect(actions.compute({ signal: controller.signal })).rejects.toThrow();
    expect(host.calls).toEqual(['read']);
  });

  it('refuses when the workbook cannot be read as a Thi đua workbook, passing the reader issues', async () => {
    const issue = makeIssue('error', 'workbook.role.missing', { vi: 'thiếu', en: 'missing' });
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: stubCore({ readWorkbook: () => ({ issues: [issue] }) }) });
    const error = await actions.compute().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).issues).toEqual([issue]);
    expect(host.calls).toEqual(['read']);
  });

  it('createWorkbook writes a new workbook but never over a filled sheet', async () => {
    const input = { kind: 'annual' as const, year: 2023, cluster: 'Cụm 7', units: ['A', 'B'] };
    const host = new RecordingHost(emptySnapshot);
    const report = await createActions(host, { core: stubCore() }).createWorkbook(input);
    expect(host.calls).toEqual(['read', 'write:create']);
    expect(report.sheets).toEqual(['Đơn vị']);

    const filled = new RecordingHost({
      source: 'x',
      sheets: [{ name: 'Đơn vị', values: [['đã nhập']], tables: [] }],
      names: [],
    });
    await expect(createActions(filled, { core: stubCore() }).createWorkbook(input)).rejects.toThrow(/Đơn vị/);
    expect(filled.calls).toEqual(['read']);
  });

  it('createWorkbook refuses a cluster with fewer than two members', async () => {
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: stubCore() });
    await expect(
      actions.createWorkbook({ kind: 'annual', year: 2023, cluster: 'C', units: ['A', ' '] }),
    ).rejects.toBeInstanceOf(ActionError);
    expect(host.calls).toEqual([]);
  });

  it('selectIssue selects the named cell and says so when there is none', async () => {
    const host = new RecordingHost(emptySnapshot);
    const actions = createActions(host, { core: stubCore() });
    const withCell = makeIssue('error', 'x', { vi: 'a', en: 'b' }, { sheet: 'Đắk Lắk', cell: 'E7' });
    expect(await actions.selectIssue(withCell)).toEqual({ selected: true, sheet: 'Đắk Lắk', cell: 'E7' });
    expect(await actions.selectIssue(makeIssue('error', 'x', { vi: 'a', en: 'b' }))).toEqual({
      selected: false,
    });
    expect(host.calls).toEqual(['select:Đắk Lắk!E7']);
  });
});

describe('unitSuggestions', () => {
  it('puts the match first with its successor note, then alternatives, each once', () => {
    const phuYen = { name: 'VKSND tỉnh Phú Yên', code: '54', validFrom: '1989-07-01', validTo: '2025-06-30' };
    const dakLak = { name: 'VKSND tỉnh Đắk Lắk', code: '66', validFrom: '2025-07-01' };
    const list = unitSuggestions(
      {
        input: 'Phu Yen',
        match: phuYen,
        confidence: 0.9,
        successor: dakLak,
        alternatives: [phuYen, { ...dakLak, confidence: 0.2 }],
      },
      8,
    );
    expect(list.map((s) => s.name)).toEqual(['VKSND tỉnh Phú Yên', 'VKSND tỉnh Đắk Lắk']);
    expect(list[0]?.note?.vi).toBe('Từ 2025-07-01 thuộc VKSND tỉnh Đắk Lắk');
    expect(list[1]?.confidence).toBe(0.2);
  });
});

describe('mergeIssues', () => {
  it('lists an issue found twice once', () => {
    const a = makeIssue('error', 'x', { vi: 'a', en: 'a' }, { sheet: 'S', cell: 'A1' });
    expect(mergeIssues([a], [{ ...a }])).toHaveLength(1);
  });
});
