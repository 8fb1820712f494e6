/**
 * Where a rule comes from. `verified` says whether the article (not just the document) was checked against a
 * source (DOMAIN.md or a published text, recorded in docs/awards.md); an unverified article is never printed
 * as if it were known: the document alone is cited, marked "điều khoản chưa xác minh".
 */
import type { Bilingual } from '../issues/issue';

export interface Citation {
  /** e.g. "Thông tư 02/2024/TT-VKSTC". */
  document: string;
  /** e.g. "Điều 18". Present only when verified. */
  article?: string;
  /** e.g. "khoản 2". */
  clause?: string;
  verified: boolean;
}

export function cite(document: string, article?: string, clause?: string): Citation {
  const c: Citation = { document, verified: article !== undefined };
  if (article) c.article = article;
  if (clause) c.clause = clause;
  return c;
}

export function formatCitation(c: Citation): Bilingual {
  if (!c.article) {
    return {
      vi: `${c.document} (điều khoản chưa xác minh)`,
      en: `${c.document} (article not verified)`,
    };
  }
  const tail = [c.article, c.clause].filter(Boolean).join(', ');
  const en = tail.replace('Điều', 'Article').replace('khoản', 'clause').replace('điểm', 'point');
  return { vi: `${c.document}, ${tail}`, en: `${c.document}, ${en}` };
}

export function formatCitations(list: readonly Citation[]): Bilingual {
  const parts = list.map(formatCitation);
  return { vi: parts.map((p) => p.vi).join('; '), en: parts.map((p) => p.en).join('; ') };
}
