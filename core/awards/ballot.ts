/**
 * A rule's vote: which body votes (the cluster's members, or the emulation council of the proposing level),
 * on what base (the votes cast, or all the body's members: Nghị định 98/2023, Điều 30, khoản 7) and the
 * threshold. A rule counting over all members never falls back to the votes cast: without `members` the vote
 * is an error naming it.
 */
import { type Bilingual, makeIssue } from '../issues/issue';
import { formatCitations } from './citation';
import type { AwardContext } from './draft';
import { awardNames } from './draft';
import type { AwardRuleId } from './rulesets/types';
import { percentText } from './wording';
import { findVote, type VoteBody, type VoteTally, votePasses } from './votes';

export interface VoteRule {
  percent: number;
  body: VoteBody;
  base: 'voters' | 'members';
}

export interface VoteVerdict {
  tally?: VoteTally;
  passes: boolean;
  /** The sentence for the basis (when it passes) or the reason (when it does not). */
  line: Bilingual;
}

const BODY: Record<VoteBody, Bilingual> = {
  cluster: { vi: 'cụm', en: 'cluster' },
  council: { vi: 'Hội đồng Thi đua - Khen thưởng', en: 'emulation council' },
};

const MEMBERS: Record<VoteBody, Bilingual> = {
  cluster: { vi: 'thành viên cụm', en: 'cluster members' },
  council: { vi: 'thành viên Hội đồng', en: 'council members' },
};

/** The rule's vote, or undefined when the rule set asks for none (e.g. Chiến sĩ thi đua cơ sở before 2024). */
export function voteRule(ctx: AwardContext, id: AwardRuleId): VoteRule | undefined {
  const { book } = ctx;
  if (!book.has(id, 'votePercent')) return undefined;
  const percent = book.numOrNull(id, 'votePercent');
  if (percent === null) return undefined;
  const body = book.has(id, 'voteBody') ? (book.str(id, 'voteBody') as VoteBody) : 'cluster';
  const base = book.has(id, 'voteBase') ? (book.str(id, 'voteBase') as VoteRule['base']) : 'voters';
  return { percent, body, base };
}

/** Ballots already reported as unusable: one error per vote, however many rules read it. */
const reported = new WeakSet<VoteTally>();

function voteName(t: VoteTally): string {
  return t.rows.map((r) => `votes[${r}]`).join(', ') + ` (${t.award} — ${t.candidate})`;
}

/** Judges the candidate's vote for the rule; records an error for a vote without the base it needs. */
export function judgeVote(
  ctx: AwardContext,
  id: AwardRuleId,
  rule: VoteRule,
  candidate: string,
): VoteVerdict {
  const tally = findVote(ctx.votes, awardNames(id), candidate, rule.body);
  // The sector emulation fighter is voted by the sector's own council.
  const body =
    id === 'sectorEmulationSoldier' && rule.body === 'council'
      ? { vi: 'Hội đồng Ngành', en: 'sector council' }
      : BODY[rule.body];
  if (!tally) {
    const other = findVote(ctx.votes, awardNames(id), candidate);
    const otherLine =
      other?.body && other.body !== rule.body
        ? {
            vi: ` (có biểu quyết của ${BODY[other.body].vi}: ${other.yes}/${other.voters}; quy tắc cần biểu quyết của ${body.vi})`,
            en: ` (the ${BODY[other.body].en} voted ${other.yes}/${other.voters}; the rule needs the ${body.en}'s vote)`,
          }
        : { vi: '', en: '' };
    return {
      passes: false,
      line: {
        vi: `Chưa có kết quả biểu quyết của ${body.vi}${otherLine.vi}`,
        en: `No vote of the ${body.en} recorded${otherLine.en}`,
      },
    };
  }
  if (rule.base === 'voters') {
    const passes = votePasses(tally.yes, tally.voters, rule.percent);
    const p = percentText(tally.yes, tally.voters);
    const t = {
      vi: `${tally.yes}/${tally.voters} phiếu đồng ý (${p.vi})`,
      en: `${tally.yes}/${tally.voters} yes votes (${p.en})`,
    };
    return {
      tally,
      passes,
      line: passes
        ? {
            vi: `Biểu quyết của ${body.vi}: ${t.vi} (ngưỡng ${rule.percent}%)`,
            en: `Vote of the ${body.en}: ${t.en} (threshold ${rule.percent}%)`,
          }
        : { vi: `${t.vi}, dưới ${rule.percent}%`, en: `${t.en}, below ${rule.percent}%` },
    };
  }
  const members = MEMBERS[rule.body];
  const cites = formatCitations(ctx.book.rule(id).basis.filter((c) => c.article === 'Điều 30'));
  const source = cites.vi ? { vi: ` (${cites.vi})`, en: ` (${cites.en})` } : { vi: '', en: '' };
  if (
    tally.members === undefined ||
    tally.membersDiffer ||
    tally.members < tally.yes ||
    tally.members === 0
  ) {
    const what =
      tally.members === undefined
        ? {
            vi: `thiếu tổng số ${members.vi} (votes[].members)`,
            en: `the total of ${members.en} is missing (votes[].members)`,
          }
        : tally.membersDiffer
          ? {
              vi: `các dòng ghi tổng số ${members.vi} khác nhau`,
              en: `its rows give different totals of ${members.en}`,
            }
          : {
              vi: `tổng số ${members.vi} (${tally.members}) nhỏ hơn số phiếu đồng ý (${tally.yes})`,
              en: `the total of ${members.en} (${tally.members}) is below the yes votes (${tally.yes})`,
            };
    const name = voteName(tally);
    const text = {
      vi: `Biểu quyết ${name}: ${what.vi}; tỷ lệ tính trên tổng số ${members.vi}${source.vi}.`,
      en: `Vote ${name}: ${what.en}; the share counts over all ${members.en}${source.en}.`,
    };
    if (!reported.has(tally)) {
      reported.add(tally);
      ctx.issues.push(
        makeIssue('error', 'vote.members.missing', text, {
          path: `votes[${tally.rows[0]}]`,
          award: tally.award,
        }),
      );
    }
    return {
      tally,
      passes: false,
      line: { vi: `Biểu quyết ${name}: ${what.vi}`, en: `Vote ${name}: ${what.en}` },
    };
  }
  const passes = votePasses(tally.yes, tally.members, rule.percent);
  const p = percentText(tally.yes, tally.members);
  const cmp = passes ? '≥' : '<';
  const figures = {
    vi: `${tally.yes}/${tally.members} ${members.vi} = ${p.vi} ${cmp} ${rule.percent}%`,
    en: `${tally.yes}/${tally.members} ${members.en} = ${p.en} ${cmp} ${rule.percent}%`,
  };
  const present =
    tally.voters !== tally.members
      ? { vi: `, ${tally.voters} người biểu quyết`, en: `, ${tally.voters} voting` }
      : { vi: '', en: '' };
  return {
    tally,
    passes,
    line: {
      vi: `Biểu quyết của ${body.vi}: ${figures.vi} (tính trên tổng số ${members.vi}${present.vi})${source.vi}`,
      en: `Vote of the ${body.en}: ${figures.en} (counted over all ${members.en}${present.en})${source.en}`,
    },
  };
}
