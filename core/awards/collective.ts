/**
 * Collective awards from a ranked cluster, in rank order: advanced and excellent collectives (with the
 * excellent quota where the rule set has one), the cluster's proposal for the Government flag (its leading
 * unit) and for the sector flag (the other excellent units that exceeded their targets and won the vote).
 */
import type { UnitResult } from '../document/types';
import { toMilli } from '../exact/decimal';
import { type Bilingual, makeIssue } from '../issues/issue';
import { formatCitations } from './citation';
import { matchKey } from '../text/key';
import { type AwardContext, awardNames, levelIndex } from './draft';
import { profileOf, type UnitProfile } from './extensions';
import { capShortfall, pickWithinQuota, quotaLimit } from './quota';
import type { AwardRuleId } from './rulesets/types';
import { findVote, votePasses } from './votes';
import {
  basisOf,
  exceededText,
  indicatorsText,
  quotaText,
  rankText,
  voteText,
  withCitation,
} from './wording';

interface RatedUnit {
  result: UnitResult;
  unit: string;
  rank: number;
  rating: string;
  ratingStated: boolean;
  ratingIndex: number;
  profile?: UnitProfile;
}

function rate(ctx: AwardContext): RatedUnit[] {
  const levels = ctx.book.ruleSet.ratingLevels;
  const ordered = [...ctx.result.units].sort((a, b) => a.rank - b.rank);
  return ordered.map((r) => {
    const profile = profileOf(ctx.profiles, r.unit);
    const rating = profile?.rating ?? r.tier;
    const ratingIndex = levelIndex(levels, rating);
    if (ratingIndex < 0) {
      ctx.issues.push(
        makeIssue(
          'warning',
          'awards.rating.unknown',
          {
            vi: `Đơn vị ${r.unit}: xếp loại "${rating}" không thuộc bốn mức (${levels.join('; ')}); không xét danh hiệu tập thể.`,
            en: `Unit ${r.unit}: rating "${rating}" is none of the four levels; no collective title considered.`,
          },
          { unit: r.unit },
        ),
      );
    }
    const rated: RatedUnit = {
      result: r,
      unit: r.unit,
      rank: r.rank,
      rating,
      ratingStated: profile?.rating !== undefined,
      ratingIndex,
    };
    if (profile) rated.profile = profile;
    return rated;
  });
}

function ratingText(u: RatedUnit): Bilingual {
  return u.ratingStated
    ? { vi: `Xếp loại (tài liệu ghi): ${u.rating}`, en: `Rating (stated in the document): ${u.rating}` }
    : { vi: `Xếp loại theo kết quả chấm điểm: ${u.rating}`, en: `Rating from the scores: ${u.rating}` };
}

function exceededEnough(u: RatedUnit, sharePercent: number): boolean {
  const { exceedable, exceeded } = u.result.indicators;
  const pct = toMilli(sharePercent) ?? 100_000;
  return exceedable > 0 && exceeded * 100_000 >= pct * exceedable;
}

function womenShareAtLeast(u: RatedUnit, percent: number): boolean {
  const p = u.profile;
  if (!p || p.staff === undefined || p.women === undefined || p.staff === 0) return false;
  return p.women * 100_000 >= (toMilli(percent) ?? 0) * p.staff;
}

