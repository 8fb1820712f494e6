/**
 * 2024-01-01 → 2024-09-30: the new Luật Thi đua, khen thưởng 06/2022/QH15 and Nghị định 98/2023/NĐ-CP are in
 * force, while the sector still applies Thông tư 01/2019/TT-VKSTC (Thông tư 02/2024 starts on 2024-10-01).
 * The sector's own values stay those of ./vn-2019-tt01; the decree brings the council vote over all members
 * (Điều 30 khoản 7), the principles of Điều 4 (no lower award first, nothing while a procedure is pending,
 * women preferred among equals), and the law's Chiến sĩ thi đua cơ sở (Điều 23, no cap).
 */
import { awardRule, param } from './awards';
import { evidence as e, UNCONFIRMED } from './evidence';
import { notes } from './notes';
import { sources as s } from './sources';
import type { AwardRule, PrinciplesRule, RuleSet, TiePreferenceRule } from './types';
import { vn2019Tt01 } from './vn-2019-tt01';

const previous = vn2019Tt01.rules;

/** The council's vote of Nghị định 98/2023, Điều 30, khoản 7: percent of all its members. */
export const councilVote = (percent: 80 | 90) => ({
  votePercent: param(percent, percent === 80 ? e.councilVote80 : e.councilVote90, undefined, true),
  voteBody: param('council', percent === 80 ? e.councilVote80 : e.councilVote90),
  voteBase: param('members', percent === 80 ? e.councilVote80 : e.councilVote90),
});

/** The Government flag under Luật 2022, Điều 25 and Nghị định 98/2023: no chain, no cap found. */
export const governmentFlagNd98: AwardRule = awardRule(
  'governmentFlag',
  [s.law2022GovernmentFlag, s.nd98CouncilVote],
  {
    requiresSectorFlagConditions: param(false, e.principles, {
      vi: 'Nghị định 98/2023, Điều 4: khen thưởng mức thấp không là điều kiện để khen mức cao',
      en: 'Decree 98/2023, Article 4: a lower award is no precondition for a higher one',
    }),
    exceededSharePercent: param(100, UNCONFIRMED, notes.exceededShare),
    ...councilVote(80),
    maxRank: param(null, e.governmentFlagLeading, notes.maxRank, true),
    clusterProposals: param(null, UNCONFIRMED, notes.clusterProposals, true),
    capPercent: param(null, UNCONFIRMED, notes.noGovernmentCapAfter2023, true),
  },
  undefined,
  false,
);

export const principlesNd98: PrinciplesRule = {
  id: 'principles',
  basis: [s.nd98Principles],
  params: {
    referenceDate: param('12-31', UNCONFIRMED, notes.referenceDate),
    lowerAwardNotPrecondition: param(true, e.principles),
    pendingBlocks: param(true, e.pending),
  },
};

export const tiePreferenceNd98: TiePreferenceRule = {
  id: 'tiePreference',
  basis: [s.nd98Principles],
  params: {
    preferWomen: param(true, e.tiePreference, notes.tiePreference),
    collectiveWomenPercent: param(70, e.tiePreference),
  },
};

export const vn2024Tt01Nd98: RuleSet = {
  ...vn2019Tt01,
  id: 'vn-2024-tt01-nd98',
  title: {
    vi: 'Luật TĐKT 06/2022/QH15, Nghị định 98/2023, Thông tư 01/2019/TT-VKSTC',
    en: 'Emulation Law 06/2022/QH15, Decree 98/2023, Circular 01/2019/TT-VKSTC',
  },
  validFrom: '2024-01-01',
  validTo: '2024-09-30',
  documents: [s.law2022, s.nd98, s.tt01],
  rules: {
    ...previous,
    advancedCollective: { ...previous.advancedCollective, basis: [s.law2022, s.tt01AdvancedCollective] },
    excellentCollective: { ...previous.excellentCollective, basis: [s.law2022ExcellentCollective, s.tt01] },
    sectorFlag: {
      ...previous.sectorFlag,
      basis: [s.tt01SectorFlag, s.nd98CouncilVote],
      params: { ...previous.sectorFlag.params, ...councilVote(80) },
    },
    governmentFlag: governmentFlagNd98,
    advancedWorker: { ...previous.advancedWorker, basis: [s.law2022, s.tt01] },
    baseEmulationSoldier: awardRule('baseEmulationSoldier', [s.law2022BaseSoldier, s.nd98CouncilVote], {
      initiativeLevels: param(['cơ sở', 'ngành', 'toàn quốc', 'đề tài khoa học'], e.baseSoldier2022),
      excellentRatingQualifies: param(true, e.baseSoldier2022),
      capPercent: param(null, e.baseSoldierNoCap, undefined, true),
      capMinimum: param(null, e.baseSoldierNoCap, undefined, true),
      capRounding: param('down', UNCONFIRMED, notes.roundDown),
      ...councilVote(80),
    }),
    sectorEmulationSoldier: {
      ...previous.sectorEmulationSoldier,
      basis: [s.tt01SectorSoldier, s.nd98CouncilVote],
      params: { ...previous.sectorEmulationSoldier.params, ...councilVote(90) },
    },
    // procuracyMedal: Thông tư 01/2019 alone, unchanged.
  },
  principles: principlesNd98,
  tiePreference: tiePreferenceNd98,
  notes: [
    {
      vi: 'Luật 2022 và Nghị định 98/2023 có hiệu lực; ngành vẫn áp dụng Thông tư 01/2019 đến 30/9/2024',
      en: 'Law 2022 and Decree 98/2023 in force; the sector still applies TT 01/2019 until 2024-09-30',
    },
    {
      vi: 'Nghị định 98/2023, Điều 30, khoản 7: phiếu đồng ý của Hội đồng tính trên tổng số thành viên (80%; Chiến sĩ thi đua ngành 90%)',
      en: 'Decree 98/2023, Article 30, clause 7: council votes counted over all members (80%; sector Emulation Fighter 90%)',
    },
    {
      vi: '"Chiến sĩ thi đua cơ sở" (Luật 2022, Điều 23): "Lao động tiên tiến" và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài; không giới hạn tỷ lệ',
      en: 'Grassroots Emulation Fighter (Law 2022, Article 23): Advanced Worker and an excellent rating or an initiative or research; no cap',
    },
    {
      vi: 'Nghị định 98/2023, Điều 4: mức thấp không là điều kiện của mức cao; không khen khi đang xem xét kỷ luật, điều tra, thanh tra; ưu tiên nữ khi bằng nhau',
      en: 'Decree 98/2023, Article 4: no lower award first; nothing while discipline, investigation or inspection is pending; women preferred among equals',
    },
  ],
};
