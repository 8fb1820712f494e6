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
  /**
   * A member's scorecard read already by the thread that read its file (readAhead), against the cluster
   * information it carries, whose structureKey is `against`; its snapshot then let go. The merge takes it as
   * it is when it reads the file against that same structure (nearly always), and needs the snapshot again
   * otherwise (aheadToRedo).
   */
  ahead?: { returned: ReturnedWorkbook; against: string };
}

/**
 * What reading a member's scorecard takes from the structure it is read against (readUnitScorecard): the
 * year, the cluster's and members' names, the criteria's codes and tree. Equal keys, the same reading.
 */
export function structureKey(doc: ClusterDocument): string {
  let key = STRUCTURE_KEYS.get(doc);
  if (key === undefined) {
    key = JSON.stringify([
      doc.year,
      doc.cluster.name,
      doc.units.map((u) => u.name),
      doc.criteria.map((c) => [c.code, c.parent ?? '']),
    ]);
    STRUCTURE_KEYS.set(doc, key);
  }
  return key;
}

/** The base's key, asked once per member. */
const STRUCTURE_KEYS = new WeakMap<ClusterDocument, string>();

/**
 * A member's scorecard read now against the cluster information it carries, its snapshot let go (the
 * command line's reading threads: the snapshot is what a worker would otherwise hand over). A file that
 * carries none, or is not a member's scorecard, is left as it is.
 */
export function readAhead(loaded: Loaded, parse: CarriedParser): Loaded {
  if (!isUnitScorecard(loaded) || !loaded.snapshot) return loaded;
  const returned = readUnitReturn(loaded, undefined, parse);
  if (!returned.cluster) return loaded;
  const { snapshot: _, ...rest } = loaded;
  return { ...rest, ahead: { returned, against: structureKey(returned.cluster) } };
}

/**
 * Which of `loaded` were read ahead against another structure than the base's (a cluster file read already:
 * its `returned`, or a .json): their files must be read again, snapshot and all, before the merge.
 */
export function aheadToRedo(loaded: readonly Loaded[]): number[] {
  const bases = loaded.filter(isClusterFile);
  // Two bases are refused by the merge before any member is read.
  const base = bases.length === 1 ? (bases[0]!.json ?? bases[0]!.returned?.document) : undefined;
  if (!base) return [];
  const key = structureKey(base);
  return loaded.flatMap((l, i) => (l.ahead && l.ahead.against !== key ? [i] : []));
}

export const isUnitScorecard = (l: Loaded) =>
  l.meta.get(META_KEYS.templateId)?.trim() === UNIT_SCORECARD_TEMPLATE_ID;

export const isClusterFile = (l: Loaded): boolean =>
  l.json !== undefined || l.meta.get(META_KEYS.templateId)?.trim() === CLUSTER_TEMPLATE_ID;

/** A merge names cells only through the readers' own issues: where each value came from is not kept. */
const WITHOUT_SOURCES = { sources: false } as const;

/** A member's returned scorecard, read against the base's criteria or the cluster information it carries. */
function readUnitReturn(
  loaded: Loaded,
  structure?: ClusterDocument,
  parse?: CarriedParser,
): ReturnedWorkbook {
  // Read ahead against the information it carries: the same as against no structure or an equal one.
  if (loaded.ahead && (!structure || structureKey(structure) === loaded.ahead.against))
    return loaded.ahead.returned;
  if (!loaded.snapshot) throw new Error(`${loaded.file}: read ahead against another structure`); // the caller's bug (aheadToRedo)
  const read = readUnitScorecard(loaded.snapshot, structure, parse, WITHOUT_SOURCES);
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
