/** Checks every plan must pass: shared by the builder tests. */
import { expect } from 'vitest';
import type { WorkbookPlan } from '../../templates/plan';

export function expectPlanIsSound(plan: WorkbookPlan): void {
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of plan.sheets) {
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
    expect(sheetNames.has(sheet.name.toLowerCase())).toBe(false);
    sheetNames.add(sheet.name.toLowerCase());
    const refs = new Set<string>();
    for (const cell of sheet.cells) {
      if (cell.formula !== undefined) {
        // Every formula carries the core's value so the file reads right before recalculation.
        expect(cell.result, `${sheet.name}!${cell.ref} ${cell.formula}`).not.toBeUndefined();
        expect(cell.formula.startsWith('=')).toBe(false);
        expect(cell.style?.locked ?? true).toBe(true);
      }
      refs.add(cell.ref);
    }
    for (const t of sheet.tables ?? []) {
      expect(t.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(tableNames.has(t.name.toLowerCase())).toBe(false);
      tableNames.add(t.name.toLowerCase());
      expect(new Set(t.headers).size).toBe(t.headers.length);
    }
  }
  for (const n of plan.names) {
    expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    const sheet = /^'((?:[^']|'')+)'!/.exec(n.ref)?.[1]?.replace(/''/g, "'");
    expect(sheet && sheetNames.has(sheet.toLowerCase()), n.ref).toBe(true);
  }
}
