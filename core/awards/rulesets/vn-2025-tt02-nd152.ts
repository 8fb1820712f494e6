/**
 * From 2025-07-01: Luật Thi đua, khen thưởng 06/2022/QH15, Nghị định 152/2025/NĐ-CP (replaces 98/2023),
 * Thông tư 02/2024/TT-VKSTC. Adds the preference of Nghị định 152/2025, Điều 4 among tied candidates.
 */
import { param } from './awards';
import { notes } from './notes';
import { sources as s } from './sources';
import type { RuleSet } from './types';
import { vn2024Tt02Nd98 } from './vn-2024-tt02-nd98';

const previous = vn2024Tt02Nd98.rules;

export const vn2025Tt02Nd152: RuleSet = {
  ...vn2024Tt02Nd98,
  id: 'vn-2025-tt02-nd152',
  title: {
    vi: 'Luật TĐKT 06/2022/QH15, Nghị định 152/2025, Thông tư 02/2024/TT-VKSTC',
    en: 'Emulation Law 06/2022/QH15, Decree 152/2025, Circular 02/2024/TT-VKSTC',
  },
  validFrom: '2025-07-01',
  validTo: undefined,
  documents: [s.law2022, s.nd152, s.tt02],
  rules: {
    ...previous,
    // Nghị định 152/2025 replaces 98/2023: the national citations move, the sector values stay.
    governmentFlag: {
      ...previous.governmentFlag,
      basis: [s.law2022GovernmentFlag, s.nd152],
      quotaBasis: [s.nd152],
    },
    baseEmulationSoldier: {
      ...previous.baseEmulationSoldier,
      basis: [s.law2022, s.nd152, s.tt02],
      quotaBasis: [s.nd152],
    },
  },
  tiePreference: {
    id: 'tiePreference',
    basis: [s.nd152Principles],
    params: {
      preferWomen: param(true, true, notes.tiePreference),
      collectiveWomenPercent: param(70, true),
    },
  },
  notes: [
    {
      vi: 'Nghị định 152/2025, Điều 4: khen thưởng mức thấp không là điều kiện của mức cao; khen đột xuất, chuyên đề không làm căn cứ khen công trạng; khi bằng nhau ưu tiên nữ',
      en: 'Decree 152/2025, Article 4: a lower award is not a precondition; sudden or thematic awards are no grounds for merit awards; prefer women among equals',
    },
  ],
};
