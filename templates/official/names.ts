/**
 * Names as a signed document prints them: the registry's official name of a provincial unit on the document's
 * date ("VKSND tỉnh Quãng Ngãi" as typed → "VKSND tỉnh Quảng Ngãi"), never a variant as typed. A name the
 * registry does not hold (an area procuracy, a department) or cannot decide (ambiguous) is printed as typed.
 */
import { type ClusterDocument, documentDate, resolveUnit } from '../../core';

/** Below this the registry's match is a guess, not a spelling fix: the name stays as typed. */
const MIN_CONFIDENCE = 0.8;

export function officialNamer(
  doc: Pick<ClusterDocument, 'kind' | 'year' | 'period'>,
): (name: string) => string {
  const date = documentDate(doc);
  const cache = new Map<string, string>();
  return (name) => {
    let found = cache.get(name);
    if (found === undefined) {
      const r = resolveUnit(name, date);
      found = r.match && r.procuracy && r.confidence >= MIN_CONFIDENCE ? r.match.name : name;
      cache.set(name, found);
    }
    return found;
  };
}

/** The rule set named by its legal documents ("Luật …; Nghị định 91/2017/NĐ-CP; Thông tư 01/2019/TT-VKSTC"). */
export function ruleSetDocuments(documents: readonly { document: string }[]): string {
  return documents.map((d) => d.document).join('; ');
}
