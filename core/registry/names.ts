/**
 * Reading a unit name as written: is it a provincial procuracy or a province ("VKSND tỉnh Đắk Lắk",
 * "Viện KSND TP. Hà Nội", "Đắk Lắk"), or clearly something else ("VKSND khu vực 1", "Phòng 7", "VKSND
 * huyện Krông Pắc"), which the registry does not hold (those are matched within the document)?
 */
import { matchKey } from '../text/key';

export type UnitNameCategory =
  /** A province, or a procuracy named after one (or seemingly so: the registry decides). */
  | 'provincial'
  /** VKSND khu vực N (from 2025-07-01). */
  | 'area'
  /** Huyện, quận, thị xã… level. */
  | 'district'
  /** VKSND tối cao. */
  | 'supreme'
  /** Departments, offices, clusters, anything with a number. */
  | 'other';

export interface ParsedUnitName {
  /** matchKey of the whole name. */
  key: string;
  /** Named as a procuracy (VKSND / Viện KSND / Viện kiểm sát nhân dân…). */
  procuracy: boolean;
  /** The kind written before the place, if any. */
  prefix?: 'tỉnh' | 'thành phố';
  /** matchKey of the place part ("đắk lắk"). */
  place: string;
  category: UnitNameCategory;
}

const AREA = /^(?:khu vực|kv)(?: |$)/;
const DISTRICT = /^(?:huyện|quận|thị xã|thị trấn|xã|phường|h\.|q\.|tx\.?)(?: |$)/;
const OTHER =
  /^(?:phòng|văn phòng|cục|vụ|ban|thanh tra|trường|tạp chí|báo|viện|trung tâm|cụm|khối|hội đồng|đơn vị|tổ|chi bộ|đảng|công đoàn|đoàn|sở|ủy ban|ubnd|tòa án|công an|bộ)(?: |$)/;

/** Splits a unit name into what it is and the place it names. */
export function parseUnitName(name: string): ParsedUnitName {
  const key = matchKey(name);
  // A remark in brackets ("VKSND tỉnh Gia Lai (cụm phó)") is not part of the name.
  let rest = key.includes('(')
    ? key
        .replace(/\([^)]*\)/g, ' ')
        .replace(/ +/g, ' ')
        .trim()
    : key;
  const procuracy = rest.startsWith('vksnd') && (rest.length === 5 || rest[5] === ' ');
  if (procuracy) rest = rest.slice(6);
  let category: UnitNameCategory = 'provincial';
  let prefix: 'tỉnh' | 'thành phố' | undefined;
  if (procuracy && /^tối cao(?: |$)/.test(rest)) category = 'supreme';
  else if (AREA.test(rest)) category = 'area';
  else if (DISTRICT.test(rest)) category = 'district';
  else if (rest === '' || OTHER.test(rest) || /\d/.test(rest)) category = 'other';
  else if (rest.startsWith('tỉnh ')) prefix = 'tỉnh';
  else if (rest.startsWith('thành phố ')) prefix = 'thành phố';
  const place = category === 'supreme' ? '' : prefix ? rest.slice(prefix.length + 1) : rest;
  return prefix ? { key, procuracy, prefix, place, category } : { key, procuracy, place, category };
}

/**
 * Spellings seen in real documents that normalisation alone does not bring to the official name, keyed by
 * the official proper name. Diacritic-only differences ("Quãng Ngãi", "Dak Lak") need no entry: the
 * folded comparison finds them.
 */
export const KNOWN_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'Đắk Lắk': ['Đắc Lắc', 'Đăk Lắc', 'Đắk Lắc', 'Đắc Lắk', 'Daklak', 'Đaklak'],
  'Đắk Nông': ['Đắc Nông', 'Daknong'],
  'Bắc Kạn': ['Bắc Cạn'],
  'Kon Tum': ['Kontum', 'Công Tum'],
  'Thừa Thiên Huế': ['Thừa Thiên', 'TT Huế', 'T.T.Huế', 'TT. Huế'],
  'Hồ Chí Minh': ['HCM', 'TPHCM', 'TP HCM', 'Sài Gòn'],
  'Bà Rịa - Vũng Tàu': ['BR-VT', 'BRVT', 'Bà Rịa Vũng Tàu'],
  'Hà Nội': ['Hanoi'],
  'Đà Nẵng': ['Danang'],
};
