/**
 * Where each rule value comes from: the text's words where a copy was read, the article, the copy, and the
 * standing. Nothing here is "confirmed": no value was checked against the official gazette text, so values
 * read in a copy are `secondary` and the rest `unconfirmed` (docs/awards.md lists each one).
 */
import { cite } from '../citation';
import { sources as s, TT_02_2024 } from './sources';
import type { Evidence } from './types';

const ISSUE = 'issue 11 (bản sao thứ cấp của văn bản)';
const DOMAIN = 'DOMAIN.md';

const copy = (cites: Evidence['cites'], foundIn: string, quote?: string): Evidence => {
  const e: Evidence = { standing: 'secondary', foundIn };
  if (cites) e.cites = cites;
  if (quote) e.quote = quote;
  return e;
};

export const UNCONFIRMED: Evidence = { standing: 'unconfirmed' };

export const evidence = {
  councilVote80: copy(
    s.nd98CouncilVote,
    ISSUE,
    'tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng cấp trình khen thưởng từ 80% trở lên tính trên tổng số thành viên của Hội đồng',
  ),
  councilVote90: copy(
    s.nd98CouncilVote,
    ISSUE,
    '"Chiến sĩ thi đua bộ, ban, ngành": 90% tính trên tổng số thành viên của Hội đồng; thành viên vắng mặt cho ý kiến bằng văn bản',
  ),
  clusterVote80: copy(
    s.tt01SectorFlag,
    ISSUE,
    'tỷ lệ phiếu đồng ý của các thành viên trong cụm, khối thi đua đạt từ 80% trở lên',
  ),
  sectorFlagAmongExcellent: copy(s.tt01SectorFlag, 'thuvienphapluat.vn (hỏi đáp)'),
  sectorFlagLevels: copy(s.tt01SectorFlag, `${ISSUE}; ${DOMAIN}`),
  sectorSoldierVote90: copy(s.tt01SectorSoldier, `${ISSUE}; thuvienphapluat.vn (hỏi đáp)`),
  sectorSoldierYears: copy(s.tt01SectorSoldier, 'thuvienphapluat.vn (hỏi đáp)'),
  baseSoldierInitiative2003: copy(s.law2003BaseSoldier, 'trang của ngành Tòa án, Sở Nội vụ Lạng Sơn'),
  baseSoldierCap15: copy(s.nd91BaseSoldier, 'thuvienphapluat.vn'),
  baseSoldier2022: copy(
    s.law2022BaseSoldier,
    ISSUE,
    'Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công nhận hoặc có đề tài khoa học…',
  ),
  baseSoldierNoCap: copy(s.law2022BaseSoldier, ISSUE, 'không bị khống chế'),
  governmentFlagCap20: copy(s.nd91GovernmentFlag, `${ISSUE}; ${DOMAIN}`),
  governmentFlagAmongSectorFlag: copy(s.nd91GovernmentFlag, `${ISSUE}; baovephapluat.vn (2022)`),
  governmentFlagLeading: copy(s.law2022GovernmentFlag, `${ISSUE}; ${DOMAIN}`),
  principles: copy(s.nd98Principles, `${ISSUE}; ${DOMAIN}`),
  pending: copy(s.nd98Pending, `${ISSUE}; ${DOMAIN}`),
  tiePreference: copy(s.nd98Principles, `${ISSUE}; ${DOMAIN}`),
  advancedCollective2003: copy(s.law2003AdvancedCollective, 'trang của ngành Tòa án, Sở Nội vụ Lạng Sơn'),
  advancedCollectiveTt01: copy(s.tt01AdvancedCollective, `${ISSUE}; ${DOMAIN}`),
  excellentExceeded: copy(
    s.tt02ExcellentCollective,
    'hethongphapluat.com',
    'hoàn thành xuất sắc nhiệm vụ phải hoàn thành vượt các chỉ tiêu',
  ),
  excellentQuota: copy(s.tt02ExcellentQuota, 'hethongphapluat.com'),
  excellentBase: copy(s.law2003, DOMAIN),
  leave40Days: copy(
    s.tt01,
    `${ISSUE}: Thông tư 01/2019 và Nghị định 65/2014`,
    'nghỉ từ 40 ngày làm việc trở lên',
  ),
  leave3Months: copy(cite(TT_02_2024), ISSUE, 'thời gian nghỉ công tác từ 03 tháng đến dưới 06 tháng'),
  disciplineActYear: copy(cite(TT_02_2024), ISSUE, 'không được tính để bình xét thi đua ở năm có quyết định'),
  recruitMonths: copy(undefined, DOMAIN),
  discipline: copy(undefined, DOMAIN),
  medalTt01: copy(undefined, 'baovephapluat.vn (2022)'),
  medalTt02: copy(s.tt02Medal, 'phapluat.suckhoedoisong.vn', 'hoàn thành tốt nhiệm vụ'),
} satisfies Record<string, Evidence>;
