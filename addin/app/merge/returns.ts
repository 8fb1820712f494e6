/**
 * The files given to a merge, read from their snapshots (pure): members' scorecards against the base's
 * criteria or the cluster information they carry, cluster workbooks and .json documents as they are.
 */
import { type ClusterDocument, type Issue, joinCellIssues } from '../../../core';
import {
  CLUSTER_TEMPLATE_ID,
  CLUSTER_TEMPLATE_VERSION,
  META_KEYS,
  UNIT_SCORECARD_TEMPLATE_ID,
} from '../../../templates';
import type { WorkbookSnapshot } from '../../../templates/plan';
import { readClusterWorkbook } from '../../../templates/read';
import { type CarriedParser, carriedParser, readUnitScorecard } from '../../../templates/read/unit-meta';
import { type ReturnedWorkbook, commonCluster, major } from './consolidate';

export const ACCEPT = {
  unitTemplateId: UNIT_SCORECARD_TEMPLATE_ID,
  clusterTemplateId: CLUSTER_TEMPLATE_ID,
  version: CLUSTER_TEMPLATE_VERSION,
};

export interface Loaded {
  file: string;
  snapshot?: WorkbookSnapshot;
  /** The hidden meta sheet's key/value rows (template id and version…). */
  meta: Map<string, string>;
  /** A JSON document given as the cluster's structure. */
  json?: ClusterDocument;
  issues: Issue[];
  /**
   * A cluster workbook's bytes as read, and the worksheets' texts the reader decoded from them (the command
   * line keeps them on the thread that read it: the merge's copy is patched from them).
   */
  read?: { bytes: Uint8Array; texts?: Map<string, string> };
  /** The cluster workbook read as the merge's base already (readClusterReturn), while other files are read. */
  returned?: ReturnedWorkbook;
}

export const isUnitScorecard = (l: Loaded) =>
  l.meta.get(META_KEYS.templateId)?.trim() === UNIT_SCORECARD_TEMPLATE_ID;

/** A member's returned scorecard, read against the base's criteria or the cluster information it carries. */
/** A merge names cells only through the readers' own issues: where each value came from is not kept. */
const WITHOUT_SOURCES = { sources: false } as const;

function readUnitReturn(
  loaded: Loaded,
  structure?: ClusterDocument,
  parse?: CarriedParser,
): ReturnedWorkbook {
  const read = readUnitScorecard(loaded.snapshot!, structure, parse, WITHOUT_SOURCES);
  // The file's own notes first (typed formulas without a saved value).
  return { file: loaded.file, ...read, issues: joinCellIssues(loaded.issues, read.issues) };
}

export function readClusterReturn(loaded: Loaded): ReturnedWorkbook {
  if (loaded.returned) return loaded.returned;
  if (loaded.json) {
    return {
      file: loaded.file,
      template: { id: CLUSTER_TEMPLATE_ID, version: CLUSTER_TEMPLATE_VERSION },
      document: loaded.json,
      issues: loaded.issues,
    };
  }
  const read = readClusterWorkbook(loaded.snapshot!, WITHOUT_SOURCES);
  return {
    file: loaded.file,
    template: {
      id: loaded.meta.get(META_KEYS.templateId) ?? '',
      version: loaded.meta.get(META_KEYS.templateVersion) ?? '',
    },
    ...(read.doc ? { document: read.doc } : {}),
    issues: joinCellIssues(loaded.issues, read.issues),
  };
}

/**
 * Every returned file read. Unit scorecards are read against the base when there is one; otherwise each
 * against the cluster information it carries, and one made before scorecards carried it against the
 * information most of the others carry.
 */
export function readReturns(others: readonly Loaded[], base?: ClusterDocument): ReturnedWorkbook[] {
  const parse = carriedParser();
  const read = others.map((l) =>
    isUnitScorecard(l)
      ? readUnitReturn(l, base, parse)
      : l.json
        ? { file: l.file, template: { id: 'json', version: '' }, issues: l.issues }
        : readClusterReturn(l),
  );
  if (base) return read;
  const structure = commonCluster(
    read.filter(
      (r) =>
        r.template?.id === UNIT_SCORECARD_TEMPLATE_ID && major(r.template.version) === major(ACCEPT.version),
    ),
  );
  if (!structure) return read;
  return read.map((r, i) =>
    isUnitScorecard(others[i]!) && !r.cluster ? readUnitReturn(others[i]!, structure, parse) : r,
  );
}
