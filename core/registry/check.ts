/**
 * checkDocumentUnits: every member of a cluster document whose name refers to a province or provincial
 * procuracy is checked against the registry for the document's date (31 December of `year`, or the end of
 * a campaign's period). Area procuracies and departments are left to the document's own matching.
 */
import type { ClusterDocument } from '../model/types';
import { type Issue, makeIssue } from '../issues/issue';
import { inspectLegacyText } from '../text/legacy';
import { resolveUnit } from './resolve';
import { isIsoDate, officialProvinceName, provinceByCode } from './units';

/** The date a document's unit names are read on. */
export function documentDate(doc: Pick<ClusterDocument, 'kind' | 'year' | 'period'>): string {
  if (doc.kind === 'campaign' && doc.period && isIsoDate(doc.period.to)) return doc.period.to;
  return `${doc.year}-12-31`;
}

const listNames = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

export function checkDocumentUnits(doc: ClusterDocument): Issue[] {
  const issues: Issue[] = [];
  const date = documentDate(doc);
  // A year that makes no date (the readers report it) leaves the names unchecked rather than throwing.
  if (!isIsoDate(date)) return issues;
  const year = date.slice(0, 4);
  (doc.units ?? []).forEach((entry, index) => {
    const name = entry?.name;
    if (typeof name !== 'string' || name.trim() === '') return;
    const at = { unit: name, path: `units[${index}].name` };
    const legacy = inspectLegacyText(name);
    if (legacy) {
      issues.push(
        makeIssue(
          'error',
          'text.legacy-encoding',
          {
            vi: `Tên đơn vị "${name}" có vẻ được gõ bằng bảng mã cũ ${legacy.encoding.toUpperCase()}; chuyển sang Unicode là "${legacy.converted}". Hãy sửa lại tên trong tài liệu.`,
            en: `Unit name "${name}" looks like legacy ${legacy.encoding.toUpperCase()} text; in Unicode it reads "${legacy.converted}". Correct the name in the document.`,
          },
          at,
        ),
      );
      return;
    }
    const resolved = resolveUnit(name, date);
    const checksName = resolved.category === 'provincial';
    if (checksName) {
      const alternatives = resolved.alternatives.map((a) => a.name);
      const hint = alternatives.length
        ? { vi: ` Có thể là: ${listNames(alternatives)}.`, en: ` Did you mean: ${listNames(alternatives)}?` }
        : { vi: '', en: '' };
      if (!resolved.match) {
        // Far from every province and not claiming to be one ("VKSND Krông Pắc", "thành phố Buôn Ma Thuột"):
        // a district-level unit written without its prefix, not the registry's business.
        if (alternatives.length > 0 || resolved.prefix === 'tỉnh') {
          issues.push(
            makeIssue(
              'error',
              'unit.name.unknown',
              {
                vi: `Không xác định được đơn vị "${name}" trong danh mục tỉnh, thành phố năm ${year}${resolved.quality === 'ambiguous' ? ' (tên gần với nhiều đơn vị)' : ''}.${hint.vi}`,
                en: `Unit "${name}" is not in the register of provinces for ${year}${resolved.quality === 'ambiguous' ? ' (close to several units)' : ''}.${hint.en}`,
              },
              at,
            ),
          );
        }
      } else if (resolved.validity === 'expired') {
        const next = resolved.successor;
        issues.push(
          makeIssue(
            'error',
            'unit.name.expired',
            {
              vi: `"${name}" không còn là đơn vị vào năm ${year}: ${resolved.match.name} chỉ có đến ${resolved.match.validTo}${next ? `, từ ${next.validFrom} thuộc ${next.name} (mã ${next.code})` : ''}.`,
              en: `"${name}" is no longer a unit in ${year}: ${resolved.match.name} existed until ${resolved.match.validTo}${next ? `; from ${next.validFrom} it is part of ${next.name} (code ${next.code})` : ''}.`,
            },
            at,
          ),
        );
      } else if (resolved.validity === 'future') {
        const before = (resolved.predecessors ?? []).map((p) => p.name);
        issues.push(
          makeIssue(
            'error',
            'unit.name.future',
            {
              vi: `"${name}" chưa có vào năm ${year}: ${resolved.match.name} có từ ${resolved.match.validFrom}${before.length ? `; khi đó là ${listNames(before)}` : ''}.`,
              en: `"${name}" did not exist yet in ${year}: ${resolved.match.name} exists from ${resolved.match.validFrom}${before.length ? `; then it was ${listNames(before)}` : ''}.`,
            },
            at,
          ),
        );
      } else if (resolved.quality === 'variant') {
        issues.push(
          makeIssue(
            'warning',
            'unit.name.variant',
            {
              vi: `Tên "${name}" khác tên chính thức "${resolved.match.name}" (${resolved.notes.map((n) => n.vi).join('; ')}).`,
              en: `Name "${name}" differs from the official "${resolved.match.name}" (${resolved.notes.map((n) => n.en).join('; ')}).`,
            },
            at,
          ),
        );
      }
    }
    const code = entry.province;
    if (code === undefined || code === null || String(code).trim() === '') return;
    const byCode = provinceByCode(String(code), date);
    if (!byCode) {
      issues.push(
        makeIssue(
          'error',
          'unit.province.unknown',
          {
            vi: `Mã tỉnh "${code}" của đơn vị "${name}" không có vào năm ${year}.`,
            en: `Province code "${code}" of unit "${name}" does not exist in ${year}.`,
          },
          { unit: name, path: `units[${index}].province` },
        ),
      );
    } else if (checksName && resolved.unit && resolved.validity === 'valid' && resolved.unit !== byCode) {
      issues.push(
        makeIssue(
          'error',
          'unit.province.mismatch',
          {
            vi: `Mã tỉnh "${code}" không khớp với tên "${name}": năm ${year} mã ${byCode.code} là ${officialProvinceName(byCode)}, còn ${officialProvinceName(resolved.unit)} mang mã ${resolved.unit.code}.`,
            en: `Province code "${code}" does not match the name "${name}": in ${year} code ${byCode.code} is ${officialProvinceName(byCode)}, while ${officialProvinceName(resolved.unit)} has code ${resolved.unit.code}.`,
          },
          { unit: name, path: `units[${index}].province` },
        ),
      );
    }
  });
  return issues;
}
