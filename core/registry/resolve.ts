/**
 * resolveUnit: a unit or province name as written (variants, typos, legacy encodings) → the official unit
 * valid on a date, with its successor after a merger, a confidence, and alternatives. A misspelling that
 * could mean two units is answered "no match" with both as alternatives, never with a guess.
 */
import { inspectHostileText } from '../text/hostile';
import type { Bilingual } from '../issues/issue';
import { matchKey } from '../text/key';
import { type LegacyFinding, inspectLegacyText } from '../text/legacy';
import { createFuzzyIndex, type FuzzyHit } from '../text/similarity';
import { KNOWN_VARIANTS, parseUnitName, type UnitNameCategory } from './names';
import {
  isIsoDate,
  isValidOn,
  officialProvinceName,
  predecessorsOf,
  procuracyName,
  provinceById,
  provinceRecords,
  type ProvinceRecord,
  successorOn,
  type UnitRef,
  unitRef,
} from './units';

export interface UnitAlternative extends UnitRef {
  confidence: number;
}

export type ResolutionQuality =
  /** Equal to the official name after normalisation (case, NFC/NFD, tone placement, abbreviations). */
  | 'exact'
  /** A known variant, a diacritic slip, a typo, a wrong "tỉnh"/"thành phố", or legacy-encoded text. */
  | 'variant'
  /** Several units are about as close: no answer, see alternatives. */
  | 'ambiguous'
  /** Nothing close. */
  | 'unknown'
  /** Clearly not a province or provincial procuracy (area procuracy, department…): not in the registry. */
  | 'not-provincial';

export type Validity = 'valid' | 'expired' | 'future';

export interface UnitResolution {
  input: string;
  match: UnitRef | null;
  /** 0–1: 1 exact, 0.95 a known variant or diacritic slip, lower for typos; 0 without a match. */
  confidence: number;
  /** The unit the matched one became: the one in force on the date when the match had expired. */
  successor?: { name: string; code: string; validFrom: string };
  alternatives: UnitAlternative[];
  quality: ResolutionQuality;
  /** Whether the matched unit is in force on the date. */
  validity?: Validity;
  category: UnitNameCategory;
  /** The input named a procuracy: names in the answer are procuracy names ("VKSND tỉnh …"). */
  procuracy: boolean;
  /** "tỉnh" or "thành phố" as written before the place name, if any. */
  prefix?: 'tỉnh' | 'thành phố';
  /** The registry record matched (code + dates identify it). */
  unit?: ProvinceRecord;
  /** For a unit not yet in force on the date: what it was formed from. */
  predecessors?: UnitRef[];
  /** The input looked like TCVN3/VNI text read as Unicode; it was resolved once converted. */
  legacy?: LegacyFinding;
  /** What differs between the name as written and the official one (legacy text, variant, wrong kind). */
  notes: Bilingual[];
}

/** All records sharing one proper name ("Bắc Ninh": code 27 until 2025-06-30, code 24 after). */
const groups = new Map<string, ProvinceRecord[]>();
for (const record of provinceRecords()) {
  groups.set(record.name, [...(groups.get(record.name) ?? []), record]);
}
const exactIndex = new Map<string, string>();
const variantIndex = new Map<string, string>();
for (const name of groups.keys()) exactIndex.set(matchKey(name), name);
for (const [name, variants] of Object.entries(KNOWN_VARIANTS)) {
  if (!groups.has(name)) throw new Error(`KNOWN_VARIANTS names an unknown unit: ${name}`);
  for (const v of variants) variantIndex.set(parseUnitName(v).place, name);
}
const fuzzy = createFuzzyIndex<string>([
  ...[...groups.keys()].map((name) => ({ text: name, group: name, value: name })),
  ...Object.entries(KNOWN_VARIANTS).flatMap(([name, variants]) =>
    variants.map((v) => ({ text: v, group: name, value: name })),
  ),
]);

