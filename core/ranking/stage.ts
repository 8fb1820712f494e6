/**
 * Which stage ranks, chosen per unit: the verified stage keeps a unit's self score wherever the cluster has
 * not verified an item, so ranking on it takes each unit's verified score where the cluster verified it and
 * its self score otherwise. One unit verified early no longer sends every unit back to its self score.
 * `self` asked for (the "Giai đoạn xếp hạng" cell): every unit on its self score.
 */
import { type Issue, makeIssue, type Stage } from '../issues/issue';

export interface StageChoice {
  /** The stage whose totals rank: `verified` (with its per-item fallback to self) or `self`. */
  stage: Stage;
  /** Per unit name: the stage its rank actually used (`self` for a unit the cluster has not verified). */
  used(unit: string): Stage;
  issues: Issue[];
}

export function chooseRankingStage(
  requested: Stage | undefined,
  unitsWithoutVerified: readonly string[],
  unitCount: number,
): StageChoice {
  const without = new Set(unitsWithoutVerified);
  if (requested === 'self' || (requested === undefined && without.size === unitCount))
    return { stage: 'self', used: () => 'self', issues: [] };
  const used = (unit: string): Stage => (without.has(unit) ? 'self' : 'verified');
  if (unitsWithoutVerified.length === 0) return { stage: 'verified', used, issues: [] };
  const list = unitsWithoutVerified.join('; ');
  return {
    stage: 'verified',
    used,
    issues: [
      requested === 'verified'
        ? makeIssue(
            'warning',
            'ranking.stage.verifiedMissing',
            {
              vi: `Xếp hạng theo điểm thẩm định, nhưng chưa có điểm thẩm định của: ${list}; các đơn vị này được xếp theo điểm tự chấm.`,
              en: `Ranking on verified scores, but there are none yet for: ${list}; these units are ranked on their self scores.`,
            },
            { path: 'ranking.stage' },
          )
        : makeIssue(
            'info',
            'ranking.stage.perUnit',
            {
              vi: `Xếp hạng theo điểm thẩm định ở đơn vị đã được Cụm thẩm định; chưa có điểm thẩm định của: ${list}: các đơn vị này được xếp theo điểm tự chấm.`,
              en: `Ranked on verified scores where the cluster verified them; there are none yet for: ${list}: these units are ranked on their self scores.`,
            },
            { path: 'ranking.stage' },
          ),
    ],
  };
}
