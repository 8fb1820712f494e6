/**
 * The "So với năm trước" sheet: each unit's score, rank, tier and indicator ratios beside last year's (from the
 * document's `previousYear`, written by `thidua next`), with the change. This year's figures are formulas on the
 * summary sheet, so the comparison follows every score typed; last year's are fixed values. A merged unit
 * lists its predecessors and is not compared directly.
 */
import {
  type ClusterDocument,
  compareYears,
  type Issue,
  matchKey,
  readPreviousYear,
  type ResultDocument,
} from '../../core';
import { HEADERS, LAYOUT } from '../layouts/cluster';
import { YEAR_OVER_YEAR_TABLE, YEARS_LAYOUT } from '../layouts/years';
import type { CellPlan, CellValue, SheetPlan } from '../plan';
import { columnLetter, quoteSheet } from '../layouts/a1';
import { f, table, v } from './cluster';
import { FMT, computed, fixed, subtitle, title as titleStyle } from './styles';

/** The summary column holding a header, as a letter. */
const summaryCol = (header: (typeof HEADERS.summary)[number]) =>
  columnLetter(1 + HEADERS.summary.indexOf(header));

export function yearOverYearSheet(
  doc: ClusterDocument,
  name: string,
  summarySheet: string,
  result?: ResultDocument,
): SheetPlan | undefined {
  const prev = readPreviousYear(doc, [] as Issue[]);
  if (!prev) return undefined;
  const y0 = prev.year;
  const y1 = doc.year;
  const headers = [
    'STT',
    'Đơn vị',
    `Đơn vị năm ${y0}`,
    `Điểm ${y0}`,
    `Điểm ${y1}`,
    'Điểm tăng/giảm',
    `Tỷ lệ (%) ${y0}`,
    `Tỷ lệ (%) ${y1}`,
    `Hạng ${y0}`,
    `Hạng ${y1}`,
    'Hạng tăng (+)/giảm (−)',
    `Xếp loại ${y0}`,
    `Xếp loại ${y1}`,
    `Tỷ lệ đạt ${y0}`,
    `Tỷ lệ đạt ${y1}`,
    'Tỷ lệ đạt tăng/giảm',
    `Tỷ lệ vượt ${y0}`,
    `Tỷ lệ vượt ${y1}`,
    'Tỷ lệ vượt tăng/giảm',
    'Ghi chú',
  ];
  const cmp = result ? compareYears(doc, result) : undefined;
  const { row: top, col: left } = YEARS_LAYOUT.yearOverYearHeader;
  const cells: CellPlan[] = [
    {
      ref: 'A1',
      value: `SO SÁNH KẾT QUẢ NĂM ${y1} VỚI NĂM ${y0} — ${doc.cluster.name.toLocaleUpperCase('vi')}`,
      style: titleStyle,
    },
    {
      ref: 'A2',
      value: `Số liệu năm ${y0} lấy từ ${prev.source ?? `sổ năm ${y0}`} (cố định); số liệu năm ${y1} là công thức theo sheet "${summarySheet}".`,
      style: subtitle,
    },
    {
      ref: 'A3',
      value: 'Đơn vị hợp nhất (từ 01/07/2025) ghi các đơn vị cũ và không so sánh trực tiếp.',
      style: subtitle,
    },
  ];
  const sumRef = (header: (typeof HEADERS.summary)[number], i: number) =>
    `${quoteSheet(summarySheet)}!${summaryCol(header)}${LAYOUT.summaryHeader.row + 1 + i}`;
  const body = doc.units.map((u, i): CellPlan[] => {
    const r = top + 1 + i;
    const previous = prev.units.filter((p) => matchKey(p.line) === matchKey(u.name));
    const one = previous.length === 1 ? previous[0]! : undefined;
    const row = cmp?.rows.find((x) => matchKey(x.unit) === matchKey(u.name));
    const cur = row?.current;
    const joined = (pick: (p: (typeof previous)[number]) => CellValue) =>
      previous.length === 0 ? null : one ? pick(one) : previous.map((p) => String(pick(p))).join('; ');
    const change = (a: string, b: string, value: number | undefined, decimals: number) =>
      f(
        `IF(AND(ISNUMBER(${a}${r}),ISNUMBER(${b}${r})),ROUND(${b}${r}-${a}${r},${decimals}),"")`,
        value ?? '',
      );
    const note =
      previous.length > 1
        ? `Hợp nhất từ ${previous.map((p) => p.unit).join(', ')}: không so sánh trực tiếp`
        : previous.length === 0
          ? `Không có số liệu năm ${y0}`
          : matchKey(one!.unit) !== matchKey(u.name)
            ? `Năm ${y0}: ${one!.unit}`
            : null;
    return [
      v(i + 1, fixed(FMT.count)),
      v(u.name, fixed(FMT.text)),
      v(
        joined((p) => p.unit),
        fixed(FMT.text),
      ),
      v(
        joined((p) => p.total),
        fixed(FMT.score),
      ),
      f(sumRef('Điểm xếp hạng', i), cur?.total ?? null, computed(FMT.score)),
      change('D', 'E', row?.change?.total, 3),
      v(
        joined((p) => p.percent),
        fixed(FMT.percentNumber),
      ),
      f(sumRef('Tỷ lệ (%)', i), cur?.percent ?? null, computed(FMT.percentNumber)),
      v(
        joined((p) => p.rank),
        fixed(FMT.count),
      ),
      f(sumRef('Hạng (theo quy tắc)', i), cur?.rank ?? null, computed(FMT.count)),
      f(
        `IF(AND(ISNUMBER(I${r}),ISNUMBER(J${r})),I${r}-J${r},"")`,
        row?.change?.rank ?? '',
        computed(FMT.count),
      ),
      v(
        joined((p) => p.tier),
        fixed(FMT.text),
      ),
      f(`${sumRef('Xếp loại', i)}&""`, cur?.tier ?? null, computed(FMT.text)),
      v(
        joined((p) => p.metRatio),
        fixed(FMT.ratio),
      ),
      f(sumRef('Tỷ lệ đạt', i), cur?.metRatio ?? null, computed(FMT.ratio)),
      { ...change('N', 'O', row?.change?.metRatio, 4), style: computed(FMT.ratio) },
      v(
        joined((p) => p.exceededRatio),
        fixed(FMT.ratio),
      ),
      f(sumRef('Tỷ lệ vượt', i), cur?.exceededRatio ?? null, computed(FMT.ratio)),
      { ...change('Q', 'R', row?.change?.exceededRatio, 4), style: computed(FMT.ratio) },
      v(note, fixed(FMT.text)),
    ];
  });
  const t = table(YEAR_OVER_YEAR_TABLE, top, left, headers, body, cells, 'TableStyleMedium2');
  return {
    name,
    role: 'yearOverYear',
    tabColor: 'FF00B050',
    columns: headers.map((_, k) => ({ index: k + 1, width: k === 1 || k === 2 ? 28 : k === 19 ? 40 : 11 })),
    cells,
    tables: [t],
    freeze: { rows: top, columns: 2 },
    protect: true,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: `1:${top}` },
  };
}
