/**
 * Data validations with few calls: validations that differ only in their range share one RangeAreas (a scorecard
 * repeats the same rule for each scorer's column), and a new sheet skips what is already so (nothing to clear,
 * blanks ignored by default).
 */
import type { ValidationPlan } from '../../../templates/plan';
import { utf8Length } from './blocks';
import { areaAddresses } from './formats';

export interface ValidationGroup {
  validation: ValidationPlan;
  /** Address lists for getRanges (one list when the ranges are few). */
  areas: string[][];
}

/** A1 references in a formula: which of their parts are relative. */
function relativeParts(formula: string): { row: boolean; column: boolean } {
  const out = { row: false, column: false };
  for (const m of formula.matchAll(/(?<![A-Za-z0-9_.])(\$?)[A-Za-z]{1,3}(\$?)\d+(?![A-Za-z0-9_(])/g)) {
    if (m[1] === '') out.column = true;
    if (m[2] === '') out.row = true;
  }
  return out;
}

/**
 * Validations with the same rule, grouped. A relative reference in a bound ("$C6": the row follows the cell) reads
 * from each range's own top-left cell, so ranges share a group only where that makes no difference: the same top
 * row when rows are relative, the same left column when columns are. Whatever Excel takes as the anchor of a
 * RangeAreas, every cell then gets the rule it had on its own.
 */
export function groupValidations(validations: readonly ValidationPlan[]): ValidationGroup[] {
  const groups = new Map<string, { validation: ValidationPlan; ranges: string[] }>();
  for (const v of validations) {
    const { range, ...rule } = v;
    const formulas = (v.kind === 'list' ? [v.source] : [v.min, v.max]).filter(
      (x): x is string => typeof x === 'string',
    );
    const relative = formulas
      .map(relativeParts)
      .reduce((a, b) => ({ row: a.row || b.row, column: a.column || b.column }), {
        row: false,
        column: false,
      });
    const topLeft = /^\$?([A-Za-z]+)\$?(\d+)/.exec(range);
    const anchor = `${relative.column ? (topLeft?.[1] ?? range) : ''}|${relative.row ? (topLeft?.[2] ?? range) : ''}`;
    const key = `${anchor}|${JSON.stringify(rule)}`;
    const g = groups.get(key);
    if (g) g.ranges.push(range);
    else groups.set(key, { validation: v, ranges: [range] });
  }
  return [...groups.values()].map((g) => ({ validation: g.validation, areas: areaAddresses(g.ranges) }));
}

/** Estimated request bytes of one address list of a group (the addresses travel with each call). */
export function validationBytes(
  v: ValidationPlan,
  areas: readonly string[],
  fresh: boolean,
  callBytes: number,
): number {
  const calls = 2 + (fresh ? 0 : 2) + (v.prompt ? 1 : 0);
  const { range: _range, ...rule } = v;
  return calls * (utf8Length(areas.join(',')) + callBytes) + utf8Length(JSON.stringify(rule)) + 96;
}

export function applyValidation(
  target: Excel.Range | Excel.RangeAreas,
  v: ValidationPlan,
  fresh: boolean,
): void {
  const dv = target.dataValidation;
  if (!fresh) dv.clear();
  const bound = (x: number | string | undefined) => (typeof x === 'string' ? `=${x.replace(/^=/, '')}` : x);
  if (v.kind === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: v.source ?? (v.items ?? []).join(',') } };
  } else if (v.kind === 'date') {
    dv.rule = {
      date: { formula1: v.min ?? '1900-01-01', formula2: v.max ?? '9999-12-31', operator: 'Between' },
    };
  } else {
    const rule = { formula1: bound(v.min) ?? 0, formula2: bound(v.max) ?? 1e9, operator: 'Between' as const };
    dv.rule = v.kind === 'whole' ? { wholeNumber: rule } : { decimal: rule };
  }
  // Blanks are ignored by default (a new sheet, or after clear()).
  const ignoreBlanks = v.allowBlank ?? true;
  if (!ignoreBlanks || !fresh) dv.ignoreBlanks = ignoreBlanks;
  dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.message };
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
}
