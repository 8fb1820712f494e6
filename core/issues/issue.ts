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

/** Longest message kept whole; past it, each long quoted text is cut (an 11 MB name is not echoed). */
const MESSAGE_LIMIT = 2000;
const QUOTED_LIMIT = 120;
const LOCATION_LIMIT = 200;

const cut = (text: string, limit: number) =>
  text.length > limit ? `${text.slice(0, limit)}… (+${text.length - limit})` : text;

/** A message that echoes the input stays readable: long quoted values are cut, then the whole. */
export function clipEcho(message: string): string {
  if (message.length <= MESSAGE_LIMIT) return message;
  const quoted = message.replace(/"([^"]{120,})"/g, (_m, inner: string) => `"${cut(inner, QUOTED_LIMIT)}"`);
  return cut(quoted, MESSAGE_LIMIT);
}

export function makeIssue(
  severity: Severity,
  code: string,
  text: Bilingual,
  where: IssueLocation = {},
): Issue {
  const issue: Issue = { severity, code, message: clipEcho(text.vi), messageEn: clipEcho(text.en) };
  for (const [key, value] of Object.entries(where) as [keyof IssueLocation, string | undefined][]) {
    if (value !== undefined) (issue as unknown as Record<string, string>)[key] = cut(value, LOCATION_LIMIT);
  }
  return issue;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

export const issueText = (issue: Issue, lang: 'vi' | 'en'): string =>
  lang === 'en' ? issue.messageEn : issue.message;

/**
 * A file's own issues (found on the package) joined to the reader's: a cell the reader already named is not
 * named twice. The file's issues come first, as the clerk meets them opening it.
 */
export function joinCellIssues(fileIssues: readonly Issue[], readerIssues: readonly Issue[]): Issue[] {
  const named = new Set(readerIssues.filter((i) => i.cell).map((i) => `${i.sheet}!${i.cell}`));
  return [...fileIssues.filter((i) => !i.cell || !named.has(`${i.sheet}!${i.cell}`)), ...readerIssues];
}
