/**
 * A unit's line across years: the unit a name belongs to after every reorganisation (core/registry lineage),
 * so "VKSND tỉnh Phú Yên" in 2022 and "VKSND tỉnh Đắk Lắk" in 2026 are one line. Names the registry does not
 * know (area procuracies, departments) are their own line, matched by spelling.
 */
import { attributeToSuccessor } from '../registry/lineage';
import { matchKey } from '../text/key';

/** Far enough ahead that every line has reached its latest unit. */
const LINE_DATE = '2100-12-31';

export function lineKey(unit: string, year: number): string {
  const to = attributeToSuccessor(unit, year, LINE_DATE)?.to;
  return to ? `${to.code}@${to.validFrom}` : `name:${matchKey(unit)}`;
}

/** The unit's name on a date (its successor's, after a merger), or the name itself when unknown to the registry. */
export function unitOn(unit: string, year: number, date: string): { name: string; changed: boolean } {
  const a = attributeToSuccessor(unit, year, date);
  if (!a) return { name: unit, changed: false };
  return { name: a.to.name, changed: matchKey(a.to.name) !== matchKey(a.from.name) };
}
