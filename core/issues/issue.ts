/**
 * Problems are data, not exceptions: every check appends Issues, and one bad entry never hides the others.
 * `message` is Vietnamese (the product's language), `messageEn` English (for --lang en and logs).
 * Location fields say where: unit, criterion, stage, indicator, person, award, JSON path, sheet and cell.
 */
export type Severity = 'error' | 'warning' | 'info';

export type Stage = 'self' | 'verified';

export interface IssueLocation {
  unit?: string;
  criterion?: string;
  stage?: Stage;
  indicator?: string;
  person?: string;
  award?: string;
  /** JSON path in the input document, e.g. `scores[12].bonus`. */
  path?: string;
  sheet?: string;
  /** A1 reference on `sheet`. */
  cell?: string;
}

export interface Issue extends IssueLocation {
  severity: Severity;
  /** Stable, dotted, English code, e.g. `score.bonus.over`. Tests and tools key on it. */
  code: string;
  message: string;
  messageEn: string;
}

export interface Bilingual {
  vi: string;
  en: string;
}

export function makeIssue(
  severity: Severity,
  code: string,
  text: Bilingual,
  where: IssueLocation = {},
): Issue {
  const issue: Issue = { severity, code, message: text.vi, messageEn: text.en };
  for (const [key, value] of Object.entries(where) as [keyof IssueLocation, string | undefined][]) {
    if (value !== undefined) (issue as unknown as Record<string, string>)[key] = value;
  }
  return issue;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

export const issueText = (issue: Issue, lang: 'vi' | 'en'): string =>
  lang === 'en' ? issue.messageEn : issue.message;
