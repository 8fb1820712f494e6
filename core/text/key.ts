/**
 * The matching key of a name: what two spellings of the same name have in common.
 * Placeholder kept deliberately small; core/text grows the full normalisation (tone placement,
 * prefixes, legacy encodings) behind this same signature.
 */
export function matchKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}
