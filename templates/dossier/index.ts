/**
 * The dossier the council signs, as data: ballots, minutes, submission, list, one achievement report per
 * proposed unit, the cluster's summary report, and the count sheet workbook. Pure: hosts render and write.
 */
import { matchKey } from '../../core';
import type { SheetPlan, WorkbookPlan } from '../plan';
import { buildAchievement } from './achievement';
import { buildBallotSheet } from './ballot-sheet';
import { ballotCandidates, buildBallots } from './ballots';
import { buildContext, type DossierInput } from './context';
import { buildCountSheet } from './count-sheet';
import { buildList } from './list';
import { buildMinutes } from './minutes';
import type { OfficialDocument } from './model';
import { buildSubmission } from './submission';
import { buildSummary } from './summary';

export interface Dossier {
  documents: OfficialDocument[];
  countSheet: WorkbookPlan;
  countSheetFile: string;
  /** The ballots as a sheet to print, for the cluster's own workbook (the task pane writes it beside the count sheet). */
  ballotSheet: SheetPlan;
}

export function buildDossier(input: DossierInput): Dossier {
  const ctx = buildContext(input);
  const ballots = ballotCandidates(input.doc, input.result, input.report.ruleSet);
  const proposedUnits: string[] = [];
  for (const n of input.report.nominations)
    if (n.kind === 'collective' && !proposedUnits.some((u) => matchKey(u) === matchKey(n.candidate)))
      proposedUnits.push(n.candidate);
  return {
    documents: [
      buildBallots(ctx, ballots),
      buildMinutes(ctx),
      buildSubmission(ctx),
      buildList(ctx),
      ...proposedUnits.map((u) => buildAchievement(ctx, u)),
      buildSummary(ctx),
    ],
    countSheet: buildCountSheet(input.doc, ballots, ctx.name, input.fingerprint),
    countSheetFile: `bien-ban-kiem-phieu-${input.doc.year}`,
    ballotSheet: buildBallotSheet(input.doc, ballots, ctx.name),
  };
}

export { ballotCandidates, type BallotAward } from './ballots';
export { BALLOT_SHEET } from './ballot-sheet';
export {
  buildContext,
  type DossierInput,
  type DossierOptions,
  type Finalisation,
} from './context';
export {
  COUNT_SHEET,
  COUNT_TABLE,
  candidatePair,
  countSheetCandidates,
  readCountSheet,
  withCountedVotes,
  type CountRead,
} from './count-sheet';
export { fingerprintPayload, formatFingerprint } from './fingerprint';
export { documentText, type OfficialDocument } from './model';
export { officialNamer, ruleSetDocuments } from '../official/names';
export { splitBasis, totalsLine } from '../official/wording';
export { readMeeting, type Meeting } from './meeting';
export { changeText, diffFacts, documentFacts, type Fact, type FactChange } from './facts';
