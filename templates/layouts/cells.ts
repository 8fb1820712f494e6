/** Cell encodings shared by the builder and the reader: dates as Excel serials, year-tagged lists as text. */
import { lazily } from '../../core/text/lazily';

const DAY_MS = 86_400_000;
/** Excel's day 0 (with the 1900 leap-year bug folded in for dates after February 1900). */
const EPOCH = Date.UTC(1899, 11, 30);

/** "2022-07-26" → the Excel serial 44768; anything else is kept as the text it is. */
export function dateCell(iso: string): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return iso;
  return Math.round((t - EPOCH) / DAY_MS);
}

/** An Excel serial back to "YYYY-MM-DD" (whole days only). */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const d = new Date(EPOCH + Math.floor(serial) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

/** "26/07/2022" or "2022-07-26" as ISO; undefined when it is neither. */
export function textDateToIso(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return dateCell(t) === t ? undefined : t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return dateCell(iso) === iso ? undefined : iso;
}

/** [[2021, "Lao động tiên tiến"], [2022, "…"]] → "2021: Lao động tiên tiến; 2022: …". */
export function peopleListText(items: [number, string][] | undefined): string | null {
  if (!items || items.length === 0) return null;
  return items.map(([year, text]) => `${year}: ${text}`).join('; ');
}

/** The inverse of peopleListText; items that do not read as "year: text" come back in `bad`. */
export function parsePeopleList(text: string): { items: [number, string][]; bad: string[] } {
  const items: [number, string][] = [];
  const bad: string[] = [];
  for (const part of text.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const m = /^(\d{4})\s*[:\-–]\s*(.+)$/.exec(p);
    if (m) items.push([Number(m[1]), m[2]!.trim()]);
    else bad.push(p);
  }
  return { items, bad };
}

/** Local date and time at the procuracy (Asia/Ho_Chi_Minh), for the log's readers: "05/01/2023 15:00". */
const localTimeFormat = lazily(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);

/** An ISO instant ("2023-01-05T08:00:00Z") as "dd/mm/yyyy HH:mm" in Vietnam; anything else as it is. */
export function localDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(t)) return iso;
  const p = Object.fromEntries(
    localTimeFormat()
      .formatToParts(new Date(t))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
