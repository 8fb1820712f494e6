/**
 * The fixed parts of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I): the national motto,
 * the date line, capitals for bodies' names, paper and margins. Kept in one place so every printed sheet agrees.
 */
import type { FontPlan, PrintPlan } from '../plan';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Times New Roman, 13 pt for body text (Nghị định 30/2020: 13–14). */
export const OFFICIAL_FONT = 'Times New Roman';

export const font = (size: number, extra: Omit<FontPlan, 'name' | 'size'> = {}): FontPlan => ({
  name: OFFICIAL_FONT,
  size,
  ...extra,
});

/**
 * A4 portrait, margins of Phụ lục I (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm), in inches.
 */
export function officialPrint(titleRows: string, area: string): PrintPlan {
  return {
    paper: 'A4',
    orientation: 'portrait',
    fitToWidth: true,
    titleRows,
    area,
    margins: { left: 1.18, right: 0.79, top: 0.79, bottom: 0.79 },
    footer: `&"${OFFICIAL_FONT},Regular"Trang &P/&N`,
  };
}

/** Names of bodies in the header are printed in capitals ("VKSND tỉnh Đắk Lắk" → "VKSND TỈNH ĐẮK LẮK"). */
export const upper = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi');

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "Đắk Lắk, ngày 05 tháng 02 năm 2023": days below 10 and months below 3 take a leading zero (Phụ lục I).
 * Without a date the numbers are left as dots for the clerk to fill in, with the given year.
 */
export function dateLine(place: string, date: string | undefined, fallbackYear: number): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return `${place}, ngày …… tháng …… năm ${fallbackYear}`;
  const day = Number(m[3]);
  const month = Number(m[2]);
  return `${place}, ngày ${pad2(day)} tháng ${month < 3 ? pad2(month) : month} năm ${m[1]}`;
}

/** The province in a unit's name: "VKSND tỉnh Đắk Lắk" → "Đắk Lắk", "Viện KSND TP. Hồ Chí Minh" → "Hồ Chí Minh". */
export function placeOfUnit(unitName: string): string | undefined {
  const m =
    /^\s*(?:VKSND|Viện\s+KSND|Viện\s+kiểm\s+sát\s+nhân\s+dân)\s+(?:tỉnh|thành\s+phố|TP\.?)\s+(.+?)\s*$/iu.exec(
      unitName.normalize('NFC'),
    );
  return m?.[1];
}

/** Roman numerals for the award groups of a list (I, II, III …). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
