/**
 * Next year's leader and deputy of a cluster. Last year's deputy leads; the next eligible unit in rotation
 * order after the new leader becomes deputy; a unit listed in `notEvaluated` (not evaluated in the document's
 * year) is skipped. A recorded `election` (leader and deputy are elected since 2024) replaces the proposal.
 */
import type { ClusterDocument, ResultDocument } from '../model/types';
import { type Bilingual, type Issue, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';
import { type LeadershipGuidance, leadershipGuidanceFor } from './leadership';

export const ROTATION_FORMAT = 'thidua/rotation@1';

export interface RotationProposal {
  format: typeof ROTATION_FORMAT;
  /** The leadership year: the document's year + 1. */
  year: number;
  leader?: string;
  deputy?: string;
  reason: Bilingual;
  /** "rotation": proposed by the rotation order; "election": the recorded election result. */
  source: 'rotation' | 'election';
  guidance: { id: string; document: string; elected: boolean };
  /** Units passed over, with why. */
  skipped: { unit: string; reason: Bilingual }[];
  issues: Issue[];
}

interface Election {
  year?: number;
  leader: string;
  deputy: string;
  note?: string;
}

function readElection(doc: ClusterDocument, issues: Issue[]): Election | undefined {
  const raw = doc.election;
  if (raw === undefined) return undefined;
  const o = raw as Record<string, unknown>;
  if (!raw || typeof raw !== 'object' || typeof o.leader !== 'string' || typeof o.deputy !== 'string') {
    issues.push(
      makeIssue(
        'error',
        'cluster.election.invalid',
        {
          vi: '"election" phải có dạng { "leader": đơn vị, "deputy": đơn vị, "year"?, "note"? }.',
          en: '"election" must be { "leader": unit, "deputy": unit, "year"?, "note"? }.',
        },
        { path: 'election' },
      ),
    );
    return undefined;
  }
  const e: Election = { leader: o.leader, deputy: o.deputy };
  if (typeof o.year === 'number') e.year = o.year;
  if (typeof o.note === 'string') e.note = o.note;
  return e;
}

function readNames(doc: ClusterDocument, key: string, issues: Issue[]): string[] {
  const raw = doc[key];
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string')) {
    issues.push(
      makeIssue(
        'error',
        'cluster.notEvaluated.invalid',
        { vi: `"${key}" phải là danh sách tên đơn vị.`, en: `"${key}" must be a list of unit names.` },
        { path: key },
      ),
    );
    return [];
  }
  return raw;
}

