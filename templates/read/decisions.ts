/**
 * The "Quyết định" sheet back into the document's `decisions` (templates/build/decisions.ts). A row needs the
 * award's form and its recipient; the year defaults to the workbook's; a number makes it decided. Problems
 * name the sheet and cell; a bad row is left out, the others are kept.
 */
import { type ClusterDocument, matchKey } from '../../core';
import { a1 } from '../layouts/a1';
import { SHEET } from '../layouts/cluster';
import { DECISION_HEADERS as H, DECISIONS_TABLE, KIND_LABEL } from '../layouts/years';
import { readDate } from './cluster';
import { type Reader, bodyRows, checkTableShape, locateTable, readNumber, readText } from './grid';

const FIELDS = [
  'year',
  'form',
  'recipient',
  'kind',
  'unit',
  'number',
  'date',
  'authority',
  undefined,
  'source',
];

export function readDecisionsTable(r: Reader, doc: ClusterDocument): void {
  const t = locateTable(r, {
    table: DECISIONS_TABLE,
    sheets: [SHEET.decisions],
    headers: H,
    required: [H[1], H[2]],
  });
  if (!t) return;
  checkTableShape(r, t, { vi: 'bảng quyết định khen thưởng', en: 'the decisions table' });
  const out: Record<string, unknown>[] = [];
  for (const row of bodyRows(t)) {
    const c = (k: number) => t.columns.get(H[k]!);
    const text = (k: number) => {
      const col = c(k);
      return col === undefined ? undefined : readText(r, t.sheet, row, col, { vi: H[k]!, en: H[k]! });
    };
    const form = text(1);
    const recipient = text(2);
    const number = text(5);
    if (!form && !recipient && !number && !text(7)) continue; // only the status formula: an empty row
    if (!form || !recipient) {
      r.issue('warning', 'workbook.decision.incomplete', t.sheet.name, a1(row, t.left), {
        vi: `dòng ${row} thiếu hình thức khen thưởng hoặc người, tập thể được khen; không tính.`,
        en: `row ${row} lacks the award or its recipient; not counted.`,
      });
      continue;
    }
    const d: Record<string, unknown> = { form, recipient };
    const yearCol = c(0);
    const year =
      yearCol === undefined
        ? undefined
        : readNumber(r, t.sheet, row, yearCol, { what: { vi: H[0], en: 'Year' }, integer: true });
    d.year = year ?? doc.year;
    const kind = text(3);
    if (kind) {
      const k = matchKey(kind);
      if (k === matchKey(KIND_LABEL.collective)) d.kind = 'collective';
      else if (k === matchKey(KIND_LABEL.individual)) d.kind = 'individual';
      else
        r.issue('warning', 'workbook.decision.kind', t.sheet.name, a1(row, c(3)!), {
          vi: `"${H[3]}" ghi "${kind}": chỉ nhận "Tập thể" hoặc "Cá nhân"; Thi đua tự xác định.`,
          en: `"${H[3]}" holds "${kind}": only "Tập thể" or "Cá nhân"; Thi đua decides by the recipient.`,
        });
    }
    const unit = text(4);
    if (unit) d.unit = unit;
    if (number) d.number = number;
    const date = c(6) === undefined ? undefined : readDate(r, t.sheet, row, c(6)!, H[6]);
    if (date) d.date = date;
    const authority = text(7);
    if (authority) d.authority = authority;
    const source = text(9);
    if (source) d.source = source;
    const path = `decisions[${out.length}]`;
    r.from(path, t.sheet, row, c(1));
    FIELDS.forEach((field, k) => {
      if (field) r.from(`${path}.${field}`, t.sheet, row, c(k));
    });
    out.push(d);
  }
  if (out.length) doc.decisions = out;
}
