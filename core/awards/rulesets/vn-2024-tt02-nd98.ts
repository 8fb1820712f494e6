/**
 * 2024-10-01 → 2025-06-30: Luật Thi đua, khen thưởng 06/2022/QH15, Nghị định 98/2023/NĐ-CP,
 * Thông tư 02/2024/TT-VKSTC (issued 2024-08-12, in force 2024-10-01).
 */
import { awardRule, param } from './awards';
import { notes } from './notes';
import { DISCIPLINE_FORMS, RATING_LEVELS, sources as s } from './sources';
import type { RuleSet } from './types';
import { vn2024Tt01Nd98 } from './vn-2024-tt01-nd98';

export const vn2024Tt02Nd98: RuleSet = {
  id: 'vn-2024-tt02-nd98',
  title: {
    vi: 'Luật TĐKT 06/2022/QH15, Nghị định 98/2023, Thông tư 02/2024/TT-VKSTC',
    en: 'Emulation Law 06/2022/QH15, Decree 98/2023, Circular 02/2024/TT-VKSTC',
  },
  validFrom: '2024-10-01',
  validTo: '2025-06-30',
  documents: [s.law2022, s.nd98, s.tt02],
  ratingLevels: RATING_LEVELS,
  disciplineForms: DISCIPLINE_FORMS,
  rules: {
    advancedCollective: awardRule('advancedCollective', [s.law2022, s.tt02], {
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
    excellentCollective: awardRule(
      'excellentCollective',
      [s.tt02ExcellentCollective, s.law2022ExcellentCollective],
      {
        minRating: param('Hoàn thành xuất sắc nhiệm vụ', true),
        allArisingMet: param(true, true),
        // Điều 18, khoản 1: "hoàn thành xuất sắc nhiệm vụ phải hoàn thành vượt các chỉ tiêu, nhiệm vụ".
        exceededRequired: param(true, true),
        exceededSharePercent: param(100, false, notes.exceededShare),
        quotaPercent: param(20, true, undefined, true),
        quotaMinimum: param(1, true, undefined, true),
        quotaRounding: param('down', false, notes.roundDown),
      },
      [s.tt02ExcellentQuota],
    ),
    sectorFlag: awardRule('sectorFlag', [s.tt02, s.tt01SectorFlag], {
      exceededSharePercent: param(100, false, notes.exceededShare),
      votePercent: param(80, false, notes.sectorFlagVoteTt02),
    }),
    // A national award: Luật 2022 and Nghị định 98/2023, as in the months before Thông tư 02/2024.
    governmentFlag: vn2024Tt01Nd98.rules.governmentFlag,
    advancedWorker: awardRule('advancedWorker', [s.law2022, s.tt02], {
      minMonthsSinceRecruitment: param(6, true, notes.recruitMonthsTt02),
      disciplineBlocksFrom: param('Khiển trách', true),
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
    baseEmulationSoldier: awardRule(
      'baseEmulationSoldier',
      [s.law2022, s.nd98, s.tt02],
      {
        initiativeLevels: param(['cơ sở', 'ngành', 'toàn quốc', 'đề tài khoa học'], true),
        capPercent: param(15, false, notes.baseSoldierCapAfter2023, true),
        capMinimum: param(null, true, undefined, true),
        capRounding: param('down', false, notes.roundDown),
      },
      [s.nd98],
    ),
    sectorEmulationSoldier: awardRule('sectorEmulationSoldier', [s.tt02, s.tt01SectorSoldier], {
      consecutiveYears: param(3, false, notes.carriedFromTt01),
      sectorInitiativeLevels: param(['ngành', 'toàn quốc'], true),
      votePercent: param(90, false, notes.carriedFromTt01),
    }),
    procuracyMedal: awardRule('procuracyMedal', [s.tt02Medal], {
      serviceYears: param(15, true),
      serviceCountedTo: param('07-26', false, notes.medalCutoff),
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
  },
  notes: [
    {
      vi: 'Thông tư 02/2024, Điều 18: "Tập thể lao động xuất sắc" không quá 20% số "Tập thể lao động tiên tiến", ít nhất 1',
      en: 'TT 02/2024, Article 18: Excellent Labour Collectives at most 20% of Advanced ones, at least 1',
    },
    {
      vi: '"Lao động tiên tiến": không xét người tuyển dụng dưới 6 tháng (trước đây 10 tháng)',
      en: 'Advanced Worker: not for staff recruited less than 6 months before (previously 10)',
    },
  ],
};
