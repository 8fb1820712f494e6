/** Why a value is what it is: the words shown next to every unconfirmed or interpreted value. */
import type { Bilingual } from '../../issues/issue';

export const notes = {
  roundDown: {
    vi: 'Văn bản không nói cách làm tròn; làm tròn xuống để không bao giờ vượt giới hạn',
    en: 'The text does not state the rounding; rounded down so the cap is never exceeded',
  },
  exceededShare: {
    vi: 'Cách hiểu "hoàn thành vượt mức các chỉ tiêu": mọi chỉ tiêu phát sinh có thể tính vượt đều vượt (100%)',
    en: 'Reading of "exceeded the targets": every arising exceedable indicator exceeded (100%)',
  },
  noCapTt01: {
    vi: 'Thông tư 01/2019 không giới hạn số "Tập thể lao động xuất sắc" (An Giang đề nghị 7/20 năm 2023)',
    en: 'TT 01/2019 set no cap on Excellent Labour Collectives (An Giang proposed 7 of 20 for 2023)',
  },
  sectorFlagVoteTt02: {
    vi: 'Ngưỡng 80% của Thông tư 01/2019, Điều 20; chưa tìm thấy quy định tương ứng của Thông tư 02/2024',
    en: 'The 80% of TT 01/2019, Article 20; the TT 02/2024 wording was not found',
  },
  governmentFlagVote: {
    vi: 'Cụm biểu quyết đề nghị như với Cờ thi đua ngành; dùng cùng ngưỡng 80% (chưa xác minh)',
    en: 'The cluster votes as for the sector flag; the same 80% threshold is assumed (not confirmed)',
  },
  governmentFlagCapNd91: {
    vi: 'Nghị định 91/2017, Điều 11: không quá 20% số tập thể đủ tiêu chuẩn Cờ thi đua cấp bộ, ngành',
    en: 'Decree 91/2017, Article 11: at most 20% of the collectives qualifying for a ministry or sector flag',
  },
  governmentFlagCapAfter2023: {
    vi: 'Chưa xác minh giới hạn 20% còn trong Nghị định 98/2023 / 152/2025; giữ 20% làm mặc định',
    en: 'Not confirmed that the 20% cap survives in Decree 98/2023 / 152/2025; 20% kept as the default',
  },
  governmentFlagMinimum: {
    vi: 'Văn bản không nói mức tối thiểu; cụm luôn được đề nghị đơn vị dẫn đầu (giả định)',
    en: 'No minimum is stated; the cluster may always propose its leading unit (assumption)',
  },
  baseSoldierCapNd91: {
    vi: 'Nghị định 91/2017, Điều 9, khoản 3: không quá 15% số cá nhân đạt "Lao động tiên tiến"',
    en: 'Decree 91/2017, Article 9, clause 3: at most 15% of the individuals rated Advanced Worker',
  },
  baseSoldierCapAfter2023: {
    vi: 'Giới hạn 15% thường được dẫn nhưng chưa xác minh sau 2023; giữ làm mặc định',
    en: 'The 15% cap is often cited but not confirmed after 2023; kept as the default',
  },
  carriedFromTt01: {
    vi: 'Giá trị của Thông tư 01/2019, Điều 16; chưa đối chiếu Thông tư 02/2024',
    en: 'The TT 01/2019, Article 16 value; not checked against TT 02/2024',
  },
  medalCutoff: {
    vi: 'Xét tặng hằng năm dịp 26/7 (Thông tư 02/2024, Điều 21, khoản 2); tính thời gian công tác đến ngày này là cách hiểu của chương trình',
    en: 'Awarded each year around 26 July (TT 02/2024, Article 21, clause 2); counting service to that day is the program’s reading',
  },
  recruitMonthsTt01: {
    vi: 'DOMAIN.md: Thông tư 01/2019 không xét cho người tuyển dụng dưới 10 tháng',
    en: 'DOMAIN.md: TT 01/2019 excludes staff recruited less than 10 months before',
  },
  recruitMonthsTt02: {
    vi: 'DOMAIN.md: Thông tư 02/2024 không xét cho người tuyển dụng dưới 6 tháng',
    en: 'DOMAIN.md: TT 02/2024 excludes staff recruited less than 6 months before',
  },
  tiePreference: {
    vi: 'Nghị định 152/2025, Điều 4: khi bằng nhau, ưu tiên nữ hoặc tập thể có từ 70% nữ',
    en: 'Decree 152/2025, Article 4: among equals, prefer women or collectives with at least 70% women',
  },
} satisfies Record<string, Bilingual>;
