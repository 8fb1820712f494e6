/**
 * Vietnamese text as people type it, brought to one form: NFC, one tone placement, one kind of dash and
 * space, and the sector's abbreviations spelt one way. Legacy 8-bit encodings are NOT converted here
 * (see legacy.ts): such text must be flagged, never silently accepted.
 */
import { visibleSkeleton } from './hostile';
import { normalizeTonePlacement } from './tone';

/** Icelandic eth (Ð ð) is often typed for Đ đ; it is never Vietnamese. */
const ETH = /[\u00D0\u00F0]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/**
 * Text for display and storage: NFC, Đ instead of eth, canonical tone placement, ASCII hyphen for every
 * dash, single spaces, trimmed. Case and wording are kept: "Khánh  Hoà" → "Khánh Hòa".
 */
export function normalizeVietnamese(text: string): string {
  const nfc = text
    .normalize('NFC')
    .replace(ETH, (c) => (c === '\u00D0' ? 'Đ' : 'đ'))
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
  return normalizeTonePlacement(nfc);
}

/** Latin letter with Vietnamese marks → bare ASCII letter, cached per character. */
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    if (ch === 'đ') folded = 'd';
    else if (ch === 'Đ') folded = 'D';
    else folded = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    foldCache.set(ch, folded);
  }
  return folded;
}

/** Without any diacritic: "Đắk Lắk" → "Dak Lak". For typo-tolerant comparison only, never for display. */
export function foldDiacritics(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch < '\u0080' ? ch : foldChar(ch);
  return out;
}

/**
 * Spelling variants of the sector's words, rewritten in one pass over lower-case normalised text:
 * "TP." / "Tp" / "T.P." → "thành phố"; "viện kiểm sát nhân dân" / "viện kiểm sát" / "viện ksnd" / "vks" →
 * "vksnd"; "vkstc" → "vksnd tối cao"; "sỹ" → "sĩ" (Chiến sĩ / Chiến sỹ: one word, two spellings).
 * Long forms come first in the alternation so they win over the short ones they contain.
 */
const ABBREVIATION =
  /(?<![\p{L}\p{N}])(?:(t\.?\s?p)(?:\.\s*|(?![\p{L}\p{N}]))|(viện kiểm sát nhân dân|viện kiểm sát|viện ksnd|vkstc|vksnd|vks|sỹ)(?![\p{L}\p{N}]))/gu;

function spellOut(_match: string, city: string | undefined, word: string | undefined): string {
  if (city) return 'thành phố ';
  if (word === 'sỹ') return 'sĩ';
  if (word === 'vkstc') return 'vksnd tối cao';
  return 'vksnd';
}

/**
 * The comparison form of a name: normalised (see normalizeVietnamese), lower case, dashes as spaces,
 * quotes and edge punctuation dropped, abbreviations spelt out one way. Diacritics are kept: "Ân" and
 * "An" are different people. Deterministic; cached because documents repeat the same names.
 */
export function comparisonKey(name: string): string {
  // Hidden characters and look-alike letters do not make another name (they are reported by the checks).
  let key = visibleSkeleton(normalizeVietnamese(name)).toLowerCase();
  key = key.replace(/[-_]/g, ' ').replace(/["“”'‘’`«»]/g, '');
  key = key.replace(ABBREVIATION, spellOut);
  return key
    .replace(/ +/g, ' ')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '')
    .trim();
}
