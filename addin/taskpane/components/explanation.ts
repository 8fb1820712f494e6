/**
 * Reading the core's "why this score" data for display. The core (core/scorecard/explain.ts) gives per
 * criterion: standard, figures at each stage (with the stage whose entry counts), caps that cut, issues,
 * and bilingual text lines. A unit's explanation holds its criteria; these helpers pick what the view shows.
 */
import type { Bilingual, Issue, Stage } from '../../../core';
import type { Explanation } from '../../app/ports';

export interface StageFiguresView {
  points: number;
  bonus: number;
  deduction: number;
  total: number;
  source?: Stage | 'none';
}

export interface CriterionView {
  criterion: string;
  title: string;
  leaf: boolean;
  standard: number;
  self: StageFiguresView;
  verified: StageFiguresView;
  caps: { text: Bilingual; stage: Stage }[];
  issues: Issue[];
  lines: Bilingual[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isBilingual = (v: unknown): v is Bilingual =>
  isRecord(v) && typeof v.vi === 'string' && typeof v.en === 'string';
const isCriterionView = (v: unknown): v is CriterionView =>
  isRecord(v) && typeof v.criterion === 'string' && isRecord(v.self) && isRecord(v.verified);

/** The criteria rows of an explanation (a unit's: its criteria; a criterion's: itself). */
export function explanationCriteria(explanation: Explanation): CriterionView[] {
  if (Array.isArray(explanation.criteria)) return explanation.criteria.filter(isCriterionView);
  return isCriterionView(explanation) ? [explanation] : [];
}

/** The explanation's own text lines (the rules it applied, in words). */
export function explanationLines(explanation: Explanation): Bilingual[] {
  return Array.isArray(explanation.lines) ? explanation.lines.filter(isBilingual) : [];
}

/** Every cap that cut, for the stage used, each once. */
export function explanationCaps(explanation: Explanation, stage: Stage): Bilingual[] {
  const seen = new Set<string>();
  const out: Bilingual[] = [];
  const own = Array.isArray(explanation.caps) ? explanation.caps : [];
  const all = [...own, ...explanationCriteria(explanation).flatMap((c) => c.caps)];
  for (const cap of all) {
    if (!isRecord(cap) || !isBilingual(cap.text) || (cap.stage !== undefined && cap.stage !== stage))
      continue;
    if (seen.has(cap.text.vi)) continue;
    seen.add(cap.text.vi);
    out.push(cap.text);
  }
  return out;
}

/** The figures of a criterion at a stage. */
export const figuresAt = (c: CriterionView, stage: Stage): StageFiguresView =>
  stage === 'verified' ? c.verified : c.self;
