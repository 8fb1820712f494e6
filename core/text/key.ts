/**
 * The matching key of a name: what two spellings of the same name have in common. NFC or NFD, old or new
 * tone placement ("Hoà"/"Hòa"), case, spacing, dashes, "TP."/"Thành phố", "VKSND"/"Viện KSND"/"Viện kiểm sát
 * nhân dân", "Chiến sỹ"/"Chiến sĩ" all give one key; diacritics stay (see comparisonKey in normalize.ts).
 * Used to match references inside a document, so it is deterministic and cached.
 */
import { comparisonKey } from './normalize';

const CACHE_LIMIT = 20_000;
const cache = new Map<string, string>();

export function matchKey(name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    key = comparisonKey(name);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(name, key);
  }
  return key;
}
