/** The guide sheet (Hướng dẫn): what each sheet holds, that the criteria are a sample, the template version. */
import type { ClusterDocument } from '../../core';
import { CLUSTER_TEMPLATE_ID, CLUSTER_TEMPLATE_VERSION, SHEET } from '../layouts/cluster';
import { type CellPlan, columnWidths, type SheetPlan } from '../plan';
import { label, plain, subtitle, title } from './styles';

export function guideSheet(name: string, doc: ClusterDocument, scorecards: string[]): SheetPlan {
  const lines: [string, string][] = [
    [
      SHEET.members,
      'Danh sách đơn vị thành viên (tên, mã tỉnh, thứ tự luân phiên) và thông tin chung của Cụm: năm, Cụm trưởng, Cụm phó, quy tắc xếp hạng.',
    ],
    [
      SHEET.criteria,
      'Bảng tiêu chí: mã, nội dung, điểm chuẩn, điểm cộng tối đa, điểm trừ tối đa, điểm trừ mỗi lần; và các mức xếp loại.',
    ],
    [
      scorecards.length ? `${scorecards[0]} …` : 'Bảng chấm điểm',
      'Mỗi đơn vị một sheet: đơn vị tự chấm (ô vàng bên trái), Cụm thẩm định (ô vàng bên phải). Bỏ trống điểm thẩm định thì giữ điểm tự chấm. Tổng là công thức.',
    ],
    [
      SHEET.indicators,
      'Chỉ tiêu nghiệp vụ và kết quả của từng đơn vị (tử số, mẫu số); tỷ lệ, đạt, vượt là công thức.',
    ],
    [
      SHEET.summary,
      'Tổng điểm, tỷ lệ, chỉ tiêu đạt/vượt, hạng RANK.EQ (công thức) và hạng theo quy tắc phá hoà, xếp loại (giá trị do Thi đua tính, có dấu kiểm; khi số liệu đổi, ô trạng thái báo «Đã cũ — cần tính lại»).',
    ],
    [SHEET.votes, 'Kết quả biểu quyết, suy tôn: danh hiệu, người/đơn vị được đề nghị, số phiếu.'],
    [SHEET.people, 'Cá nhân đề nghị khen thưởng (dữ liệu cá nhân: không gửi ra ngoài).'],
    [SHEET.log, 'Nhật ký những việc Thi đua đã làm trên sổ.'],
  ];
  const cells: CellPlan[] = [
    { ref: 'A1', value: 'HƯỚNG DẪN SỬ DỤNG SỔ THI ĐUA CỦA CỤM', style: title },
    { ref: 'A2', value: `${doc.cluster.name} — năm ${doc.year}`, style: label },
    {
      ref: 'A3',
      value: `Mẫu sổ ${CLUSTER_TEMPLATE_ID}, phiên bản ${CLUSTER_TEMPLATE_VERSION}. Ô vàng là ô nhập; ô xám là công thức, được khoá để tránh sửa nhầm (bỏ khoá: Review → Unprotect Sheet, không có mật khẩu).`,
      style: subtitle,
    },
    { ref: 'A5', value: 'Sheet', style: label },
    { ref: 'B5', value: 'Nội dung', style: label },
  ];
  lines.forEach(([sheet, text], i) => {
    cells.push(
      { ref: `A${6 + i}`, value: sheet, style: { ...label, align: { vertical: 'top' } } },
      { ref: `B${6 + i}`, value: text, style: plain },
    );
  });
  const after = 6 + lines.length + 1;
  cells.push(
    { ref: `A${after}`, value: 'Lưu ý', style: label },
    {
      ref: `B${after}`,
      value:
        doc.sample ??
        'Bộ tiêu chí trong sổ do đơn vị nhập. Nếu sổ được tạo từ mẫu, bảng tiêu chí là MẪU MINH HOẠ: thay bằng bảng tiêu chí của đơn vị trước khi chấm.',
      style: { ...plain, font: { ...plain.font, bold: true, color: 'FFC00000' } },
    },
    {
      ref: `B${after + 1}`,
      value:
        'Số thập phân gõ theo máy tính của bạn (Excel tiếng Việt: dấu phẩy, ví dụ 9,5). Số gõ sai kiểu sẽ thành chữ và không được cộng: Thi đua sẽ báo ô đó.',
      style: plain,
    },
  );
  return {
    name,
    role: 'guide',
    tabColor: 'FF1F4E79',
    columns: columnWidths(24, 110),
    cells,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true },
  };
}
