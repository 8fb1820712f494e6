/**
 * Finalising a cluster workbook (chốt số liệu): a copy of the workbook with a visible "Chốt số liệu" sheet
 * (fingerprint, who and when, the ranking, votes and proposals stamped as values) and a hidden sheet of the
 * finalised facts with their cells, every sheet protected without a password. Protection prevents accidental
 * edits only: anyone can lift it in Excel. What reveals a later change is the fingerprint, and the facts
 * say which cells changed.
 */
import type ExcelJS from 'exceljs';
import type { Bilingual, NominationReport, ResultDocument } from '../../../core';
import type { Fact } from '../../../templates/dossier';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../templates/plan';
import { formatNumberVi } from '../../../core';
import {
  SEAL_LABELS as LABELS,
  SEAL_FACTS_SHEET,
  SEAL_SHEET,
  type SealStamp,
} from '../../../templates/layouts/seal';

export { SEAL_FACTS_SHEET, SEAL_SHEET, type SealStamp };

export const PROTECTION_NOTE: Bilingual = {
  vi: 'Các trang tính được khoá (không mật khẩu) để tránh sửa nhầm, không chống được việc cố ý sửa: ai cũng bỏ khoá được trong Excel. Việc sửa về sau được phát hiện bằng mã kiểm chứng (lệnh "thidua check").',
  en: 'The sheets are locked (no password) against accidental edits, not against deliberate ones: anyone can unlock them in Excel. A later change is revealed by the fingerprint (command "thidua check").',
};

export interface SealedFact extends Fact {
  sheet?: string;
  cell?: string;
}

export interface Seal extends SealStamp {
  facts: SealedFact[];
}

const FONT = { name: 'Times New Roman', size: 12 };

export async function sealWorkbook(
  workbook: ExcelJS.Workbook,
  stamp: SealStamp,
  result: ResultDocument,
  report: NominationReport,
  facts: readonly SealedFact[],
): Promise<void> {
  const ws = workbook.addWorksheet(SEAL_SHEET);
  const rows: (string | number)[][] = [
    [`CHỐT SỐ LIỆU THI ĐUA NĂM ${result.year} — ${result.cluster}`],
    [],
    [LABELS.fingerprint, stamp.fingerprint],
    [LABELS.by, stamp.by],
    [LABELS.at, stamp.at],
    [PROTECTION_NOTE.vi],
    [],
    ['Xếp hạng', 'Đơn vị', 'Tự chấm', 'Thẩm định', 'Xếp loại'],
    ...result.units.map((u) => [
      u.rank,
      u.unit,
      u.self ? formatNumberVi(u.self.total, 3) : '',
      u.verified ? formatNumberVi(u.verified.total, 3) : '',
      u.tier,
    ]),
    [],
    ['Đề nghị khen thưởng', 'Đối tượng'],
    ...report.nominations.map((n) => [n.award, n.candidate]),
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = v;
      cell.font = { ...FONT, bold: i === 0 || (k === 0 && i >= 2 && i <= 4) };
    });
  });
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 36;
  for (const c of [3, 4, 5]) ws.getColumn(c).width = 16;
  const hidden = workbook.addWorksheet(SEAL_FACTS_SHEET, { state: 'veryHidden' });
  hidden.addRow(['Khoá', 'Nội dung', 'Giá trị', 'Đường dẫn', 'Trang tính', 'Ô']);
  for (const f of facts) hidden.addRow([f.key, f.label, f.value, f.path, f.sheet ?? '', f.cell ?? '']);
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cell.protection = { locked: true };
      }),
    );
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  }
}

const text = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'object' && 'richText' in v
      ? v.richText.map((r) => r.text).join('')
      : String(v);

/**
 * The seal as the snapshot holds it (the direct reader's: ./read/direct-read.ts), the same as readSeal reads
 * it from an exceljs workbook; undefined when the workbook was never finalised.
 */
export function readSnapshotSeal(snapshot: WorkbookSnapshot): Seal | undefined {
  const ws = snapshot.sheets.find((s) => s.name === SEAL_SHEET);
  const hidden = snapshot.sheets.find((s) => s.name === SEAL_FACTS_SHEET);
  if (!ws || !hidden) return undefined;
  const cellText = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));
  // exceljs's eachRow: the rows holding a value, numbered from 1.
  const rows = (sheet: SheetSnapshot) =>
    sheet.values.flatMap((row, i) => (row.some((v) => v !== null) ? [{ n: i + 1, row }] : []));
  const stamp: Partial<SealStamp> = {};
  for (const { row } of rows(ws)) {
    const label = cellText(row[0]);
    const value = cellText(row[1]);
    if (label === LABELS.fingerprint) stamp.fingerprint = value;
    if (label === LABELS.by) stamp.by = value;
    if (label === LABELS.at) stamp.at = value;
  }
  if (!stamp.fingerprint) return undefined;
  const facts: SealedFact[] = [];
  for (const { n, row } of rows(hidden)) {
    if (n === 1) continue;
    const [key, label, value, path, sheet, cell] = [0, 1, 2, 3, 4, 5].map((c) => cellText(row[c]));
    const f: SealedFact = { key: key!, label: label!, value: value!, path: path! };
    if (sheet) f.sheet = sheet;
    if (cell) f.cell = cell;
    facts.push(f);
  }
  return { fingerprint: stamp.fingerprint, by: stamp.by ?? '', at: stamp.at ?? '', facts };
}

/** The seal of a finalised workbook, or undefined when it was never finalised. */
export function readSeal(workbook: ExcelJS.Workbook): Seal | undefined {
  const ws = workbook.getWorksheet(SEAL_SHEET);
  const hidden = workbook.getWorksheet(SEAL_FACTS_SHEET);
  if (!ws || !hidden) return undefined;
  const stamp: Partial<SealStamp> = {};
  ws.eachRow((row) => {
    const label = text(row.getCell(1).value);
    const value = text(row.getCell(2).value);
    if (label === LABELS.fingerprint) stamp.fingerprint = value;
    if (label === LABELS.by) stamp.by = value;
    if (label === LABELS.at) stamp.at = value;
  });
  if (!stamp.fingerprint) return undefined;
  const facts: SealedFact[] = [];
  hidden.eachRow((row, n) => {
    if (n === 1) return;
    const [key, label, value, path, sheet, cell] = [1, 2, 3, 4, 5, 6].map((c) => text(row.getCell(c).value));
    const f: SealedFact = { key: key!, label: label!, value: value!, path: path! };
    if (sheet) f.sheet = sheet;
    if (cell) f.cell = cell;
    facts.push(f);
  });
  return { fingerprint: stamp.fingerprint, by: stamp.by ?? '', at: stamp.at ?? '', facts };
}
