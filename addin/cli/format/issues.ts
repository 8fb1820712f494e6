/** Issue lists for the terminal, in Vietnamese or English, errors first. */
import { type Issue, issueText } from '../../../core';
import { sheetRef } from '../../../templates/layouts/a1';
import { placeText } from '../../../templates/read/grid';
import type { Lang } from '../context';

const SEVERITY: Record<Issue['severity'], { vi: string; en: string; mark: string }> = {
  error: { vi: 'Lỗi', en: 'Error', mark: '✗' },
  warning: { vi: 'Cảnh báo', en: 'Warning', mark: '!' },
  info: { vi: 'Ghi chú', en: 'Note', mark: 'i' },
};

const ORDER: Record<Issue['severity'], number> = { error: 0, warning: 1, info: 2 };

export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number; notes: number } {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

export function issueSummary(issues: readonly Issue[], lang: Lang): string {
  const c = countIssues(issues);
  if (issues.length === 0) return lang === 'en' ? 'No problems found.' : 'Không phát hiện vấn đề nào.';
  return lang === 'en'
    ? `${c.errors} error(s), ${c.warnings} warning(s), ${c.notes} note(s).`
    : `${c.errors} lỗi, ${c.warnings} cảnh báo, ${c.notes} ghi chú.`;
}

/**
 * The cell an issue names, as Excel writes a reference ('tỉnh Gia Lai'!H12), when its message does not
 * already begin with it (the workbook reader's messages do).
 */
function cellLead(issue: Issue, text: string, lang: Lang): string {
  if (!issue.sheet || !issue.cell) return '';
  if (text.startsWith(placeText(issue.sheet, issue.cell)[lang])) return '';
  return `${sheetRef(issue.sheet, issue.cell)}: `;
}

/**
 * One line per issue: mark, severity, the cell when the issue names one, message, then code and JSON path
 * for tools and bug reports.
 */
export function formatIssues(issues: readonly Issue[], lang: Lang): string {
  const sorted = [...issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const lines = sorted.map((i) => {
    const s = SEVERITY[i.severity];
    const where = [i.code, i.path].filter(Boolean).join(' · ');
    const text = issueText(i, lang);
    return `${s.mark} ${lang === 'en' ? s.en : s.vi}: ${cellLead(i, text, lang)}${text}  [${where}]`;
  });
  return [...lines, issueSummary(issues, lang)].join('\n');
}
