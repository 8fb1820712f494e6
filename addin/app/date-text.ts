/**
 * The one sentence for a date that is not a real YYYY-MM-DD, whatever the door: the command line names its
 * flag (`--date`), the pane the field the clerk typed into (SIGNING_DATE, the label of its "Ngày ký" field).
 * No dependency, so the pane's actions can say it without loading the core.
 */
import type { Bilingual } from '../../core';

/** The pane's field for the date printed on the signed documents (the dossier, the nomination sheets). */
export const SIGNING_DATE: Bilingual = { vi: 'Ngày ký', en: 'Date of signing' };

/** The command line's flag, in both languages. */
export const DATE_FLAG: Bilingual = { vi: '--date', en: '--date' };

/** `where` (the flag, the field) and the date as typed, then what is expected, with an example. */
export function badDateText(where: Bilingual, date: string, example = '2022-12-20'): Bilingual {
  return {
    vi: `${where.vi} ${date}: cần một ngày có thật dạng YYYY-MM-DD, ví dụ ${example}.`,
    en: `${where.en} ${date}: expected a real date as YYYY-MM-DD, e.g. ${example}.`,
  };
}
