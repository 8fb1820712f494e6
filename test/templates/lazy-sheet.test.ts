/**
 * Scorecard sheets made when a host writes them and let go once written (templates/build/lazy-sheet.ts): to
 * whoever reads it a lazy sheet is the plain sheet it stands for, made again the same when looked at after it
 * was let go; the plan writer and the patch let each one go as they finish it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchResults } from '../../addin/host/xlsx/patch';
import { nodeDeflate, nodeInflate } from '../../addin/host/xlsx/write/node-deflate';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import { computeCluster, parseClusterJson } from '../../core';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import { lazySheet, releaseSheet } from '../../templates/build/lazy-sheet';
import type { SheetPlan, WorkbookPlan } from '../../templates/plan';

const TEMPLATE = { id: 'thu', version: '1' };
const sample = parseClusterJson(readFileSync('templates/samples/cum-7-2022.json', 'utf8')).doc!;

/** A lazy sheet whose maker counts how often it is made. */
function counted(): { sheet: SheetPlan; made: () => number } {
  let made = 0;
  const sheet = lazySheet({ name: 'Lười', role: 'summary' }, ['cells', 'columns'], () => {
    made++;
    return {
      name: 'Lười',
      role: 'summary',
      cells: [
        { ref: 'A1', value: 'Tiêu đề' },
        { ref: 'B2', value: made },
      ],
      columns: [{ index: 1, width: 20 }],
    };
  });
  return { sheet, made: () => made };
}

describe('a lazy sheet', () => {
  it('is made once when looked at, copied by a spread, and made again after it is let go', () => {
    const { sheet, made } = counted();
    expect(made()).toBe(0);
    expect(sheet.name).toBe('Lười');
    expect(made()).toBe(0);
    expect(sheet.cells.length).toBe(2);
    expect(sheet.columns).toEqual([{ index: 1, width: 20 }]);
    expect({ ...sheet }.cells).toBe(sheet.cells);
    expect(made()).toBe(1);
    releaseSheet(sheet);
    expect(sheet.cells[1]!.value).toBe(2);
    expect(made()).toBe(2);
    // Any other sheet: nothing to let go.
    releaseSheet({ name: 'S', role: 'summary', cells: [] });
  });

  it('refuses a maker that gives a key the sheet does not show', () => {
    const sheet = lazySheet({ name: 'S', role: 'summary' }, ['cells'], () => ({
      name: 'S',
      role: 'summary',
      cells: [],
      merges: ['A1:B1'],
    }));
    expect(() => sheet.cells).toThrow(/merges/);
  });

  it("reads as the cluster plan's scorecards made again, key for key", () => {
    const plan = buildClusterWorkbook(sample, computeCluster(sample), { now: '2026-12-06T00:00:00.000Z' });
    const scorecards = plan.sheets.filter((s) => s.role === 'scorecard');
    expect(scorecards).toHaveLength(sample.units.length);
    for (const s of scorecards) {
      const first = JSON.stringify(s);
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining(['name', 'role', 'unit', 'print', 'cells', 'tables']),
      );
      releaseSheet(s);
      expect(JSON.stringify(s)).toBe(first);
      expect(s.cells.length).toBeGreaterThan(100);
    }
  });

  it('is let go by the plan writer and by the patch once each has written it', async () => {
    const plain: SheetPlan = { name: 'Khác', role: 'members', cells: [{ ref: 'A1', value: 1 }] };
    const write = counted();
    const plan: WorkbookPlan = { template: TEMPLATE, sheets: [plain, write.sheet], names: [] };
    const { bytes } = await planToBytes(plan);
    expect(write.made()).toBe(1);
    // Let go: looking at it again makes it again.
    expect(write.sheet.cells).toHaveLength(2);
    expect(write.made()).toBe(2);

    const patch = counted();
    const patched = patchResults(bytes, { template: TEMPLATE, sheets: [patch.sheet], names: [] }, undefined, {
      deflate: nodeDeflate,
      inflate: nodeInflate,
    });
    expect(patched).toBeDefined();
    expect(patch.made()).toBe(1);
    expect(patch.sheet.cells).toHaveLength(2);
    expect(patch.made()).toBe(2);
  });
});
