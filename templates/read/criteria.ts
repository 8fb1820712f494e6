/**
 * Criteria from a table in a workbook: the Tiêu chí sheet of our own workbooks, or an office's own scorecard
 * in any workbook (readCriteriaTable), headers matched by matchKey with the usual Vietnamese variants.
 */
import { type Criterion, type Issue, matchKey } from '../../core';
import { a1 } from '../layouts/a1';
import { HEADERS, NO, SHEET, TABLE, YES } from '../layouts/cluster';
import type { WorkbookSnapshot } from '../plan';
import {
  type LocatedTable,
  Reader,
  bodyRows,
  checkTableShape,
  findHeaderRow,
  locateTable,
  readNumber,
  readText,
  reportMissingColumns,
} from './grid';

const H = HEADERS.criteria;
const REQUIRED = [H[0], H[1], H[3]] as const;
/** The Criterion field each column fills, in header order. */
const CRITERION_FIELDS = [
  'code',
  'title',
  'parent',
  'points',
  'bonusMax',
  'deductionMax',
  'deductionEach',
  'evidenceRequired',
] as const;

export function criteriaFromTable(r: Reader, t: LocatedTable): Criterion[] {
  checkTableShape(r, t, { vi: 'bảng tiêu chí', en: 'the criteria table' });
  reportMissingColumns(r, t, H, REQUIRED, { vi: 'Bảng tiêu chí', en: 'The criteria table' });
  const col = (h: string) => t.columns.get(h);
  const out: Criterion[] = [];
  for (const row of bodyRows(t)) {
    const get = (h: string, what: string, whatEn: string) => {
      const c = col(h);
      return c === undefined ? undefined : readNumber(r, t.sheet, row, c, { what: { vi: what, en: whatEn } });
    };
    const codeCol = col(H[0]);
    const code =
      codeCol === undefined
        ? undefined
        : readText(r, t.sheet, row, codeCol, { vi: 'Mã tiêu chí', en: 'Criterion code' });
    if (!code) {
      r.issue('error', 'workbook.criterion.noCode', t.sheet.name, a1(row, codeCol ?? t.left), {
        vi: `Dòng ${row} của bảng tiêu chí không có mã; dòng này bị bỏ qua.`,
        en: `Row ${row} of the criteria table has no code; it is left out.`,
      });
      continue;
    }
    const titleCol = col(H[1]);
    const title =
      (titleCol === undefined
        ? undefined
        : readText(r, t.sheet, row, titleCol, { vi: 'Nội dung', en: 'Title' })) ?? '';
    const points = get(H[3], `Điểm chuẩn của tiêu chí ${code}`, `Standard points of criterion ${code}`);
    if (
      points === undefined &&
      col(H[3]) !== undefined &&
      !r.issues.some((i) => i.cell === a1(row, col(H[3])!) && i.sheet === t.sheet.name)
    )
      r.issue('error', 'workbook.criterion.noPoints', t.sheet.name, a1(row, col(H[3])!), {
        vi: `Tiêu chí ${code} chưa có điểm chuẩn; tạm tính 0.`,
        en: `Criterion ${code} has no standard points; counted as 0.`,
      });
    const parentCol = col(H[2]);
    const parent = parentCol
      ? readText(r, t.sheet, row, parentCol, { vi: 'Thuộc nhóm', en: 'Parent' })
      : undefined;
    const path = `criteria[${out.length}]`;
    r.from(path, t.sheet, row, codeCol);
    r.fromRow(path, t.sheet, row, CRITERION_FIELDS, (k) => col(H[k]!));
    const c: Criterion = { code, title, points: points ?? 0 };
    if (parent) c.parent = parent;
    const bonusMax = get(H[4], `Điểm cộng tối đa của tiêu chí ${code}`, `Maximum bonus of criterion ${code}`);
    const deductionMax = get(
      H[5],
      `Điểm trừ tối đa của tiêu chí ${code}`,
      `Maximum deduction of criterion ${code}`,
    );
    const deductionEach = get(
      H[6],
      `Điểm trừ mỗi lần của tiêu chí ${code}`,
      `Deduction per occurrence of criterion ${code}`,
    );
    if (bonusMax !== undefined) c.bonusMax = bonusMax;
    if (deductionMax !== undefined) c.deductionMax = deductionMax;
    if (deductionEach !== undefined) c.deductionEach = deductionEach;
    const evCol = col(H[7]);
    const ev = evCol
      ? readText(r, t.sheet, row, evCol, { vi: 'Cần minh chứng', en: 'Evidence required' })
      : undefined;
    if (ev !== undefined) {
      const k = matchKey(ev);
      if (k === matchKey(YES) || k === 'x' || k === 'true') c.evidenceRequired = true;
      else if (k === matchKey(NO) || k === 'false') c.evidenceRequired = false;
      else
        r.issue('warning', 'workbook.cell.yesNo', t.sheet.name, a1(row, evCol!), {
          vi: `"Cần minh chứng" của tiêu chí ${code} ghi "${ev}": chỉ nhận "Có" hoặc "Không"; bỏ qua.`,
          en: `"Evidence required" of criterion ${code} is "${ev}": only "Có" or "Không" is accepted; ignored.`,
        });
    }
    out.push(c);
  }
  return out;
}

export function locateCriteria(r: Reader, sheet?: string): LocatedTable | undefined {
  if (sheet) {
    const s = r.sheet(sheet);
    return s ? findHeaderRow(s, H, REQUIRED) : undefined;
  }
  return locateTable(r, { table: TABLE.criteria, sheets: [SHEET.criteria], headers: H, required: REQUIRED });
}

/**
 * An office's own scorecard from a table on `sheet` of any workbook (columns Mã, Nội dung, Điểm chuẩn, and
 * optionally Thuộc nhóm, Điểm cộng tối đa, Điểm trừ tối đa, Điểm trừ mỗi lần, Cần minh chứng).
 */
export function readCriteriaTable(
  snapshot: WorkbookSnapshot,
  sheet: string,
): { criteria: Criterion[]; issues: Issue[] } {
  const r = new Reader(snapshot);
  if (!r.sheet(sheet)) {
    r.issue('error', 'workbook.sheet.missing', sheet, undefined, {
      vi: `không có sheet này trong ${snapshot.source}.`,
      en: `there is no such sheet in ${snapshot.source}.`,
    });
    return { criteria: [], issues: r.issues };
  }
  const t = locateCriteria(r, sheet);
  if (!t) {
    r.issue('error', 'workbook.header.missing', sheet, 'A1', {
      vi: 'không tìm thấy dòng tiêu đề có các cột "Mã", "Nội dung", "Điểm chuẩn" trong 30 dòng đầu.',
      en: 'no header row with the columns "Mã", "Nội dung", "Điểm chuẩn" in the first 30 rows.',
    });
    return { criteria: [], issues: r.issues };
  }
  return { criteria: criteriaFromTable(r, t), issues: r.issues };
}
