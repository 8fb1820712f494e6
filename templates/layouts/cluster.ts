/**
 * The cluster workbook's layout as data: sheet names, table names, headers and where things sit.
 * The builder (templates/build) writes it and the reader (templates/read) finds things by it: by table name
 * first (table names survive a renamed tab), then by sheet name, then by header row.
 */
import type { SheetRole } from '../plan';

export const CLUSTER_TEMPLATE_ID = 'thidua/cluster';
/** Major.minor: a reader accepts any 1.x; an older minor gets a warning, another major an error. */
export const CLUSTER_TEMPLATE_VERSION = '1.1';
export const UNIT_SCORECARD_TEMPLATE_ID = 'thidua/unit-scorecard';

export const SHEET = {
  guide: 'Hướng dẫn',
  members: 'Đơn vị',
  criteria: 'Tiêu chí',
  indicators: 'Chỉ tiêu',
  summary: 'Tổng hợp',
  votes: 'Biểu quyết',
  people: 'Cá nhân',
  decisions: 'Quyết định',
  yearOverYear: 'So với năm trước',
  log: 'Nhật ký',
  meta: '_ThiDua',
} as const satisfies Partial<Record<SheetRole, string>>;

export const TABLE = {
  meta: 'ThiDua_Meta',
  info: 'ThongTinChung',
  units: 'DonVi',
  criteria: 'TieuChi',
  tiers: 'MucXepLoai',
  indicators: 'DanhMucChiTieu',
  indicatorResults: 'KetQuaChiTieu',
  summary: 'TongHop',
  votes: 'BieuQuyet',
  people: 'CaNhan',
  log: 'NhatKy',
  /** Followed by a two-digit member number: ChamDiem_01. */
  scorecardPrefix: 'ChamDiem_',
} as const;

export const NAME = {
  templateId: 'ThiDua_MauSo',
  templateVersion: 'ThiDua_PhienBan',
  unitList: 'DanhSachDonVi',
  indicatorList: 'DanhSachChiTieu',
  criteriaCodes: 'DanhSachTieuChi',
} as const;

/** Header texts. Readers match them with matchKey and also accept the listed variants. */
export const HEADERS = {
  meta: ['Khoá', 'Giá trị'],
  info: ['Mục', 'Giá trị'],
  units: ['STT', 'Tên đơn vị', 'Mã tỉnh', 'Thứ tự luân phiên'],
  criteria: [
    'Mã',
    'Nội dung',
    'Thuộc nhóm',
    'Điểm chuẩn',
    'Điểm cộng tối đa',
    'Điểm trừ tối đa',
    'Điểm trừ mỗi lần',
    'Cần minh chứng',
  ],
  tiers: ['Mức xếp loại', 'Tỷ lệ tối thiểu (%)'],
  scorecard: [
    'Mã',
    'Nội dung',
    'Điểm chuẩn',
    'Cộng tối đa',
    'Trừ tối đa',
    'Trừ mỗi lần',
    'Tự chấm: điểm',
    'Tự chấm: cộng',
    'Tự chấm: số lần trừ',
    'Tự chấm: trừ',
    'Tự chấm: tổng',
    'Thẩm định: điểm',
    'Thẩm định: cộng',
    'Thẩm định: số lần trừ',
    'Thẩm định: trừ',
    'Thẩm định: tổng',
    'Minh chứng, ghi chú',
    'Ghi chú thẩm định',
    'Tính: điểm (TC)',
    'Tính: cộng (TC)',
    'Tính: trừ (TC)',
    'Tính: điểm (TĐ)',
    'Tính: cộng (TĐ)',
    'Tính: trừ (TĐ)',
  ],
  indicators: ['Mã', 'Tên chỉ tiêu', 'Chỉ tiêu', 'Có thể vượt', 'Càng thấp càng tốt'],
  indicatorResults: [
    'Đơn vị',
    'Mã chỉ tiêu',
    'Tử số',
    'Mẫu số',
    'Tỷ lệ',
    'Phát sinh',
    'Đạt',
    'Tính vượt',
    'Vượt',
  ],
  summary: [
    'STT',
    'Đơn vị',
    'Điểm chuẩn',
    'Tự chấm',
    'Thẩm định',
    'Điểm xếp hạng',
    'Tỷ lệ (%)',
    'Điểm cộng',
    'Điểm trừ',
    'Chỉ tiêu phát sinh',
    'Chỉ tiêu đạt',
    'Chỉ tiêu tính vượt',
    'Chỉ tiêu vượt',
    'Tỷ lệ đạt',
    'Tỷ lệ vượt',
    'Hạng (theo điểm)',
    'Hạng (theo quy tắc)',
    'Xếp loại',
  ],
  votes: ['Danh hiệu', 'Đề nghị cho', 'Số phiếu đồng ý', 'Số người biểu quyết', 'Tỷ lệ đồng ý'],
  people: [
    'Họ và tên',
    'Đơn vị',
    'Giới tính',
    'Ngày vào ngành',
    'Ngày tuyển dụng',
    'Danh hiệu đã đạt',
    'Sáng kiến',
    'Kỷ luật',
  ],
  log: ['Thời điểm', 'Việc', 'Chi tiết'],
} as const;

