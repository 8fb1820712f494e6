/**
 * The one sentence for a date that is not a real YYYY-MM-DD, whatever the door: the command line names its
 * flag (`--date`: dossier, nominate, rules, units), the pane the field the clerk typed into (SIGNING_DATE,
 * the label of its "Ngày ký" field; PERIOD_FROM and PERIOD_TO, the campaign's dates in the cluster settings).
 * No dependency, so the pane's actions can say it without loading the core.
 */
import type { Bilingual } from '../../core';

/** The pane's field for the date printed on the signed documents (the dossier, the nomination sheets). */
export const SIGNING_DATE: Bilingual = { vi: 'Ngày ký', en: 'Date of signing' };

/** The cluster settings' fields for the campaign's dates (the pane's labels are these names). */
export const PERIOD_FROM: Bilingual = { vi: 'Từ ngày', en: 'From' };
export const PERIOD_TO: Bilingual = { vi: 'Đến ngày', en: 'To' };

/** The command line's flag, in both languages. */
export const DATE_FLAG: Bilingual = { vi: '--date', en: '--date' };

/**
 * `where` (the flag, the field) and the date as typed (a blank one said so: one of two date fields left
 * empty), then what is expected, with an example.
 */
export function badDateText(where: Bilingual, date: string, example = '2022-12-20'): Bilingual {
  const blank = date.trim() === '';
  return {
    vi: `${where.vi} ${blank ? '(chưa nhập)' : date}: cần một ngày có thật dạng YYYY-MM-DD, ví dụ ${example}.`,
    en: `${where.en} ${blank ? '(blank)' : date}: expected a real date as YYYY-MM-DD, e.g. ${example}.`,
  };
}
