/**
 * The ballots (phiếu bầu) as a sheet to print in the cluster's workbook: for each award the cluster votes on,
 * its candidates with the "Đồng ý" and "Không đồng ý" columns to mark. The same candidates as the Word ballots
 * and the count sheet (./ballots.ts ballotCandidates); nothing here is read back.
 */
import type { ClusterDocument } from '../../core';
import { header, label, plain, title } from '../build/styles';
import { a1 } from '../layouts/a1';
import { type CellPlan, columnWidths, type SheetPlan } from '../plan';
import type { BallotAward } from './ballots';

export const BALLOT_SHEET = 'Phiếu bầu';
const HEADERS = ['STT', 'Đơn vị được đề nghị', 'Đồng ý', 'Không đồng ý'];

export function buildBallotSheet(
  doc: ClusterDocument,
  ballots: readonly BallotAward[],
  name: (unit: string) => string,
): SheetPlan {
  const cells: CellPlan[] = [
    { ref: 'A1', value: `PHIẾU BẦU — ${doc.cluster.name}, năm ${doc.year}`, style: title },
    {
      ref: 'A2',
      value:
        'Đánh dấu (X) vào cột "Đồng ý" hoặc "Không đồng ý" cho từng đơn vị; phiếu đánh dấu cả hai cột hoặc không đánh dấu ở một đơn vị là phiếu không hợp lệ đối với đơn vị đó. Số phiếu kiểm được nhập vào sheet "Kiểm phiếu".',
      style: { ...plain, font: { name: 'Times New Roman', size: 11, italic: true } },
    },
    { ref: 'A3', value: 'Đơn vị bỏ phiếu: ……………………………………', style: label },
  ];
  let row = 5;
  for (const b of ballots) {
    cells.push({ ref: a1(row, 1), value: `Đề nghị tặng "${b.award}" năm ${doc.year}`, style: label });
    row += 1;
    HEADERS.forEach((h, k) => {
      cells.push({ ref: a1(row, k + 1), value: h, style: header });
    });
    row += 1;
    const candidates = b.candidates.length ? b.candidates : [''];
    candidates.forEach((c, k) => {
      cells.push(
        { ref: a1(row, 1), value: c ? k + 1 : '', style: { ...plain, border: 'thin' } },
        {
          ref: a1(row, 2),
          value: c ? name(c) : 'Không có đơn vị đủ điều kiện.',
          style: { ...plain, border: 'thin' },
        },
        { ref: a1(row, 3), style: { ...plain, border: 'thin' } },
        { ref: a1(row, 4), style: { ...plain, border: 'thin' } },
      );
      row += 1;
    });
    row += 1;
  }
  cells.push({ ref: a1(row + 1, 2), value: 'Người bỏ phiếu ký, ghi rõ họ tên', style: plain });
  return {
    name: BALLOT_SHEET,
    role: 'votes',
    columns: columnWidths(8, 52, 16, 16),
    cells,
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true },
  };
}
