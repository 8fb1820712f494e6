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
    vi: 'Nghị định 98/2023 và 152/2025, Điều 4: khi bằng nhau, ưu tiên nữ hoặc tập thể có từ 70% nữ',
    en: 'Decrees 98/2023 and 152/2025, Article 4: among equals, prefer women or collectives with at least 70% women',
  },
  governmentFlagCapInfo: {
    vi: 'Nghị định 91/2017, Điều 11: không quá 20% số tập thể của Ngành đủ tiêu chuẩn Cờ thi đua ngành; Hội đồng Ngành áp dụng trên toàn Ngành, cụm chỉ ghi để biết',
    en: 'Decree 91/2017, Article 11: at most 20% of the sector’s collectives qualifying for the sector flag; the sector council applies it sector-wide, the cluster shows it for information',
  },
  noGovernmentCapAfter2023: {
    vi: 'Không tìm thấy giới hạn tỷ lệ Cờ thi đua của Chính phủ sau 2023',
    en: 'No percentage cap on the Government flag was found after 2023',
  },
  clusterProposals: {
    vi: 'Văn bản không ấn định số đơn vị một cụm được đề nghị; cụm quyết định bằng biểu quyết (Cụm 8 năm 2020 đề nghị hai đơn vị cho mỗi loại cờ). Tài liệu có thể ghi số này',
    en: 'No text fixes how many units a cluster may propose; the cluster decides by its vote (Cụm 8 proposed two of each flag in 2020). A document may state the number',
  },
  maxRank: {
    vi: 'Không văn bản nào đặt thứ hạng làm điều kiện; "trong số các tập thể dẫn đầu" do cụm biểu quyết',
    en: 'No text makes the rank a condition; "among the leading collectives" is what the cluster votes',
  },
  govFlagVoteBeforeNd98: {
    vi: 'Cụm biểu quyết đề nghị như với Cờ thi đua ngành; dùng cùng ngưỡng 80% của các thành viên cụm (chưa xác minh)',
    en: 'The cluster votes as for the sector flag; the same 80% of its members is assumed (not confirmed)',
  },
  nd152Carried: {
    vi: 'Chưa tìm thấy quy định tương ứng của Nghị định 152/2025; giữ quy định của Nghị định 98/2023',
    en: 'The Decree 152/2025 counterpart was not found; the Decree 98/2023 rule is carried forward',
  },
  tt02Carried: {
    vi: 'Chưa tìm thấy lời văn của Thông tư 02/2024; giữ giá trị của Thông tư 01/2019',
    en: 'The TT 02/2024 wording was not found; the TT 01/2019 value is kept',
  },
  referenceDate: {
    vi: 'Văn bản không nêu ngày tính thời gian công tác trong năm (số liệu của Ngành tính từ 01/12 đến 30/11); mặc định 31/12, tài liệu có thể ghi ngày khác',
    en: 'The texts name no date for counting service in the year (the sector’s statistics run 1 December to 30 November); 31 December by default, a document may state another',
  },
  pendingBefore2024: {
    vi: 'Chưa tìm thấy quy định tương ứng trước Nghị định 98/2023; vẫn không đề nghị khi đang có thủ tục kỷ luật, điều tra, thanh tra (đề nghị sai tệ hơn không đề nghị)',
    en: 'No counterpart found before Decree 98/2023; still nothing is proposed while discipline, investigation or inspection is pending (a wrong proposal is worse than none)',
  },
  leaveWorkingDays: {
    vi: 'Ngày làm việc: thứ Hai đến thứ Sáu trong năm, không trừ ngày lễ; nghỉ thai sản tính là thời gian làm việc',
    en: 'Working days: Monday to Friday within the year, holidays not deducted; maternity leave counts as work',
  },
  leaveMonths: {
    vi: 'Điều khoản (có lẽ Điều 15) và ngoại lệ của khoản 2 chưa xác minh; nghỉ thai sản tính là thời gian làm việc; tháng = tháng dương lịch trọn vẹn, ngày lẻ tính 30 ngày một tháng',
    en: 'The article (probably Article 15) and the exception of its clause 2 are not verified; maternity leave counts as work; months are whole calendar months, odd days at 30 a month',
  },
  disciplineActYearTt01: {
    vi: 'Chưa tìm thấy quy định của Thông tư 01/2019; áp dụng cách tính theo năm có hành vi của Thông tư 02/2024',
    en: 'No TT 01/2019 rule found; the act-year rule of TT 02/2024 is applied',
  },
  sectorFlagRequiresTt02: {
    vi: 'Thông tư 01/2019, Điều 20 (chọn trong số "Tập thể lao động xuất sắc"); chưa đối chiếu Thông tư 02/2024',
    en: 'TT 01/2019, Article 20 (chosen among Excellent Labour Collectives); not checked against TT 02/2024',
  },
  advancedCollectiveTt02: {
    vi: 'Điều kiện của Thông tư 01/2019, Điều 18; chưa đối chiếu Thông tư 02/2024',
    en: 'The condition of TT 01/2019, Article 18; not checked against TT 02/2024',
  },
} satisfies Record<string, Bilingual>;
