/**
 * The sector's guidance on cluster leadership, by year, as data (DOMAIN.md): the leader rotates yearly, the
 * deputy is named at the year-end evaluation, a unit not evaluated in the preceding year can be neither; from
 * 2024 leader and deputy are elected, with last year's deputy hosting the election meeting.
 */
import type { Bilingual } from '../issues/issue';

export interface LeadershipGuidance {
  id: string;
  /** First leadership year the guidance governs. */
  fromYear: number;
  document: string;
  /** Leader and deputy are elected (since 2024), rather than following the rotation. */
  elected: boolean;
  summary: Bilingual;
}

export const LEADERSHIP_GUIDANCE: readonly LeadershipGuidance[] = [
  {
    id: 'vkstc-2020',
    fromYear: 2020,
    document: 'Hướng dẫn công tác thi đua, khen thưởng năm 2020 của VKSND tối cao',
    elected: false,
    summary: {
      vi: 'Cụm trưởng luân phiên hằng năm; Cụm phó được giới thiệu tại hội nghị tổng kết; đơn vị không được đánh giá năm trước không làm Cụm trưởng, Cụm phó',
      en: 'The leader rotates yearly; the deputy is named at the year-end review; a unit not evaluated the year before can be neither',
    },
  },
  {
    id: 'hd-09-2024',
    fromYear: 2024,
    document: 'Hướng dẫn 09/HD-VKSTC (2024)',
    elected: true,
    summary: {
      vi: 'Cụm trưởng, Cụm phó do các đơn vị trong cụm bầu; Cụm phó năm trước chủ trì hội nghị bầu',
      en: 'Leader and deputy are elected by the members; last year’s deputy hosts the election meeting',
    },
  },
];

/** The guidance governing the leadership of `year` (the earliest one for years before it). */
export function leadershipGuidanceFor(year: number): LeadershipGuidance {
  let found = LEADERSHIP_GUIDANCE[0]!;
  for (const g of LEADERSHIP_GUIDANCE) if (g.fromYear <= year) found = g;
  return found;
}
