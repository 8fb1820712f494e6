/**
 * From 2025-07-01: Luật Thi đua, khen thưởng 06/2022/QH15, Nghị định 152/2025/NĐ-CP (replaces 98/2023),
 * Thông tư 02/2024/TT-VKSTC. The principles of Điều 4 are in Nghị định 152/2025 as well; its counterpart of
 * Nghị định 98/2023, Điều 30, khoản 7 (council votes over all members) was not found: carried, unconfirmed.
 */
import { carried } from './awards';
import { notes } from './notes';
import { sources as s } from './sources';
import type { AwardRule, GeneralRule, RuleParam, RuleSet } from './types';
import { vn2024Tt02Nd98 } from './vn-2024-tt02-nd98';

const previous = vn2024Tt02Nd98.rules;
const VOTE_KEYS = ['votePercent', 'voteBody', 'voteBase'];

/** The rule with its council-vote values carried from Nghị định 98/2023 and its citation moved to 152/2025. */
function carryVotes(rule: AwardRule): AwardRule {
  const params = { ...rule.params };
  for (const k of VOTE_KEYS) if (params[k]) params[k] = carried(params[k]!, notes.nd152Carried);
  const basis = rule.basis.map((c) => (c.document === s.nd98.document ? s.nd152 : c));
  return { ...rule, basis, params };
}

/** Nghị định 152/2025, Điều 4 holds the same principles (issue 11): the citations move, the values stay. */
function withNd152Article4<R extends GeneralRule>(rule: R): R {
  const params: Record<string, RuleParam> = {};
  for (const [k, p] of Object.entries(rule.params))
    params[k] =
      p.cites?.document === s.nd98.document ? { ...p, cites: { ...p.cites, document: s.nd152.document } } : p;
  return { ...rule, basis: [s.nd152Principles], params };
}

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
    sectorFlag: carryVotes(previous.sectorFlag),
    governmentFlag: carryVotes(previous.governmentFlag),
    baseEmulationSoldier: carryVotes(previous.baseEmulationSoldier),
    sectorEmulationSoldier: carryVotes(previous.sectorEmulationSoldier),
  },
  principles: withNd152Article4(vn2024Tt02Nd98.principles),
  tiePreference: withNd152Article4(vn2024Tt02Nd98.tiePreference!),
  notes: [
    {
      vi: 'Nghị định 152/2025 thay Nghị định 98/2023; Điều 4 giữ các nguyên tắc (mức thấp không là điều kiện của mức cao; khen đột xuất, chuyên đề không làm căn cứ khen công trạng; ưu tiên nữ khi bằng nhau)',
      en: 'Decree 152/2025 replaces 98/2023; its Article 4 keeps the principles (no lower award first; sudden or thematic awards no grounds for merit awards; women preferred among equals)',
    },
    {
      vi: 'Chưa tìm thấy quy định tương ứng Nghị định 98/2023, Điều 30, khoản 7: giữ cách biểu quyết trên tổng số thành viên Hội đồng, chưa xác nhận',
      en: 'No counterpart of Decree 98/2023, Article 30, clause 7 found: the vote over all council members is kept, unconfirmed',
    },
  ],
};