export function proposeRotation(doc: ClusterDocument, _result?: ResultDocument): RotationProposal {
  const issues: Issue[] = [];
  const year = doc.year + 1;
  const guidance: LeadershipGuidance = leadershipGuidanceFor(year);
  if (doc.kind === 'campaign') {
    // A short-term campaign is not the emulation year: it proposes no leader for the next year.
    const reason = {
      vi: 'Đợt thi đua ngắn hạn (kind "campaign") không đề xuất Cụm trưởng, Cụm phó; việc này làm ở bình xét năm.',
      en: 'A short-term campaign (kind "campaign") proposes no leader or deputy; that is done at the annual evaluation.',
    };
    issues.push(makeIssue('info', 'cluster.rotation.campaign', reason));
    return {
      format: ROTATION_FORMAT,
      year,
      reason,
      source: 'rotation',
      guidance: { id: guidance.id, document: guidance.document, elected: guidance.elected },
      skipped: [],
      issues,
    };
  }
  const byKey = new Map(doc.units.map((u) => [matchKey(u.name), u.name]));
  const resolve = (name: string | undefined, path: string): string | undefined => {
    if (name === undefined) return undefined;
    const found = byKey.get(matchKey(name));
    if (!found)
      issues.push(
        makeIssue(
          'error',
          'cluster.unit.unknown',
          {
            vi: `"${name}" (${path}) không phải đơn vị nào của cụm.`,
            en: `"${name}" (${path}) is not a unit of the cluster.`,
          },
          { path, unit: name },
        ),
      );
    return found;
  };
  const notEvaluated = new Set(
    readNames(doc, 'notEvaluated', issues)
      .map((n, i) => resolve(n, `notEvaluated[${i}]`))
      .filter((n): n is string => n !== undefined),
  );
  const eligible = (u: string) => !notEvaluated.has(u);
  const notEvaluatedReason = (u: string): Bilingual => ({
    vi: `${u} không được đánh giá năm ${doc.year} nên không làm Cụm trưởng, Cụm phó năm ${year}`,
    en: `${u} was not evaluated in ${doc.year}, so it can be neither leader nor deputy in ${year}`,
  });
  const cite: Bilingual = { vi: `(${guidance.document})`, en: `(${guidance.document})` };
  const base = {
    format: ROTATION_FORMAT,
    year,
    guidance: { id: guidance.id, document: guidance.document, elected: guidance.elected },
    issues,
  } as const;

  const election = readElection(doc, issues);
  if (election && (election.year === undefined || election.year === year)) {
    const leader = resolve(election.leader, 'election.leader');
    const deputy = resolve(election.deputy, 'election.deputy');
    const skipped: RotationProposal['skipped'] = [];
    for (const [u, path] of [
      [leader, 'election.leader'],
      [deputy, 'election.deputy'],
    ] as const)
      if (u && !eligible(u)) {
        skipped.push({ unit: u, reason: notEvaluatedReason(u) });
        issues.push(
          makeIssue('error', 'cluster.election.notEvaluated', notEvaluatedReason(u), { path, unit: u }),
        );
      }
    if (leader && deputy && leader === deputy)
      issues.push(
        makeIssue(
          'error',
          'cluster.election.same',
          { vi: `Cụm trưởng và Cụm phó cùng là ${leader}.`, en: `Leader and deputy are both ${leader}.` },
          { path: 'election' },
        ),
      );
    const note = election.note ? { vi: ` ${election.note}`, en: ` ${election.note}` } : { vi: '', en: '' };
    const proposal: RotationProposal = {
      ...base,
      source: 'election',
      skipped,
      reason: {
        vi: `Kết quả bầu năm ${year}: ${leader ?? election.leader} làm Cụm trưởng, ${deputy ?? election.deputy} làm Cụm phó.${note.vi} ${guidance.summary.vi} ${cite.vi}`,
        en: `Election for ${year}: ${leader ?? election.leader} leads, ${deputy ?? election.deputy} is deputy.${note.en} ${guidance.summary.en} ${cite.en}`,
      },
    };
    if (leader) proposal.leader = leader;
    if (deputy) proposal.deputy = deputy;
    return proposal;
  }
  if (election)
    issues.push(
      makeIssue(
        'warning',
        'cluster.election.otherYear',
        {
          vi: `"election" ghi năm ${election.year}, không phải năm ${year}; không dùng.`,
          en: `"election" is for ${election.year}, not ${year}; not used.`,
        },
        { path: 'election.year' },
      ),
    );

  let order = (doc.cluster.rotation ?? []).map((n, i) => resolve(n, `cluster.rotation[${i}]`));
  if (!doc.cluster.rotation?.length) {
    issues.push(
      makeIssue('warning', 'cluster.rotation.missing', {
        vi: 'Cụm không ghi thứ tự luân phiên (cluster.rotation); dùng thứ tự danh sách đơn vị.',
        en: 'The cluster has no rotation order (cluster.rotation); the order of the units list is used.',
      }),
    );
    order = doc.units.map((u) => u.name);
  }
  const rotation = order.filter((n): n is string => n !== undefined);
  for (const u of doc.units)
    if (!rotation.includes(u.name))
      issues.push(
        makeIssue(
          'warning',
          'cluster.rotation.incomplete',
          {
            vi: `${u.name} không có trong thứ tự luân phiên; không được xét làm Cụm phó.`,
            en: `${u.name} is not in the rotation order; not considered as deputy.`,
          },
          { path: 'cluster.rotation', unit: u.name },
        ),
      );
  const lastLeader = resolve(doc.cluster.leader, 'cluster.leader');
  const lastDeputy = resolve(doc.cluster.deputy, 'cluster.deputy');
  const skipped: RotationProposal['skipped'] = [];
  const nextAfter = (from: string | undefined, exclude: Set<string>): string | undefined => {
    const start = from ? rotation.indexOf(from) : -1;
    for (let k = 1; k <= rotation.length; k++) {
      const u = rotation[(start + k + rotation.length) % rotation.length]!;
      if (exclude.has(u)) continue;
      if (!eligible(u)) {
        if (!skipped.some((s) => s.unit === u)) skipped.push({ unit: u, reason: notEvaluatedReason(u) });
        continue;
      }
      return u;
    }
    return undefined;
  };

  const why: Bilingual[] = [];
  let leader: string | undefined;
  if (lastDeputy && eligible(lastDeputy)) {
    leader = lastDeputy;
    why.push({
      vi: `${lastDeputy}, Cụm phó năm ${doc.year}, làm Cụm trưởng năm ${year}`,
      en: `${lastDeputy}, deputy in ${doc.year}, leads in ${year}`,
    });
  } else {
    if (lastDeputy) skipped.push({ unit: lastDeputy, reason: notEvaluatedReason(lastDeputy) });
    leader = nextAfter(lastDeputy ?? lastLeader, new Set(lastLeader ? [lastLeader] : []));
    if (leader)
      why.push({
        vi: `${leader}, đơn vị kế tiếp theo thứ tự luân phiên, làm Cụm trưởng năm ${year}`,
        en: `${leader}, next in the rotation order, leads in ${year}`,
      });
  }
  const deputy = leader ? nextAfter(leader, new Set([leader])) : undefined;
  if (deputy)
    why.push({
      vi: `${deputy}, đơn vị kế tiếp ${leader} theo thứ tự luân phiên, làm Cụm phó`,
      en: `${deputy}, next after ${leader} in the rotation order, is deputy`,
    });
  for (const s of skipped) why.push(s.reason);
  if (guidance.elected && lastDeputy)
    why.push({
      vi: `Từ năm 2024 Cụm trưởng, Cụm phó do bầu: đây là đề xuất theo thứ tự luân phiên để đưa ra bầu; ${lastDeputy} (Cụm phó năm ${doc.year}) chủ trì hội nghị bầu`,
      en: `Since 2024 leader and deputy are elected: this is the rotation's proposal for the vote; ${lastDeputy} (deputy in ${doc.year}) hosts the election meeting`,
    });
  if (!leader || !deputy)
    issues.push(
      makeIssue('warning', 'cluster.rotation.incompleteProposal', {
        vi: `Không đủ đơn vị đủ điều kiện để đề xuất ${leader ? 'Cụm phó' : 'Cụm trưởng'} năm ${year}.`,
        en: `Not enough eligible units to propose a ${leader ? 'deputy' : 'leader'} for ${year}.`,
      }),
    );
  const proposal: RotationProposal = {
    ...base,
    source: 'rotation',
    skipped,
    reason: {
      vi: `${why.map((w) => w.vi).join('; ')}. ${cite.vi}`,
      en: `${why.map((w) => w.en).join('; ')}. ${cite.en}`,
    },
  };
  if (leader) proposal.leader = leader;
  if (deputy) proposal.deputy = deputy;
  return proposal;
}