export function nominateCollectives(ctx: AwardContext): void {
  const { book } = ctx;
  const units = rate(ctx);
  const count = units.length;
  const nominate = (ruleId: AwardRuleId, u: RatedUnit, basis: Bilingual[]) => {
    const rule = book.rule(ruleId);
    ctx.nominations.push({
      ruleId,
      candidate: u.unit,
      kind: 'collective',
      unit: u.unit,
      rank: u.rank,
      basis: [...basis, ...(rule.councilChecks ?? []), basisOf(rule)],
    });
  };
  const block = (ruleId: AwardRuleId, u: RatedUnit, reasons: Bilingual[], quota = false) => {
    const rule = book.rule(ruleId);
    const cited = reasons.map((r) => withCitation(r, rule, quota));
    ctx.blocked.push({ ruleId, candidate: u.unit, kind: 'collective', unit: u.unit, reasons: cited });
  };
  const levels = book.ruleSet.ratingLevels;
  const preferWomen = book.prefersWomen();
  const womenPercent = preferWomen ? book.num('tiePreference', 'collectiveWomenPercent') : 0;
  const preferred = preferWomen ? (u: RatedUnit) => womenShareAtLeast(u, womenPercent) : undefined;
  const tieBasis = formatCitations(book.ruleSet.tiePreference?.basis ?? []);
  const preferenceLine: Bilingual = {
    vi: `Ưu tiên khi bằng nhau: tập thể có từ ${womenPercent}% nữ (${tieBasis.vi})`,
    en: `Preferred among equals: collective with at least ${womenPercent}% women (${tieBasis.en})`,
  };

  // Tập thể lao động tiên tiến: every member with a good enough rating.
  const advMin = levelIndex(levels, book.str('advancedCollective', 'minRating'));
  const advanced: RatedUnit[] = [];
  for (const u of units) {
    if (u.ratingIndex >= 0 && u.ratingIndex <= advMin) {
      advanced.push(u);
      nominate('advancedCollective', u, [ratingText(u), rankText(u.rank, count)]);
    } else {
      block('advancedCollective', u, [
        {
          vi: `Xếp loại "${u.rating}" thấp hơn "${levels[advMin]}"`,
          en: `Rating "${u.rating}" is below "${levels[advMin]}"`,
        },
      ]);
    }
  }

  // Tập thể lao động xuất sắc: the best rating, every arising indicator met (and, where required, exceeded).
  const exMin = levelIndex(levels, book.str('excellentCollective', 'minRating'));
  const allMet = book.bool('excellentCollective', 'allArisingMet');
  const needExceeded = book.bool('excellentCollective', 'exceededRequired');
  const eligible: RatedUnit[] = [];
  for (const u of advanced) {
    // Only units with the top rating are candidates; the others are simply advanced collectives.
    if (u.ratingIndex > exMin) continue;
    const reasons: Bilingual[] = [];
    const ind = u.result.indicators;
    if (allMet && ind.met < ind.arising) {
      const t = indicatorsText(ind.met, ind.arising);
      reasons.push({
        vi: `Chưa đạt mọi chỉ tiêu phát sinh: ${t.vi}`,
        en: `Not every arising indicator met: ${t.en}`,
      });
    }
    if (needExceeded && !exceededEnough(u, book.num('excellentCollective', 'exceededSharePercent'))) {
      const t = exceededText(ind.exceeded, ind.exceedable);
      reasons.push({ vi: `Chưa hoàn thành vượt các chỉ tiêu: ${t.vi}`, en: `Targets not exceeded: ${t.en}` });
    }
    if (reasons.length) block('excellentCollective', u, reasons);
    else eligible.push(u);
  }
  const exPercent = book.numOrNull('excellentCollective', 'quotaPercent');
  const exMinimum = exPercent === null ? null : book.numOrNull('excellentCollective', 'quotaMinimum');
  if (exPercent !== null) book.str('excellentCollective', 'quotaRounding');
  const exLimit = quotaLimit({ percent: exPercent, minimum: exMinimum }, advanced.length);
  const exRule = book.rule('excellentCollective');
  const advLabel = { vi: 'đơn vị "Tập thể lao động tiên tiến"', en: 'Advanced Labour Collectives' };
  const exQuotaLine =
    exPercent === null
      ? {
          vi: `Bộ quy tắc ${book.ruleSet.id} không giới hạn số "${exRule.award}"`,
          en: `Rule set ${book.ruleSet.id} sets no cap on ${exRule.awardEn}`,
        }
      : quotaText(exLimit, advanced.length, exPercent, exMinimum, advLabel);
  const excellent: RatedUnit[] = [];
  for (const pick of pickWithinQuota(eligible, exLimit, (a, b) => a.rank === b.rank, preferred)) {
    const u = pick.item;
    const ind = u.result.indicators;
    if (pick.outcome === 'within' || pick.outcome === 'preferred') {
      excellent.push(u);
      const lines = [ratingText(u), indicatorsText(ind.met, ind.arising), rankText(u.rank, count)];
      lines.push(withCitation(exQuotaLine, exRule, exPercent !== null));
      if (pick.outcome === 'preferred') lines.push(preferenceLine);
      nominate('excellentCollective', u, lines);
    } else if (pick.outcome === 'over') {
      block(
        'excellentCollective',
        u,
        [
          {
            vi: `Vượt giới hạn: ${exQuotaLine.vi}; đơn vị xếp hạng ${u.rank}`,
            en: `Over the cap: ${exQuotaLine.en}; unit ranked ${u.rank}`,
          },
        ],
        true,
      );
    } else {
      const tie = { vi: `Đồng hạng ${u.rank}`, en: `Tied at rank ${u.rank}` };
      block('excellentCollective', u, [capShortfall('tied', exQuotaLine, tie)], true);
    }
  }
  ctx.quotas.push({
    ruleId: 'excellentCollective',
    limit: Number.isFinite(exLimit) ? exLimit : null,
    base: advanced.length,
    proposed: excellent.length,
    basis: [withCitation(exQuotaLine, exRule, exPercent !== null)],
  });

  nominateFlags(ctx, units, excellent, { nominate, block, preferred, preferenceLine });
}

