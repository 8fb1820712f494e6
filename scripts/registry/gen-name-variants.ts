/**
 * Generates test/fixtures/names/variants.tsv: unit names as people write them, with the unit each one means
 * on a date. Names and codes come from ../shared/data (not from the registry under test). Each of the 63
 * (on 2024-06-30) and 34 (on 2026-01-01) units gets mechanical variants (case, NFD, no diacritics, old tone
 * placement, abbreviations, "tỉnh"/"TP." prefixes, VKSND forms, TCVN3 and VNI text); then come spellings
 * seen in real documents, typed by hand, and inputs that must NOT resolve (ambiguous or unknown).
 * The legacy encoders here are written independently of core/text/legacy.ts (Unicode → legacy, from the
 * published tables), so the corpus checks the converter instead of mirroring it.
 * Run: `node --import tsx scripts/registry/gen-name-variants.ts [DATA_DIR]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const dataDir = process.argv[2] ?? join(root, '..', 'shared', 'data');
const OLD_DATE = '2024-06-30';
const NEW_DATE = '2026-01-01';

const csv = (file: string): string[][] =>
  readFileSync(join(dataDir, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(',').map((c) => c.trim()));

/* ---------- Unicode → legacy, table by table ---------- */

// TCVN3: for each vowel, its forms with huyền, hỏi, ngã, sắc, nặng; then the toneless non-ASCII letters.
const TCVN3_OUT: Record<string, string> = {};
const tcvnRows: [string, string, string][] = [
  ['a', 'àảãáạ', 'µ¶·¸¹'],
  ['ă', 'ằẳẵắặ', '»¼½¾Æ'],
  ['â', 'ầẩẫấậ', 'ÇÈÉÊË'],
  ['e', 'èẻẽéẹ', 'ÌÎÏÐÑ'],
  ['ê', 'ềểễếệ', 'ÒÓÔÕÖ'],
  ['i', 'ìỉĩíị', '×ØÜÝÞ'],
  ['o', 'òỏõóọ', 'ßáâãä'],
  ['ô', 'ồổỗốộ', 'åæçèé'],
  ['ơ', 'ờởỡớợ', 'êëìíî'],
  ['u', 'ùủũúụ', 'ïñòóô'],
  ['ư', 'ừửữứự', 'õö÷øù'],
  ['y', 'ỳỷỹýỵ', 'úûüýþ'],
];
for (const [, uni, legacy] of tcvnRows) {
  [...uni].forEach((c, i) => {
    TCVN3_OUT[c] = legacy[i]!;
  });
}
[...'ĂÂÊÔƠƯĐăâêôơưđ'].forEach((c, i) => {
  TCVN3_OUT[c] = String.fromCharCode(0xa1 + i);
});

/** TCVN3 has no code for a capital toned letter: names containing one are left out (undefined). */
function toTcvn3(text: string): string | undefined {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (c < '\u0080') out += c;
    else if (TCVN3_OUT[c]) out += TCVN3_OUT[c];
    else return undefined;
  }
  return out;
}

// VNI: base letter + mark byte(s); ơ ư đ and the toned i / ỵ are single bytes.
const VNI_TONE: Record<string, string> = {
  '\u0300': 'ø',
  '\u0309': 'û',
  '\u0303': 'õ',
  '\u0301': 'ù',
  '\u0323': 'ï',
};
const VNI_CIRC_TONE: Record<string, string> = {
  '\u0300': 'à',
  '\u0309': 'å',
  '\u0303': 'ã',
  '\u0301': 'á',
  '\u0323': 'ä',
};
const VNI_BREVE_TONE: Record<string, string> = {
  '\u0300': 'è',
  '\u0309': 'ú',
  '\u0303': 'ü',
  '\u0301': 'é',
  '\u0323': 'ë',
};
const VNI_I: Record<string, string> = {
  '\u0300': 'ì',
  '\u0309': 'æ',
  '\u0303': 'ó',
  '\u0301': 'í',
  '\u0323': 'ò',
};

