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
  let rest = key
    .replace(/\([^)]*\)/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  const procuracy = /^vksnd(?: |$)/.test(rest);
  if (procuracy) rest = rest.slice(5).trim();
  const parsed = (
    category: UnitNameCategory,
    place: string,
    prefix?: 'tỉnh' | 'thành phố',
  ): ParsedUnitName =>
    prefix ? { key, procuracy, prefix, place, category } : { key, procuracy, place, category };
  if (procuracy && /^tối cao(?: |$)/.test(rest)) return parsed('supreme', '');
  if (AREA.test(rest)) return parsed('area', rest);
  if (DISTRICT.test(rest)) return parsed('district', rest);
  if (OTHER.test(rest) || /\d/.test(rest) || rest === '') return parsed('other', rest);
  if (rest.startsWith('tỉnh ')) return parsed('provincial', rest.slice(5), 'tỉnh');
  if (rest.startsWith('thành phố ')) return parsed('provincial', rest.slice(10), 'thành phố');
  return parsed('provincial', rest);
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
  'Thừa Thiên Huế': ['Thừa Thiên', 'TT Huế', 'T.T.Huế', 'TT. Huế', 'Thừa Thiên Huế (cũ)'],
  'Hồ Chí Minh': ['HCM', 'TPHCM', 'TP HCM', 'Hồ Chí Minh city', 'Sài Gòn'],
  'Bà Rịa - Vũng Tàu': ['BR-VT', 'BRVT', 'Bà Rịa Vũng Tàu'],
  'Hà Nội': ['Hanoi', 'Hà Nội city'],
  'Đà Nẵng': ['Danang'],
};