interface FlagHelpers {
  nominate(ruleId: AwardRuleId, u: RatedUnit, basis: Bilingual[]): void;
  block(ruleId: AwardRuleId, u: RatedUnit, reasons: Bilingual[], quota?: boolean): void;
  preferred: ((u: RatedUnit) => boolean) | undefined;
  preferenceLine: Bilingual;
}

/** What keeps a unit from a flag: not an excellent collective, targets not exceeded, no vote or too few yes. */
function flagShortfalls(
  u: RatedUnit,
  excellent: boolean,
  exceededShare: number,
  vote: { yes: number; voters: number } | undefined,
  votePercent: number,
): Bilingual[] {
  const reasons: Bilingual[] = [];
  if (!excellent)
    reasons.push({
      vi: 'Không được đề nghị "Tập thể lao động xuất sắc" năm nay',
      en: 'Not proposed as an Excellent Labour Collective this year',
    });
  else if (!exceededEnough(u, exceededShare)) {
    const t = exceededText(u.result.indicators.exceeded, u.result.indicators.exceedable);
    reasons.push({
      vi: `Chưa hoàn thành vượt mức các chỉ tiêu: ${t.vi}`,
      en: `Targets not exceeded: ${t.en}`,
    });
  }
  if (!vote)
    reasons.push({ vi: 'Chưa có kết quả biểu quyết của cụm', en: 'No vote of the cluster recorded' });
  else if (!votePasses(vote.yes, vote.voters, votePercent)) {
    const t = voteText(vote.yes, vote.voters);
    reasons.push({ vi: `${t.vi}, dưới ${votePercent}%`, en: `${t.en}, below ${votePercent}%` });
  }
  return reasons;
}

