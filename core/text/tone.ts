/**
 * Vietnamese tone marks: where a syllable carries its tone, and whether a word is a Vietnamese syllable.
 * Two placements are in use for open syllables with oa / oe / uy: the old one ("hoà", "thuỷ", "khoẻ") and
 * the new one ("hòa", "thủy", "khỏe"); official lists mix both (the 2025 merge list has "Hoà Bình" and
 * "Thanh Hóa"). One canonical placement (the new one) makes both spellings compare equal.
 */

/** Tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng. */
const TONE_MARKS = '\u0300\u0301\u0309\u0303\u0323';
const VOWELS = 'aăâeêioôơuưy';
/** Vowels carrying a quality mark (breve, circumflex, horn): they take the tone when present. */
const MARKED_VOWELS = 'ăâêôơư';

interface Toned {
  base: string;
  /** Index in TONE_MARKS, or -1 when the letter carries no tone. */
  tone: number;
}

/** Precomposed letter → its toneless letter and tone; built once from Unicode decomposition. */
const toneOf = new Map<string, Toned>();
/** Toneless letter + tone → precomposed letter. */
const withTone = new Map<string, string>();

for (const lower of VOWELS) {
  for (const base of [lower, lower.toUpperCase()]) {
    for (let tone = 0; tone < TONE_MARKS.length; tone++) {
      const composed = (base + TONE_MARKS[tone]).normalize('NFC');
      toneOf.set(composed, { base, tone });
      withTone.set(base + tone, composed);
    }
  }
}

/** The letter without its tone mark (quality marks kept): "ắ" → "ă". */
export function stripTone(letter: string): string {
  return toneOf.get(letter)?.base ?? letter;
}

const isVowel = (lowerLetter: string): boolean => VOWELS.includes(lowerLetter);

/**
 * The index (in the toneless, lower-case syllable) of the vowel that carries the tone, under the new
 * placement rule; -1 when the word is not shaped like a Vietnamese syllable (foreign words stay untouched).
 */
export function toneIndex(lower: string): number {
  let first = -1;
  for (let i = 0; i < lower.length; i++) {
    if (isVowel(lower[i]!)) {
      first = i;
      break;
    }
  }
  if (first < 0) return -1;
  // "qu" and "gi" before another vowel are onsets: their u / i never carry the tone (quý, già).
  if (first === 1 && lower[0] === 'q' && lower[1] === 'u' && isVowel(lower[2] ?? '')) first = 2;
  else if (first === 1 && lower[0] === 'g' && lower[1] === 'i' && isVowel(lower[2] ?? '')) first = 2;
  let end = first;
  while (end < lower.length && isVowel(lower[end]!)) end++;
  for (let i = end; i < lower.length; i++) if (isVowel(lower[i]!)) return -1;
  const count = end - first;
  if (count === 1) return first;
  let marked = -1;
  for (let i = first; i < end; i++) if (MARKED_VOWELS.includes(lower[i]!)) marked = i;
  if (marked >= 0) return marked; // ươ → ơ (người), else the one marked vowel (thuyền, muối)
  if (end < lower.length) return end - 1; // a coda pulls the tone to the last vowel (hoàng, huỳnh)
  if (count === 2) return first; // open: hòa, thủy, mái, kìa
  return first + 1; // open triphthong: ngoài, xoáy, khuỷu
}

/**
 * One word with its tone moved to the canonical vowel. Words with no tone, several tones, or a shape that
 * is not a Vietnamese syllable come back unchanged. Case is kept letter by letter.
 */
export function placeTone(word: string): string {
  let tone = -1;
  let toneless = '';
  for (const ch of word) {
    const t = toneOf.get(ch);
    if (t && t.tone >= 0) {
      if (tone >= 0) return word;
      tone = t.tone;
      toneless += t.base;
    } else toneless += ch;
  }
  if (tone < 0) return word;
  const at = toneIndex(toneless.toLowerCase());
  if (at < 0) return word;
  const target = withTone.get(toneless[at]! + tone);
  if (!target) return word;
  return toneless.slice(0, at) + target + toneless.slice(at + 1);
}

const WORD = /[\p{L}\p{M}]+/gu;
const NEEDS_WORK = /[\u00C0-\u1EF9]/;

/** Every word of an NFC text with its tone on the canonical vowel: "Khánh Hoà" → "Khánh Hòa". */
export function normalizeTonePlacement(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(WORD, placeTone);
}

/* ---------- syllable shape (used to tell Vietnamese text from legacy-encoded text) ---------- */

// Plus the kr / dr / bl / pl clusters of Central Highlands place names (Krông Pắc).
const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|kr|dr|bl|pl|[bcdđghklmnprstvx])?';
/** Nuclei ending in a glide (i/y, o/u) close the syllable themselves: no coda may follow ("au" yes, "aung" no). */
const OPEN_NUCLEUS =
  '(?:uya|uyu|iêu|yêu|uôi|ươi|ươu|oai|oay|oeo|uây|ia|ua|ưa|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu)';
/** Nuclei taking "nh" / "ch" (anh, ênh, inh, oanh, uynh, uênh); other codas follow any closable nucleus. */
const PALATAL_NUCLEUS = '(?:uyê|oa|uy|uê|[aêiy])';
const CLOSABLE_NUCLEUS = '(?:uyê|uâ|oă|oa|oe|oo|uê|uô|uơ|ươ|uy|iê|yê|[aăâeêioôơuưy])';
const SYLLABLE = new RegExp(
  `^${ONSET}(?:${OPEN_NUCLEUS}|${PALATAL_NUCLEUS}(?:nh|ch)|${CLOSABLE_NUCLEUS}(?:ng|[cmnptk])?)$`,
);

/**
 * Whether a word is shaped like one Vietnamese syllable: onset, vowel nucleus, coda, at most one tone.
 * Permissive on purpose (accepts "k" codas as in Đắk Lắk); it only has to reject what legacy encodings
 * produce when read as Unicode ("chaøo", "Yeân", "B×nh").
 */
export function isVietnameseSyllable(word: string): boolean {
  let tones = 0;
  let toneless = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const t = toneOf.get(ch);
    if (t && t.tone >= 0) {
      tones++;
      toneless += t.base;
    } else toneless += ch;
  }
  return tones <= 1 && SYLLABLE.test(toneless);
}
