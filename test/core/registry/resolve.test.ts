import { describe, expect, it } from 'vitest';
import { resolveUnit } from '../../../core/registry/resolve';
import { provincesOn } from '../../../core/registry/units';

const D = '2024-06-30';

describe('resolveUnit', () => {
  it('has the shape of `units --json`', () => {
    const r = resolveUnit('VKSND tỉnh Phú Yên', '2026-01-01');
    expect(r).toMatchObject({
      input: 'VKSND tỉnh Phú Yên',
      match: { name: 'VKSND tỉnh Phú Yên', code: '54', validFrom: '2008-08-01', validTo: '2025-06-30' },
      confidence: 1,
      successor: { name: 'VKSND tỉnh Đắk Lắk', code: '66', validFrom: '2025-07-01' },
      alternatives: [],
      quality: 'exact',
      validity: 'expired',
    });
  });

  it('treats normalisation-only differences as exact', () => {
    for (const name of [
      'VKSND tỉnh Đắk Lắk',
      'viện kiểm sát nhân dân tỉnh đắk lắk',
      'Viện KSND tỉnh ĐẮK LẮK',
      'VKSND tỉnh Đắk Lắk'.normalize('NFD'),
      'VKSND  Đắk Lắk',
    ]) {
      expect(resolveUnit(name, D), name).toMatchObject({
        quality: 'exact',
        confidence: 1,
        match: { code: '66' },
      });
    }
    expect(resolveUnit('tỉnh Khánh Hoà', D)).toMatchObject({
      quality: 'exact',
      match: { name: 'Tỉnh Khánh Hòa' },
    });
  });

  it('accepts known variants and diacritic slips with a lower confidence', () => {
    for (const [name, code] of [
      ['Quãng Ngãi', '51'],
      ['Đăk Lăk', '66'],
      ['Dak Lak', '66'],
      ['Đắc Nông', '67'],
      ['Bắc Cạn', '06'],
      ['Thừa Thiên - Huế', '46'],
      ['Bà Rịa-Vũng Tàu', '77'],
      ['TP HCM', '79'],
    ] as const) {
      const r = resolveUnit(name, D);
      expect(r.match?.code, name).toBe(code);
      expect(r.confidence, name).toBeGreaterThanOrEqual(0.9);
    }
    expect(resolveUnit('Dak Lak', D).quality).toBe('variant');
  });

  it('flags a wrong kind: "tỉnh" for a city, "thành phố" for a province', () => {
    expect(resolveUnit('VKSND tỉnh Hà Nội', D)).toMatchObject({
      quality: 'variant',
      match: { name: 'VKSND thành phố Hà Nội' },
    });
    const city = resolveUnit('VKSND thành phố Quảng Ngãi', D);
    expect(city).toMatchObject({ quality: 'variant', match: { code: '51' } });
    expect(city.confidence).toBeLessThanOrEqual(0.8);
  });

  it('never guesses an ambiguous misspelling: no match, with the candidates', () => {
    for (const [name, expected] of [
      ['Quang N', ['Quảng Nam', 'Quảng Ninh', 'Quảng Ngãi']],
      ['Binh', ['Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận']],
      ['Quang Nai', ['Quảng Nam', 'Quảng Ngãi']],
      ['Ha N', ['Hà Nam', 'Hà Nội']],
      ['Bac', ['Bắc Giang', 'Bắc Ninh', 'Bắc Kạn']],
      ['Dak', ['Đắk Lắk', 'Đắk Nông']],
      ['Lai', ['Lai Châu', 'Gia Lai']],
    ] as const) {
      const r = resolveUnit(name, D);
      expect(r.match, name).toBeNull();
      expect(r.quality, name).toBe('ambiguous');
      const alts = r.alternatives.map((a) => a.name.replace(/^(Tỉnh|Thành phố) /, ''));
      expect(alts, name).toEqual(expect.arrayContaining([...expected]));
    }
  });

  it('makes zero wrong matches among confusable names, over every one- and two-letter slip', () => {
    const groups = [
      ['Quảng Nam', 'Quảng Ninh', 'Quảng Ngãi', 'Quảng Bình', 'Quảng Trị'],
      ['Hà Nam', 'Hà Nội', 'Hà Giang', 'Hà Tĩnh'],
      ['Bắc Giang', 'Bắc Ninh', 'Bắc Kạn'],
      ['Đắk Lắk', 'Đắk Nông'],
      ['Lai Châu', 'Lào Cai'],
      ['Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận'],
    ];
    const letters = 'abcdghiklmnopqrstuvy';
    const slips = (name: string): string[] => {
      const out = new Set<string>();
      const chars = [...name];
      chars.forEach((_, i) => {
        out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join('')); // deletion
        for (const l of letters) {
          out.add([...chars.slice(0, i), l, ...chars.slice(i + 1)].join('')); // substitution
          out.add([...chars.slice(0, i), l, ...chars.slice(i)].join('')); // insertion
        }
        if (i + 1 < chars.length)
          out.add([...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join('')); // swap
      });
      return [...out];
    };
    let tried = 0;
    const wrong: string[] = [];
    for (const group of groups) {
      for (const name of group) {
        for (const slip of slips(name)) {
          const r = resolveUnit(slip, D);
          tried++;
          if (r.unit && r.unit.name !== name) wrong.push(`${slip} → ${r.unit.name} (meant ${name})`);
        }
      }
    }
    expect(tried).toBeGreaterThan(5000);
    expect(wrong).toEqual([]);
  });

  it('resolves every official name of 2024 and 2026 exactly, alone and as a procuracy', () => {
    for (const date of ['2024-06-30', '2026-01-01']) {
      for (const unit of provincesOn(date)) {
        const kind = unit.kind === 'tỉnh' ? 'tỉnh' : 'thành phố';
        expect(resolveUnit(unit.name, date).unit, unit.name).toBe(unit);
        expect(resolveUnit(`VKSND ${kind} ${unit.name}`, date)).toMatchObject({ quality: 'exact', unit });
      }
    }
  });

  it('says what is not provincial instead of matching it', () => {
    for (const name of [
      'VKSND khu vực 1',
      'Phòng 7',
      'VKSND huyện Krông Pắc',
      'Văn phòng tổng hợp',
      'VKSND tối cao',
    ]) {
      const r = resolveUnit(name, '2025-12-31');
      expect(r.quality, name).toBe('not-provincial');
      expect(r.match).toBeNull();
    }
  });

  it('resolves legacy-encoded text once converted, marked and with reduced confidence', () => {
    const r = resolveUnit('VKSND tØnh §¾k L¾k', D);
    expect(r).toMatchObject({ quality: 'variant', match: { name: 'VKSND tỉnh Đắk Lắk' } });
    expect(r.legacy?.encoding).toBe('tcvn3');
    expect(r.confidence).toBeLessThan(1);
  });
});
