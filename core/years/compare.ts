/**
 * Year over year (issue 13): each unit's score, rank, tier and indicator ratios beside last year's, with the
 * change. Last year's figures travel in the optional document field `previousYear` (written by `thidua next`),
 * each unit with the line it belongs to this year, so a merged unit shows its predecessors' figures instead of
 * a change that would compare two different units.
 */
import { fromMilli, toMilli } from '../exact/decimal';
import type { ClusterDocument, ResultDocument } from '../model/types';
import { type Bilingual, type Issue, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';

export interface PreviousUnit {
  unit: string;
  /** The unit this one's line is in the new year (itself, or its successor). */
  line: string;
  total: number;
  percent: number;
  rank: number;
  of: number;
  tier: string;
  metRatio: number;
  exceededRatio: number;
  metText: string;
  exceededText: string;
}

export interface PreviousYear {
  year: number;
  cluster?: string;
  stage?: string;
  source?: string;
  units: PreviousUnit[];
}

export interface YearFigures {
  total: number;
  percent: number;
  rank: number;
  of: number;
  tier: string;
  metRatio: number;
  exceededRatio: number;
  metText: string;
  exceededText: string;
}

export interface YearOverYearRow {
  unit: string;
  current: YearFigures;
  /** Last year's figures: one unit, several (merged), or none (new member). */
  previous: PreviousUnit[];
  /** With exactly one predecessor. rank: places gained (positive = up). */
  change?: {
    total: number;
    percent: number;
    rank: number;
    metRatio: number;
    exceededRatio: number;
    tier: boolean;
  };
  note?: Bilingual;
}

export interface YearOverYear {
  year: number;
  previousYear: number;
  source?: string;
  rows: YearOverYearRow[];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function readPreviousYear(doc: ClusterDocument, issues: Issue[]): PreviousYear | undefined {
  const raw = doc.previousYear as Record<string, unknown> | undefined;
  if (raw === undefined) return undefined;
  const units = Array.isArray(raw?.units) ? (raw.units as Record<string, unknown>[]) : undefined;
  if (!raw || typeof raw !== 'object' || !isNum(raw.year) || !units) {
    issues.push(
      makeIssue(
        'warning',
        'years.previous.invalid',
        {
          vi: '"previousYear" (kết quả năm trước) không đúng dạng { year, units: [...] }; không so sánh.',
          en: '"previousYear" is not { year, units: [...] }; no comparison.',
        },
        { path: 'previousYear' },
      ),
    );
    return undefined;
  }
  const ok = units.filter(
    (u): u is Record<string, unknown> & PreviousUnit =>
      !!u &&
      typeof u.unit === 'string' &&
      typeof u.line === 'string' &&
      isNum(u.total) &&
      isNum(u.rank) &&
      isNum(u.percent),
  );
  const out: PreviousYear = { year: raw.year, units: ok };
  if (typeof raw.source === 'string') out.source = raw.source;
  if (typeof raw.cluster === 'string') out.cluster = raw.cluster;
  if (typeof raw.stage === 'string') out.stage = raw.stage;
  return out;
}

const diff = (a: number, b: number) => fromMilli((toMilli(a) ?? 0) - (toMilli(b) ?? 0));
const ratioDiff = (a: number, b: number) => Math.round((a - b) * 10000) / 10000;

/** undefined when the document carries no previous year. */
export function compareYears(
  doc: ClusterDocument,
  result: ResultDocument,
  issues: Issue[] = [],
): YearOverYear | undefined {
  const prev = readPreviousYear(doc, issues);
  if (!prev) return undefined;
  const rows = result.units.map((u): YearOverYearRow => {
    const current: YearFigures = {
      total: (result.stage === 'verified' ? u.verified?.total : u.self?.total) ?? 0,
      percent: u.percent,
      rank: u.rank,
      of: result.units.length,
      tier: u.tier,
      metRatio: u.indicators.metRatio,
      exceededRatio: u.indicators.exceededRatio,
      metText: u.indicators.metText,
      exceededText: u.indicators.exceededText,
    };
    const previous = prev.units.filter((p) => matchKey(p.line) === matchKey(u.unit));
    const row: YearOverYearRow = { unit: u.unit, current, previous };
    if (previous.length === 1) {
      const p = previous[0]!;
      row.change = {
        total: diff(current.total, p.total),
        percent: diff(current.percent, p.percent),
        rank: p.rank - current.rank,
        metRatio: ratioDiff(current.metRatio, p.metRatio),
        exceededRatio: ratioDiff(current.exceededRatio, p.exceededRatio),
        tier: matchKey(p.tier) !== matchKey(current.tier),
      };
      if (matchKey(p.unit) !== matchKey(u.unit))
        row.note = { vi: `năm ${prev.year}: ${p.unit}`, en: `${prev.year}: ${p.unit}` };
    } else if (previous.length > 1)
      row.note = {
        vi: `hợp nhất từ ${previous.map((p) => p.unit).join(', ')}: không so sánh trực tiếp`,
        en: `merged from ${previous.map((p) => p.unit).join(', ')}: not compared directly`,
      };
    else row.note = { vi: `không có số liệu năm ${prev.year}`, en: `no ${prev.year} figures` };
    return row;
  });
  const out: YearOverYear = { year: doc.year, previousYear: prev.year, rows };
  if (prev.source) out.source = prev.source;
  return out;
}
