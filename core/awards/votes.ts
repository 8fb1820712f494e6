/**
 * Votes: rows for the same award and candidate are parts of one ballot (e.g. one row per member unit) and are
 * added up; a threshold is compared on integers (yes × 100 ≥ percent × voters), so exactly 80% of 5 (4 yes)
 * passes and 79% never rounds up to 80%.
 */
import { toMilli } from '../exact/decimal';
import { matchKey } from '../text/key';
import type { Vote } from '../model/types';

export type VoteBody = 'cluster' | 'council';

export interface VoteTally {
  award: string;
  candidate: string;
  yes: number;
  voters: number;
  /** The body that voted, when the rows say so (else the rule's default body). */
  body?: VoteBody;
  /** The body's total members, when the rows say so (the base from Nghị định 98/2023, Điều 30, khoản 7). */
  members?: number;
  /** Rows of one ballot gave different totals of members. */
  membersDiffer?: boolean;
  /** Indexes of the document's `votes` rows added up here. */
  rows: number[];
}

/** Whether `yes` out of `voters` reaches `percent` (a number with at most 3 decimals), exactly. */
export function votePasses(yes: number, voters: number, percent: number): boolean {
  if (!(voters > 0) || yes < 0 || yes > voters) return false;
  const pct = toMilli(percent);
  if (pct === undefined) return false;
  // yes / voters ≥ percent / 100  ⇔  yes × 100 000 ≥ percent(milli) × voters, all integers.
  return yes * 100_000 >= pct * voters;
}

/** Compare two shares a/b and c/d without division: negative when a/b < c/d. */
export function compareShares(a: number, b: number, c: number, d: number): number {
  return a * d - c * b;
}

const bodyOf = (v: Vote): VoteBody | undefined =>
  v.body === 'cluster' || v.body === 'council' ? v.body : undefined;

/**
 * Adds up the rows of each (award, candidate, body) ballot, matched by name after normalisation. Rows of one
 * ballot share the body's total of members (the first one given; a different one is flagged).
 */
export function tallyVotes(votes: readonly Vote[]): VoteTally[] {
  const byKey = new Map<string, VoteTally>();
  votes.forEach((v, i) => {
    const body = bodyOf(v);
    const key = `${matchKey(v.award)}\u0000${matchKey(v.candidate)}\u0000${body ?? ''}`;
    const members = typeof v.members === 'number' ? v.members : undefined;
    const t = byKey.get(key);
    if (t) {
      t.yes += v.yes;
      t.voters += v.voters;
      t.rows.push(i);
      if (members !== undefined) {
        if (t.members === undefined) t.members = members;
        else if (t.members !== members) t.membersDiffer = true;
      }
    } else {
      const n: VoteTally = {
        award: v.award,
        candidate: v.candidate,
        yes: v.yes,
        voters: v.voters,
        rows: [i],
      };
      if (body) n.body = body;
      if (members !== undefined) n.members = members;
      byKey.set(key, n);
    }
  });
  return [...byKey.values()];
}

/**
 * The tally for a candidate under any of the award's names, or undefined when nobody voted on it. With `body`,
 * only that body's ballot (rows that name no body count as the rule's own body).
 */
export function findVote(
  tallies: readonly VoteTally[],
  awardNames: readonly string[],
  candidate: string,
  body?: VoteBody,
): VoteTally | undefined {
  const names = new Set(awardNames.map(matchKey));
  const who = matchKey(candidate);
  return tallies.find(
    (t) =>
      names.has(matchKey(t.award)) &&
      matchKey(t.candidate) === who &&
      (body === undefined || (t.body ?? body) === body),
  );
}
