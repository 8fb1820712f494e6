/**
 * The provincial-level units over time: lookups by id, by code on a date, by date, and their official
 * names as provinces and as provincial procuracies. A unit is its code AND its dates: code 24 was Bắc Giang
 * until 2025-06-30 and is Bắc Ninh from 2025-07-01.
 */
import { PROVINCE_RECORDS, type ProvinceRecord } from './data/provinces';

export type { ProvinceKind, ProvinceRecord } from './data/provinces';

/** A unit as reported to people and tools: the shape of `units --json`. */
export interface UnitRef {
  name: string;
  code: string;
  validFrom: string;
  validTo?: string;
}

const byId = new Map(PROVINCE_RECORDS.map((r) => [r.id, r]));

export const provinceRecords = (): readonly ProvinceRecord[] => PROVINCE_RECORDS;

export const provinceById = (id: string): ProvinceRecord | undefined => byId.get(id);

/** YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export const isValidOn = (unit: ProvinceRecord, date: string): boolean =>
  unit.validFrom <= date && (unit.validTo === undefined || date <= unit.validTo);

/** The units in force on a date: 63 from 2008-08-01 to 2025-06-30, 34 from 2025-07-01. */
export const provincesOn = (date: string): ProvinceRecord[] =>
  PROVINCE_RECORDS.filter((r) => isValidOn(r, date));

/** The unit that carried this statistics-office code on that date. */
export function provinceByCode(code: string, date: string): ProvinceRecord | undefined {
  const padded = code.trim().padStart(2, '0');
  return PROVINCE_RECORDS.find((r) => r.code === padded && isValidOn(r, date));
}

/** Where the unit's line stands on a later date: itself while in force, else the successor then in force. */
export function successorOn(unit: ProvinceRecord, date: string): ProvinceRecord | undefined {
  let current: ProvinceRecord | undefined = unit;
  while (current && current.validTo !== undefined && current.validTo < date) {
    current = current.successor ? byId.get(current.successor) : undefined;
  }
  return current && isValidOn(current, date) ? current : undefined;
}

/** Every unit the given one was formed from, nearest first (Đắk Lắk 2025 → Phú Yên, Đắk Lắk 2008). */
export function predecessorsOf(unit: ProvinceRecord): ProvinceRecord[] {
  const out: ProvinceRecord[] = [];
  const queue = [...(unit.predecessors ?? [])];
  while (queue.length > 0) {
    const found = byId.get(queue.shift()!);
    if (!found || out.includes(found)) continue;
    out.push(found);
    queue.push(...(found.predecessors ?? []));
  }
  return out;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "Tỉnh Đắk Lắk", "Thành phố Hà Nội": the province's name as the official lists write it. */
export function officialProvinceName(unit: ProvinceRecord): string {
  return `${capitalise(unit.kind)} ${unit.name}`;
}

/**
 * "VKSND tỉnh Đắk Lắk", "VKSND thành phố Hà Nội", and "VKSND Thành phố Hồ Chí Minh" (the city's name is
 * written with a capital "Thành phố" everywhere, unlike the other centrally-run cities).
 */
export function procuracyName(unit: ProvinceRecord): string {
  const kind = unit.name === 'Hồ Chí Minh' ? 'Thành phố' : unit.kind;
  return `VKSND ${kind} ${unit.name}`;
}

export const unitRef = (unit: ProvinceRecord, name: string): UnitRef =>
  unit.validTo === undefined
    ? { name, code: unit.code, validFrom: unit.validFrom }
    : { name, code: unit.code, validFrom: unit.validFrom, validTo: unit.validTo };
