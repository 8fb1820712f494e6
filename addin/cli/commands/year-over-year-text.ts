/** The year-over-year table of `compute` (core/years compareYears): each unit beside last year, with the change. */
import type { YearOverYear } from '../../../core';
import type { CommandContext } from '../context';
import { renderTable } from '../format';

const signed = (n: number, lang: string) => {
  const s = n > 0 ? `+${n}` : String(n);
  return lang === 'vi' ? s.replace('.', ',') : s;
};
const points = (n: number, lang: string) => (lang === 'vi' ? String(n).replace('.', ',') : String(n));
const ratioPoints = (r: number, lang: string) => signed(Math.round(r * 1000) / 10, lang);

export function yearOverYearText(y: YearOverYear, ctx: CommandContext): string {
  const t = ctx.t;
  const lang = ctx.lang;
  const title = t({
    vi: `SO VỚI NĂM ${y.previousYear}${y.source ? ` (${y.source})` : ''}`,
    en: `COMPARED WITH ${y.previousYear}${y.source ? ` (${y.source})` : ''}`,
  });
  const rows = y.rows.map((r) => {
    const p = r.previous.length === 1 ? r.previous[0] : undefined;
    return [
      r.unit,
      p ? points(p.total, lang) : '—',
      points(r.current.total, lang),
      r.change ? signed(r.change.total, lang) : '—',
      p ? `${p.rank}/${p.of}` : '—',
      `${r.current.rank}/${r.current.of}`,
      r.change ? signed(r.change.rank, lang) : '—',
      p ? p.metText : '—',
      r.current.metText,
      r.change ? `${ratioPoints(r.change.metRatio, lang)}%` : '—',
      r.change?.tier ? `${p!.tier} → ${r.current.tier}` : r.current.tier,
      r.note ? t(r.note) : '',
    ];
  });
  return [
    title,
    renderTable(
      [
        { header: t({ vi: 'Đơn vị', en: 'Unit' }) },
        { header: `${t({ vi: 'Điểm', en: 'Score' })} ${y.previousYear}`, align: 'right' },
        { header: `${t({ vi: 'Điểm', en: 'Score' })} ${y.year}`, align: 'right' },
        { header: '±', align: 'right' },
        { header: `${t({ vi: 'Hạng', en: 'Rank' })} ${y.previousYear}`, align: 'right' },
        { header: `${t({ vi: 'Hạng', en: 'Rank' })} ${y.year}`, align: 'right' },
        { header: t({ vi: 'Hạng ±', en: 'Places ±' }), align: 'right' },
        { header: `${t({ vi: 'Đạt', en: 'Met' })} ${y.previousYear}`, align: 'right' },
        { header: `${t({ vi: 'Đạt', en: 'Met' })} ${y.year}`, align: 'right' },
        { header: t({ vi: 'Đạt ±', en: 'Met ±' }), align: 'right' },
        { header: t({ vi: 'Xếp loại', en: 'Tier' }) },
        { header: t({ vi: 'Ghi chú', en: 'Note' }) },
      ],
      rows,
    ),
  ].join('\n');
}
