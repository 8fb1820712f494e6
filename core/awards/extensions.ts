/**
 * Optional document fields this project adds (documented in docs/awards.md):
 * - `unitProfiles`: per unit, a stated rating (overrides the computed tier), staff and women counts (for the
 *   tie preference of Nghị định 152/2025) and the number of Advanced Workers (the base of the 15% cap);
 * - `awards`: awards already received (for tallies, and the once-only medal);
 * - `initiatives`: initiative counts per unit and level (for tallies);
 * - on a person: `rating` (the person's own rating for the year).
 * Each reader checks its field and reports what is wrong with a JSON path, keeping every valid entry.
 */
import { type Issue, makeIssue } from '../issues/issue';
import type { ClusterDocument } from '../model/types';
import { matchKey } from '../text/key';

export const UNIT_LEVELS = ['supreme', 'high', 'provincial', 'district', 'area'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface UnitProfile {
  unit: string;
  rating?: string;
  staff?: number;
  women?: number;
  advancedWorkers?: number;
  /** The unit's level in the procuracy: supreme, high, provincial, district or (from 2025-07-01) area. */
  level?: UnitLevel;
  /** How many of its people were disciplined in the year with "cảnh cáo" or worse. */
  disciplined?: number;
}

export type RecipientKind = 'individual' | 'collective';

export interface AwardRecord {
  form: string;
  kind: RecipientKind;
  recipient?: string;
  unit?: string;
  /** Default 1: one recipient; a count stands for that many recipients not listed by name. */
  count?: number;
  year?: number;
}

export interface InitiativeRecord {
  unit: string;
  level: string;
  count: number;
  year?: number;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function bad(issues: Issue[], path: string, vi: string, en: string): void {
  issues.push(makeIssue('error', 'document.extension.invalid', { vi, en }, { path }));
}

function list(doc: ClusterDocument, key: string, issues: Issue[]): unknown[] {
  const v = doc[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    bad(issues, key, `"${key}" phải là một danh sách.`, `"${key}" must be a list.`);
    return [];
  }
  return v;
}

export function readUnitProfiles(doc: ClusterDocument, issues: Issue[]): UnitProfile[] {
  const out: UnitProfile[] = [];
  list(doc, 'unitProfiles', issues).forEach((raw, i) => {
    const path = `unitProfiles[${i}]`;
    if (!isObj(raw) || typeof raw.unit !== 'string') {
      bad(issues, path, `${path}: cần { "unit", ... }.`, `${path}: expected { "unit", ... }.`);
      return;
    }
    const p: UnitProfile = { unit: raw.unit };
    if (typeof raw.rating === 'string') p.rating = raw.rating;
    if (raw.level !== undefined) {
      if (UNIT_LEVELS.includes(raw.level as UnitLevel)) p.level = raw.level as UnitLevel;
      else
        bad(
          issues,
          `${path}.level`,
          `${path}.level: "${String(raw.level)}" không phải một cấp (${UNIT_LEVELS.join(', ')}) ở đơn vị ${p.unit}.`,
          `${path}.level: "${String(raw.level)}" is not a level (${UNIT_LEVELS.join(', ')}) at ${p.unit}.`,
        );
    }
    for (const k of ['staff', 'women', 'advancedWorkers', 'disciplined'] as const) {
      if (raw[k] === undefined) continue;
      if (isCount(raw[k])) p[k] = raw[k];
      else
        bad(
          issues,
          `${path}.${k}`,
          `${path}.${k}: phải là số nguyên ≥ 0.`,
          `${path}.${k}: must be an integer ≥ 0.`,
        );
    }
    if (p.staff !== undefined && p.women !== undefined && p.women > p.staff) {
      bad(
        issues,
        `${path}.women`,
        `${path}: số nữ (${p.women}) lớn hơn tổng số (${p.staff}) ở đơn vị ${p.unit}.`,
        `${path}: women (${p.women}) exceed staff (${p.staff}) at ${p.unit}.`,
      );
      delete p.women;
    }
    if (p.staff !== undefined && p.advancedWorkers !== undefined && p.advancedWorkers > p.staff) {
      bad(
        issues,
        `${path}.advancedWorkers`,
        `${path}: số "Lao động tiên tiến" (${p.advancedWorkers}) lớn hơn tổng số (${p.staff}) ở đơn vị ${p.unit}.`,
        `${path}: Advanced Workers (${p.advancedWorkers}) exceed staff (${p.staff}) at ${p.unit}.`,
      );
      delete p.advancedWorkers;
    }
    out.push(p);
  });
  return out;
}

export function profileOf(profiles: readonly UnitProfile[], unit: string): UnitProfile | undefined {
  const key = matchKey(unit);
  return profiles.find((p) => matchKey(p.unit) === key);
}

export function readAwardRecords(doc: ClusterDocument, issues: Issue[]): AwardRecord[] {
  const out: AwardRecord[] = [];
  list(doc, 'awards', issues).forEach((raw, i) => {
    const path = `awards[${i}]`;
    if (!isObj(raw) || typeof raw.form !== 'string' || !raw.form.trim()) {
      bad(issues, path, `${path}: thiếu "form" (hình thức khen thưởng).`, `${path}: missing "form".`);
      return;
    }
    if (raw.kind !== 'individual' && raw.kind !== 'collective') {
      bad(
        issues,
        `${path}.kind`,
        `${path}: "kind" phải là "individual" (cá nhân) hoặc "collective" (tập thể).`,
        `${path}: "kind" must be "individual" or "collective".`,
      );
      return;
    }
    const r: AwardRecord = { form: raw.form, kind: raw.kind };
    if (typeof raw.recipient === 'string') r.recipient = raw.recipient;
    if (typeof raw.unit === 'string') r.unit = raw.unit;
    if (raw.count !== undefined) {
      if (!isCount(raw.count)) {
        bad(
          issues,
          `${path}.count`,
          `${path}: "count" phải là số nguyên ≥ 0.`,
          `${path}: "count" must be an integer ≥ 0.`,
        );
        return;
      }
      r.count = raw.count;
    }
    if (typeof raw.year === 'number') r.year = raw.year;
    out.push(r);
  });
  return out;
}

export function readInitiativeRecords(doc: ClusterDocument, issues: Issue[]): InitiativeRecord[] {
  const out: InitiativeRecord[] = [];
  list(doc, 'initiatives', issues).forEach((raw, i) => {
    const path = `initiatives[${i}]`;
    if (!isObj(raw) || typeof raw.unit !== 'string' || typeof raw.level !== 'string' || !isCount(raw.count)) {
      bad(
        issues,
        path,
        `${path}: cần { "unit", "level", "count" } với count là số nguyên ≥ 0.`,
        `${path}: expected { "unit", "level", "count" } with an integer count ≥ 0.`,
      );
      return;
    }
    const r: InitiativeRecord = { unit: raw.unit, level: raw.level, count: raw.count };
    if (typeof raw.year === 'number') r.year = raw.year;
    out.push(r);
  });
  return out;
}

const WOMEN = new Set(['nữ', 'nu', 'female', 'f', 'woman']);

export function isWoman(gender: string | undefined): boolean {
  return gender !== undefined && WOMEN.has(matchKey(gender));
}
