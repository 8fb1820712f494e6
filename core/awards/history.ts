/**
 * Earlier years as an input of the individual awards (issue 13): a person's titles and awards by year, each
 * either decided (with its decision and the file it came from) or typed in the people list. Built by
 * core/years (buildAwardHistory) from the yearly files; the individual-award code only asks the questions
 * below, so it never reads files or matches people itself. Without a history the typed titles are used as
 * before.
 */
import type { Person } from '../model/types';
import type { Bilingual } from '../issues/issue';
import { type AwardContext, isAward } from './draft';
import { AWARD_NAMES } from './rulesets/awards';
import type { AwardRuleId } from './rulesets/types';

export interface AwardHistoryEntry {
  year: number;
  title: string;
  /** The decision's wording ("QĐ số … ngày … của …"); absent for a title only typed in the people list. */
  decision?: Bilingual;
  /** The file the entry was read from. */
  source?: string;
  /** Why the entry is not counted (a typed title that a recorded year's decisions do not bear out). */
  conflict?: Bilingual;
}

/** Per person, by index in the document's `people`. */
export type AwardHistoryInput = ReadonlyMap<number, readonly AwardHistoryEntry[]>;

function entriesFor(ctx: AwardContext, index: number, ruleId: AwardRuleId): AwardHistoryEntry[] {
  return (ctx.history?.get(index) ?? []).filter((e) => !e.conflict && isAward(e.title, ruleId));
}

/** Whether the person held the title in that year: from the history when given, else from the typed titles. */
export function heldTitle(ctx: AwardContext, index: number, p: Person, ruleId: AwardRuleId, year: number) {
  if (!ctx.history) return (p.titles ?? []).some((t) => t.year === year && isAward(t.title, ruleId));
  return entriesFor(ctx, index, ruleId).some((e) => e.year === year);
}

/** An earlier award of that form (for "once only"), from the history. */
export function earlierAward(ctx: AwardContext, index: number, ruleId: AwardRuleId) {
  return entriesFor(ctx, index, ruleId).sort((a, b) => a.year - b.year)[0];
}

/**
 * The basis line naming the years and where each came from: "Chiến sĩ thi đua cơ sở 2021, 2022, 2023: 2021
 * QĐ số … ngày … (cum-7-2021.xlsx); …". Nothing without a history.
 */
export function historyBasis(
  ctx: AwardContext,
  index: number,
  ruleId: AwardRuleId,
  years: readonly number[],
  thisYear?: Bilingual,
): Bilingual[] {
  if (!ctx.history) return [];
  const parts = years.map((y): Bilingual => {
    const e =
      entriesFor(ctx, index, ruleId).find((x) => x.year === y && x.decision) ??
      entriesFor(ctx, index, ruleId).find((x) => x.year === y);
    if (!e)
      return thisYear ? { vi: `${y} ${thisYear.vi}`, en: `${y} ${thisYear.en}` } : { vi: `${y}`, en: `${y}` };
    const from = e.source ? ` (${e.source})` : '';
    const what = e.decision ?? {
      vi: 'ghi trong danh sách cá nhân, chưa có quyết định',
      en: 'typed in the people list, no decision',
    };
    return { vi: `${y} ${what.vi}${from}`, en: `${y} ${what.en}${from}` };
  });
  const name = AWARD_NAMES[ruleId];
  return [
    {
      vi: `"${name.vi}" ${years.join(', ')}: ${parts.map((p) => p.vi).join('; ')}`,
      en: `"${name.en}" ${years.join(', ')}: ${parts.map((p) => p.en).join('; ')}`,
    },
  ];
}
