/**
 * Votes: rows for the same award and candidate are parts of one ballot (e.g. one row per member unit) and are
 * added up; a threshold is compared on integers (yes × 100 ≥ percent × voters), so exactly 80% of 5 (4 yes)
 * passes and 79% never rounds up to 80%.
 */
import { toMilli } from '../exact/decimal';
import { matchKey } from '../text/key';
import type { Vote } from '../document/types';

export interface VoteTally {
  award: string;
  candidate: string;
  yes: number;
  voters: number;
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

/** Adds up the rows of each (award, candidate) pair, matched by name after normalisation. */
export function tallyVotes(votes: readonly Vote[]): VoteTally[] {
  const byKey = new Map<string, VoteTally>();
  votes.forEach((v, i) => {
    const key = `${matchKey(v.award)}\u0000${matchKey(v.candidate)}`;
    const t = byKey.get(key);
    if (t) {
      t.yes += v.yes;
      t.voters += v.voters;
      t.rows.push(i);
    } else {
      byKey.set(key, { award: v.award, candidate: v.candidate, yes: v.yes, voters: v.voters, rows: [i] });
    }
  });
  return [...byKey.values()];
}

/** The tally for a candidate under any of the award's names, or undefined when nobody voted on it. */
export function findVote(
  tallies: readonly VoteTally[],
  awardNames: readonly string[],
  candidate: string,
): VoteTally | undefined {
  const names = new Set(awardNames.map(matchKey));
  const who = matchKey(candidate);
  return tallies.find((t) => names.has(matchKey(t.award)) && matchKey(t.candidate) === who);
}
