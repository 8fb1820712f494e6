/**
 * The award forms clusters tally and propose, as data: who awards them and whether the program proposes them.
 * A form whose conditions were not found is known (tallies, decisions) but never proposed automatically.
 */
import type { Bilingual } from '../../issues/issue';
import type { AwardRuleId, Standing } from './types';

export interface AwardForm {
  id: string;
  name: string;
  nameEn: string;
  aliases: string[];
  /** Who decides the award. */
  authority: Bilingual;
  authorityStanding: Standing;
  kinds: ('individual' | 'collective')[];
  /** The rule the program proposes it by; absent: known, not proposed (its conditions were not found). */
  rule?: AwardRuleId;
}

const VT_TC: Bilingual = { vi: 'Viện trưởng VKSND tối cao', en: 'Procurator General' };
const HEAD: Bilingual = {
  vi: 'Người đứng đầu cơ quan, đơn vị (Viện trưởng VKSND cấp tỉnh đối với đơn vị cấp tỉnh)',
  en: 'The head of the agency (the provincial chief prosecutor for provincial units)',
};

export const AWARD_FORMS: readonly AwardForm[] = [
  {
    id: 'governmentFlag',
    name: 'Cờ thi đua của Chính phủ',
    nameEn: 'Government emulation flag',
    aliases: ['Cờ thi đua Chính phủ'],
    authority: { vi: 'Thủ tướng Chính phủ', en: 'The Prime Minister' },
    authorityStanding: 'secondary',
    kinds: ['collective'],
    rule: 'governmentFlag',
  },
  {
    id: 'sectorFlag',
    name: 'Cờ thi đua của ngành Kiểm sát nhân dân',
    nameEn: "People's Procuracy sector emulation flag",
    aliases: ['Cờ thi đua ngành KSND'],
    authority: VT_TC,
    authorityStanding: 'secondary',
    kinds: ['collective'],
    rule: 'sectorFlag',
  },
  {
    id: 'primeMinisterCertificate',
    name: 'Bằng khen của Thủ tướng Chính phủ',
    nameEn: "Prime Minister's certificate of merit",
    aliases: ['Bằng khen Thủ tướng Chính phủ', 'Bằng khen của Thủ tướng'],
    authority: { vi: 'Thủ tướng Chính phủ', en: 'The Prime Minister' },
    authorityStanding: 'secondary',
    kinds: ['individual', 'collective'],
  },
  {
    id: 'procuratorGeneralCertificate',
    name: 'Bằng khen của Viện trưởng VKSND tối cao',
    nameEn: "Procurator General's certificate of merit",
    aliases: [
      'Bằng khen Viện trưởng VKSND tối cao',
      'Bằng khen của Viện trưởng Viện kiểm sát nhân dân tối cao',
    ],
    authority: VT_TC,
    authorityStanding: 'secondary',
    kinds: ['individual', 'collective'],
  },
  {
    id: 'provincialProcuratorCertificate',
    name: 'Giấy khen của Viện trưởng VKSND cấp tỉnh',
    nameEn: "Provincial chief prosecutor's certificate",
    aliases: ['Giấy khen Viện trưởng VKSND tỉnh', 'Giấy khen của Viện trưởng VKSND tỉnh'],
    authority: { vi: 'Viện trưởng VKSND cấp tỉnh', en: 'The provincial chief prosecutor' },
    authorityStanding: 'secondary',
    kinds: ['individual', 'collective'],
  },
  {
    id: 'excellentCollective',
    name: 'Tập thể lao động xuất sắc',
    nameEn: 'Excellent Labour Collective',
    aliases: ['Tập thể LĐXS'],
    authority: VT_TC,
    authorityStanding: 'unconfirmed',
    kinds: ['collective'],
    rule: 'excellentCollective',
  },
  {
    id: 'advancedCollective',
    name: 'Tập thể lao động tiên tiến',
    nameEn: 'Advanced Labour Collective',
    aliases: ['Tập thể LĐTT'],
    authority: HEAD,
    authorityStanding: 'unconfirmed',
    kinds: ['collective'],
    rule: 'advancedCollective',
  },
  {
    id: 'sectorEmulationSoldier',
    name: 'Chiến sĩ thi đua ngành Kiểm sát nhân dân',
    nameEn: "People's Procuracy sector Emulation Fighter",
    aliases: ['Chiến sĩ thi đua ngành KSND'],
    authority: VT_TC,
    authorityStanding: 'secondary',
    kinds: ['individual'],
    rule: 'sectorEmulationSoldier',
  },
  {
    id: 'baseEmulationSoldier',
    name: 'Chiến sĩ thi đua cơ sở',
    nameEn: 'Grassroots Emulation Fighter',
    aliases: ['Chiến sỹ thi đua cơ sở'],
    authority: HEAD,
    authorityStanding: 'unconfirmed',
    kinds: ['individual'],
    rule: 'baseEmulationSoldier',
  },
  {
    id: 'advancedWorker',
    name: 'Lao động tiên tiến',
    nameEn: 'Advanced Worker',
    aliases: ['LĐTT'],
    authority: HEAD,
    authorityStanding: 'unconfirmed',
    kinds: ['individual'],
    rule: 'advancedWorker',
  },
  {
    id: 'procuracyMedal',
    name: 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"',
    nameEn: 'Medal "For the Procuracy cause"',
    aliases: ['Kỷ niệm chương Vì sự nghiệp Kiểm sát'],
    authority: VT_TC,
    authorityStanding: 'secondary',
    kinds: ['individual'],
    rule: 'procuracyMedal',
  },
];
