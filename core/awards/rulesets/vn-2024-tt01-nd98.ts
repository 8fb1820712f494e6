/**
 * 2024-01-01 → 2024-09-30: the new Luật Thi đua, khen thưởng 06/2022/QH15 and Nghị định 98/2023/NĐ-CP are in
 * force, while the sector still applies Thông tư 01/2019/TT-VKSTC (Thông tư 02/2024 starts on 2024-10-01).
 * So the sector's values stay those of ./vn-2019-tt01; what changes is the national basis (Law 2003 → Law
 * 2022, Decree 91/2017 → 98/2023) and, with Decree 91/2017 gone, the standing of its caps.
 */
import { param } from './awards';
import { notes } from './notes';
import { sources as s } from './sources';
import type { RuleSet } from './types';
import { vn2019Tt01 } from './vn-2019-tt01';

const previous = vn2019Tt01.rules;

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
    advancedCollective: { ...previous.advancedCollective, basis: [s.law2022, s.tt01] },
    excellentCollective: { ...previous.excellentCollective, basis: [s.law2022ExcellentCollective, s.tt01] },
    governmentFlag: {
      ...previous.governmentFlag,
      basis: [s.law2022GovernmentFlag, s.nd98],
      quotaBasis: [s.nd98],
      params: {
        ...previous.governmentFlag.params,
        // Whether a percentage cap survives in Nghị định 98/2023 is not confirmed (DOMAIN.md).
        capPercent: param(20, false, notes.governmentFlagCapAfter2023, true),
      },
    },
    advancedWorker: { ...previous.advancedWorker, basis: [s.law2022, s.tt01] },
    baseEmulationSoldier: {
      ...previous.baseEmulationSoldier,
      basis: [s.law2022, s.nd98],
      quotaBasis: [s.nd98],
      params: {
        ...previous.baseEmulationSoldier.params,
        capPercent: param(15, false, notes.baseSoldierCapAfter2023, true),
      },
    },
    sectorEmulationSoldier: { ...previous.sectorEmulationSoldier, basis: [s.tt01SectorSoldier, s.law2022] },
    // sectorFlag and procuracyMedal: Thông tư 01/2019 alone, unchanged.
  },
  notes: [
    {
      vi: 'Luật 2022 và Nghị định 98/2023 có hiệu lực; ngành vẫn áp dụng Thông tư 01/2019 đến 30/9/2024',
      en: 'Law 2022 and Decree 98/2023 in force; the sector still applies TT 01/2019 until 2024-09-30',
    },
  ],
};
