/**
 * Layout of the sheets that tie the years together (issue 13): "Quyết định" (the awards decided for the year,
 * with the decisions carried from earlier years) and "So với năm trước" (each unit beside last year).
 */
export const DECISIONS_TABLE = 'QuyetDinh';
export const YEAR_OVER_YEAR_TABLE = 'SoSanhNamTruoc';

export const DECISION_HEADERS = [
  'Năm thi đua',
  'Hình thức khen thưởng',
  'Tặng cho',
  'Tập thể/cá nhân',
  'Đơn vị',
  'Số quyết định',
  'Ngày quyết định',
  'Cơ quan quyết định',
  'Tình trạng',
  'Nguồn',
] as const;

export const KIND_LABEL = { collective: 'Tập thể', individual: 'Cá nhân' } as const;
export const DECIDED_TEXT = 'Đã có quyết định';
export const PROPOSED_TEXT = 'Đề nghị, chưa có quyết định';

/** Header rows (1-based). */
export const YEARS_LAYOUT = {
  decisionsHeader: { row: 4, col: 1 },
  yearOverYearHeader: { row: 5, col: 1 },
} as const;