/** The record of a name group that a date refers to: in force, else the last expired, else the first future. */
function recordFor(name: string, date: string): { unit: ProvinceRecord; validity: Validity } {
  const records = groups.get(name)!;
  const valid = records.find((r) => isValidOn(r, date));
  if (valid) return { unit: valid, validity: 'valid' };
  const expired = records.filter((r) => r.validTo !== undefined && r.validTo < date);
  if (expired.length > 0) {
    expired.sort((a, b) => b.validTo!.localeCompare(a.validTo!));
    return { unit: expired[0]!, validity: 'expired' };
  }
  const future = [...records].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return { unit: future[0]!, validity: 'future' };
}

const displayName = (unit: ProvinceRecord, procuracy: boolean): string =>
  procuracy ? procuracyName(unit) : officialProvinceName(unit);

const round2 = (n: number): number => Math.round(n * 100) / 100;

function alternativesOf(
  hits: readonly FuzzyHit<string>[],
  date: string,
  procuracy: boolean,
  except?: string,
): UnitAlternative[] {
  const out: UnitAlternative[] = [];
  for (const h of hits) {
    if (h.value === except) continue;
    const { unit } = recordFor(h.value, date);
    out.push({ ...unitRef(unit, displayName(unit, procuracy)), confidence: h.confidence });
  }
  return out;
}

interface Found {
  name: string;
  /** Edits on the folded form (0 for exact, variant and diacritic-only matches). */
  distance: number;
  quality: 'exact' | 'variant';
  confidence: number;
  notes: Bilingual[];
}

function findName(place: string): { found?: Found; near: FuzzyHit<string>[] } {
  const exact = exactIndex.get(place);
  if (exact)
    return { found: { name: exact, distance: 0, quality: 'exact', confidence: 1, notes: [] }, near: [] };
  const variant = variantIndex.get(place);
  if (variant)
    return {
      found: {
        name: variant,
        distance: 0,
        quality: 'variant',
        confidence: 0.95,
        notes: [{ vi: `cách viết khác của "${variant}"`, en: `a variant spelling of "${variant}"` }],
      },
      near: [],
    };
  const outcome = fuzzy.find(place);
  const hit = outcome.match;
  if (!hit) return { near: outcome.near };
  const diacriticsOnly = hit.distance === 0;
  return {
    found: {
      name: hit.value,
      distance: hit.distance,
      quality: 'variant',
      confidence: diacriticsOnly ? 0.95 : hit.confidence,
      notes: [
        diacriticsOnly
          ? { vi: `sai hoặc thiếu dấu so với "${hit.value}"`, en: `diacritics differ from "${hit.value}"` }
          : {
              vi: `gần giống "${hit.value}" (${hit.distance} ký tự khác)`,
              en: `close to "${hit.value}" (${hit.distance} character edit${hit.distance > 1 ? 's' : ''})`,
            },
      ],
    },
    near: outcome.near,
  };
}

/**
 * The official unit a name refers to on a date (YYYY-MM-DD). Procuracy names ("VKSND tỉnh Phú Yên") answer
 * with procuracy names, province names with province names. A name in force only on other dates still
 * matches, with `validity` 'expired' (and the successor in force on the date) or 'future'.
 * Throws RangeError for a malformed date (a caller's error, not a data problem).
 */