function toVni(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (c < '\u0080') {
      out += c;
      continue;
    }
    const upper = c !== c.toLowerCase();
    const d = c.toLowerCase().normalize('NFD');
    let base = d[0]!;
    const marks = d.slice(1);
    const tone = [...marks].find((m) => VNI_TONE[m]);
    let piece: string;
    if (base === 'đ') piece = 'ñ';
    else if (base === 'd' && marks === '') piece = 'd';
    else if (base === 'y' && tone === '\u0323') piece = 'î';
    else if (base === 'i' && tone) piece = VNI_I[tone]!;
    else if (marks.includes('\u031b')) {
      base = base === 'o' ? 'ô' : 'ö';
      piece = base + (tone ? VNI_TONE[tone] : '');
    } else if (marks.includes('\u0302')) piece = base + (tone ? VNI_CIRC_TONE[tone] : 'â');
    else if (marks.includes('\u0306')) piece = base + (tone ? VNI_BREVE_TONE[tone] : 'ê');
    else piece = base + (tone ? VNI_TONE[tone] : '');
    out += upper ? piece.toUpperCase() : piece;
  }
  return out;
}

/* ---------- other transforms ---------- */

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
/** New tone placement → old ("Hòa" → "Hoà"), for the names where the two differ. */
const oldTone = (s: string): string =>
  s.replace(/òa/g, 'oà').replace(/óa/g, 'oá').replace(/ỏa/g, 'oả').replace(/ủy/g, 'uỷ').replace(/úy/g, 'uý');

interface Row {
  variant: string;
  date: string;
  code: string;
  expected: string;
  note: string;
}
const rows: Row[] = [];
const add = (variant: string, date: string, code: string, expected: string, note: string): void => {
  if (!rows.some((r) => r.variant === variant && r.date === date))
    rows.push({ variant, date, code, expected, note });
};

function unitVariants(official: string, code: string, date: string, index: number): void {
  const m = /^(Tỉnh|Thành phố) (.+)$/.exec(official)!;
  const kind = m[1]!;
  const name = m[2]!;
  const lowerKind = kind.toLowerCase();
  add(official, date, code, official, 'official');
  add(`VKSND ${lowerKind} ${name}`, date, code, official, 'procuracy');
  add(name, date, code, official, 'bare name');
  add(fold(name).toLowerCase(), date, code, official, 'no diacritics, lower case');
  add(`VKSND ${lowerKind} ${name}`.normalize('NFD'), date, code, official, 'NFD');
  add(
    `VIỆN KIỂM SÁT NHÂN DÂN ${lowerKind.toUpperCase()} ${name.toUpperCase()}`,
    date,
    code,
    official,
    'capitals, long form',
  );
  add(
    kind === 'Thành phố' ? `Viện KSND TP. ${name}` : `Viện KSND ${lowerKind} ${name}`,
    date,
    code,
    official,
    kind === 'Thành phố' ? '"TP." abbreviation' : '"Viện KSND"',
  );
  if (oldTone(name) !== name)
    add(`${lowerKind} ${oldTone(name)}`, date, code, official, 'old tone placement');
  else add(`VKS ${fold(name)}`, date, code, official, '"VKS", no diacritics');
  if (name.includes(' - ')) {
    add(name.replace(' - ', '-'), date, code, official, 'hyphen without spaces');
    add(name.replace(' - ', ' '), date, code, official, 'no hyphen');
  }
  const plain = `VKSND ${lowerKind} ${name}`;
  if (index % 2 === 0) {
    const tcvn = toTcvn3(plain);
    if (tcvn && tcvn !== plain) add(tcvn, date, code, official, 'TCVN3');
  } else {
    const vni = toVni(plain);
    if (vni !== plain) add(vni, date, code, official, 'VNI');
  }
}

const merges = csv('provinces-2025-merge.csv');
merges.forEach(([, , oldCode, oldName], i) => {
  // Code 46 on 2024-06-30 is still Thừa Thiên Huế (the merge list writes its 2025 name).
  const official = oldCode === '46' ? 'Tỉnh Thừa Thiên Huế' : oldName!;
  unitVariants(official, oldCode!, OLD_DATE, i);
});
csv('provinces-2025.csv').forEach(([, code, name], i) => {
  const official = /^(Tỉnh|Thành phố) /.test(name!) ? name! : `Tỉnh ${name}`;
  unitVariants(official, code!, NEW_DATE, i);
});

