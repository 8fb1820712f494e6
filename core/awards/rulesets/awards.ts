/**
 * The award forms the cluster proposes, with their fixed identity (name, kind, what they build on, what the
 * council judges by itself). Each rule set supplies the period's basis and values.
 */
import type { Bilingual } from '../../issues/issue';
import type { Citation } from '../citation';
import type { AwardRule, AwardRuleId, Evidence, ParamValue, RuleParam } from './types';

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

/** The chains that are an award's own standard in the texts (kept in every period). */
const REQUIRES: Partial<Record<AwardRuleId, AwardRuleId[]>> = {
  excellentCollective: ['advancedCollective'],
  sectorFlag: ['excellentCollective'],
  baseEmulationSoldier: ['advancedWorker'],
  sectorEmulationSoldier: ['baseEmulationSoldier'],
};

const REQUIRES_WHY: Partial<Record<AwardRuleId, Bilingual>> = {
  excellentCollective: {
    vi: 'Chọn trong số "Tập thể lao động tiên tiến" (giới hạn tính trên số tập thể này)',
    en: 'Chosen among the Advanced Labour Collectives (the cap counts over them)',
  },
  sectorFlag: {
    vi: 'Thông tư 01/2019, Điều 20: chọn trong số "Tập thể lao động xuất sắc"',
    en: 'TT 01/2019, Article 20: chosen among the Excellent Labour Collectives',
  },
  baseEmulationSoldier: {
    vi: 'Tiêu chuẩn của chính danh hiệu: đạt "Lao động tiên tiến" (Luật Điều 23)',
    en: "The title's own standard: an Advanced Worker (Law, Article 23)",
  },
  sectorEmulationSoldier: {
    vi: 'Tiêu chuẩn của chính danh hiệu: 3 năm liên tục "Chiến sĩ thi đua cơ sở" (Thông tư 01/2019, Điều 16)',
    en: "The title's own standard: 3 consecutive years as Grassroots Emulation Fighter (TT 01/2019, Article 16)",
  },
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
};

/** A value with where it comes from; `confirmed` follows the standing (false only when no text was found). */
export function param(
  value: ParamValue,
  evidence: Evidence,
  note?: Bilingual,
  nullable?: boolean,
): RuleParam {
  if (evidence.standing === 'confirmed' && !evidence.quote)
    throw new Error('A value is confirmed only with the quote of the text');
  const p: RuleParam = { value, ...evidence, confirmed: evidence.standing !== 'unconfirmed' };
  if (note) p.note = note;
  if (nullable) p.nullable = true;
  return p;
}

export function awardRule(
  id: AwardRuleId,
  basis: Citation[],
  params: Record<string, RuleParam>,
  quotaBasis?: Citation[],
  /** False where a period drops the award's chain (the Government flag from 2024: Nghị định 98/2023, Điều 4). */
  withRequires = true,
): AwardRule {
  const rule: AwardRule = {
    id,
    award: AWARD_NAMES[id].vi,
    awardEn: AWARD_NAMES[id].en,
    kind: KIND[id],
    basis,
    params,
  };
  const requires = withRequires ? REQUIRES[id] : undefined;
  if (requires) {
    rule.requires = requires;
    rule.requiresWhy = REQUIRES_WHY[id]!;
  }
  const checks = COUNCIL_CHECKS[id];
  if (checks) rule.councilChecks = checks;
  if (quotaBasis) rule.quotaBasis = quotaBasis;
  return rule;
}

/** A value kept from an earlier text whose counterpart in the new one was not found: unconfirmed, with why. */
export function carried(p: RuleParam, note: Bilingual): RuleParam {
  return { ...p, standing: 'unconfirmed', confirmed: false, note };
}
