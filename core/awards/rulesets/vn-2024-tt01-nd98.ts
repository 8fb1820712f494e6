/**
 * 2024-01-01 → 2024-09-30: the new Luật Thi đua, khen thưởng 06/2022/QH15 and Nghị định 98/2023/NĐ-CP are in
 * force, while the sector still applies Thông tư 01/2019/TT-VKSTC (Thông tư 02/2024 starts on 2024-10-01).
 */
import { awardRule, param } from './awards';
import { notes } from './notes';
import { DISCIPLINE_FORMS, RATING_LEVELS, sources as s } from './sources';
import type { RuleSet } from './types';

export const vn2024Tt01Nd98: RuleSet = {
  id: 'vn-2024-tt01-nd98',
  title: {
    vi: 'Luật TĐKT 06/2022/QH15, Nghị định 98/2023, Thông tư 01/2019/TT-VKSTC',
    en: 'Emulation Law 06/2022/QH15, Decree 98/2023, Circular 01/2019/TT-VKSTC',
  },
  validFrom: '2024-01-01',
  validTo: '2024-09-30',
  documents: [s.law2022, s.nd98, s.tt01],
  ratingLevels: RATING_LEVELS,
  disciplineForms: DISCIPLINE_FORMS,
  rules: {
    advancedCollective: awardRule('advancedCollective', [s.law2022, s.tt01], {
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
    excellentCollective: awardRule('excellentCollective', [s.law2022ExcellentCollective, s.tt01], {
      minRating: param('Hoàn thành xuất sắc nhiệm vụ', true),
      allArisingMet: param(true, true),
      exceededRequired: param(false, true),
      quotaPercent: param(null, true, notes.noCapTt01, true),
      quotaMinimum: param(null, true, undefined, true),
      quotaRounding: param('down', false, notes.roundDown),
    }),
    sectorFlag: awardRule('sectorFlag', [s.tt01SectorFlag], {
      exceededSharePercent: param(100, false, notes.exceededShare),
      votePercent: param(80, true),
    }),
    governmentFlag: awardRule(
      'governmentFlag',
      [s.law2022GovernmentFlag, s.nd98],
      {
        exceededSharePercent: param(100, false, notes.exceededShare),
        votePercent: param(80, false, notes.governmentFlagVote),
        capPercent: param(20, false, notes.governmentFlagCapAfter2023, true),
        capMinimum: param(1, false, notes.governmentFlagMinimum, true),
        capRounding: param('down', false, notes.roundDown),
      },
      [s.nd98],
    ),
    advancedWorker: awardRule('advancedWorker', [s.law2022, s.tt01], {
      minMonthsSinceRecruitment: param(10, true, notes.recruitMonthsTt01),
      disciplineBlocksFrom: param('Khiển trách', true),
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
    baseEmulationSoldier: awardRule(
      'baseEmulationSoldier',
      [s.law2022, s.nd98],
      {
        initiativeLevels: param(['cơ sở', 'ngành', 'toàn quốc', 'đề tài khoa học'], true),
        capPercent: param(15, false, notes.baseSoldierCapAfter2023, true),
        capMinimum: param(null, true, undefined, true),
        capRounding: param('down', false, notes.roundDown),
      },
      [s.nd98],
    ),
    sectorEmulationSoldier: awardRule('sectorEmulationSoldier', [s.tt01SectorSoldier, s.law2022], {
      consecutiveYears: param(3, true),
      sectorInitiativeLevels: param(['ngành', 'toàn quốc'], true),
      votePercent: param(90, true),
    }),
    procuracyMedal: awardRule('procuracyMedal', [s.tt01], {
      serviceYears: param(15, true),
      serviceCountedTo: param('07-26', false, notes.medalCutoff),
      minRating: param('Hoàn thành nhiệm vụ', true),
    }),
  },
  notes: [
    {
      vi: 'Luật 2022 và Nghị định 98/2023 có hiệu lực; ngành vẫn áp dụng Thông tư 01/2019 đến 30/9/2024',
      en: 'Law 2022 and Decree 98/2023 in force; the sector still applies TT 01/2019 until 2024-09-30',
    },
  ],
};