/** Variants people type for the same header (matched after matchKey). */
export const HEADER_VARIANTS: Record<string, string[]> = {
  Mã: ['Mã tiêu chí', 'Mã số', 'Code', 'Số TT', 'TT'],
  'Nội dung': ['Nội dung tiêu chí', 'Tiêu chí', 'Tên tiêu chí', 'Nội dung chấm điểm'],
  'Thuộc nhóm': ['Nhóm', 'Mã nhóm', 'Mục cha', 'Thuộc mục'],
  'Điểm chuẩn': ['Điểm tối đa', 'Thang điểm', 'Điểm'],
  'Điểm cộng tối đa': ['Điểm cộng', 'Điểm thưởng tối đa', 'Điểm thưởng', 'Cộng tối đa'],
  'Điểm trừ tối đa': ['Điểm trừ', 'Trừ tối đa'],
  'Điểm trừ mỗi lần': ['Trừ mỗi lần', 'Điểm trừ mỗi trường hợp', 'Mỗi lần trừ'],
  'Cần minh chứng': ['Minh chứng', 'Yêu cầu minh chứng'],
  'Tên đơn vị': ['Đơn vị', 'Tên'],
};

/** Key/value rows of the ThongTinChung table (Đơn vị sheet). */
export const INFO_KEYS = {
  cluster: 'Tên cụm thi đua',
  year: 'Năm thi đua',
  kind: 'Loại bảng chấm',
  title: 'Tiêu đề',
  from: 'Từ ngày',
  to: 'Đến ngày',
  leader: 'Cụm trưởng',
  deputy: 'Cụm phó',
  ruleSet: 'Bộ quy tắc',
  stage: 'Giai đoạn xếp hạng',
  tieBreak: 'Thứ tự phá hoà',
  sample: 'Số liệu minh hoạ',
} as const;

export const KIND_TEXT = { annual: 'Hằng năm', campaign: 'Ngắn hạn (phong trào)' } as const;
export const STAGE_TEXT = { self: 'Tự chấm', verified: 'Thẩm định' } as const;
export const YES = 'Có';
export const NO = 'Không';

/** Key rows of the meta table. */
export const META_KEYS = {
  templateId: 'template.id',
  templateVersion: 'template.version',
  format: 'format',
  kind: 'kind',
  extensions: 'extensions',
  builtAt: 'builtAt',
} as const;

/** Where tables start (header row, 1-based) on each sheet. */
export const LAYOUT = {
  titleRow: 1,
  infoHeaderRow: 4,
  unitsHeader: { row: 4, col: 1 },
  infoHeader: { row: 4, col: 7 },
  criteriaHeader: { row: 4, col: 1 },
  tiersHeader: { row: 4, col: 11 },
  scorecard: { unitRow: 2, totalsRow: 3, headerRow: 4 },
  indicatorsHeader: { row: 4, col: 1 },
  indicatorResultsHeader: { row: 4, col: 8 },
  summaryHeader: { row: 6, col: 1 },
  votesHeader: { row: 4, col: 1 },
  peopleHeader: { row: 4, col: 1 },
  logHeader: { row: 4, col: 1 },
  metaHeader: { row: 1, col: 1 },
} as const;

/** Sheet names Excel refuses: longer than 31, or with : \ / ? * [ ]. */
export function safeSheetName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Trang';
  let candidate = base;
  // Lowered once per name taken, not once per name for each candidate (63 scorecards: 4 000 comparisons).
  const lowered = new Set([...taken].map((t) => t.toLocaleLowerCase('vi')));
  for (let n = 2; lowered.has(candidate.toLocaleLowerCase('vi')); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  return candidate;
}

/** The scorecard sheet's tab name: the unit's name without the common "VKSND" prefix. */
export function scorecardSheetName(unit: string, taken: ReadonlySet<string>): string {
  const short = unit.replace(/^\s*(VKSND|Viện kiểm sát nhân dân)\s+/i, '').trim() || unit;
  return safeSheetName(short, taken);
}

/** The tie-break keys as the workbook writes them (read back by matching this text). */
export const TIE_BREAK_TEXT: Record<string, string> = {
  indicatorsMetRatio: 'Tỷ lệ chỉ tiêu đạt',
  indicatorsExceededRatio: 'Tỷ lệ chỉ tiêu vượt',
  deduction: 'Điểm trừ (ít hơn xếp trên)',
  bonus: 'Điểm cộng',
};

/** Existing sheet names by role (and by unit for scorecards), so an update plan writes where the workbook has them. */
export type SheetNames = Partial<Record<keyof typeof SHEET, string>> & {
  scorecards?: Record<string, string>;
};
