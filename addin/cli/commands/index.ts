/**
 * The command registry: one entry per command, in the order of ../shared/spec/cli.md (project additions after).
 * Each command's module is loaded by a dynamic import only when that command runs, so `thidua --help` and
 * `thidua units …` never load exceljs. To add a command: write `commands/NAME.ts` exporting a `Command`
 * (usage, options with help, examples, run), and add one entry here. See docs/cli.md.
 */
import type { CommandEntry } from '../context';

export const commands: CommandEntry[] = [
  {
    name: 'check',
    summary: {
      vi: 'kiểm tra dữ liệu: cấu trúc, giới hạn điểm, mức trần, tham chiếu, tên đơn vị',
      en: 'validates the data: structure, bounds, caps, references, names',
    },
    load: async () => (await import('./check')).checkCommand,
  },
  {
    name: 'compute',
    summary: {
      vi: 'tính điểm, tỷ lệ chỉ tiêu, xếp hạng và xếp loại',
      en: 'scores, indicator ratios, ranking and tiers',
    },
    load: async () => (await import('./compute')).computeCommand,
  },
  {
    name: 'nominate',
    summary: {
      vi: 'áp dụng bộ quy tắc theo thời kỳ: điều kiện, biểu quyết, giới hạn; đề nghị khen thưởng',
      en: 'applies the dated rule set: eligibility, votes, caps; proposes awards',
    },
    load: async () => (await import('./nominate')).nominateCommand,
  },
  {
    name: 'rotate',
    summary: { vi: 'đề xuất Cụm trưởng, Cụm phó năm sau', en: "proposes next year's leader and deputy" },
    load: async () => (await import('./rotate')).rotateCommand,
  },
  {
    name: 'tally',
    summary: {
      vi: 'thống kê khen thưởng theo hình thức, tập thể/cá nhân, và sáng kiến theo cấp',
      en: 'counts awards by form and by collective/individual, and initiatives by level',
    },
    load: async () => (await import('./tally')).tallyCommand,
  },
  {
    name: 'new',
    summary: {
      vi: 'tạo sổ tính từ mẫu (hoặc từ một tài liệu với --from), và bảng chấm điểm gửi các đơn vị',
      en: "builds a workbook from the template (or from a document with --from), and the members' scorecards",
    },
    load: async () => (await import('./new')).newCommand,
  },
  {
    name: 'export',
    summary: {
      vi: 'đọc sổ tính thành tài liệu JSON (thidua/cluster@1)',
      en: 'reads a workbook back into the JSON document',
    },
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'merge',
    summary: {
      vi: 'gộp bảng chấm điểm các đơn vị gửi về vào sổ tổng hợp của cụm',
      en: "consolidates members' returned scorecards into the cluster workbook",
    },
    load: async () => (await import('./merge')).mergeCommand,
  },
  {
    name: 'units',
    summary: {
      vi: 'tra tên đơn vị, tỉnh như được viết (biến thể, lỗi gõ, bảng mã cũ) ra đơn vị chính thức theo ngày',
      en: 'resolves a unit or province name as written (variants, typos, legacy encodings) to the official unit on a date',
    },
    load: async () => (await import('./units')).unitsCommand,
  },
  {
    name: 'demo',
    summary: {
      vi: 'chạy toàn bộ trên cụm mẫu (Cụm thi đua số 7, 2022) và ghi kết quả vào DIR (mặc định ./demo-output)',
      en: 'runs the whole job on the bundled sample cluster (Cụm thi đua số 7, 2022), writing to DIR (default ./demo-output)',
    },
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'rules',
    summary: {
      vi: 'bộ quy tắc khen thưởng có hiệu lực vào một ngày: từng giá trị với trích dẫn, nguồn, mức xác nhận, và thay đổi so với bộ trước',
      en: 'the award rule set in force on a date: every value with its quote, source and standing, and what changed from the previous set',
    },
    load: async () => (await import('./rules')).rulesCommand,
  },
  {
    name: 'dossier',
    summary: {
      vi: 'hồ sơ trình Hội đồng: phiếu bầu, biên bản kiểm phiếu, biên bản họp, tờ trình, danh sách, báo cáo thành tích, báo cáo tổng kết (.docx, .pdf)',
      en: "the council's dossier: ballots, count sheet, minutes, submission, list, achievement reports, summary report (.docx, .pdf)",
    },
    load: async () => (await import('./dossier')).dossierCommand,
  },
  {
    name: 'finalise',
    summary: {
      vi: 'chốt số liệu sau cuộc họp: đóng dấu điểm, xếp hạng, biểu quyết, đề nghị (ai, khi nào, mã kiểm chứng) và khoá các trang tính',
      en: 'finalises the year after the meeting: stamps scores, ranking, votes, proposals (who, when, fingerprint) and locks the sheets',
    },
    load: async () => (await import('./finalise')).finaliseCommand,
  },
  {
    name: 'diff',
    summary: {
      vi: 'so sánh hai phiên bản sổ: điểm, chỉ tiêu, biểu quyết, cá nhân, từng ô',
      en: 'compares two versions of a workbook: scores, indicators, votes, people, cell by cell',
    },
    load: async () => (await import('./diff')).diffCommand,
  },
  {
    name: 'next',
    summary: {
      vi: 'tạo sổ năm sau từ sổ năm nay: thành viên (theo sáp nhập), Cụm trưởng, Cụm phó, tiêu chí, cá nhân và quyết định khen thưởng',
      en: "builds next year's workbook from this year's: members (after mergers), leader and deputy, criteria, people and award decisions",
    },
    load: async () => (await import('./next')).nextCommand,
  },
  {
    name: 'history',
    summary: {
      vi: 'lịch sử danh hiệu, khen thưởng, quyết định qua các năm của một người hoặc một đơn vị',
      en: 'titles, awards and decisions year by year for a person or a unit',
    },
    load: async () => (await import('./history')).historyCommand,
  },
];
