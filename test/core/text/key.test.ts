import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../core/text/key';
import { foldDiacritics, normalizeVietnamese } from '../../../core/text/normalize';
import { isVietnameseSyllable, normalizeTonePlacement, placeTone } from '../../../core/text/tone';

describe('matchKey', () => {
  const same: [string, string][] = [
    ['Khánh Hoà', 'Khánh Hòa'],
    ['Thanh Hoá', 'thanh hóa'],
    ['Thuỷ', 'Thủy'],
    ['KHOẺ', 'khỏe'],
    ['Đắk Lắk'.normalize('NFD'), 'Đắk Lắk'],
    ['  Đắk   Lắk ', 'đắk lắk'],
    ['Ðắk Lắk', 'Đắk Lắk'], // Icelandic eth typed for Đ
    ['Bà Rịa-Vũng Tàu', 'Bà Rịa – Vũng Tàu'],
    ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
    ['TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['Tp Hồ Chí Minh', 'thành phố Hồ Chí Minh'],
    ['T.P. Cần Thơ', 'thành phố Cần Thơ'],
    ['VKSND tỉnh Đắk Lắk', 'Viện kiểm sát nhân dân tỉnh Đắk Lắk'],
    ['Viện KSND tỉnh Gia Lai', 'VKSND tỉnh Gia Lai'],
    ['VKS tỉnh Gia Lai', 'VKSND tỉnh Gia Lai'],
    ['Chiến sỹ thi đua cơ sở', 'Chiến sĩ thi đua cơ sở'],
    ['“VKSND tỉnh Kon Tum”', 'VKSND tỉnh Kon Tum'],
  ];
  it.each(same)('%s ≡ %s', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  const different: [string, string][] = [
    ['Nguyễn Văn An', 'Nguyễn Văn Ân'], // diacritics are kept: different people
    ['VKSND tỉnh Hà Tĩnh', 'VKSND thành phố Hà Tĩnh'], // the province vs the district-level city
    ['Quảng Nam', 'Quảng Ninh'],
    ['1.a', '1a'],
  ];
  it.each(different)('%s ≢ %s', (a, b) => {
    expect(matchKey(a)).not.toBe(matchKey(b));
  });

  it('is lower case NFC with canonical tone placement and single spaces', () => {
    expect(matchKey('  VIỆN KIỂM SÁT NHÂN DÂN  TP.HCM ')).toBe('vksnd thành phố hcm');
    expect(matchKey('Hoà Bình')).toBe('hòa bình');
    expect(matchKey('Hoà Bình').normalize('NFC')).toBe(matchKey('Hoà Bình'));
  });

  it('is deterministic when called repeatedly (cache returns the same key)', () => {
    const first = matchKey('Thừa Thiên - Huế');
    for (let i = 0; i < 3; i++) expect(matchKey('Thừa Thiên - Huế')).toBe(first);
  });
});

describe('tone placement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['hoá', 'hóa'],
    ['khoẻ', 'khỏe'],
    ['thuỷ', 'thủy'],
    ['Thuý', 'Thúy'],
    ['qủy', 'quỷ'],
    ['gìa', 'già'],
    ['HOÀNG', 'HOÀNG'],
    ['hòang', 'hoàng'],
    ['ngừơi', 'người'],
    ['ngòai', 'ngoài'],
    ['khủyu', 'khuỷu'],
    ['thuyền', 'thuyền'],
    ['giữa', 'giữa'],
    ['gì', 'gì'],
    ['café', 'café'], // not a Vietnamese syllable: untouched
  ])('%s → %s', (input, expected) => {
    expect(placeTone(input)).toBe(expected);
  });

  it('works on whole texts and keeps case', () => {
    expect(normalizeTonePlacement('Tỉnh Hoà Bình, tỉnh Khánh Hoà, THANH HOÁ')).toBe(
      'Tỉnh Hòa Bình, tỉnh Khánh Hòa, THANH HÓA',
    );
  });

  it('tells Vietnamese syllables from legacy-looking words', () => {
    for (const w of ['Bình', 'Đắk', 'người', 'Nguyễn', 'khuya', 'hoà', 'Krông'])
      expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['chaøo', 'Yeân', 'B×nh', 'Phuù', 'Thöøa']) expect(isVietnameseSyllable(w)).toBe(false);
  });
});

describe('normalizeVietnamese and foldDiacritics', () => {
  it('normalises without changing case or words', () => {
    expect(normalizeVietnamese('Tỉnh  Khánh Hoà'.normalize('NFD'))).toBe('Tỉnh Khánh Hòa');
    expect(normalizeVietnamese('Bà Rịa – Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });
  it('folds every Vietnamese letter to ASCII', () => {
    expect(foldDiacritics('Đắk Lắk, Thừa Thiên Huế, Quảng Ngãi')).toBe('Dak Lak, Thua Thien Hue, Quang Ngai');
    expect(foldDiacritics('ĂÂÊÔƠƯĐăâêôơưđ')).toBe('AAEOOUDaaeooud');
  });
});
