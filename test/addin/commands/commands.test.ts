// The ribbon commands over the Office.js host and the recording Excel fake: Kiểm tra and Tính điểm & xếp hạng
// run the shared actions (one read, at most one write), hand their report to the pane, always complete the event,
// and report failures instead of throwing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../../addin/app/actions';
import { corePorts } from '../../../addin/app/core-port';
import {
  type CommandEnvironment,
  type CommandNavigation,
  commandHandlers,
  registerCommands,
} from '../../../addin/commands/commands';
import { OfficeHost } from '../../../addin/host/office/office-host';
import { type ClusterDocument, computeCluster } from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import { FakeExcel } from '../office/fake-excel';

const sample = JSON.parse(readFileSync('templates/samples/cum-7-2022.json', 'utf8')) as ClusterDocument;

/** Excel (the fake) holding the sample workbook, and the commands over it with the real Office host. */
async function setup(options: { withWorkbook?: boolean; showTaskpane?: () => Promise<void> } = {}) {
  const excel = new FakeExcel();
  excel.addSheet('Sheet1');
  if (options.withWorkbook ?? true) {
    await new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported }).write(
      buildClusterWorkbook(sample),
      'create',
    );
  }
  const runsBefore = excel.runs.length;
  const navigations: CommandNavigation[] = [];
  const events = { shown: 0, completed: 0 };
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  const env: CommandEnvironment = {
    actions: () => createActions(host, { core: corePorts }),
    showTaskpane:
      options.showTaskpane ??
      (async () => {
        events.shown++;
      }),
    dispatch: (n) => navigations.push(n),
  };
  const event = {
    completed: () => {
      events.completed++;
    },
  };
  /** Excel.run batches since setup, with their syncs. */
  const commandRuns = () => excel.runs.slice(runsBefore);
  return { excel, handlers: commandHandlers(env), navigations, events, event, commandRuns };
}

describe('ribbon commands with the Office host', () => {
  it('Kiểm tra: one read and one marking batch, the report in the pane, the event completed', async () => {
    const { handlers, navigations, events, event, commandRuns, excel } = await setup();
    // A score far over its standard, typed into the first scorer column of the first unit's scorecard.
    const plan = buildClusterWorkbook(sample);
    const scorecard = plan.sheets.find((s) => s.role === 'scorecard')!;
    const input = scorecard.validations!.find((v) => v.kind === 'decimal')!.range.split(':')[0]!;
    excel.type(scorecard.name, input, 999, { locked: false });
    await handlers.thiduaCheck!(event);
    expect(events).toEqual({ shown: 1, completed: 1 });
    expect(navigations).toHaveLength(1);
    const [nav] = navigations;
    expect(nav!.view).toBe('check');
    expect(nav!.error).toBeUndefined();
    const report = nav!.report as {
      source: string;
      issues: { severity: string; sheet?: string; cell?: string }[];
    };
    expect(report.source).toBe('Excel');
    const found = report.issues.find(
      (i) => i.severity === 'error' && i.sheet === scorecard.name && i.cell === input,
    );
    expect(found).toBeDefined();
    // The cell is marked in the workbook.
    expect(excel.cell(scorecard.name, input)!.fill).toEqual({ color: '#FFC7CE', pattern: 'Solid' });
    // read + markIssues: two batches, each within two syncs.
    const runs = commandRuns();
    expect(runs).toHaveLength(2);
    for (const r of runs) expect(r.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('Tính điểm & xếp hạng: one read and one write, the core result in the pane', async () => {
    const { handlers, navigations, events, event, commandRuns } = await setup();
    await handlers.thiduaCompute!(event);
    expect(events).toEqual({ shown: 1, completed: 1 });
    const nav = navigations[0]!;
    expect(nav.view).toBe('compute');
    expect(nav.error).toBeUndefined();
    const report = nav.report as { result: { units: unknown[] }; write: { cellsWritten: number } };
    expect(report.result.units).toEqual(computeCluster(sample).result.units);
    expect(report.write.cellsWritten).toBeGreaterThan(0);
    const runs = commandRuns();
    expect(runs).toHaveLength(2);
    for (const r of runs) expect(r.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('a workbook without the cluster sheets: the reason goes to the pane, nothing is thrown or written', async () => {
    const { handlers, navigations, events, event, excel } = await setup({ withWorkbook: false });
    await expect(handlers.thiduaCompute!(event)).resolves.toBeUndefined();
    expect(events.completed).toBe(1);
    const nav = navigations[0]!;
    expect(nav.view).toBe('compute');
    expect(nav.report).toBeUndefined();
    expect(nav.error?.vi).toMatch(/\S/);
    expect(nav.error?.en).toMatch(/\S/);
    expect(excel.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  }, 60_000);

  it('Excel failing mid-command: reported in Vietnamese and English, event completed', async () => {
    const navigations: CommandNavigation[] = [];
    let completed = 0;
    const lost: CommandEnvironment = {
      actions: () =>
        createActions(
          new OfficeHost({
            run: async () => {
              throw Object.assign(new Error('Connection lost'), { code: 'GeneralException' });
            },
          }),
          { core: corePorts },
        ),
      showTaskpane: async () => undefined,
      dispatch: (n) => navigations.push(n),
    };
    await expect(
      commandHandlers(lost).thiduaCheck!({ completed: () => completed++ }),
    ).resolves.toBeUndefined();
    expect(completed).toBe(1);
    expect(navigations[0]).toMatchObject({
      view: 'check',
      error: {
        vi: expect.stringContaining('Connection lost'),
        en: expect.stringContaining('Connection lost'),
      },
    });
  });

  it('the pane failing to open: the event completes, nothing is thrown, the pane will show why when opened', async () => {
    const { handlers, events, event, navigations } = await setup({
      showTaskpane: async () => {
        throw new Error('no task pane');
      },
    });
    await expect(handlers.thiduaCheck!(event)).resolves.toBeUndefined();
    expect(events.completed).toBe(1);
    expect(navigations[0]!.view).toBe('check');
    expect(navigations.at(-1)).toMatchObject({
      view: 'check',
      error: { en: expect.stringContaining('no task pane') },
    });
    await expect(handlers.thiduaNew!(event)).resolves.toBeUndefined();
    expect(events.completed).toBe(2);
    expect(navigations.at(-1)).toMatchObject({
      view: 'create',
      error: { en: expect.stringContaining('no task pane') },
    });
  }, 60_000);

  it('the form commands open the pane on their view without touching the workbook', async () => {
    const { handlers, navigations, events, event, commandRuns } = await setup();
    await handlers.thiduaNew!(event);
    await handlers.thiduaAwards!(event);
    await handlers.thiduaExport!(event);
    await handlers.thiduaYearEnd!(event);
    expect(navigations.map((n) => n.view)).toEqual(['create', 'awards', 'awards', 'yearEnd']);
    expect(events).toEqual({ shown: 4, completed: 4 });
    expect(commandRuns()).toHaveLength(0);
  }, 60_000);

  it('registers a handler for every button the manifest names', () => {
    const manifest = readFileSync('manifest.xml', 'utf8');
    const named = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]!);
    const associated: string[] = [];
    const g = globalThis as { Office?: unknown };
    g.Office = { actions: { associate: (name: string) => associated.push(name) } };
    try {
      registerCommands({
        actions: () => undefined as never,
        showTaskpane: async () => undefined,
        dispatch: () => {},
      });
    } finally {
      delete g.Office;
    }
    expect(named.length).toBeGreaterThan(0);
    expect(associated.sort()).toEqual([...new Set(named)].sort());
  });
});
