/**
 * Why an update leaves a cell as it is, or undefined to write it: the one rule both file-host writers follow
 * (exceljs's update in ./apply.ts, the package patch in ./patch/update.ts). What a person typed wins: a
 * constant in an input cell that differs from the plan, a formula typed in an input cell (kept as a formula;
 * its cached value is what was read, and without one the cell is named), a value typed over a formula cell.
 * No Node APIs.
 */
import type { KeptReason } from '../../app/host';
import type { CellPlan, CellValue } from '../../../templates/plan';

export const sameValue = (a: CellValue, b: CellValue) =>
  a === b ||
  (a === null && b === '') ||
  (a === '' && b === null) ||
  (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

/** A cell as it was read: its value (a formula's cached result), whether it holds a formula, and its lock. */
export interface HeldCell {
  current: CellValue;
  hasFormula: boolean;
  /** A formula with no result saved in the file. */
  noCache: boolean;
  /** Unlocked: an input cell. */
  input: boolean;
}

export function keptReason(cell: HeldCell, plan: CellPlan): KeptReason | 'same' | undefined {
  const { current, hasFormula } = cell;
  const empty = current === null || current === '';
  if (cell.input) {
    if (hasFormula) {
      if (cell.noCache) return 'formulaNoCache';
      if (plan.formula !== undefined) return 'formula';
      return plan.value === undefined || plan.value === null || sameValue(current, plan.value)
        ? 'same'
        : 'formula';
    }
    if (!empty && (plan.formula !== undefined || !sameValue(current, plan.value ?? null))) return 'typed';
    return undefined;
  }
  if (plan.formula !== undefined && !hasFormula && !empty) return 'overFormula';
  return undefined;
}
