/**
 * The award forms the cluster proposes, with their fixed identity (name, kind, what they build on, what the
 * council judges by itself). Each rule set supplies the period's basis and values.
 */
import type { Bilingual } from '../../issues/issue';
import type { Citation } from '../citation';
import type { AwardRule, AwardRuleId, ParamValue, RuleParam } from './types';

export const AWARD_NAMES: Record<AwardRuleId, Bilingual> = {
  advancedCollective: { vi: 'Tập thể lao động tiên tiến', en: 'Advanced Labour Collective' },
  excellentCollective: { vi: 'Tập thể lao động xuất sắc', en: 'Excellent Labour Collective' },
  sectorFlag: {
    vi: 'Cờ thi đua của ngành Kiểm sát nhân dân',
    en: "People's Procuracy sector emulation flag",
  },
  governmentFlag: { vi: 'Cờ thi đua của Chính phủ', en: 'Government emulation flag' },
  advancedWorker: { vi: 'Lao động tiên tiến', en: 'Advanced Worker' },
  baseEmulationSoldier: { vi: 'Chiến sĩ thi đua cơ sở', en: 'Grassroots Emulation Fighter' },
  sectorEmulationSoldier: {
    vi: 'Chiến sĩ thi đua ngành Kiểm sát nhân dân',
    en: "People's Procuracy sector Emulation Fighter",
  },
  procuracyMedal: {
    vi: 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"',
    en: 'Medal "For the Procuracy cause"',
  },
};

/** Other spellings met in documents (matched after core/text's matchKey). */
export const AWARD_ALIASES: Record<AwardRuleId, string[]> = {
  advancedCollective: ['Tập thể LĐTT'],
  excellentCollective: ['Tập thể LĐXS'],
  sectorFlag: [
    'Cờ thi đua của ngành KSND',
    'Cờ thi đua ngành Kiểm sát nhân dân',
    'Cờ thi đua ngành KSND',
    'Cờ thi đua của ngành Kiểm sát',
  ],
  governmentFlag: ['Cờ thi đua Chính phủ'],
  advancedWorker: ['LĐTT'],
  baseEmulationSoldier: ['Chiến sỹ thi đua cơ sở', 'CSTĐCS'],
  sectorEmulationSoldier: [
    'Chiến sỹ thi đua ngành Kiểm sát nhân dân',
    'Chiến sĩ thi đua ngành KSND',
    'Chiến sỹ thi đua ngành KSND',
  ],
  procuracyMedal: [
    'Kỷ niệm chương Vì sự nghiệp Kiểm sát',
    'Kỷ niệm chương “Vì sự nghiệp Kiểm sát”',
    'Vì sự nghiệp Kiểm sát',
  ],
};

const KIND: Record<AwardRuleId, 'collective' | 'individual'> = {
  advancedCollective: 'collective',
  excellentCollective: 'collective',
  sectorFlag: 'collective',
  governmentFlag: 'collective',
  advancedWorker: 'individual',
  baseEmulationSoldier: 'individual',
  sectorEmulationSoldier: 'individual',
  procuracyMedal: 'individual',
};

const REQUIRES: Partial<Record<AwardRuleId, AwardRuleId[]>> = {
  excellentCollective: ['advancedCollective'],
  sectorFlag: ['excellentCollective'],
  governmentFlag: ['sectorFlag', 'excellentCollective'],
  baseEmulationSoldier: ['advancedWorker'],
  sectorEmulationSoldier: ['baseEmulationSoldier'],
};

const COUNCIL_CHECKS: Partial<Record<AwardRuleId, Bilingual[]>> = {
  sectorFlag: [
    {
      vi: 'Hội đồng xem xét: có nhân tố mới, mô hình mới để đơn vị khác học tập; tích cực thực hành tiết kiệm, chống lãng phí, chống tham nhũng',
      en: 'For the council: a new model others can learn from; thrift, anti-waste and anti-corruption practice',
    },
  ],
  governmentFlag: [
    {
      vi: 'Hội đồng xem xét: tập thể tiêu biểu xuất sắc; nội bộ đoàn kết, đi đầu thực hành tiết kiệm, chống tham nhũng',
      en: 'For the council: outstanding collective; united, leading in thrift and anti-corruption',
    },
  ],
  advancedCollective: [
    {
      vi: 'Hội đồng xem xét: trên 50% cá nhân đạt "Lao động tiên tiến", không có cá nhân bị kỷ luật từ cảnh cáo trở lên',
      en: 'For the council: over 50% of members are Advanced Workers, nobody disciplined with a warning or worse',
    },
  ],
};

export function param(
  value: ParamValue,
  confirmed: boolean,
  note?: Bilingual,
  nullable?: boolean,
): RuleParam {
  const p: RuleParam = { value, confirmed };
  if (note) p.note = note;
  if (nullable) p.nullable = true;
  return p;
}

export function awardRule(
  id: AwardRuleId,
  basis: Citation[],
  params: Record<string, RuleParam>,
  quotaBasis?: Citation[],
): AwardRule {
  const rule: AwardRule = {
    id,
    award: AWARD_NAMES[id].vi,
    awardEn: AWARD_NAMES[id].en,
    kind: KIND[id],
    basis,
    params,
  };
  const requires = REQUIRES[id];
  if (requires) rule.requires = requires;
  const checks = COUNCIL_CHECKS[id];
  if (checks) rule.councilChecks = checks;
  if (quotaBasis) rule.quotaBasis = quotaBasis;
  return rule;
}
