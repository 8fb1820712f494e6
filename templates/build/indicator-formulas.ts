/**
 * The formulas of one indicator result row (Chỉ tiêu sheet), written to give exactly what the core's
 * judgeIndicator gives:
 * - the indicator is found by its code in the definitions' code column (whole columns, so indicators and
 *   results a clerk adds below the tables count, with no fixed row to go stale);
 * - met and exceeded compare whole numbers, numerator × 10⁶ against round(target × 10⁶) × denominator, as
 *   the core does (a ratio compared in binary floating point could differ from it at the boundary);
 * - "exceedable" left blank follows the core's default: a 100% target cannot be exceeded, nor a 0% target
 *   of a lower-is-better indicator (a lower-is-better 100% target can: the formula once said it could not);
 * - a result whose code is not an indicator does not arise (the core skips it).
 * Pure string building: no I/O.
 */
import { YES, NO } from '../layouts/cluster';

/** Where a result row's inputs sit and where the definitions' columns are (column letters on the same sheet). */
export interface IndicatorRowCells {
  row: number;
  /** Result columns: code, numerator, denominator, and the computed "arising" and "exceedable" flags. */
  code: string;
  numerator: string;
  denominator: string;
  arising: string;
  exceedable: string;
  /** Definition columns: code, target, exceedable, lower is better. */
  def: { code: string; target: string; exceedable: string; lower: string };
}

export interface IndicatorRowFormulas {
  ratio: string;
  arising: string;
  met: string;
  exceedable: string;
  exceeded: string;
}

const whole = (letter: string) => `$${letter}:$${letter}`;

export function indicatorRowFormulas(c: IndicatorRowCells): IndicatorRowFormulas {
  const at = (letter: string) => `${letter}${c.row}`;
  const D = at(c.denominator);
  const match = `MATCH(${at(c.code)},${whole(c.def.code)},0)`;
  const field = (letter: string) => `INDEX(${whole(letter)},${match})`;
  const target = `MIN(MAX(N(${field(c.def.target)}),0),1)`;
  const lower = `${field(c.def.lower)}="${YES}"`;
  // Whole numbers on both sides: a numerator above the denominator counts as d/d, as in the core.
  const lhs = `MIN(N(${at(c.numerator)}),${D})*1000000`;
  const rhs = `ROUND(${target}*1000000,0)*${D}`;
  const compare = (better: string, worse: string) =>
    `IF(${lower},IF(${lhs}${better}${rhs},1,0),IF(${lhs}${worse}${rhs},1,0))`;
  const stated = field(c.def.exceedable);
  const reachable = `IF(${lower},IF(${target}>0,1,0),IF(${target}<1,1,0))`;
  return {
    ratio: `IF(N(${D})>0,MIN(N(${at(c.numerator)}),${D})/${D},"")`,
    arising: `IF(N(${D})>0,IF(ISNUMBER(${match}),1,0),0)`,
    met: `IF(${at(c.arising)}=1,${compare('<=', '>=')},0)`,
    exceedable: `IF(${at(c.arising)}=1,IF(${stated}="${YES}",1,IF(${stated}="${NO}",0,${reachable})),0)`,
    exceeded: `IF(${at(c.exceedable)}=1,${compare('<', '>')},0)`,
  };
}
