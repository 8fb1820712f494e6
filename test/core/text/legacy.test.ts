import { describe, expect, it } from 'vitest';
import { convertLegacy, detectLegacyEncoding, inspectLegacyText } from '../../../core/text/legacy';

/**
 * Samples as legacy text looks once read as Unicode. TCVN3 "ư" is the soft hyphen U+00AD (invisible).
 * The first five come from public examples (DOMAIN.md; a TCVN3 converter's README for Lào Cai place names).
 */
const TCVN3: [string, string][] = [
  ['Ninh B×nh', 'Ninh Bình'],
  ['B¶o Th¾ng', 'Bảo Thắng'],
  ['M\u00adêng Kh\u00ad¬ng', 'Mường Khương'],
  ['B¸t X¸t', 'Bát Xát'],
  ['§¾k L¾k', 'Đắk Lắk'],
  ['Hµ Néi', 'Hà Nội'],
  ['Thõa Thiªn HuÕ', 'Thừa Thiên Huế'],
  ['VKSND tØnh §¾k N«ng', 'VKSND tỉnh Đắk Nông'],
  ['Tp. Hå ChÝ Minh', 'Tp. Hồ Chí Minh'],
  ['Bµ RÞa - Vòng Tµu', 'Bà Rịa - Vũng Tàu'],
  ['Qu¶ng Ng·i', 'Quảng Ngãi'],
  ['Kh¸nh Hßa', 'Khánh Hòa'],
  ['Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ['ViÖn kiÓm s¸t nh©n d©n tØnh Gia Lai', 'Viện kiểm sát nhân dân tỉnh Gia Lai'],
  ['¡n uèng, ¢m thanh, £m ¶, ¤ng, ¥n, ¦u tiªn', 'Ăn uống, Âm thanh, Êm ả, Ông, Ơn, Ưu tiên'],
  ['NINH B×NH', 'NINH BÌNH'], // typed in lower case under an all-caps .VnTimeH font
  ['§¾K L¾K', 'ĐẮK LẮK'],
];

const VNI: [string, string][] = [
  ['Xin chaøo', 'Xin chào'],
  ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
  ['Ñaék Laék', 'Đắk Lắk'],
  ['Quaûng Ngaõi', 'Quảng Ngãi'],
  ['Phuù Yeân', 'Phú Yên'],
  ['Thöøa Thieân Hueá', 'Thừa Thiên Huế'],
  ['Haø Noäi', 'Hà Nội'],
  ['Ñoàng Thaùp', 'Đồng Tháp'],
  ['Vieän kieåm saùt nhaân daân tænh Kon Tum', 'Viện kiểm sát nhân dân tỉnh Kon Tum'],
  ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
  ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
  ['Tröôøng, Ngöôøi, Mô öôùc, Thuûy, Kyø, Lyù, Myõ, Myï', 'Trường, Người, Mơ ước, Thủy, Kỳ, Lý, Mỹ, Mỵ'],
  ['AÊn, Aâm, EÂm, OÂng, Ô, Ö, Ñ', 'Ăn, Âm, Êm, Ông, Ơ, Ư, Đ'],
  ['HAØ NOÄI', 'HÀ NỘI'],
  ['Choïn, Tænh, Hóa, Ìch, Íu, Thò', 'Chọn, Tỉnh, Hĩa, Ìch, Íu, Thị'],
];

describe('legacy encodings', () => {
  it.each(TCVN3)('TCVN3 %s → %s', (legacy, unicode) => {
    expect(convertLegacy(legacy, 'tcvn3')).toBe(unicode);
  });
  it.each(VNI)('VNI %s → %s', (legacy, unicode) => {
    expect(convertLegacy(legacy, 'vni')).toBe(unicode);
  });

  it('detects each sample as its own encoding (except all-capital or one-word samples that are not names)', () => {
    for (const [legacy, unicode] of TCVN3) {
      expect(detectLegacyEncoding(legacy), legacy).toBe('tcvn3');
      expect(inspectLegacyText(legacy)?.converted).toBe(unicode);
    }
    for (const [legacy, unicode] of VNI.filter(([, u]) => !u.includes('Ìch'))) {
      expect(detectLegacyEncoding(legacy), legacy).toBe('vni');
      expect(inspectLegacyText(legacy)?.converted).toBe(unicode);
    }
  });

  it('leaves Unicode Vietnamese alone, whatever its form', () => {
    const texts = [
      'Khánh Hòa',
      'Khánh Hoà',
      'Đắk Lắk'.normalize('NFD'),
      'Thừa Thiên - Huế',
      'VKSND tỉnh Đắk Nông',
      'Cộng hòa xã hội chủ nghĩa Việt Nam',
      'Độc lập - Tự do - Hạnh phúc',
      'Hồ Chí Minh',
      'Kon Tum',
      '3 × 4 = 12',
      'Müller & Zoë',
      'Quãng Ngãi', // a misspelling, still Unicode
      'Huỳnh Thị Thúy Kiều, Nguyễn Văn Ân, Trịnh Xuân Thuỷ',
    ];
    for (const t of texts) expect(detectLegacyEncoding(t), t).toBeNull();
  });
});
