/**
 * 2019-06-28 → 2023-12-31: Luật Thi đua, khen thưởng 2003 (amended 2005, 2013), Nghị định 91/2017/NĐ-CP,
 * Thông tư 01/2019/TT-VKSTC (in force from 2019-06-28).
 */
import { awardRule, param } from './awards';
import { evidence as e, UNCONFIRMED } from './evidence';
import { notes } from './notes';
import { DISCIPLINE_FORMS, RATING_LEVELS, sources as s } from './sources';
import type { RuleSet } from './types';

const governmentFlag = awardRule(
  'governmentFlag',
  [s.law2003GovernmentFlag, s.nd91GovernmentFlag],
  {
    // Chosen among the collectives qualifying for the sector flag (Nghị định 91/2017, Điều 11).
    requiresSectorFlagConditions: param(true, e.governmentFlagAmongSectorFlag),
    exceededSharePercent: param(100, UNCONFIRMED, notes.exceededShare),
    votePercent: param(80, UNCONFIRMED, notes.govFlagVoteBeforeNd98),
    voteBody: param('cluster', UNCONFIRMED, notes.govFlagVoteBeforeNd98),
    voteBase: param('voters', UNCONFIRMED, notes.govFlagVoteBeforeNd98),
    maxRank: param(null, UNCONFIRMED, notes.maxRank, true),
    clusterProposals: param(null, UNCONFIRMED, notes.clusterProposals, true),
    // Information only: the sector council applies it over the whole sector.
    capPercent: param(20, e.governmentFlagCap20, notes.governmentFlagCapInfo, true),
  },
  [s.nd91GovernmentFlag],
);

export const vn2019Tt01: RuleSet = {
  id: 'vn-2019-tt01',
  title: {
    vi: 'Luật TĐKT 2003, Nghị định 91/2017, Thông tư 01/2019/TT-VKSTC',
    en: 'Emulation Law 2003, Decree 91/2017, Circular 01/2019/TT-VKSTC',
  },
  validFrom: '2019-06-28',
  validTo: '2023-12-31',
  documents: [s.law2003, s.nd91, s.tt01],
  ratingLevels: RATING_LEVELS,
  disciplineForms: DISCIPLINE_FORMS,
  rules: {
    advancedCollective: awardRule(
      'advancedCollective',
      [s.law2003AdvancedCollective, s.tt01AdvancedCollective],
      {
        minRating: param('Hoàn thành tốt nhiệm vụ', e.advancedCollective2003),
        minAdvancedWorkerPercent: param(50, e.advancedCollectiveTt01, undefined, true),
        disciplineBlocksFrom: param('Cảnh cáo', e.advancedCollectiveTt01),
      },
    ),
    excellentCollective: awardRule('excellentCollective', [s.law2003, s.tt01], {
      minRating: param('Hoàn thành xuất sắc nhiệm vụ', e.excellentBase),
      allArisingMet: param(true, e.excellentBase),
      exceededRequired: param(false, e.excellentBase),
      quotaPercent: param(null, e.excellentBase, notes.noCapTt01, true),
      quotaMinimum: param(null, e.excellentBase, undefined, true),
      quotaRounding: param('down', UNCONFIRMED, notes.roundDown),
    }),
    sectorFlag: awardRule('sectorFlag', [s.tt01SectorFlag], {
      requiresExcellent: param(true, e.sectorFlagAmongExcellent),
      eligibleLevels: param(['supreme', 'high', 'provincial'], e.sectorFlagLevels),
      exceededSharePercent: param(100, UNCONFIRMED, notes.exceededShare),
      votePercent: param(80, e.clusterVote80),
      voteBody: param('cluster', e.clusterVote80),
      voteBase: param('voters', e.clusterVote80),
      clusterProposals: param(null, UNCONFIRMED, notes.clusterProposals, true),
    }),
    governmentFlag: {
      ...governmentFlag,
      requires: ['sectorFlag', 'excellentCollective'],
      requiresWhy: {
        vi: 'Nghị định 91/2017, Điều 11: chọn trong số tập thể đủ tiêu chuẩn Cờ thi đua ngành',
        en: 'Decree 91/2017, Article 11: chosen among the collectives qualifying for the sector flag',
      },
    },
    advancedWorker: awardRule('advancedWorker', [s.tt01], {
      minMonthsSinceRecruitment: param(10, e.recruitMonths, notes.recruitMonthsTt01),
      disciplineBlocksFrom: param('Khiển trách', e.discipline),
      disciplineCountsIn: param('act', UNCONFIRMED, notes.disciplineActYearTt01),
      minRating: param('Hoàn thành tốt nhiệm vụ', e.discipline),
      leaveBlocksFrom: param(40, e.leave40Days, notes.leaveWorkingDays, true),
      leaveUnit: param('workingDays', e.leave40Days, notes.leaveWorkingDays),
    }),
    baseEmulationSoldier: awardRule(
      'baseEmulationSoldier',
      [s.law2003BaseSoldier, s.nd91BaseSoldier],
      {
        initiativeLevels: param(
          ['cơ sở', 'ngành', 'toàn quốc', 'đề tài khoa học'],
          e.baseSoldierInitiative2003,
        ),
        excellentRatingQualifies: param(false, e.baseSoldierInitiative2003),
        capPercent: param(15, e.baseSoldierCap15, notes.baseSoldierCapNd91, true),
        capMinimum: param(null, e.baseSoldierCap15, undefined, true),
        capRounding: param('down', UNCONFIRMED, notes.roundDown),
        votePercent: param(null, e.baseSoldierInitiative2003, undefined, true),
      },
      [s.nd91BaseSoldier],
    ),
    sectorEmulationSoldier: awardRule(
      'sectorEmulationSoldier',
      [s.tt01SectorSoldier, s.law2003SectorSoldier],
      {
        consecutiveYears: param(3, e.sectorSoldierYears),
        sectorInitiativeLevels: param(['ngành', 'toàn quốc'], e.sectorSoldierYears),
        votePercent: param(90, e.sectorSoldierVote90),
        voteBody: param('council', e.sectorSoldierVote90),
        voteBase: param('voters', UNCONFIRMED, {
          vi: 'Thông tư 01/2019 không nói phiếu tính trên số có mặt hay tổng số thành viên; tính trên số phiếu',
          en: 'TT 01/2019 does not say whether the base is those voting or all members; counted over votes cast',
        }),
      },
    ),
    procuracyMedal: awardRule('procuracyMedal', [s.tt01], {
      serviceYears: param(15, e.medalTt01),
      serviceCountedTo: param('07-26', UNCONFIRMED, notes.medalCutoff),
      minRating: param('Hoàn thành nhiệm vụ', e.medalTt01),
    }),
  },
  principles: {
    id: 'principles',
    basis: [s.law2003, s.nd91],
    params: {
      referenceDate: param('12-31', UNCONFIRMED, notes.referenceDate),
      lowerAwardNotPrecondition: param(false, UNCONFIRMED, {
        vi: 'Nguyên tắc này có từ Nghị định 98/2023, Điều 4',
        en: 'This principle comes with Decree 98/2023, Article 4',
      }),
      pendingBlocks: param(true, UNCONFIRMED, notes.pendingBefore2024),
    },
  },
};
