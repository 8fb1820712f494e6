/**
 * 2019-06-28 → 2023-12-31: Luật Thi đua, khen thưởng 2003 (amended 2005, 2013), Nghị định 91/2017/NĐ-CP,
 * Thông tư 01/2019/TT-VKSTC (in force from 2019-06-28).
 */
import { awardRule, param } from './awards';
import { notes } from './notes';
import { DISCIPLINE_FORMS, RATING_LEVELS, sources as s } from './sources';
import type { RuleSet } from './types';

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
    advancedCollective: awardRule('advancedCollective', [s.law2003AdvancedCollective, s.tt01], {
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
    excellentCollective: awardRule('excellentCollective', [s.law2003, s.tt01], {
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
      [s.law2003GovernmentFlag, s.nd91GovernmentFlag],
      {
        exceededSharePercent: param(100, false, notes.exceededShare),
        votePercent: param(80, false, notes.governmentFlagVote),
        capPercent: param(20, true, notes.governmentFlagCapNd91, true),
        capMinimum: param(1, false, notes.governmentFlagMinimum, true),
        capRounding: param('down', false, notes.roundDown),
      },
      [s.nd91GovernmentFlag],
    ),
    advancedWorker: awardRule('advancedWorker', [s.tt01], {
      minMonthsSinceRecruitment: param(10, true, notes.recruitMonthsTt01),
      disciplineBlocksFrom: param('Khiển trách', true),
      minRating: param('Hoàn thành tốt nhiệm vụ', true),
    }),
    baseEmulationSoldier: awardRule(
      'baseEmulationSoldier',
      [s.law2003BaseSoldier, s.nd91BaseSoldier],
      {
        initiativeLevels: param(['cơ sở', 'ngành', 'toàn quốc', 'đề tài khoa học'], true),
        capPercent: param(15, true, notes.baseSoldierCapNd91, true),
        capMinimum: param(null, true, undefined, true),
        capRounding: param('down', false, notes.roundDown),
      },
      [s.nd91BaseSoldier],
    ),
    sectorEmulationSoldier: awardRule(
      'sectorEmulationSoldier',
      [s.tt01SectorSoldier, s.law2003SectorSoldier],
      {
        consecutiveYears: param(3, true),
        sectorInitiativeLevels: param(['ngành', 'toàn quốc'], true),
        votePercent: param(90, true),
      },
    ),
    procuracyMedal: awardRule('procuracyMedal', [s.tt01], {
      serviceYears: param(15, true),
      serviceCountedTo: param('07-26', false, notes.medalCutoff),
      minRating: param('Hoàn thành nhiệm vụ', true),
    }),
  },
};
