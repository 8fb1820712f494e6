/**
 * One person across yearly files. Names are compared with core/text (matchKey, then the folded form, with a
 * confidence); the unit by its line (lines.ts); dates of birth and service start, where both
 * files have them, tell apart two people of one name. Two people of one name are never merged silently: a
 * different unit or a different date keeps them apart, and the reason is said.
 */
import type { Person } from '../model/types';
import type { Bilingual } from '../issues/issue';
import { matchKey } from '../text/key';
import { compactFold } from '../text/similarity';
import { lineKey } from './lines';

/**
 * How sure a spelling is the same name: 1 for the same matching key (NFC/NFD, tone placement, case, spacing),
 * 0.95 for the same letters with other or missing diacritics ("Nguyen Van Thanh"), else 0. No edit distance:
 * one letter tells Vietnamese names apart (An/Anh, Trung/Trang), so a typo is never taken for the same person.
 */
export function nameConfidence(a: string, b: string): number {
  if (matchKey(a) === matchKey(b)) return 1;
  const x = compactFold(a);
  return x !== '' && x === compactFold(b) ? 0.95 : 0;
}

/** The smallest confidence a different spelling needs to count as the same name. */
export const NAME_THRESHOLD = 0.8;

export interface PersonSighting {
  name: string;
  unit: string;
  year: number;
  birthDate?: string;
  serviceStart?: string;
  recruited?: string;
}

export interface PersonComparison {
  same: boolean;
  confidence: number;
  reason: Bilingual;
}

export function sightingOf(p: Person, year: number): PersonSighting {
  const s: PersonSighting = { name: p.name, unit: p.unit, year };
  const birth = (p as Person & { birthDate?: unknown }).birthDate;
  if (typeof birth === 'string') s.birthDate = birth;
  if (p.serviceStart) s.serviceStart = p.serviceStart;
  if (p.recruited) s.recruited = p.recruited;
  return s;
}

const DATE_FIELDS = [
  ['birthDate', { vi: 'ngày sinh', en: 'date of birth' }],
  ['serviceStart', { vi: 'ngày vào ngành', en: 'service start' }],
  ['recruited', { vi: 'ngày tuyển dụng', en: 'recruitment date' }],
] as const;

export function comparePeople(a: PersonSighting, b: PersonSighting): PersonComparison {
  const name = nameConfidence(a.name, b.name);
  if (name < NAME_THRESHOLD)
    return { same: false, confidence: 0, reason: { vi: 'khác tên', en: 'different names' } };
  let agreeing: (typeof DATE_FIELDS)[number][1] | undefined;
  for (const [field, label] of DATE_FIELDS) {
    const x = a[field];
    const y = b[field];
    if (x === undefined || y === undefined) continue;
    if (x !== y)
      return {
        same: false,
        confidence: 0,
        reason: {
          vi: `cùng tên nhưng khác ${label.vi} (${x}, ${y})`,
          en: `same name, different ${label.en}`,
        },
      };
    agreeing ??= label;
  }
  const sameLine = lineKey(a.unit, a.year) === lineKey(b.unit, b.year);
  if (!sameLine) {
    if (!agreeing)
      return {
        same: false,
        confidence: 0,
        reason: {
          vi: `cùng tên nhưng khác đơn vị (${a.unit}, ${b.unit})`,
          en: `same name, different units (${a.unit}, ${b.unit})`,
        },
      };
    // Same date, other unit: a transfer, said with a lower confidence.
    return {
      same: true,
      confidence: Math.round(name * 80) / 100,
      reason: {
        vi: `cùng ${agreeing.vi}, khác đơn vị (chuyển công tác?)`,
        en: `same ${agreeing.en}, other unit (transferred?)`,
      },
    };
  }
  const spelling =
    name < 1 ? { vi: `, tên viết khác "${b.name}"`, en: `, spelt "${b.name}"` } : { vi: '', en: '' };
  return {
    same: true,
    confidence: name,
    reason: agreeing
      ? {
          vi: `cùng đơn vị, cùng ${agreeing.vi}${spelling.vi}`,
          en: `same unit and ${agreeing.en}${spelling.en}`,
        }
      : { vi: `cùng đơn vị${spelling.vi}`, en: `same unit${spelling.en}` },
  };
}
