/** The result document as a ranking table for the terminal. */
import { formatNumberVi, type ResultDocument, type StageTotals } from '../../../core';
import type { Lang } from '../context';
import { renderTable } from './table';

export function formatResult(result: ResultDocument, lang: Lang): string {
  const n = (v: number | undefined) =>
    v === undefined ? '–' : lang === 'en' ? String(v) : formatNumberVi(v, 3);
  const stageWord =
    result.stage === 'verified'
      ? { vi: 'điểm thẩm định', en: 'verified scores' }
      : { vi: 'điểm tự chấm', en: 'self scores' };
  const title =
    lang === 'en'
      ? `${result.cluster}, ${result.year}: ranking on ${stageWord.en}`
      : `${result.cluster}, năm ${result.year}: xếp hạng theo ${stageWord.vi}`;
  const total = (s: StageTotals | undefined) => n(s?.total);
  const columns =
    lang === 'en'
      ? ['Rank', 'Unit', 'Self', 'Verified', 'Bonus', 'Deduction', 'Standard', '%', 'Tier', 'Met', 'Exceeded']
      : ['Hạng', 'Đơn vị', 'Tự chấm', 'Thẩm định', 'Cộng', 'Trừ', 'Chuẩn', '%', 'Xếp loại', 'Đạt', 'Vượt'];
  const right = new Set([0, 2, 3, 4, 5, 6, 7]);
  const rows = result.units.map((u) => {
    const used = result.stage === 'verified' ? (u.verified ?? u.self) : u.self;
    const i = u.indicators;
    const ratio = (a: number, b: number, text: string, r: number) =>
      `${a}/${b} (${lang === 'en' ? `${Math.round(r * 1000) / 10}%` : text})`;
    return [
      String(u.rank),
      u.unit,
      total(u.self),
      total(u.verified),
      n(used?.bonus),
      n(used?.deduction),
      n(u.standardTotal),
      n(u.percent),
      u.tier,
      ratio(i.met, i.arising, i.metText, i.metRatio),
      ratio(i.exceeded, i.exceedable, i.exceededText, i.exceededRatio),
    ];
  });
  const c = result.clusterIndicators;
  const clusterLine =
    lang === 'en'
      ? `Cluster indicators: ${c.met}/${c.arising} arising met (${c.metRatio}); ${c.exceeded}/${c.exceedable} exceedable exceeded (${c.exceededRatio}).`
      : `Chỉ tiêu toàn cụm: ${c.met}/${c.arising} chỉ tiêu phát sinh đạt, tỷ lệ ${c.metText}; ${c.exceeded}/${c.exceedable} chỉ tiêu có thể tính vượt đã vượt, tỷ lệ ${c.exceededText}.`;
  return [
    title,
    '',
    renderTable(
      columns.map((header, i) => ({ header, align: right.has(i) ? 'right' : 'left' })),
      rows,
    ),
    '',
    clusterLine,
  ].join('\n');
}
