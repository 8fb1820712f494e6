/** Every problem of a cluster document that the data itself shows: the `check` command's engine. */
import type { Issue } from '../issues/issue';
import { checkDocumentUnits } from '../registry';
import { checkHiddenText } from './hidden-text';
import { resolveClusterDocument } from '../resolve/resolve';
import type { ClusterDocument } from '../model/types';

/**
 * Semantic checks (references, duplicates, bounds, caps, cycles, sums, indicators, votes, ranking options)
 * plus the registry's checks of unit names against the official units of the document's year.
 */
export function checkCluster(doc: ClusterDocument): Issue[] {
  return [...resolveClusterDocument(doc).issues, ...checkDocumentUnits(doc), ...checkHiddenText(doc)];
}
