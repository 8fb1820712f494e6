/**
 * The "Quyết định" sheet: the awards decided for the year, one row per award with its decision number, date
 * and authority, and the decisions carried from earlier years (the basis of "three consecutive years" and
 * "once only"). A row whose number is still empty is a proposal waiting for its decision, and says so.
 */
import { type ClusterDocument, type Issue, readDecisions } from '../../core';
import { type CellPlan, columnWidths, type SheetPlan } from '../plan';
import { NAME } from '../layouts/cluster';
import {
  DECIDED_TEXT,
  DECISION_HEADERS,
  DECISIONS_TABLE,
  KIND_LABEL,
  PROPOSED_TEXT,
  YEARS_LAYOUT,
} from '../layouts/years';
import { dateCell } from '../layouts/cells';
import { f, formulaText, table, v } from './cluster';
import { FMT, computed, input, subtitle, title as titleStyle } from './styles';

/** Empty rows inside the table, so a decision typed there is read without widening the table. */
const SPARE_ROWS = 10;

const statusFormula = (r: number) =>
  `IF(AND(B${r}="",C${r}=""),"",IF(TRIM(F${r})="",${formulaText(PROPOSED_TEXT)},${formulaText(DECIDED_TEXT)}))`;

function blankRow(r: number): CellPlan[] {
  const formats = [FMT.count, FMT.text, FMT.text, FMT.text, FMT.text, FMT.text, FMT.date, FMT.text];
  return [
    ...formats.map((fmt) => v(null, input(fmt))),
    f(statusFormula(r), '', computed(FMT.text)),
    v(null, input(FMT.text)),
  ];
}

export function decisionsSheet(doc: ClusterDocument, name: string): SheetPlan {
  const cells: CellPlan[] = [
    { ref: 'A1', value: `QUYẾT ĐỊNH KHEN THƯỞNG — NĂM ${doc.year} VÀ CÁC NĂM TRƯỚC`, style: titleStyle },
    {
      ref: 'A2',
      value:
        'Mỗi dòng một hình thức khen thưởng đã được quyết định (số, ngày, cơ quan). Dòng chưa có số quyết định là đề nghị, không được tính là đã khen. Các năm sau lấy danh hiệu từ đây.',
      style: subtitle,
    },
  ];
  const { row: top, col: left } = YEARS_LAYOUT.decisionsHeader;
  // The sheet shows what the document holds; its reading problems are the document checks' business.
  const decisions = readDecisions(doc, [] as Issue[]);
  const t = table(
    DECISIONS_TABLE,
    top,
    left,
    DECISION_HEADERS,
    [...decisions, ...Array.from({ length: SPARE_ROWS }, () => undefined)].map((d, k) => {
      const r = top + 1 + k;
      if (!d) return blankRow(r);
      return [
        v(d.year, input(FMT.count)),
        v(d.form, input(FMT.text)),
        v(d.recipient, input(FMT.text)),
        v(KIND_LABEL[d.kind], input(FMT.text)),
        v(d.unit ?? null, input(FMT.text)),
        v(d.number ?? null, input(FMT.text)),
        v(d.date ? dateCell(d.date) : null, input(FMT.date)),
        v(d.authority ?? null, input(FMT.text)),
        f(statusFormula(r), d.number ? DECIDED_TEXT : PROPOSED_TEXT, computed(FMT.text)),
        v(d.source ?? null, input(FMT.text)),
      ];
    }),
    cells,
  );
  const bottom = top + decisions.length + SPARE_ROWS;
  return {
    name,
    role: 'decisions',
    tabColor: 'FF7030A0',
    columns: columnWidths(10, 36, 32, 12, 28, 18, 14, 32, 24, 22),
    cells,
    tables: [t],
    validations: [
      {
        range: `D${top + 1}:D${bottom}`,
        kind: 'list',
        items: [KIND_LABEL.collective, KIND_LABEL.individual],
        allowBlank: true,
        error: { title: 'Giá trị không có trong danh sách', message: 'Chọn "Tập thể" hoặc "Cá nhân".' },
      },
      {
        range: `E${top + 1}:E${bottom}`,
        kind: 'list',
        source: NAME.unitList,
        allowBlank: true,
        error: { title: 'Giá trị không có trong danh sách', message: 'Chọn đơn vị trong danh sách.' },
      },
    ],
    freeze: { rows: top, columns: 0 },
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, titleRows: `1:${top}` },
  };
}
