import { isIsoDate } from './units';
import { resolveUnit } from './resolve';

/** resolveUnit's confidence for a known variant or a diacritic slip; typos score lower. */
export const VARIANT_CONFIDENCE = 0.95;

/**
 * The registry identity of a provincial unit name on a date ("Đăk Lăk" and "Đắk Lắk" are one unit); undefined
 * for other names (area units, departments), which are matched by spelling only, and when no date is known.
 */
export function provincialIdentity(
  date: string | undefined,
): ((name: string) => string | undefined) | undefined {
  if (date === undefined || !isIsoDate(date)) return undefined;
  return (name) => {
    const r = resolveUnit(name, date);
    // The record (code and start date) is the identity: "Đắk Lắk" the province and "VKSND tỉnh Đắk Lắk" its
    // procuracy are one member of a cluster. Only exact names, known variants and diacritic slips (confidence
    // 0.95 or more): a typo such as "Gia Lay" stays an unknown reference, never a silent guess.
    return r.category === 'provincial' && r.unit && r.match && r.confidence >= VARIANT_CONFIDENCE
      ? `${r.unit.code}|${r.unit.validFrom}`
      : undefined;
  };
}
