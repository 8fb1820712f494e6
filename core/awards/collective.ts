/**
 * Collective awards from a ranked cluster, in rank order: advanced and excellent collectives (with the
 * excellent quota where the rule set has one), then the flags the cluster proposes: the candidates come from
 * the votes, each checked on its own conditions (./flags).
 */
import type { UnitResult } from '../model/types';
import { toMilli } from '../exact/decimal';
import { type Bilingual, makeIssue } from '../issues/issue';
import { formatCitations } from './citation';
import { matchKey } from '../text/key';
import { type AwardContext, levelIndex } from './draft';
import { profileOf, type UnitProfile } from './extensions';
import { capShortfall, pickWithinQuota, quotaLimit } from './quota';
import type { AwardRuleId } from './rulesets/types';
import { nominateFlags } from './flags';
import {
  basisOf,
  exceededText,
  indicatorsText,
  percentText,
  quotaText,
  rankText,
  withCitation,
} from './wording';

export interface RatedUnit {
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

export function ratingText(u: RatedUnit): Bilingual {
  return u.ratingStated
    ? { vi: `Xếp loại (tài liệu ghi): ${u.rating}`, en: `Rating (stated in the document): ${u.rating}` }
    : { vi: `Xếp loại theo kết quả chấm điểm: ${u.rating}`, en: `Rating from the scores: ${u.rating}` };
}

export function exceededEnough(u: RatedUnit, sharePercent: number): boolean {
  const { exceedable, exceeded } = u.result.indicators;
  const pct = toMilli(sharePercent) ?? 100_000;
  return exceedable > 0 && exceeded * 100_000 >= pct * exceedable;
}

function womenShareAtLeast(u: RatedUnit, percent: number): boolean {
  const p = u.profile;
  if (!p || p.staff === undefined || p.women === undefined || p.staff === 0) return false;
  return p.women * 100_000 >= (toMilli(percent) ?? 0) * p.staff;
}

/** People of the unit disciplined in the year with `form` or worse (by the year of the act). */
function disciplinedPeople(ctx: AwardContext, unit: string, fromForm: string): string[] {
  const forms = ctx.book.ruleSet.disciplineForms;
  const from = levelIndex(forms, fromForm);
  const key = matchKey(unit);
  return (ctx.doc.people ?? [])
    .filter((p) => matchKey(p.unit) === key)
    .filter((p) =>
      (p.discipline ?? []).some((d) => {
        const idx = levelIndex(forms, d.form);
        return (d.actYear ?? d.year) === ctx.doc.year && (idx < 0 || idx >= from);
      }),
    )
    .map((p) => p.name);
}

/**
 * The collective's own people: the share of "Lao động tiên tiến" and nobody disciplined with "cảnh cáo" or
 * worse. Counts come from `unitProfiles` (staff, advancedWorkers, disciplined), or from `people` when the
 * document lists all of the unit's people (as many as its `staff`); what cannot be checked is left to the
 * council and said so.
 */
function memberConditions(ctx: AwardContext, u: RatedUnit): { reasons: Bilingual[]; lines: Bilingual[] } {
  const { book } = ctx;
  const reasons: Bilingual[] = [];
  const lines: Bilingual[] = [];
  const minPercent = book.numOrNull('advancedCollective', 'minAdvancedWorkerPercent');
  const blocksFrom = book.str('advancedCollective', 'disciplineBlocksFrom');
  const key = matchKey(u.unit);
  const listed = (ctx.doc.people ?? []).filter((p) => matchKey(p.unit) === key).length;
  const staff = u.profile?.staff;
  let advanced = u.profile?.advancedWorkers;
  if (advanced === undefined && staff !== undefined && staff === listed && listed > 0)
    advanced = ctx.nominations.filter(
      (n) => n.ruleId === 'advancedWorker' && matchKey(n.unit ?? '') === key,
    ).length;
  if (minPercent !== null) {
    if (staff === undefined || advanced === undefined || staff === 0)
      lines.push({
        vi: `Hội đồng xem xét: từ ${minPercent}% cá nhân đạt "Lao động tiên tiến" (tài liệu chưa ghi số liệu: unitProfiles[].staff, advancedWorkers)`,
        en: `For the council: at least ${minPercent}% Advanced Workers (the document gives no figures: unitProfiles[].staff, advancedWorkers)`,
      });
    else {
      const p = percentText(advanced, staff);
      const enough = advanced * 100_000 >= (toMilli(minPercent) ?? 0) * staff;
      const text = {
        vi: `${advanced}/${staff} cá nhân đạt "Lao động tiên tiến" (${p.vi})`,
        en: `${advanced}/${staff} people are Advanced Workers (${p.en})`,
      };
      if (enough)
        lines.push({ vi: `${text.vi}, từ ${minPercent}%`, en: `${text.en}, at least ${minPercent}%` });
      else reasons.push({ vi: `${text.vi}, dưới ${minPercent}%`, en: `${text.en}, below ${minPercent}%` });
    }
  }
  const named = disciplinedPeople(ctx, u.unit, blocksFrom);
  const counted = u.profile?.disciplined;
  if (named.length > 0 || (counted ?? 0) > 0) {
    const who = named.length ? `: ${named.join(', ')}` : '';
    const n = Math.max(named.length, counted ?? 0);
    reasons.push({
      vi: `${n} cá nhân bị kỷ luật từ "${blocksFrom}" trở lên năm ${ctx.doc.year}${who}`,
      en: `${n} people disciplined with "${blocksFrom}" or worse in ${ctx.doc.year}${who}`,
    });
  } else if (counted === 0 || (staff !== undefined && staff === listed && listed > 0))
    lines.push({
      vi: `Không có cá nhân bị kỷ luật từ "${blocksFrom}" trở lên`,
      en: `Nobody disciplined with "${blocksFrom}" or worse`,
    });
  else
    lines.push({
      vi: `Hội đồng xem xét: không có cá nhân bị kỷ luật từ "${blocksFrom}" trở lên (tài liệu chưa ghi: unitProfiles[].disciplined)`,
      en: `For the council: nobody disciplined with "${blocksFrom}" or worse (not in the document: unitProfiles[].disciplined)`,
    });
  return { reasons, lines };
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

  // Tập thể lao động tiên tiến: a good enough rating, enough Advanced Workers, nobody disciplined (TT 01/2019, Điều 18).
  const advMin = levelIndex(levels, book.str('advancedCollective', 'minRating'));
  const advanced: RatedUnit[] = [];
  for (const u of units) {
    if (u.ratingIndex < 0 || u.ratingIndex > advMin) {
      block('advancedCollective', u, [
        {
          vi: `Xếp loại "${u.rating}" thấp hơn "${levels[advMin]}"`,
          en: `Rating "${u.rating}" is below "${levels[advMin]}"`,
        },
      ]);
      continue;
    }
    const members = memberConditions(ctx, u);
    if (members.reasons.length) block('advancedCollective', u, members.reasons);
    else {
      advanced.push(u);
      nominate('advancedCollective', u, [ratingText(u), ...members.lines, rankText(u.rank, count)]);
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
    if (allMet && ind.arising === 0)
      reasons.push({
        vi: 'Không có chỉ tiêu phát sinh: không thể coi là đạt mọi chỉ tiêu',
        en: 'No indicator arose: not "every indicator met"',
      });
    else if (allMet && ind.met < ind.arising) {
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

export interface FlagHelpers {
  nominate(ruleId: AwardRuleId, u: RatedUnit, basis: Bilingual[]): void;
  block(ruleId: AwardRuleId, u: RatedUnit, reasons: Bilingual[], quota?: boolean): void;
  preferred: ((u: RatedUnit) => boolean) | undefined;
  preferenceLine: Bilingual;
}
