/**
 * What `nominate` would report about a document before it proposes anything: an unknown `ruleSet`, bad
 * `ruleOverrides`, `unitProfiles` or `awards`, invalid dates of people. `check` lists them too, so a file
 * that passes `check` never fails `nominate` on its own data. The awards are worked out on the computed
 * result and only their errors and warnings are kept.
 */
import { computeCluster } from '../compute/compute';
import type { Issue } from '../issues/issue';
import type { ClusterDocument } from '../model/types';
import { nominateAwards } from './nominate';

export function checkAwardInputs(doc: ClusterDocument): Issue[] {
  const { result } = computeCluster(doc);
  return nominateAwards(doc, result).issues.filter((i) => i.severity !== 'info');
}
