/**
 * What a member's scorecard carries about its cluster (project addition, docs/workbooks.md): the rows of the
 * hidden meta table that let `thidua merge` rebuild the cluster workbook from the members' files alone.
 * The cluster's information is the `thidua/cluster@1` document without scores, results, votes or people,
 * as JSON split over numbered rows (a cell holds at most 32,767 characters).
 */
import type { ClusterDocument } from '../../core';

export const UNIT_META_KEYS = {
  cluster: 'cluster',
  year: 'year',
  unit: 'unit',
  /** How many numbered rows (`cluster.document.1`, `.2`, …) hold the JSON. */
  documentParts: 'cluster.document.parts',
  documentPart: (n: number) => `cluster.document.${n}`,
} as const;

/** Characters per meta cell: well under Excel's 32,767, so a cell survives editors that cap lower. */
export const UNIT_META_PART_CHARS = 8000;

/** The document fields a member's scorecard carries: the structure, never another member's data. */
export const UNIT_META_FIELDS = [
  'format',
  'kind',
  'year',
  'title',
  'period',
  'cluster',
  'units',
  'criteria',
  'indicators',
  'ranking',
  'ruleSet',
  'sample',
] as const satisfies readonly (keyof ClusterDocument)[];
