/** The sentences of nominations, quotas and reasons, in Vietnamese and English. */
import { roundRatio } from '../exact/decimal';
import type { Bilingual } from '../issues/issue';
import { lazily } from '../text/lazily';
import { formatPercentVi } from '../text/numbers';
import { formatCitations } from './citation';
import type { AwardRule } from './rulesets/types';

const enPercentFormat = lazily(
  () => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }),
);

export function percentText(numerator: number, denominator: number): Bilingual {
  return {
    vi: formatPercentVi(numerator, denominator),
    en: enPercentFormat().format(denominator === 0 ? 0 : roundRatio(numerator, denominator, 3)),
  };
}

export function basisOf(rule: AwardRule): Bilingual {
  const c = formatCitations(rule.basis);
  return { vi: `Căn cứ: ${c.vi}`, en: `Basis: ${c.en}` };
}

export function withCitation(text: Bilingual, rule: AwardRule, quota = false): Bilingual {
  const c = formatCitations(quota && rule.quotaBasis ? rule.quotaBasis : rule.basis);
  return { vi: `${text.vi} (${c.vi})`, en: `${text.en} (${c.en})` };
}

export function voteText(yes: number, voters: number): Bilingual {
  const p = percentText(yes, voters);
  return { vi: `${yes}/${voters} phiếu đồng ý (${p.vi})`, en: `${yes}/${voters} yes votes (${p.en})` };
}

export function indicatorsText(met: number, arising: number): Bilingual {
  return {
    vi: `${met}/${arising} chỉ tiêu phát sinh đạt`,
    en: `${met}/${arising} arising indicators met`,
  };
}

export function exceededText(exceeded: number, exceedable: number): Bilingual {
  return {
    vi: `${exceeded}/${exceedable} chỉ tiêu có thể tính vượt đã vượt`,
    en: `${exceeded}/${exceedable} exceedable indicators exceeded`,
  };
}

export function rankText(rank: number, of: number): Bilingual {
  return { vi: `Xếp hạng ${rank}/${of} trong cụm`, en: `Ranked ${rank} of ${of} in the cluster` };
}

export function quotaText(
  limit: number,
  base: number,
  percent: number,
  minimum: number | null,
  baseLabel: Bilingual,
): Bilingual {
  const min =
    minimum !== null ? { vi: `, tối thiểu ${minimum}`, en: `, at least ${minimum}` } : { vi: '', en: '' };
  return {
    vi: `Giới hạn ${limit}: ${percent}% của ${base} ${baseLabel.vi}, làm tròn xuống${min.vi}`,
    en: `Limit ${limit}: ${percent}% of ${base} ${baseLabel.en}, rounded down${min.en}`,
  };
}