export function resolveUnit(name: string, date: string): UnitResolution {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const legacy = inspectLegacyText(name);
  const parsed = parseUnitName(legacy ? legacy.converted : name);
  const { procuracy } = parsed;
  const result: UnitResolution = {
    input: name,
    match: null,
    confidence: 0,
    alternatives: [],
    quality: 'unknown',
    category: parsed.category,
    procuracy,
    notes: [],
  };
  if (parsed.prefix) result.prefix = parsed.prefix;
  if (legacy) {
    result.legacy = legacy;
    result.notes.push({
      vi: `văn bản mã cũ ${legacy.encoding.toUpperCase()}, đọc thành "${legacy.converted}"`,
      en: `legacy ${legacy.encoding.toUpperCase()} text, reads "${legacy.converted}"`,
    });
  }
  if (parsed.category !== 'provincial') {
    result.quality = 'not-provincial';
    result.notes.push({
      vi: 'không phải tên tỉnh, thành phố hay VKSND cấp tỉnh (đơn vị này được đối chiếu trong tài liệu)',
      en: 'not a province or provincial procuracy (such units are matched within the document)',
    });
    return result;
  }
  const { found, near } = findName(parsed.place);
  if (!found) {
    result.alternatives = alternativesOf(near, date, procuracy);
    result.quality = result.alternatives.length > 1 ? 'ambiguous' : 'unknown';
    return result;
  }
  const { unit, validity } = recordFor(found.name, date);
  let { confidence, quality } = found;
  result.notes.push(...found.notes);
  if (parsed.prefix && parsed.prefix !== unit.kind) {
    quality = 'variant';
    if (parsed.prefix === 'thành phố') {
      // "thành phố Quảng Ngãi" may also be the district-level city inside the province.
      confidence = Math.min(confidence, 0.8);
      result.notes.push({
        vi: `${unit.name} là tỉnh, không phải thành phố trực thuộc trung ương (nếu là thành phố cấp huyện thì không thuộc danh mục này)`,
        en: `${unit.name} is a province, not a centrally-run city (a district-level city is not in this register)`,
      });
    } else {
      confidence = Math.min(confidence, 0.95);
      result.notes.push({
        vi: `${unit.name} là thành phố trực thuộc trung ương, không phải tỉnh`,
        en: `${unit.name} is a centrally-run city, not a province`,
      });
    }
  }
  if (legacy) {
    quality = 'variant';
    confidence = Math.min(confidence, 0.9);
  }
  // Hidden characters or look-alike letters of another script: the name only looks like the unit's, so it
  // never counts as an exact match (issue 10: a twin "Gia Lai" with U+200E or a Cyrillic "а").
  const hostile = inspectHostileText(name);
  if (hostile) {
    quality = 'variant';
    confidence = Math.min(confidence, 0.5);
    const codes = [...new Set([...hostile.hidden, ...hostile.lookalikes].map((h) => h.code))].join(', ');
    result.notes.push(
      hostile.hidden.length > 0
        ? {
            vi: `tên chứa ký tự không nhìn thấy (${codes}): chỉ trông giống ${unit.name}; hãy xoá và gõ lại`,
            en: `the name holds invisible characters (${codes}): it only looks like ${unit.name}; delete and retype it`,
          }
        : {
            vi: `tên có chữ cái Kirin/Hy Lạp trông như chữ Latinh (${codes}): chỉ trông giống ${unit.name}; hãy gõ lại`,
            en: `the name has Cyrillic/Greek letters that look Latin (${codes}): it only looks like ${unit.name}; retype it`,
          },
    );
  }
  result.match = unitRef(unit, displayName(unit, procuracy));
  result.confidence = round2(confidence);
  result.quality = quality;
  result.validity = validity;
  result.unit = unit;
  // A typo match lists the other names within reach; an exact or diacritic-only match needs none.
  if (found.distance > 0) {
    const reach = near.filter((h) => h.distance <= found.distance + 1);
    result.alternatives = alternativesOf(reach, date, procuracy, found.name).slice(0, 3);
  }
  const next =
    validity === 'expired' ? successorOn(unit, date) : unit.successor && provinceById(unit.successor);
  if (next)
    result.successor = { name: displayName(next, procuracy), code: next.code, validFrom: next.validFrom };
  if (validity === 'future') {
    const before = predecessorsOf(unit).filter((p) => isValidOn(p, date));
    result.predecessors = before.map((p) => unitRef(p, displayName(p, procuracy)));
  }
  return result;
}
