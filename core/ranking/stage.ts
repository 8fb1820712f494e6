/** Which stage ranks: verified by default when every unit has verified scores, else self. */
import { type Issue, makeIssue, type Stage } from '../issues/issue';

export function chooseRankingStage(
  requested: Stage | undefined,
  unitsWithoutVerified: readonly string[],
  unitCount: number,
): { stage: Stage; issues: Issue[] } {
  if (requested === 'self') return { stage: 'self', issues: [] };
  if (requested === 'verified') {
    if (unitsWithoutVerified.length === 0) return { stage: 'verified', issues: [] };
    return {
      stage: 'verified',
      issues: [
        makeIssue(
          'warning',
          'ranking.stage.verifiedMissing',
          {
            vi: `Xếp hạng theo điểm thẩm định, nhưng chưa có điểm thẩm định của: ${unitsWithoutVerified.join('; ')}; các đơn vị này được tính theo điểm tự chấm.`,
            en: `Ranking on verified scores, but there are none yet for: ${unitsWithoutVerified.join('; ')}; their self scores stand.`,
          },
          { path: 'ranking.stage' },
        ),
      ],
    };
  }
  if (unitsWithoutVerified.length === 0) return { stage: 'verified', issues: [] };
  if (unitsWithoutVerified.length === unitCount) return { stage: 'self', issues: [] };
  return {
    stage: 'self',
    issues: [
      makeIssue(
        'info',
        'ranking.stage.self',
        {
          vi: `Xếp hạng theo điểm tự chấm vì chưa có điểm thẩm định của: ${unitsWithoutVerified.join('; ')}.`,
          en: `Ranked on self scores because there are no verified scores yet for: ${unitsWithoutVerified.join('; ')}.`,
        },
        { path: 'ranking.stage' },
      ),
    ],
  };
}
