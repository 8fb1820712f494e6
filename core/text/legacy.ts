/**
 * Legacy 8-bit Vietnamese encodings still found in old government files, as they look once read as
 * Unicode (each byte taken as the Latin-1 character of the same number):
 * - TCVN3 (TCVN 5712:1993, "ABC", .VnTime fonts): one byte per lower-case letter, "Ninh Bình" → "Ninh B×nh".
 *   Upper-case toned letters have no code: all-caps text was typed in lower case with a ".VnTimeH" font.
 * - VNI (VNI-Windows fonts): a base letter followed by a mark byte, "Xin chào" → "Xin chaøo".
 * The tables are re-derived here from the layout of each standard (TCVN3: a row of five tones per vowel;
 * VNI: base + mark rules) and checked against the public tables of duydev/vietnamese-conversion (MIT) and
 * the samples in test/core/text/legacy.test.ts. The rarer "VN1" variant of TCVN (upper-case letters in the
 * C0/C1 control range) is not handled: its codes collide with Windows-1252 punctuation.
 */
import { isVietnameseSyllable } from './tone';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Combining tones in the order both standards list them: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

const compose = (base: string, ...marks: string[]): string => (base + marks.join('')).normalize('NFC');

/* ---------- TCVN3 ---------- */

/** Each vowel's five toned forms, in TONES order, at these byte values. */
const TCVN3_TONED: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
/** The toneless letters outside ASCII: upper case at A1–A7, lower case at A8–AE (ư is the soft hyphen). */
const TCVN3_LETTERS = 'ĂÂÊÔƠƯĐăâêôơưđ';

const TCVN3 = new Map<string, string>();
for (const [vowel, bytes] of TCVN3_TONED) {
  bytes.forEach((byte, tone) => {
    TCVN3.set(String.fromCharCode(byte), compose(vowel, TONES[tone]!));
  });
}
for (let i = 0; i < TCVN3_LETTERS.length; i++) TCVN3.set(String.fromCharCode(0xa1 + i), TCVN3_LETTERS[i]!);

/* ---------- VNI ---------- */

/** VNI mark bytes (lower-case glyph; the upper-case glyph is its Latin-1 capital), tone order as TONES. */
const VNI_TONE = ['ø', 'û', 'õ', 'ù', 'ï'];
const VNI_CIRCUMFLEX = 'â';
const VNI_CIRCUMFLEX_TONE = ['à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE = 'ê';
const VNI_BREVE_TONE = ['è', 'ú', 'ü', 'é', 'ë'];
/** One-byte letters: ơ ư đ, the toned i (no base + mark for i), and ỵ. */
const VNI_SINGLE: ReadonlyArray<readonly [string, string]> = [
  ['ô', 'ơ'],
  ['ö', 'ư'],
  ['ñ', 'đ'],
  ['ì', 'ì'],
  ['æ', 'ỉ'],
  ['ó', 'ĩ'],
  ['í', 'í'],
  ['ò', 'ị'],
  ['î', 'ỵ'],
];

const VNI = new Map<string, string>();
{
  const add = (base: string, marks: string, unicode: string): void => {
    // Case follows the base letter; the mark may come in either case (all-caps text mixes them).
    for (const b of [base, base.toUpperCase()]) {
      const out = b === base ? unicode : unicode.toUpperCase();
      VNI.set(b + marks, out);
      VNI.set(b + marks.toUpperCase(), out);
    }
  };
  for (const [byte, letter] of VNI_SINGLE) {
    VNI.set(byte, letter);
    VNI.set(byte.toUpperCase(), letter.toUpperCase());
  }
  const bases: ReadonlyArray<readonly [string, string]> = [
    ['a', 'a'],
    ['e', 'e'],
    ['o', 'o'],
    ['u', 'u'],
    ['y', 'y'],
    ['ô', 'ơ'],
    ['ö', 'ư'],
  ];
  for (const [byte, letter] of bases) {
    VNI_TONE.forEach((mark, tone) => {
      add(byte, mark, compose(letter, TONES[tone]!));
    });
  }
  for (const vowel of ['a', 'e', 'o']) {
    add(vowel, VNI_CIRCUMFLEX, compose(vowel, '\u0302'));
    VNI_CIRCUMFLEX_TONE.forEach((mark, tone) => {
      add(vowel, mark, compose(vowel, '\u0302', TONES[tone]!));
    });
  }
  add('a', VNI_BREVE, compose('a', '\u0306'));
  VNI_BREVE_TONE.forEach((mark, tone) => {
    add('a', mark, compose('a', '\u0306', TONES[tone]!));
  });
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VNI_PATTERN = new RegExp(
  [...VNI.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|'),
  'g',
);
const TCVN3_PATTERN = new RegExp(`[${[...TCVN3.keys()].map(escapeRegex).join('')}]`, 'g');

/**
 * Letters typed in lower case under an all-caps legacy font come out in capitals: "NINH B×NH" → "NINH BÌNH".
 * A word counts as all-caps when it has at least two ASCII letters, all capitals, or when the whole text
 * has no lower-case ASCII letter ("Hµ" alone stays "Hà": one capital is just a capital).
 */
function restoreCapitals(converted: string): string {
  const asciiLetters = converted.replace(/[^A-Za-z]/g, '');
  const textAllCaps = asciiLetters.length >= 2 && asciiLetters === asciiLetters.toUpperCase();
  return converted.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (textAllCaps) return word.toUpperCase();
    const ascii = word.replace(/[^A-Za-z]/g, '');
    return ascii.length >= 2 && ascii === ascii.toUpperCase() ? word.toUpperCase() : word;
  });
}

/** Text in a legacy encoding (as read into Unicode) converted to Unicode NFC. */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'tcvn3') return restoreCapitals(text.replace(TCVN3_PATTERN, (c) => TCVN3.get(c)!));
  return text.replace(VNI_PATTERN, (s) => VNI.get(s)!).normalize('NFC');
}

