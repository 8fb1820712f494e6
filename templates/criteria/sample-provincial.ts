/**
 * A SAMPLE annual scorecard for a provincial procuracy, modelled on the sector's structure.
 * The sector's own table (QĐ 424/QĐ-VKSTC, 2020-11-25, table 1) is not public: this tree is a plausible
 * stand-in (../shared/domain/DOMAIN.md, "Scoring tables of the sector") with 100 standard points.
 * Every office must replace it with its own scorecard (Tiêu chí sheet, or readCriteriaTable).
 */
import type { Criterion } from '../../core';

export const SAMPLE_PROVINCIAL_LABEL =
  'Bảng tiêu chí MẪU (minh hoạ) — không phải bảng chính thức theo QĐ 424/QĐ-VKSTC; đơn vị thay bằng bảng của mình.';

export const SAMPLE_PROVINCIAL_ID = 'sample-provincial@1';

const c = (
  code: string,
  title: string,
  points: number,
  parent?: string,
  extra: Partial<Criterion> = {},
): Criterion => ({ code, title, points, ...(parent ? { parent } : {}), ...extra });

export const sampleProvincialCriteria: readonly Criterion[] = [
  c('I', 'Công tác thực hành quyền công tố, kiểm sát hoạt động tư pháp', 60, undefined, {
    bonusMax: 3,
    deductionMax: 6,
  }),
  c('I.1', 'Kiểm sát việc tiếp nhận, giải quyết tố giác, tin báo về tội phạm và kiến nghị khởi tố', 8, 'I', {
    deductionEach: 0.5,
    deductionMax: 2,
  }),
  c('I.2', 'Thực hành quyền công tố, kiểm sát điều tra vụ án hình sự', 12, 'I', {
    bonusMax: 1,
    deductionEach: 0.5,
    deductionMax: 2,
  }),
  c('I.3', 'Thực hành quyền công tố, kiểm sát xét xử vụ án hình sự', 12, 'I', {
    bonusMax: 1,
    deductionEach: 0.5,
    deductionMax: 2,
  }),
  c('I.4', 'Kiểm sát việc tạm giữ, tạm giam và thi hành án hình sự', 8, 'I', {
    deductionEach: 0.25,
    deductionMax: 1.5,
  }),
  c(
    'I.5',
    'Kiểm sát giải quyết các vụ việc dân sự, hôn nhân và gia đình, hành chính, kinh doanh thương mại, lao động',
    10,
    'I',
    { bonusMax: 1, deductionEach: 0.25, deductionMax: 1.5 },
  ),
  c('I.6', 'Kiểm sát thi hành án dân sự, thi hành án hành chính', 5, 'I', {
    deductionEach: 0.25,
    deductionMax: 1,
  }),
  c(
    'I.7',
    'Giải quyết khiếu nại, tố cáo và kiểm sát việc giải quyết khiếu nại, tố cáo trong hoạt động tư pháp',
    5,
    'I',
    {
      deductionEach: 0.25,
      deductionMax: 1,
    },
  ),
  c('II', 'Công tác xây dựng Ngành', 25),
  c('II.1', 'Công tác tổ chức cán bộ, đào tạo, bồi dưỡng', 6, 'II', { evidenceRequired: true }),
  c('II.2', 'Công tác thanh tra, kiểm tra nội bộ; kỷ luật, kỷ cương', 6, 'II', {
    deductionEach: 1,
    deductionMax: 3,
  }),
  c('II.3', 'Công tác văn phòng, thống kê tội phạm, ứng dụng công nghệ thông tin', 5, 'II'),
  c('II.4', 'Công tác kế hoạch, tài chính, quản lý tài sản', 4, 'II'),
  c('II.5', 'Công tác tuyên truyền, báo chí; xây dựng tổ chức Đảng và đoàn thể', 4, 'II'),
  c('III', 'Công tác thi đua, khen thưởng', 15),
  c(
    'III.1',
    'Tổ chức, hưởng ứng các phong trào thi đua; ký kết và thực hiện giao ước thi đua của Cụm',
    6,
    'III',
    {
      evidenceRequired: true,
    },
  ),
  c('III.2', 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', 4, 'III'),
  c('III.3', 'Thực hiện chế độ thông tin, báo cáo thi đua, khen thưởng đúng hạn', 5, 'III', {
    deductionEach: 0.5,
    deductionMax: 2,
  }),
  c('IV', 'Điểm cộng, điểm trừ', 0, undefined, { bonusMax: 5, deductionMax: 5 }),
  c(
    'IV.1',
    'Sáng kiến, đề tài khoa học được công nhận; mô hình mới, cách làm hay được Ngành nhân rộng',
    0,
    'IV',
    {
      bonusMax: 3,
      evidenceRequired: true,
    },
  ),
  c('IV.2', 'Được Lãnh đạo VKSND tối cao khen, biểu dương trong năm', 0, 'IV', { bonusMax: 2 }),
  c('IV.3', 'Cán bộ vi phạm bị xử lý kỷ luật; đơn vị để xảy ra oan, sai', 0, 'IV', {
    deductionEach: 1,
    deductionMax: 5,
  }),
];