function nominateFlags(ctx: AwardContext, units: RatedUnit[], excellent: RatedUnit[], h: FlagHelpers): void {
  const { book } = ctx;
  const count = units.length;
  const isExcellent = new Set(excellent.map((u) => matchKey(u.unit)));
  const sectorNames = awardNames('sectorFlag');
  const govNames = awardNames('governmentFlag');
  const sectorShare = book.num('sectorFlag', 'exceededSharePercent');
  const sectorVotePct = book.num('sectorFlag', 'votePercent');
  const flagConditions = excellent.filter((u) => exceededEnough(u, sectorShare));

  // Cờ thi đua của Chính phủ: the leading unit(s) of the cluster.
  const govShare = book.num('governmentFlag', 'exceededSharePercent');
  const govVotePct = book.num('governmentFlag', 'votePercent');
  const topRank = units.length ? Math.min(...units.map((u) => u.rank)) : 0;
  const govEligible: RatedUnit[] = [];
  const govVoteLine = new Map<RatedUnit, Bilingual>();
  for (const u of units) {
    const vote = findVote(ctx.votes, govNames, u.unit) ?? findVote(ctx.votes, sectorNames, u.unit);
    const leading = u.rank === topRank;
    const votedForGov = findVote(ctx.votes, govNames, u.unit) !== undefined;
    if (!leading && !votedForGov) continue;
    const reasons: Bilingual[] = [];
    if (!leading)
      reasons.push({
        vi: `Không phải đơn vị dẫn đầu cụm (xếp hạng ${u.rank}/${count})`,
        en: `Not the cluster's leading unit (ranked ${u.rank} of ${count})`,
      });
    reasons.push(...flagShortfalls(u, isExcellent.has(matchKey(u.unit)), govShare, vote, govVotePct));
    if (reasons.length) h.block('governmentFlag', u, reasons);
    else {
      govEligible.push(u);
      const t = voteText(vote!.yes, vote!.voters);
      govVoteLine.set(u, {
        vi: `Biểu quyết của cụm: ${t.vi} (ngưỡng ${govVotePct}%)`,
        en: `Cluster vote: ${t.en} (threshold ${govVotePct}%)`,
      });
    }
  }
  const capPercent = book.numOrNull('governmentFlag', 'capPercent');
  const capMinimum = capPercent === null ? null : book.numOrNull('governmentFlag', 'capMinimum');
  if (capPercent !== null) book.str('governmentFlag', 'capRounding');
  const govRule = book.rule('governmentFlag');
  const capLimit = quotaLimit({ percent: capPercent, minimum: capMinimum }, flagConditions.length);
  const capLine =
    capPercent === null
      ? { vi: 'Không áp dụng giới hạn tỷ lệ', en: 'No percentage cap applied' }
      : quotaText(capLimit, flagConditions.length, capPercent, capMinimum, {
          vi: 'tập thể đủ điều kiện Cờ thi đua ngành trong cụm',
          en: 'collectives meeting the sector-flag conditions in the cluster',
        });
  const gov = new Set<string>();
  for (const pick of pickWithinQuota(govEligible, capLimit, (a, b) => a.rank === b.rank, h.preferred)) {
    const u = pick.item;
    if (pick.outcome === 'within' || pick.outcome === 'preferred') {
      gov.add(matchKey(u.unit));
      const ind = u.result.indicators;
      const lines = [
        { vi: 'Đơn vị dẫn đầu cụm', en: "The cluster's leading unit" },
        rankText(u.rank, count),
        exceededText(ind.exceeded, ind.exceedable),
        govVoteLine.get(u)!,
        { vi: 'Đủ điều kiện Cờ thi đua của ngành Kiểm sát nhân dân', en: 'Meets the sector-flag conditions' },
        withCitation(capLine, govRule, true),
      ];
      if (pick.outcome === 'preferred') lines.push(h.preferenceLine);
      h.nominate('governmentFlag', u, lines);
    } else {
      const why = capShortfall(pick.outcome, capLine, { vi: 'Đồng hạng', en: 'Tied' });
      h.block('governmentFlag', u, [why], true);
    }
  }
  ctx.quotas.push({
    ruleId: 'governmentFlag',
    limit: Number.isFinite(capLimit) ? capLimit : null,
    base: flagConditions.length,
    proposed: gov.size,
    basis: [withCitation(capLine, govRule, capPercent !== null)],
  });

  // Cờ thi đua của ngành KSND: the other excellent units with targets exceeded and the cluster's vote.
  for (const u of units) {
    if (gov.has(matchKey(u.unit))) continue;
    const vote = findVote(ctx.votes, sectorNames, u.unit);
    const excellentUnit = isExcellent.has(matchKey(u.unit));
    if (!excellentUnit && !vote) continue;
    const ind = u.result.indicators;
    const reasons = flagShortfalls(u, excellentUnit, sectorShare, vote, sectorVotePct);
    if (reasons.length) {
      h.block('sectorFlag', u, reasons);
      continue;
    }
    const t = voteText(vote!.yes, vote!.voters);
    h.nominate('sectorFlag', u, [
      { vi: 'Trong số "Tập thể lao động xuất sắc"', en: 'Among the Excellent Labour Collectives' },
      exceededText(ind.exceeded, ind.exceedable),
      {
        vi: `Biểu quyết của cụm: ${t.vi} (ngưỡng ${sectorVotePct}%)`,
        en: `Cluster vote: ${t.en} (threshold ${sectorVotePct}%)`,
      },
      rankText(u.rank, count),
    ]);
  }
}
