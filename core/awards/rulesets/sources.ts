/**
 * The legal texts the rule sets cite, and the shared vocabulary (rating levels, disciplinary forms).
 * An article appears here only when it was verified (see docs/awards.md for the source of each one);
 * otherwise the document is cited alone and prints as "điều khoản chưa xác minh".
 */
import { cite } from '../citation';

export const LAW_2003 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)';
export const LAW_2022 = 'Luật Thi đua, khen thưởng 06/2022/QH15';
export const ND_91_2017 = 'Nghị định 91/2017/NĐ-CP';
export const ND_98_2023 = 'Nghị định 98/2023/NĐ-CP';
export const ND_152_2025 = 'Nghị định 152/2025/NĐ-CP';
export const TT_01_2019 = 'Thông tư 01/2019/TT-VKSTC';
export const TT_02_2024 = 'Thông tư 02/2024/TT-VKSTC';

export const sources = {
  // Luật 2003 (as amended): articles quoted on public pages of the courts and of Lạng Sơn province.
  law2003: cite(LAW_2003),
  law2003SectorSoldier: cite(LAW_2003, 'Điều 22'),
  law2003BaseSoldier: cite(LAW_2003, 'Điều 23'),
  law2003GovernmentFlag: cite(LAW_2003, 'Điều 25'),
  law2003AdvancedCollective: cite(LAW_2003, 'Điều 28', 'khoản 1'),
  law2022: cite(LAW_2022),
  // Điều 27 is named by TT 02/2024, Điều 18 as the standard of "Tập thể lao động xuất sắc".
  law2022ExcellentCollective: cite(LAW_2022, 'Điều 27'),
  // DOMAIN.md: Cờ thi đua của Chính phủ, Luật 2022, Điều 25.
  law2022GovernmentFlag: cite(LAW_2022, 'Điều 25'),
  nd91: cite(ND_91_2017),
  nd91BaseSoldier: cite(ND_91_2017, 'Điều 9', 'khoản 3'),
  nd91GovernmentFlag: cite(ND_91_2017, 'Điều 11'),
  nd98: cite(ND_98_2023),
  // Issue 11 quotes these articles from secondary copies of the texts (docs/awards.md).
  nd98Principles: cite(ND_98_2023, 'Điều 4'),
  nd98Pending: cite(ND_98_2023, 'Điều 4', 'khoản 4'),
  nd98CouncilVote: cite(ND_98_2023, 'Điều 30', 'khoản 7'),
  law2022BaseSoldier: cite(LAW_2022, 'Điều 23'),
  tt01AdvancedCollective: cite(TT_01_2019, 'Điều 18'),
  nd152: cite(ND_152_2025),
  nd152Principles: cite(ND_152_2025, 'Điều 4'),
  tt01: cite(TT_01_2019),
  tt01SectorSoldier: cite(TT_01_2019, 'Điều 16', 'khoản 1'),
  tt01SectorFlag: cite(TT_01_2019, 'Điều 20'),
  tt02: cite(TT_02_2024),
  tt02ExcellentCollective: cite(TT_02_2024, 'Điều 18', 'khoản 1'),
  tt02ExcellentQuota: cite(TT_02_2024, 'Điều 18', 'khoản 2'),
  tt02Medal: cite(TT_02_2024, 'Điều 21'),
};

/** The civil-service rating levels, best first. */
export const RATING_LEVELS = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];

/** Disciplinary forms for civil servants, mildest first: "khiển trách trở lên" is every one of them. */
export const DISCIPLINE_FORMS = [
  'Khiển trách',
  'Cảnh cáo',
  'Hạ bậc lương',
  'Giáng chức',
  'Cách chức',
  'Buộc thôi việc',
];
