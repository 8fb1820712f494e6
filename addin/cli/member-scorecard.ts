/**
 * One member's scorecard (made by `thidua new --unit`/`--per-unit` or the pane's send-out) given to a command
 * that needs the cluster workbook: refused with exit 2 before anything is written, in a sentence saying what
 * the file is and what to run instead (the pane says the same for its actions: addin/app/actions.ts).
 * `check`, `export`, `diff` and `merge` (which takes these files as the members' returns) read it as it is.
 */
import type { Bilingual, ClusterDocument } from '../../core';
import { CliError } from './context';
import { memberScorecardUnit } from './read-document';

/** Throws CliError(`refusal(member)`) when `doc` was read from one member's scorecard. */
export function refuseMemberScorecard(doc: ClusterDocument, refusal: (member: string) => Bilingual): void {
  const member = memberScorecardUnit(doc);
  if (member !== undefined) throw new CliError(refusal(member));
}

/** `thidua rotate`: next year's leader and deputy are proposed on the cluster workbook (the pane's rotate). */
export function leadershipElsewhere(member: string): Bilingual {
  return {
    vi: `Đây là bảng chấm điểm của ${member}; Cụm trưởng, Cụm phó năm sau được đề xuất trên sổ tổng hợp của cụm: hãy chạy \`thidua rotate\` trên sổ tổng hợp (gộp các bảng đơn vị gửi về bằng \`thidua merge\` nếu chưa gộp).`,
    en: `This is the scorecard of ${member}; next year's leader and deputy are proposed on the cluster workbook: run \`thidua rotate\` on the cluster workbook (merge the members' returned scorecards with \`thidua merge\` if not done yet).`,
  };
}

/** `thidua tally`: a member's scorecard holds no awards; a tally of it would be zeros. */
export function tallyElsewhere(file: string): (member: string) => Bilingual {
  return (member) => ({
    vi: `Tệp ${file} là bảng chấm điểm của ${member}, không ghi khen thưởng; khen thưởng được thống kê trên sổ tổng hợp của cụm: hãy chạy \`thidua tally\` với sổ tổng hợp.`,
    en: `File ${file} is the scorecard of ${member} and holds no awards; awards are counted on the cluster workbook: run \`thidua tally\` with the cluster workbook.`,
  });
}

/**
 * `thidua history`, `nominate --history`: a year is read from its cluster workbook; a member's scorecard alone
 * would rank that member first of one and list no awards. `inFolder`: the file was found in a folder given.
 */
export function yearFileElsewhere(file: string, inFolder: boolean): (member: string) => Bilingual {
  return (member) => ({
    vi: `Tệp ${file} là bảng chấm điểm của ${member}, không phải sổ tổng hợp của cụm: xếp hạng, khen thưởng của một năm đọc từ sổ tổng hợp năm đó (gộp các bảng đơn vị bằng \`thidua merge\` nếu chưa gộp)${inFolder ? '; hãy chuyển bảng chấm điểm ra khỏi thư mục' : '; hãy đưa sổ tổng hợp thay cho tệp này'}.`,
    en: `File ${file} is the scorecard of ${member}, not the cluster workbook: a year's ranking and awards are read from that year's cluster workbook (merge the members' scorecards with \`thidua merge\` if not done yet)${inFolder ? '; move the scorecard out of the folder' : '; give the cluster workbook instead of this file'}.`,
  });
}

/** `thidua new --from … --unit/--per-unit`: the members' scorecards are made from the cluster workbook. */
export function sendOutElsewhere(member: string): Bilingual {
  return {
    vi: `Đây là bảng chấm điểm của ${member}; chưa ghi gì. Bảng chấm điểm gửi các đơn vị được tạo từ sổ tổng hợp của cụm: hãy chạy \`thidua new … --from\` với sổ tổng hợp.`,
    en: `This is the scorecard of ${member}; nothing was written. The members' scorecards are made from the cluster workbook: run \`thidua new … --from\` with the cluster workbook.`,
  };
}