/* ---------- detection ---------- */

/** Every legacy byte lies in A1–FF; Unicode text without any of them cannot be legacy text. */
const LEGACY_RANGE = /[\u00A1-\u00FF]/;
const TOKEN = /[\p{L}\p{M}\u00A1-\u00BF\u00D7\u00F7]+/gu;
const VIETNAMESE_LETTERS =
  /^[A-Za-z\u00C0-\u00C3\u00C8-\u00CA\u00CC\u00CD\u00D2-\u00D5\u00D9\u00DA\u00DD\u00E0-\u00E3\u00E8-\u00EA\u00EC\u00ED\u00F2-\u00F5\u00F9\u00FA\u00FD\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]+$/;

/** Words of the text that are not plain ASCII: the ones an encoding mix-up changes. */
function markedTokens(text: string): string[] {
  const out: string[] = [];
  for (const token of text.normalize('NFC').match(TOKEN) ?? []) {
    if (/^[\x00-\x7F]*$/.test(token)) continue;
    // A lone symbol ("3 × 4") is not a word in any encoding.
    if (token.length === 1 && !/\p{L}/u.test(token)) continue;
    out.push(token);
  }
  return out;
}

const validWords = (tokens: readonly string[]): number =>
  tokens.filter((t) => VIETNAMESE_LETTERS.test(t) && isVietnameseSyllable(t)).length;

export interface LegacyFinding {
  encoding: LegacyEncoding;
  /** The text converted to Unicode. */
  converted: string;
  /** Share of the non-ASCII words that are Vietnamese syllables once converted (0–1). */
  confidence: number;
}

/**
 * Whether the text looks like TCVN3 or VNI read as Unicode, and what it says once converted. The text is
 * taken as legacy when some of its words are not Vietnamese (characters outside the alphabet, or shapes no
 * syllable has) and one encoding turns more of them into Vietnamese syllables than the text has now.
 */
export function inspectLegacyText(text: string): LegacyFinding | null {
  if (!LEGACY_RANGE.test(text)) return null;
  const tokens = markedTokens(text);
  if (tokens.length === 0) return null;
  const asIs = validWords(tokens);
  if (asIs === tokens.length) return null;
  let best: LegacyFinding | null = null;
  let bestValid = asIs;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const converted = convertLegacy(text, encoding);
    const convertedTokens = markedTokens(converted);
    const valid = validWords(convertedTokens);
    if (valid > bestValid) {
      bestValid = valid;
      best = { encoding, converted, confidence: convertedTokens.length ? valid / convertedTokens.length : 0 };
    }
  }
  return best;
}

/** 'tcvn3' or 'vni' when the text looks legacy-encoded (see inspectLegacyText), else null. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  return inspectLegacyText(text)?.encoding ?? null;
}
