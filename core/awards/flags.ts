/**
 * The flags a cluster proposes. The candidates are the units the votes name (Luật 06/2022, Điều 25: the
 * Government flag goes to outstanding collectives among the clusters' leading ones, which the cluster's vote
 * says); each candidate is checked on the flag's own conditions; how many a cluster may propose is a stated
 * parameter (`clusterProposals`, none by default), and the rank is a condition only where a rule set says so
 * (`maxRank`). The Government flag's 20% cap of Nghị định 91/2017, Điều 11 counts over the whole sector: the
 * cluster shows it as information, never as a block.
 */
import { type Bilingual, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';
import { judgeVote, type VoteVerdict, voteRule } from './ballot';
import { exceededEnough, type FlagHelpers, type RatedUnit } from './collective';
import type { AwardContext } from './draft';
import { awardNames } from './draft';
import type { UnitLevel } from './extensions';
import { capShortfall, pickWithinQuota } from './quota';
import type { AwardRuleId } from './rulesets/types';
import { findVote } from './votes';
import { exceededText, rankText, withCitation } from './wording';

const LEVEL_NAMES: Record<UnitLevel, Bilingual> = {
  supreme: { vi: 'VKSND tối cao', en: 'Supreme Procuracy' },
  high: { vi: 'VKSND cấp cao', en: 'high-level procuracy' },
  provincial: { vi: 'VKSND cấp tỉnh', en: 'provincial procuracy' },
  district: { vi: 'VKSND cấp huyện', en: 'district procuracy' },
  area: { vi: 'VKSND khu vực', en: 'area procuracy' },
};

/** The unit's level: stated in `unitProfiles[].level`, else read from its name where the name says it. */
export function unitLevel(u: RatedUnit): UnitLevel | undefined {
  if (u.profile?.level) return u.profile.level;
  const bare = matchKey(u.unit).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
  const k = ` ${bare} `;
  if (k.includes(' toi cao ')) return 'supreme';
  if (k.includes(' cap cao ')) return 'high';
  if (k.includes(' khu vuc ')) return 'area';
  if (/ (huyen|quan|thi xa) /.test(k)) return 'district';
  if (k.includes(' tinh ')) return 'provincial';
  return undefined;
}

interface Candidate {
  u: RatedUnit;
  verdict: VoteVerdict;
  /** yes / base as milli-percent, for ordering; -1 without a usable vote. */
  share: number;
}

function shareOf(v: VoteVerdict, base: 'voters' | 'members'): number {
  const t = v.tally;
  const d = t ? (base === 'members' ? t.members : t.voters) : undefined;
  return t && d ? Math.floor((t.yes * 100_000) / d) : -1;
}

/** Why a unit falls short of the sector flag's own conditions (level, excellent collective, targets). */
function sectorConditionShortfalls(
  ctx: AwardContext,
  u: RatedUnit,
  excellent: boolean,
  exceededShare: number,
): Bilingual[] {
  const { book } = ctx;
  const reasons: Bilingual[] = [];
  const allowed = book.list('sectorFlag', 'eligibleLevels');
  const level = unitLevel(u);
  if (level && !allowed.includes(level)) {
    const names = allowed.map((l) => LEVEL_NAMES[l as UnitLevel] ?? { vi: l, en: l });
    reasons.push({
      vi: `Đơn vị thuộc ${LEVEL_NAMES[level].vi}: Cờ thi đua ngành chỉ tặng đơn vị thuộc ${names.map((n) => n.vi).join(', ')}`,
      en: `A ${LEVEL_NAMES[level].en}: the sector flag is only for units of the ${names.map((n) => n.en).join(', ')}`,
    });
  }
  if (book.bool('sectorFlag', 'requiresExcellent') && !excellent)
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
  return reasons;
}

/** Picks within the number the cluster may propose (none stated: all); ties on the vote go to the preference. */
function proposeWithin(
  ctx: AwardContext,
  ruleId: AwardRuleId,
  eligible: Candidate[],
  h: FlagHelpers,
  linesOf: (c: Candidate) => Bilingual[],
): Set<string> {
  const { book } = ctx;
  const rule = book.rule(ruleId);
  const limit = book.numOrNull(ruleId, 'clusterProposals');
  const ordered = [...eligible].sort((a, b) => b.share - a.share || a.u.rank - b.u.rank);
  const limitLine: Bilingual =
    limit === null
      ? { vi: '', en: '' }
      : {
          vi: `Cụm được đề nghị tối đa ${limit} đơn vị "${rule.award}"`,
          en: `The cluster may propose at most ${limit} for the ${rule.awardEn}`,
        };
  const proposed = new Set<string>();
  const picks = pickWithinQuota(
    ordered,
    limit ?? Number.POSITIVE_INFINITY,
    (a, b) => a.share === b.share,
    h.preferred ? (c: Candidate) => h.preferred!(c.u) : undefined,
  );
  for (const pick of picks) {
    const c = pick.item;
    if (pick.outcome === 'within' || pick.outcome === 'preferred') {
      proposed.add(matchKey(c.u.unit));
      const lines = linesOf(c);
      if (limit !== null) lines.push(limitLine);
      if (pick.outcome === 'preferred') lines.push(h.preferenceLine);
      h.nominate(ruleId, c.u, lines);
    } else {
      const why = capShortfall(pick.outcome, limitLine, { vi: 'Bằng phiếu', en: 'Tied on the vote' });
      h.block(ruleId, c.u, [why]);
    }
  }
  if (limit !== null)
    ctx.quotas.push({
      ruleId,
      limit,
      base: eligible.length,
      proposed: proposed.size,
      basis: [withCitation(limitLine, rule)],
    });
  return proposed;
}

export function nominateFlags(
  ctx: AwardContext,
  units: RatedUnit[],
  excellent: RatedUnit[],
  h: FlagHelpers,
): void {
  const { book } = ctx;
  const count = units.length;
  const isExcellent = new Set(excellent.map((u) => matchKey(u.unit)));
  const sectorShare = book.num('sectorFlag', 'exceededSharePercent');
  const sectorVote = voteRule(ctx, 'sectorFlag')!;

  // Cờ thi đua của Chính phủ: the units the votes name for it.
  const govVote = voteRule(ctx, 'governmentFlag')!;
  const govShare = book.num('governmentFlag', 'exceededSharePercent');
  const chained = book.bool('governmentFlag', 'requiresSectorFlagConditions');
  const maxRank = book.numOrNull('governmentFlag', 'maxRank');
  const govNames = awardNames('governmentFlag');
  const govRule = book.rule('governmentFlag');
  const capPercent = book.numOrNull('governmentFlag', 'capPercent');
  const capLine: Bilingual | undefined =
    capPercent === null
      ? undefined
      : withCitation(
          {
            vi: `Để biết: không quá ${capPercent}% số tập thể của Ngành đủ tiêu chuẩn Cờ thi đua ngành; Hội đồng Ngành áp dụng trên toàn Ngành, không phải điều kiện của cụm`,
            en: `For information: at most ${capPercent}% of the sector's collectives qualifying for the sector flag; the sector council applies it sector-wide, not a condition for the cluster`,
          },
          govRule,
          true,
        );
  const govEligible: Candidate[] = [];
  for (const u of units) {
    if (!findVote(ctx.votes, govNames, u.unit)) continue;
    const reasons: Bilingual[] = [];
    if (maxRank !== null && u.rank > maxRank)
      reasons.push({
        vi: `Xếp hạng ${u.rank}/${count}, ngoài ${maxRank} hạng đầu`,
        en: `Ranked ${u.rank} of ${count}, outside the first ${maxRank}`,
      });
    if (chained)
      reasons.push(...sectorConditionShortfalls(ctx, u, isExcellent.has(matchKey(u.unit)), sectorShare));
    else if (!exceededEnough(u, govShare)) {
      const t = exceededText(u.result.indicators.exceeded, u.result.indicators.exceedable);
      reasons.push({
        vi: `Chưa hoàn thành vượt mức các chỉ tiêu: ${t.vi}`,
        en: `Targets not exceeded: ${t.en}`,
      });
    }
    const verdict = judgeVote(ctx, 'governmentFlag', govVote, u.unit);
    if (!verdict.passes) reasons.push(verdict.line);
    if (reasons.length) h.block('governmentFlag', u, reasons);
    else govEligible.push({ u, verdict, share: shareOf(verdict, govVote.base) });
  }
  if (capLine && govEligible.length)
    ctx.issues.push(makeIssue('info', 'awards.governmentFlag.sectorCap', capLine, { award: govRule.award }));
  const gov = proposeWithin(ctx, 'governmentFlag', govEligible, h, (c) => {
    const ind = c.u.result.indicators;
    const lines: Bilingual[] = [
      rankText(c.u.rank, count),
      exceededText(ind.exceeded, ind.exceedable),
      c.verdict.line,
    ];
    if (chained)
      lines.push({
        vi: 'Đủ điều kiện Cờ thi đua của ngành Kiểm sát nhân dân',
        en: 'Meets the sector-flag conditions',
      });
    if (capLine) lines.push(capLine);
    return lines;
  });

  // Cờ thi đua của ngành KSND: the excellent units and the units voted for it, not proposed for the Government flag.
  const sectorNames = awardNames('sectorFlag');
  const sectorEligible: Candidate[] = [];
  for (const u of units) {
    if (gov.has(matchKey(u.unit))) continue;
    const excellentUnit = isExcellent.has(matchKey(u.unit));
    if (!excellentUnit && !findVote(ctx.votes, sectorNames, u.unit)) continue;
    const reasons = sectorConditionShortfalls(ctx, u, excellentUnit, sectorShare);
    const verdict = judgeVote(ctx, 'sectorFlag', sectorVote, u.unit);
    if (!verdict.passes) reasons.push(verdict.line);
    if (reasons.length) h.block('sectorFlag', u, reasons);
    else sectorEligible.push({ u, verdict, share: shareOf(verdict, sectorVote.base) });
  }
  proposeWithin(ctx, 'sectorFlag', sectorEligible, h, (c) => {
    const ind = c.u.result.indicators;
    const lines: Bilingual[] = [];
    if (book.bool('sectorFlag', 'requiresExcellent'))
      lines.push({
        vi: 'Trong số "Tập thể lao động xuất sắc"',
        en: 'Among the Excellent Labour Collectives',
      });
    lines.push(exceededText(ind.exceeded, ind.exceedable), c.verdict.line, rankText(c.u.rank, count));
    return lines;
  });
}
