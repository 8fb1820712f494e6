/**
 * Pure functions turning the actions' reports into what the views print: formatted rows, places,
 * filters. No React here, so they are tested without a DOM (test/addin/taskpane/view-model.test.ts).
 */
import type {
  Issue,
  IndicatorSummary,
  ResultDocument,
  Severity,
  Stage,
  TieBreakKey,
  UnitResult,
} from '../../core';
import { formatNumberVi } from '../../core/text/numbers';
import type { ProgressUpdate } from '../app/actions';
import type { Lang, MessageKey, Translate } from './i18n';

const enNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A score as the chosen language writes it: 118,4 in Vietnamese, 118.4 in English. */
export function formatScore(value: number, lang: Lang): string {
  return lang === 'vi' ? formatNumberVi(value, 3) : enNumber.format(value);
}

/**
 * The core's percentage text ("99,2%") in the chosen language. The core already rounded it on integers
 * and never shows 100% for a ratio below one; English only swaps the decimal comma.
 */
export function percentText(viText: string, lang: Lang): string {
  return lang === 'vi' ? viText : viText.replace(',', '.');
}

/** "121/122 (99,2%)": targets met out of those that arose, and the share. */
export function indicatorsMetText(summary: IndicatorSummary, lang: Lang): string {
  return `${summary.met}/${summary.arising} (${percentText(summary.metText, lang)})`;
}

export function indicatorsExceededText(summary: IndicatorSummary, lang: Lang): string {
  return `${summary.exceeded}/${summary.exceedable} (${percentText(summary.exceededText, lang)})`;
}

export interface RankingRow {
  unit: string;
  rank: number;
  /** True when another unit shares this rank. */
  shared: boolean;
  total: string;
  percent: string;
  tier: string;
  indicators: string;
  /** The stage totals the rank used (for the "why" view's heading). */
  totalValue: number;
}

export function stageTotal(unit: UnitResult, stage: Stage): number {
  return (stage === 'verified' ? (unit.verified ?? unit.self) : (unit.self ?? unit.verified))?.total ?? 0;
}

/** The ranking table's rows, in the result's (rank) order. */
export function rankingRows(result: ResultDocument, lang: Lang): RankingRow[] {
  const perRank = new Map<number, number>();
  for (const u of result.units) perRank.set(u.rank, (perRank.get(u.rank) ?? 0) + 1);
  return result.units.map((u) => {
    const total = stageTotal(u, result.stage);
    return {
      unit: u.unit,
      rank: u.rank,
      shared: (perRank.get(u.rank) ?? 0) > 1,
      total: formatScore(total, lang),
      percent: percentText(`${formatNumberVi(u.percent, 2)}%`, lang),
      tier: u.tier,
      indicators: indicatorsMetText(u.indicators, lang),
      totalValue: total,
    };
  });
}

/** The tie-break rule in words, in the order it is applied. */
export function tieBreakText(keys: readonly TieBreakKey[], t: Translate): string {
  const parts = keys.map((key) => {
    if (key.startsWith('criterion:'))
      return t('tieBreak.criterion', { code: key.slice('criterion:'.length) });
    return t(`tieBreak.${key}` as MessageKey);
  });
  return t('compute.tieBreak', { keys: parts.join('; ') });
}

/** Where an issue is, for people: "'Đắk Lắk'!E7", else the unit and criterion it names. */
export function issuePlace(issue: Issue, t: Translate): string {
  if (issue.sheet && issue.cell) return t('place.sheetCell', { sheet: issue.sheet, cell: issue.cell });
  const parts: string[] = [];
  if (issue.unit) parts.push(t('place.unit', { unit: issue.unit }));
  if (issue.criterion) parts.push(t('place.criterion', { criterion: issue.criterion }));
  if (issue.sheet) parts.push(`'${issue.sheet}'`);
  return parts.join(', ');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; otherwise in the order found (which follows the workbook). */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] || a.index - b.index)
    .map((x) => x.issue);
}

export type IssueFilter = Severity | 'all';

export function filterIssues(issues: readonly Issue[], filter: IssueFilter): Issue[] {
  return filter === 'all' ? [...issues] : issues.filter((i) => i.severity === filter);
}

/** Issues about one unit (for its "why" view). */
export function issuesOfUnit(issues: readonly Issue[], unit: string): Issue[] {
  return issues.filter((i) => i.unit === unit);
}

/** "Bước 2/5: tính điểm và xếp hạng". */
export function progressText(update: ProgressUpdate, t: Translate): string {
  return t('progress.step', {
    done: Math.min(update.done + 1, update.total),
    total: update.total,
    step: t(`step.${update.step}`),
  });
}

/** A 0..1 fraction for the progress bar. */
export const progressValue = (update: ProgressUpdate): number =>
  update.total === 0 ? 0 : Math.min(1, update.done / update.total);

/** The share a registry match has, as a whole percent for the suggestion list. */
export const confidenceText = (confidence: number, lang: Lang): string =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(confidence);

/** Items grouped by their award, awards in the order they first appear (the rule set's order). */
export function groupByAward<T extends { award: string }>(items: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.award);
    if (list) list.push(item);
    else groups.set(item.award, [item]);
  }
  return [...groups];
}
