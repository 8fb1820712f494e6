/**
 * Typo tolerance: which known name a misspelt one means, with a confidence, and "no answer" when two
 * names are about as close (an ambiguous misspelling must never be guessed: "Quang N" could be three
 * provinces). Distances are edit distances on the folded form (no diacritics, no spaces), so "Đắc Nông"
 * is one edit from "Đắk Nông"; the distance with diacritics ranks names equal on the folded form and
 * settles "same letters, other diacritics" against "one letter away".
 */
import { distance } from 'fastest-levenshtein';
import { foldDiacritics } from './normalize';

/** Lower case, no diacritics, letters and digits only: "Đắk Lắk" → "daklak". */
export function compactFold(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Edits allowed for a name of this many folded letters: none for short names, where one edit is a new name. */
export function allowedEdits(length: number): number {
  return length < 5 ? 0 : length < 9 ? 1 : 2;
}

/** The most edits that still matter: two allowed, plus the margin of two a match needs over the next name. */
const FAR = 4;

export interface FuzzyEntry<T> {
  /** The name as written (diacritics kept, any case). */
  text: string;
  /** What the name stands for; entries with the same group are one answer. */
  group: string;
  value: T;
}

export interface FuzzyHit<T> {
  group: string;
  value: T;
  text: string;
  /** Edits on the folded form. */
  distance: number;
  /** 0–1. */
  confidence: number;
}

export interface FuzzyOutcome<T> {
  /** The one answer, when the best group is within the allowed edits and clear of the next one. */
  match?: FuzzyHit<T>;
  /** Close groups, best first (the match included), for "did you mean". */
  near: FuzzyHit<T>[];
}

interface Prepared<T> extends FuzzyEntry<T> {
  compact: string;
  tokens: string[];
  lower: string;
}

const tokensOf = (text: string): string[] =>
  foldDiacritics(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Every query word starts some word of the name: "binh" → Bình Định, Ninh Bình; "quang n" → Quảng Nam. */
function prefixCovers(query: readonly string[], name: readonly string[]): boolean {
  return query.length > 0 && query.every((q) => name.some((n) => n.startsWith(q)));
}

export interface FuzzyIndex<T> {
  find(query: string, options?: { maxNear?: number }): FuzzyOutcome<T>;
}

export function createFuzzyIndex<T>(entries: readonly FuzzyEntry<T>[]): FuzzyIndex<T> {
  const prepared: Prepared<T>[] = entries.map((e) => ({
    ...e,
    compact: compactFold(e.text),
    tokens: tokensOf(e.text),
    lower: e.text.normalize('NFC').toLowerCase(),
  }));
  return {
    find(query, options = {}) {
      const q = compactFold(query);
      if (q.length === 0) return { near: [] };
      const qTokens = tokensOf(query);
      const qLower = query.normalize('NFC').toLowerCase();
      const best = new Map<string, { hit: FuzzyHit<T>; tie: number; length: number; prefix: boolean }>();
      for (const e of prepared) {
        // Beyond FAR edits a name can neither match nor be "near": the length gap is enough to rank it.
        const gap = Math.abs(q.length - e.compact.length);
        const d = gap > FAR ? gap : distance(q, e.compact);
        // Ties on the folded form are broken by the distance with diacritics ("Quãng" is nearer Quảng).
        const tie = d > FAR ? d : distance(qLower, e.lower);
        const prefix = prefixCovers(qTokens, e.tokens);
        const current = best.get(e.group);
        if (!current || d < current.hit.distance || (d === current.hit.distance && tie < current.tie)) {
          const length = Math.max(q.length, e.compact.length);
          const confidence = Math.round(100 * 0.9 * (1 - d / length)) / 100;
          best.set(e.group, {
            hit: { group: e.group, value: e.value, text: e.text, distance: d, confidence },
            tie,
            length: e.compact.length,
            prefix: prefix || (current?.prefix ?? false),
          });
        } else if (prefix) current.prefix = true;
      }
      const ranked = [...best.values()].sort((a, b) => a.hit.distance - b.hit.distance || a.tie - b.tie);
      const first = ranked[0];
      let match: FuzzyHit<T> | undefined;
      if (first && first.hit.distance <= allowedEdits(first.length)) {
        const d = first.hit.distance;
        const rivals = ranked.slice(1).filter((r) => r.hit.distance <= d + 1);
        // Text without any diacritic gives no evidence beyond its letters: "quang binh" is Quảng Bình.
        const plain = /^[\x00-\x7F]*$/.test(query);
        // Otherwise a rival one edit further loses only to clearly nearer diacritics: "Quãng Bình" is Quảng Bình
        // and "Hậu Giag" Hậu Giang, but "Quảng Binh" (Quảng Ninh with N→B, or Quảng Bình without its grave)
        // stays unanswered.
        const margin = d === 0 ? 1 : 2;
        if (rivals.every((r) => r.hit.distance === d + 1 && (plain ? d === 0 : first.tie + margin <= r.tie)))
          match = first.hit;
      }
      // Names the query is a beginning of come first ("Binh" → the four Bình… and the …Bình provinces).
      const near = ranked
        .filter((r) => r.prefix || r.hit.distance <= allowedEdits(r.length) + 1)
        .sort((a, b) => Number(b.prefix) - Number(a.prefix))
        .slice(0, options.maxNear ?? 8)
        .map((r) => r.hit);
      return match ? { match, near } : { near };
    },
  };
}
