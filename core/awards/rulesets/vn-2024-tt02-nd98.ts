/**
 * 2024-10-01 → 2025-06-30: Luật Thi đua, khen thưởng 06/2022/QH15, Nghị định 98/2023/NĐ-CP,
 * Thông tư 02/2024/TT-VKSTC (issued 2024-08-12, in force 2024-10-01). The national rules are those of
 * ./vn-2024-tt01-nd98; the sector's own values change with Thông tư 02/2024.
 */
import { awardRule, carried, param } from './awards';
import { evidence as e, UNCONFIRMED } from './evidence';
import { notes } from './notes';
import { sources as s } from './sources';
import type { RuleSet } from './types';
import { councilVote, vn2024Tt01Nd98 } from './vn-2024-tt01-nd98';

const previous = vn2024Tt01Nd98.rules;

export const vn2024Tt02Nd98: RuleSet = {
  ...vn2024Tt01Nd98,
  id: 'vn-2024-tt02-nd98',
  title: {
    vi: 'Luật TĐKT 06/2022/QH15, Nghị định 98/2023, Thông tư 02/2024/TT-VKSTC',
    en: 'Emulation Law 06/2022/QH15, Decree 98/2023, Circular 02/2024/TT-VKSTC',
  },
  validFrom: '2024-10-01',
  validTo: '2025-06-30',
  documents: [s.law2022, s.nd98, s.tt02],
  rules: {
    advancedCollective: awardRule('advancedCollective', [s.law2022, s.tt02], {
      minRating: param('Hoàn thành tốt nhiệm vụ', e.advancedCollective2003),
      minAdvancedWorkerPercent: carried(
        previous.advancedCollective.params.minAdvancedWorkerPercent!,
        notes.advancedCollectiveTt02,
      ),
      disciplineBlocksFrom: carried(
        previous.advancedCollective.params.disciplineBlocksFrom!,
        notes.advancedCollectiveTt02,
      ),
    }),
    excellentCollective: awardRule(
      'excellentCollective',
      [s.tt02ExcellentCollective, s.law2022ExcellentCollective],
      {
        minRating: param('Hoàn thành xuất sắc nhiệm vụ', e.excellentExceeded),
        allArisingMet: param(true, e.excellentExceeded),
        exceededRequired: param(true, e.excellentExceeded),
        exceededSharePercent: param(100, UNCONFIRMED, notes.exceededShare),
        quotaPercent: param(20, e.excellentQuota, undefined, true),
        quotaMinimum: param(1, e.excellentQuota, undefined, true),
        quotaRounding: param('down', UNCONFIRMED, notes.roundDown),
      },
      [s.tt02ExcellentQuota],
    ),
    sectorFlag: awardRule('sectorFlag', [s.tt02, s.tt01SectorFlag, s.nd98CouncilVote], {
      requiresExcellent: carried(previous.sectorFlag.params.requiresExcellent!, notes.sectorFlagRequiresTt02),
      eligibleLevels: param(['supreme', 'high', 'provincial'], e.sectorFlagLevels),
      exceededSharePercent: param(100, UNCONFIRMED, notes.exceededShare),
      ...councilVote(80),
      clusterProposals: param(null, UNCONFIRMED, notes.clusterProposals, true),
    }),
    governmentFlag: previous.governmentFlag,
    advancedWorker: awardRule('advancedWorker', [s.law2022, s.tt02], {
      minMonthsSinceRecruitment: param(6, e.recruitMonths, notes.recruitMonthsTt02),
      disciplineBlocksFrom: param('Khiển trách', e.discipline),
      disciplineCountsIn: param('act', e.disciplineActYear),
      minRating: param('Hoàn thành tốt nhiệm vụ', e.discipline),
      leaveBlocksFrom: param(3, e.leave3Months, notes.leaveMonths, true),
      leaveUnit: param('months', e.leave3Months, notes.leaveMonths),
    }),
    baseEmulationSoldier: {
      ...previous.baseEmulationSoldier,
      basis: [s.law2022BaseSoldier, s.nd98CouncilVote, s.tt02],
    },
    sectorEmulationSoldier: awardRule(
      'sectorEmulationSoldier',
      [s.tt02, s.tt01SectorSoldier, s.nd98CouncilVote],
      {
        consecutiveYears: param(3, UNCONFIRMED, notes.carriedFromTt01),
        sectorInitiativeLevels: param(['ngành', 'toàn quốc'], UNCONFIRMED, notes.carriedFromTt01),
        ...councilVote(90),
      },
    ),
    procuracyMedal: awardRule('procuracyMedal', [s.tt02Medal], {
      serviceYears: param(15, e.medalTt02),
      serviceCountedTo: param('07-26', UNCONFIRMED, notes.medalCutoff),
      minRating: param('Hoàn thành tốt nhiệm vụ', e.medalTt02),
    }),
  },
  notes: [
    {
      vi: 'Thông tư 02/2024, Điều 18: "Tập thể lao động xuất sắc" không quá 20% số "Tập thể lao động tiên tiến", ít nhất 1',
      en: 'TT 02/2024, Article 18: Excellent Labour Collectives at most 20% of Advanced ones, at least 1',
    },
    {
      vi: '"Lao động tiên tiến": không xét người tuyển dụng dưới 6 tháng (trước đây 10 tháng), người nghỉ từ 03 tháng (trước đây 40 ngày làm việc); kỷ luật tính vào năm có hành vi',
      en: 'Advanced Worker: not for staff recruited less than 6 months before (previously 10), nor with 3 months of leave (previously 40 working days); discipline counts in the year of the act',
    },
  ],
};
