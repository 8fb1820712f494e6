/**
 * A SAMPLE short-term campaign scorecard (Bảng chấm điểm phong trào thi đua ngắn hạn), e.g. a quarter's or an
 * anniversary's campaign (seed 000: Cụm 8 built one for 2020). 50 standard points; replace with the office's own.
 */
import type { Criterion } from '../../core';

export const SAMPLE_CAMPAIGN_LABEL =
  'Bảng tiêu chí phong trào ngắn hạn MẪU (minh hoạ); đơn vị thay bằng bảng của mình.';

export const SAMPLE_CAMPAIGN_ID = 'sample-campaign@1';

export const sampleCampaignCriteria: readonly Criterion[] = [
  { code: '1', title: 'Xây dựng kế hoạch, phát động phong trào thi đua', points: 10 },
  { code: '1.1', title: 'Ban hành kế hoạch đúng hạn, có chỉ tiêu cụ thể', points: 5, parent: '1' },
  { code: '1.2', title: 'Tổ chức phát động, quán triệt đến toàn thể công chức', points: 5, parent: '1' },
  { code: '2', title: 'Kết quả thực hiện các chỉ tiêu của phong trào', points: 30, bonusMax: 2 },
  {
    code: '2.1',
    title: 'Hoàn thành các chỉ tiêu nghiệp vụ trọng tâm của đợt thi đua',
    points: 20,
    parent: '2',
  },
  {
    code: '2.2',
    title: 'Có mô hình, cách làm mới trong đợt thi đua',
    points: 10,
    parent: '2',
    evidenceRequired: true,
  },
  { code: '3', title: 'Sơ kết, tổng kết, khen thưởng và báo cáo', points: 10 },
  {
    code: '3.1',
    title: 'Báo cáo kết quả đúng hạn, đúng nội dung',
    points: 5,
    parent: '3',
    deductionEach: 0.5,
    deductionMax: 2,
  },
  {
    code: '3.2',
    title: 'Đề xuất khen thưởng kịp thời các tập thể, cá nhân tiêu biểu',
    points: 5,
    parent: '3',
  },
];
