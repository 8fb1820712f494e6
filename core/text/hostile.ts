/**
 * Characters that make two different texts look the same: control characters, invisible (zero-width)
 * characters, bidirectional controls, and Cyrillic or Greek letters that look like Latin ones (a Cyrillic
 * "а" in "Gia Lai"). `inspectHostileText` reports them so a name is never matched silently;
 * `visibleSkeleton` removes or maps them, so a look-alike twin collides with the name it imitates.
 */

/** C0 (but tab, line feed, carriage return), DEL and C1. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional marks, embeddings, overrides and isolates. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Zero-width and other characters that draw nothing (the byte-order mark included). */
// Built from text: variation selectors (combining marks) are listed on purpose, to be found.
const INVISIBLE_CLASS =
  '[\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200D\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS);
const ANY_HIDDEN = new RegExp(`${CONTROL.source}|${BIDI.source}|${INVISIBLE.source}`, 'g');

/** Cyrillic and Greek letters drawn like a Latin letter, with the Latin letter they imitate. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'ë',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  ѵ: 'v',
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'Ë',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ї: 'Ï',
  Ј: 'J',
  Ѕ: 'S',
  Һ: 'H',
  Ԁ: 'D',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  Ү: 'Y',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const CYRILLIC_OR_GREEK = /[\u0370-\u03FF\u0400-\u052F]/;
const LATIN = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;
/** Cheap first test: nothing to do for text without any of these. */
const SUSPECT = new RegExp(`${ANY_HIDDEN.source}|${CYRILLIC_OR_GREEK.source}`);

export interface HiddenCharacter {
  /** "U+200E". */
  code: string;
  kind: 'control' | 'bidi' | 'invisible';
}

export interface HostileText {
  hidden: HiddenCharacter[];
  /** Look-alike letters of another script in a Latin-script text: the letter and what it imitates. */
  lookalikes: { char: string; code: string; looksLike: string }[];
}

const codeOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What in `text` could make it look like another text; undefined when nothing does. */
export function inspectHostileText(text: string): HostileText | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const hidden: HiddenCharacter[] = [];
  const lookalikes: HostileText['lookalikes'] = [];
  const mixed = LATIN.test(text);
  for (const ch of text.normalize('NFD')) {
    if (CONTROL.test(ch)) hidden.push({ code: codeOf(ch), kind: 'control' });
    else if (BIDI.test(ch)) hidden.push({ code: codeOf(ch), kind: 'bidi' });
    else if (INVISIBLE.test(ch)) hidden.push({ code: codeOf(ch), kind: 'invisible' });
    else if (mixed && CONFUSABLE[ch] !== undefined)
      lookalikes.push({ char: ch, code: codeOf(ch), looksLike: CONFUSABLE[ch]! });
  }
  return hidden.length || lookalikes.length ? { hidden, lookalikes } : undefined;
}

/**
 * The text as it is seen: hidden characters removed and, in a text that also has Latin letters, look-alike
 * letters replaced by the Latin letter they imitate. Used for matching keys only, never for display.
 */
export function visibleSkeleton(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const stripped = text.replace(ANY_HIDDEN, '');
  if (!LATIN.test(stripped) || !CYRILLIC_OR_GREEK.test(stripped)) return stripped;
  let out = '';
  for (const ch of stripped.normalize('NFD')) out += CONFUSABLE[ch] ?? ch;
  return out.normalize('NFC');
}

/** The text with each hidden character shown as ⟨U+200E⟩, safe to print in a message. */
export function showHidden(text: string): string {
  return text.replace(ANY_HIDDEN, (ch) => `⟨${codeOf(ch)}⟩`);
}
