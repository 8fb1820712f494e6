/**
 * Binds the application's ports (./ports) to the real core and templates. createActions loads this module
 * lazily, so the scoring engine lands in its own chunk and the task pane paints before it arrives.
 */
import * as core from '../../core';
import { buildClusterWorkbook, newClusterDocument } from '../../templates';
import { memberScorecardIssues, readWorkbookSnapshot } from '../../templates/read';
import type { Computation, CorePorts, UnitResolution } from './ports';

/**
 * The registry answers in the words it was asked: "Gia Lai" gives the province. Members of a cluster are
 * procuracies, so a plain place name is asked again as "VKSND …" to suggest the procuracy's official name.
 */
function resolveProcuracy(name: string, date: string): UnitResolution {
  const first = core.resolveUnit(name, date);
  if (first.procuracy || first.category !== 'provincial') return first;
  const again = core.resolveUnit(`VKSND ${name}`, date);
  return again.procuracy && (again.match || again.alternatives.length > 0) ? again : first;
}

/** The core's whole computation behind each Computation the port gave, with the document it computed. */
const full = new WeakMap<
  Computation,
  { document: core.ClusterDocument; computation: core.ClusterComputation }
>();

export const corePorts: CorePorts = {
  readWorkbook(snapshot) {
    const read = readWorkbookSnapshot(snapshot);
    if (!read.doc) return { issues: read.issues };
    return {
      document: read.doc,
      issues: read.issues,
      ...(read.sources ? { sources: read.sources } : {}),
      ...(read.member !== undefined ? { member: read.member } : {}),
    };
  },
  // What nominate would report about the data is part of the check (issue 10).
  checkDocument: (document) => [...core.checkCluster(document), ...core.checkAwardInputs(document)],
  memberIssues: memberScorecardIssues,
  compute(document) {
    const computation = core.computeCluster(document);
    const port = {
      result: computation.result,
      explain: computation.explain,
      tieBreak: computation.cluster.tieBreak.map((t) => t.key),
    };
    full.set(port, { document, computation });
    return port;
  },
  nominate: (document, result, lang = 'vi') => core.nominateAwards(document, result, { lang }),
  describeRules(ruleSetId, lang = 'vi') {
    const set = core.ruleSetById(ruleSetId);
    return set ? core.describeRuleSet(set, lang) : undefined;
  },
  rotate: (document) => core.proposeRotation(document),
  buildWorkbook(document, computation) {
    // The whole computation of this document when it is at hand: the builder then does not compute it again.
    const held = computation && full.get(computation);
    const given = held?.document === document ? held.computation : computation;
    return buildClusterWorkbook(document, given, { now: new Date().toISOString() });
  },
  newDocument: newClusterDocument,
  resolveUnit: resolveProcuracy,
};

export async function loadCore(): Promise<CorePorts> {
  return corePorts;
}
