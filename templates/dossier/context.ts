/**
 * What every document of the dossier is built from, and the facts they share: official names, the rule set
 * by its documents, each vote with its body, base and threshold, the proposals grouped by award, the header
 * and footer lines. Built once; the documents only arrange it.
 */
import {
  AWARD_NAMES,
  type AwardRuleId,
  type ClusterDocument,
  type NominationReport,
  type ResultDocument,
  type RotationProposal,
  type RuleSet,
  type UnitResult,
  isAward,
  matchKey,
  ruleSetById,
  tallyVotes,
  votePasses,
} from '../../core';
import { dateLine, placeOfUnit, upper } from '../official/layout';
import { type Meeting, readMeeting } from './meeting';
import type { DocumentHeader, Signature } from './model';
import { officialNamer, ruleSetDocuments } from '../official/names';

export interface DossierOptions {
  /** Date of signing the submission and list, YYYY-MM-DD; default left for the clerk. */
  date?: string;
  /** Place name of the date lines; default the leader's province. */
  place?: string;
  /** Symbol after the number ("TTr-CTĐ8"); default from the cluster's number. */
  symbol?: string;
  /** The signer of the submission and list (the leader's head). */
  signer?: string;
}

export interface Finalisation {
  by: string;
  at: string;
}

export interface DossierInput {
  doc: ClusterDocument;
  result: ResultDocument;
  report: NominationReport;
  rotation: RotationProposal;
  /** Short hash of the finalised inputs and results, printed in every footer. */
  fingerprint: string;
  finalised?: Finalisation;
  options?: DossierOptions;
}

export interface VoteLine {
  award: string;
  candidate: string;
  yes: number;
  voters: number;
  /** Threshold in percent from the rule set (or its override); undefined when the award has none. */
  threshold?: number;
  passes?: boolean;
}

export interface AwardGroup {
  award: string;
  kind: 'collective' | 'individual';
  items: NominationReport['nominations'];
}

export interface DossierContext {
  input: DossierInput;
  doc: ClusterDocument;
  result: ResultDocument;
  report: NominationReport;
  ruleSet?: RuleSet;
  /** "Luật …; Nghị định …; Thông tư …". */
  ruleSetText: string;
  year: number;
  cluster: string;
  name(unit: string): string;
  unitResult(unit: string): UnitResult | undefined;
  leader?: string;
  deputy?: string;
  votes: VoteLine[];
  groups: AwardGroup[];
  meeting: Meeting;
  place: string;
  /** The cluster's number, "8" for "Cụm thi đua số 8". */
  number?: string;
  header(prefix: 'TTr' | 'BB' | 'BC' | 'DS', date?: string): DocumentHeader;
  footer: string;
  /** "Cụm thống nhất giới thiệu … làm Cụm trưởng, … làm Cụm phó năm …". */
  rotationLine?: string;
  next: { year: number; leader?: string; deputy?: string };
  leaderSignature: Signature;
}

/** Awards voted on by the cluster: collective awards whose rule has a vote threshold. */
export function clusterVoteRules(ruleSet: RuleSet | undefined): AwardRuleId[] {
  if (!ruleSet) return [];
  return (Object.values(ruleSet.rules) as RuleSet['rules'][AwardRuleId][])
    .filter((r) => r.kind === 'collective' && r.params.votePercent !== undefined)
    .map((r) => r.id);
}

export function ruleIdOf(award: string): AwardRuleId | undefined {
  return (Object.keys(AWARD_NAMES) as AwardRuleId[]).find((id) => isAward(award, id));
}

function thresholdOf(
  report: NominationReport,
  ruleSet: RuleSet | undefined,
  award: string,
): number | undefined {
  const id = ruleIdOf(award);
  if (!id || !ruleSet) return undefined;
  const used = report.ruleValues.find((v) => v.key === `${id}.votePercent`);
  const value = used ? used.value : ruleSet.rules[id].params.votePercent?.value;
  return typeof value === 'number' ? value : undefined;
}

export function buildContext(input: DossierInput): DossierContext {
  const { doc, result, report } = input;
  const options = input.options ?? {};
  const name = officialNamer(doc);
  const ruleSet = report.ruleSet ? ruleSetById(report.ruleSet) : undefined;
  const results = new Map(result.units.map((u) => [matchKey(u.unit), u]));
  const votes: VoteLine[] = tallyVotes(doc.votes ?? []).map((t) => {
    const threshold = thresholdOf(report, ruleSet, t.award);
    const line: VoteLine = { award: t.award, candidate: t.candidate, yes: t.yes, voters: t.voters };
    if (threshold !== undefined) {
      line.threshold = threshold;
      line.passes = votePasses(t.yes, t.voters, threshold);
    }
    return line;
  });
  const groups: AwardGroup[] = [];
  for (const n of report.nominations) {
    let g = groups.find((x) => x.award === n.award && x.kind === n.kind);
    if (!g) {
      g = { award: n.award, kind: n.kind, items: [] };
      groups.push(g);
    }
    g.items.push(n);
  }
  const leader = doc.cluster.leader ? name(doc.cluster.leader) : undefined;
  const deputy = doc.cluster.deputy ? name(doc.cluster.deputy) : undefined;
  const place = options.place ?? (leader ? placeOfUnit(leader) : undefined) ?? '……';
  const number = /(\d+)/.exec(doc.cluster.name)?.[1];
  const ctx: DossierContext = {
    input,
    doc,
    result,
    report,
    ruleSetText: ruleSet ? ruleSetDocuments(ruleSet.documents) : '',
    year: doc.year,
    cluster: doc.cluster.name,
    name,
    unitResult: (unit) => results.get(matchKey(unit)),
    votes,
    groups,
    meeting: readMeeting(doc),
    place,
    header(prefix, date) {
      const symbol = prefix === 'TTr' && options.symbol ? options.symbol : `${prefix}-CTĐ${number ?? ''}`;
      const h: DocumentHeader = {
        issuingBody: upper(doc.cluster.name),
        number: `Số:        /${symbol}`,
        dateLine: dateLine(place, date ?? options.date, doc.year + 1),
      };
      if (leader) h.parentBody = upper(leader);
      return h;
    },
    next: {
      year: input.rotation.year,
      ...(input.rotation.leader ? { leader: name(input.rotation.leader) } : {}),
      ...(input.rotation.deputy ? { deputy: name(input.rotation.deputy) } : {}),
    },
    leaderSignature: {
      on: upper(`TM. ${doc.cluster.name}`),
      position: 'CỤM TRƯỞNG',
      ...(options.signer ? { name: options.signer } : {}),
    },
    footer: `Mã kiểm chứng số liệu: ${input.fingerprint}${
      input.finalised
        ? ` (chốt ngày ${input.finalised.at.slice(0, 10)}, ${input.finalised.by})`
        : ' (chưa chốt)'
    }`,
  };
  if (ruleSet) ctx.ruleSet = ruleSet;
  if (ctx.next.leader || ctx.next.deputy)
    ctx.rotationLine = `${doc.cluster.name} thống nhất giới thiệu ${ctx.next.leader ?? '(chưa xác định)'} làm Cụm trưởng, ${ctx.next.deputy ?? '(chưa xác định)'} làm Cụm phó năm ${ctx.next.year}.`;
  if (leader) ctx.leader = leader;
  if (deputy) ctx.deputy = deputy;
  if (number) ctx.number = number;
  return ctx;
}
