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
];