/** Real-world spellings, typed by hand: [variant, date, code, official]. */
const seen: [string, string, string, string][] = [
  ['Quãng Ngãi', OLD_DATE, '51', 'Tỉnh Quảng Ngãi'],
  ['VKSND tỉnh Quãng Ngãi', '2020-12-31', '51', 'Tỉnh Quảng Ngãi'],
  ['Quảng Ngải', OLD_DATE, '51', 'Tỉnh Quảng Ngãi'],
  ['Quãng Nam', OLD_DATE, '49', 'Tỉnh Quảng Nam'],
  ['Quãng Bình', OLD_DATE, '44', 'Tỉnh Quảng Bình'],
  ['Quãng Trị', OLD_DATE, '45', 'Tỉnh Quảng Trị'],
  ['Quảng Tri', OLD_DATE, '45', 'Tỉnh Quảng Trị'],
  ['Đăk Lăk', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['Đắk Lăk', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['Dak Lak', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['DakLak', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['Đắc Lắc', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['VKSND tỉnh Đăk Lăk', NEW_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['Đắc Nông', OLD_DATE, '67', 'Tỉnh Đắk Nông'],
  ['Đăk Nông', OLD_DATE, '67', 'Tỉnh Đắk Nông'],
  ['Dak Nong', OLD_DATE, '67', 'Tỉnh Đắk Nông'],
  ['VKSND tỉnh Đắc Nông', '2020-12-31', '67', 'Tỉnh Đắk Nông'],
  ['Bắc Cạn', OLD_DATE, '06', 'Tỉnh Bắc Kạn'],
  ['VKSND tỉnh Bắc Cạn', OLD_DATE, '06', 'Tỉnh Bắc Kạn'],
  ['Thừa Thiên - Huế', OLD_DATE, '46', 'Tỉnh Thừa Thiên Huế'],
  ['Thừa Thiên-Huế', OLD_DATE, '46', 'Tỉnh Thừa Thiên Huế'],
  ['VKSND tỉnh Thừa Thiên – Huế', '2022-12-31', '46', 'Tỉnh Thừa Thiên Huế'],
  ['TT Huế', OLD_DATE, '46', 'Tỉnh Thừa Thiên Huế'],
  ['Thừa Thiên Huê', OLD_DATE, '46', 'Tỉnh Thừa Thiên Huế'],
  ['VKSND TP Huế', NEW_DATE, '46', 'Thành phố Huế'],
  ['Bà Rịa-Vũng Tàu', OLD_DATE, '77', 'Tỉnh Bà Rịa - Vũng Tàu'],
  ['Bà Rịa – Vũng Tàu', OLD_DATE, '77', 'Tỉnh Bà Rịa - Vũng Tàu'],
  ['BR-VT', OLD_DATE, '77', 'Tỉnh Bà Rịa - Vũng Tàu'],
  ['VKSND tỉnh Bà Rịa Vũng Tàu', OLD_DATE, '77', 'Tỉnh Bà Rịa - Vũng Tàu'],
  ['TP.HCM', OLD_DATE, '79', 'Thành phố Hồ Chí Minh'],
  ['TP. Hồ Chí Minh', NEW_DATE, '79', 'Thành phố Hồ Chí Minh'],
  ['Tp Hồ Chí Minh', NEW_DATE, '79', 'Thành phố Hồ Chí Minh'],
  ['TPHCM', NEW_DATE, '79', 'Thành phố Hồ Chí Minh'],
  ['VKSND TP.HCM', NEW_DATE, '79', 'Thành phố Hồ Chí Minh'],
  ['Thành Phố Hồ Chí Minh', NEW_DATE, '79', 'Thành phố Hồ Chí Minh'],
  ['VKSND Tp. Hà Nội', NEW_DATE, '01', 'Thành phố Hà Nội'],
  ['TP Hà Nội', OLD_DATE, '01', 'Thành phố Hà Nội'],
  ['Hà Nôi', OLD_DATE, '01', 'Thành phố Hà Nội'],
  ['Tp. Đà Nẵng', NEW_DATE, '48', 'Thành phố Đà Nẵng'],
  ['Đà Nẳng', NEW_DATE, '48', 'Thành phố Đà Nẵng'],
  ['TP Hải Phòng', NEW_DATE, '31', 'Thành phố Hải Phòng'],
  ['Hải Phong', NEW_DATE, '31', 'Thành phố Hải Phòng'],
  ['TP Cần Thơ', NEW_DATE, '92', 'Thành phố Cần Thơ'],
  ['Cần Thơ', OLD_DATE, '92', 'Thành phố Cần Thơ'],
  ['Kontum', OLD_DATE, '62', 'Tỉnh Kon Tum'],
  ['VKSND tỉnh KonTum', OLD_DATE, '62', 'Tỉnh Kon Tum'],
  ['Khánh Hoà', OLD_DATE, '56', 'Tỉnh Khánh Hòa'],
  ['Thanh Hoá', NEW_DATE, '38', 'Tỉnh Thanh Hóa'],
  ['Hoà Bình', OLD_DATE, '17', 'Tỉnh Hòa Bình'],
  ['Hà Tỉnh', OLD_DATE, '42', 'Tỉnh Hà Tĩnh'],
  ['Ha Giang', OLD_DATE, '02', 'Tỉnh Hà Giang'],
  ['Hậu Giag', OLD_DATE, '93', 'Tỉnh Hậu Giang'],
  ['Hà Giag', OLD_DATE, '02', 'Tỉnh Hà Giang'],
  ['Tiền Gang', OLD_DATE, '82', 'Tỉnh Tiền Giang'],
  ['Lâm Đông', OLD_DATE, '68', 'Tỉnh Lâm Đồng'],
  ['Lam Dong', NEW_DATE, '68', 'Tỉnh Lâm Đồng'],
  ['Gia lai', NEW_DATE, '52', 'Tỉnh Gia Lai'],
  ['Lao Cai', NEW_DATE, '15', 'Tỉnh Lào Cai'],
  ['Lai Chau', NEW_DATE, '12', 'Tỉnh Lai Châu'],
  ['Ninh Thuạn', OLD_DATE, '58', 'Tỉnh Ninh Thuận'],
  ['Bình Thuân', OLD_DATE, '60', 'Tỉnh Bình Thuận'],
  ['Binh Phuoc', OLD_DATE, '70', 'Tỉnh Bình Phước'],
  ['Bình Dương', OLD_DATE, '74', 'Tỉnh Bình Dương'],
  ['Binh Dinh', OLD_DATE, '52', 'Tỉnh Bình Định'],
  ['Vinh Phuc', OLD_DATE, '26', 'Tỉnh Vĩnh Phúc'],
  ['Soc Trang', OLD_DATE, '94', 'Tỉnh Sóc Trăng'],
  ['Bạc Liêu', OLD_DATE, '95', 'Tỉnh Bạc Liêu'],
  ['Kiên Giang', OLD_DATE, '91', 'Tỉnh Kiên Giang'],
  ['Tiền Giang', OLD_DATE, '82', 'Tỉnh Tiền Giang'],
  ['Đồng Tháp', OLD_DATE, '87', 'Tỉnh Đồng Tháp'],
  ['Đồng Tháp', NEW_DATE, '82', 'Tỉnh Đồng Tháp'],
  ['Bắc Ninh', OLD_DATE, '27', 'Tỉnh Bắc Ninh'],
  ['Bắc Ninh', NEW_DATE, '24', 'Tỉnh Bắc Ninh'],
  ['Bắc Giang', OLD_DATE, '24', 'Tỉnh Bắc Giang'],
  ['Ðắk Lắk', NEW_DATE, '66', 'Tỉnh Đắk Lắk'], // Icelandic eth for Đ
  ['VKSND  tỉnh   Gia Lai ', NEW_DATE, '52', 'Tỉnh Gia Lai'],
  ['VKSND tỉnh Gia Lai (cụm phó)', '2022-12-31', '64', 'Tỉnh Gia Lai'],
  ['Viện kiểm sát tỉnh Nghệ An', NEW_DATE, '40', 'Tỉnh Nghệ An'],
  ['Ninh B×nh', OLD_DATE, '37', 'Tỉnh Ninh Bình'],
  ['VKSND tØnh §¾k L¾k', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['Qu¶ng Ng·i', OLD_DATE, '51', 'Tỉnh Quảng Ngãi'],
  ['Thõa Thiªn HuÕ', OLD_DATE, '46', 'Tỉnh Thừa Thiên Huế'],
  ['Ñaék Laék', OLD_DATE, '66', 'Tỉnh Đắk Lắk'],
  ['Quaûng Ngaõi', OLD_DATE, '51', 'Tỉnh Quảng Ngãi'],
  ['Phuù Yeân', OLD_DATE, '54', 'Tỉnh Phú Yên'],
  ['Haø Noäi', NEW_DATE, '01', 'Thành phố Hà Nội'],
  // Names used after they ceased: the unit named, not its successor (the check reports the successor).
  ['VKSND tỉnh Phú Yên', NEW_DATE, '54', 'Tỉnh Phú Yên'],
  ['VKSND tỉnh Thừa Thiên Huế', '2025-03-01', '46', 'Tỉnh Thừa Thiên Huế'],
  ['Bình Định', NEW_DATE, '52', 'Tỉnh Bình Định'],
];
for (const [variant, date, code, official] of seen) add(variant, date, code, official, 'seen in documents');

/** Inputs that must come back without a match: ambiguous misspellings and non-provincial names. */
const none: [string, string, string][] = [
  ['Quang N', OLD_DATE, 'ambiguous: Quảng Nam / Ninh / Ngãi'],
  ['Quang Nai', OLD_DATE, 'ambiguous: Quảng Nam / Quảng Ngãi'],
  ['Quảng Nim', OLD_DATE, 'ambiguous: Quảng Nam / Quảng Ninh'],
  ['Binh', OLD_DATE, 'ambiguous: the Bình… provinces'],
  ['Bình', OLD_DATE, 'ambiguous: the Bình… provinces'],
  ['Ha N', OLD_DATE, 'ambiguous: Hà Nam / Hà Nội'],
  ['Bac', OLD_DATE, 'ambiguous: Bắc Giang / Ninh / Kạn'],
  ['Dak', OLD_DATE, 'ambiguous: Đắk Lắk / Đắk Nông'],
  ['Lai', OLD_DATE, 'ambiguous: Lai Châu / Gia Lai'],
  ['Tien Gang', OLD_DATE, 'ambiguous without diacritics: Tiền Giang / Kiên Giang'],
  ['Vĩnh Phước', OLD_DATE, 'ambiguous: Vĩnh Phúc / Bình Phước'],
  ['Quảng Binh', OLD_DATE, 'ambiguous: Quảng Bình / Quảng Ninh'],
  ['Ha Giag', OLD_DATE, 'ambiguous without diacritics: Hà Giang (one edit) / Hậu Giang (two)'],
  ['Quang Nim', OLD_DATE, 'ambiguous: Quảng Nam / Quảng Ninh'],
  ['Hà Tây', OLD_DATE, 'merged into Hà Nội in 2008: outside the registry'],
  ['VKSND khu vực 1', NEW_DATE, 'area procuracy'],
  ['Phòng 7', NEW_DATE, 'department'],
  ['VKSND huyện Krông Pắc', OLD_DATE, 'district procuracy'],
  ['Văn phòng tổng hợp', NEW_DATE, 'department'],
];
for (const [variant, date, note] of none) add(variant, date, '-', '-', note);

const header = [
  '# Unit names as written → the unit meant on that date. Generated by scripts/registry/gen-name-variants.ts',
  '# from ../shared/data (MIT, dvhcvn) plus hand-typed real-world spellings. code "-" = must not match.',
  'variant\tdate\tcode\texpected\tnote',
];
const esc = (s: string): string => s.replace(/\t/g, ' ');
const body = rows.map((r) => [r.variant, r.date, r.code, r.expected, r.note].map(esc).join('\t'));
const target = join(root, 'test', 'fixtures', 'names', 'variants.tsv');
writeFileSync(target, `${[...header, ...body].join('\n')}\n`);
console.log(`${rows.length} variants → ${target}`);
