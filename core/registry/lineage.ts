/**
 * History across the 2025 reorganisation: which line a unit belongs to, so a 2022 result of "VKSND tỉnh
 * Phú Yên" is read, from 2025-07-01, as part of the line of "VKSND tỉnh Đắk Lắk".
 */
import { resolveUnit } from './resolve';
import {
  isIsoDate,
  officialProvinceName,
  predecessorsOf,
  procuracyName,
  provinceByCode,
  type ProvinceRecord,
  successorOn,
  type UnitRef,
  unitRef,
} from './units';

export interface UnitLineage {
  /** The unit the reference names on the date. */
  unit: UnitRef;
  /** Every unit it was formed from, nearest first. */
  predecessors: UnitRef[];
  /** The units it became, in order (Thừa Thiên Huế → Huế; Phú Yên → Đắk Lắk). */
  successors: UnitRef[];
}

function successorsOf(unit: ProvinceRecord): ProvinceRecord[] {
  const out: ProvinceRecord[] = [];
  let current = unit;
  while (current.validTo !== undefined) {
    const next = successorOn(current, nextDay(current.validTo));
    if (!next || out.includes(next)) break;
    out.push(next);
    current = next;
  }
  return out;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The line of a unit given by statistics-office code ("54", read on the date) or by name (resolved on the
 * date; an expired name still names its unit). Names come back as procuracy names when the reference is one.
 * undefined when the reference names no unit.
 */
export function lineageOf(ref: string, date: string): UnitLineage | undefined {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  let unit: ProvinceRecord | undefined;
  let procuracy = false;
  if (/^\s*\d{1,2}\s*$/.test(ref)) unit = provinceByCode(ref, date);
  else {
    const resolved = resolveUnit(ref, date);
    unit = resolved.unit;
    procuracy = resolved.procuracy;
  }
  if (!unit) return undefined;
  const name = (u: ProvinceRecord): string => (procuracy ? procuracyName(u) : officialProvinceName(u));
  return {
    unit: unitRef(unit, name(unit)),
    predecessors: predecessorsOf(unit).map((u) => unitRef(u, name(u))),
    successors: successorsOf(unit).map((u) => unitRef(u, name(u))),
  };
}

export interface Attribution {
  /** The unit as named in the year of the result. */
  from: UnitRef;
  /** The unit whose line the result belongs to on toDate. */
  to: UnitRef;
  /** from and to are different units. */
  changed: boolean;
}

/**
 * Where a result of `unitName` in `fromYear` (read on 31 December of that year) belongs on `toDate`.
 * undefined when the name does not resolve in that year, or the line has no unit in force on toDate.
 */
export function attributeToSuccessor(
  unitName: string,
  fromYear: number,
  toDate: string,
): Attribution | undefined {
  const resolved = resolveUnit(unitName, `${fromYear}-12-31`);
  const unit = resolved.unit;
  if (!unit || !resolved.match) return undefined;
  const target = successorOn(unit, toDate);
  if (!target) return undefined;
  const name = (u: ProvinceRecord): string =>
    resolved.procuracy ? procuracyName(u) : officialProvinceName(u);
  return { from: unitRef(unit, name(unit)), to: unitRef(target, name(target)), changed: target !== unit };
}
