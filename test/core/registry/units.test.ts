import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineageOf, attributeToSuccessor } from '../../../core/registry/lineage';
import { resolveUnit } from '../../../core/registry/resolve';
import {
  isIsoDate,
  procuracyName,
  provinceByCode,
  provincesOn,
  successorOn,
} from '../../../core/registry/units';
import { matchKey } from '../../../core/text/key';

/** The shared data, read directly (the product carries its own generated copy). */
const shared = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const csv = (file: string): string[][] =>
  readFileSync(join(shared, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
const merges = csv('provinces-2025-merge.csv').map(([newCode, newName, oldCode, oldName]) => ({
  newCode: newCode!,
  newName: newName!,
  oldCode: oldCode!,
  oldName: oldName!,
}));
const current = csv('provinces-2025.csv').map(([, code, name]) => ({ code: code!, name: name! }));
const bare = (official: string): string => official.replace(/^(Tỉnh|Thành phố) /, '');

describe('the registry against ../shared/data', () => {
  it('has the 63 units until 2025-06-30 and the 34 from 2025-07-01', () => {
    expect(provincesOn('2024-12-31')).toHaveLength(63);
    expect(provincesOn('2025-06-30')).toHaveLength(63);
    expect(provincesOn('2025-07-01')).toHaveLength(34);
    expect(provincesOn('2026-01-01')).toHaveLength(34);
    expect(provincesOn('2008-07-31')).toHaveLength(0);
  });

  it('gives every new code its name from 2025-07-01', () => {
    for (const { code, name } of current) {
      expect(matchKey(provinceByCode(code, '2025-07-01')!.name), code).toBe(matchKey(bare(name)));
    }
  });

  it('gives every old code its name until 2025-06-30 (Thừa Thiên Huế until 2024-12-31)', () => {
    for (const m of merges) {
      const unit = provinceByCode(m.oldCode, '2024-06-30')!;
      const expected = m.oldCode === '46' ? 'Thừa Thiên Huế' : bare(m.oldName);
      expect(matchKey(unit.name), m.oldCode).toBe(matchKey(expected));
      expect(matchKey(provinceByCode(m.oldCode, '2025-06-30')!.name)).toBe(matchKey(bare(m.oldName)));
    }
  });

  it('gives every old unit its successor (by name, on the eve and the day of the merger)', () => {
    for (const m of merges) {
      const before = resolveUnit(bare(m.oldName), '2025-06-30');
      expect(before.match?.code, m.oldName).toBe(m.oldCode);
      expect(before.validity).toBe('valid');
      const after = resolveUnit(bare(m.oldName), '2025-07-01');
      const sameName = matchKey(bare(m.oldName)) === matchKey(bare(m.newName));
      if (sameName) {
        // The name lives on as the new unit (possibly under a new code: Bắc Ninh 27 → 24).
        expect(after.validity, m.oldName).toBe('valid');
        expect(after.match?.code).toBe(m.newCode);
      } else {
        expect(after.validity, m.oldName).toBe('expired');
        expect(after.successor?.code, m.oldName).toBe(m.newCode);
        expect(matchKey(after.successor!.name)).toBe(matchKey(m.newName));
      }
      const line = attributeToSuccessor(bare(m.oldName), 2022, '2025-07-01');
      expect(line?.to.code, m.oldName).toBe(m.newCode);
    }
  });

  it('reads code 24 as Bắc Giang on 2024-12-31 and Bắc Ninh on 2025-07-01 (codes were reused)', () => {
    expect(provinceByCode('24', '2024-12-31')?.name).toBe('Bắc Giang');
    expect(provinceByCode('24', '2025-07-01')?.name).toBe('Bắc Ninh');
    expect(provinceByCode('27', '2025-07-01')).toBeUndefined();
    expect(provinceByCode('82', '2024-01-01')?.name).toBe('Tiền Giang');
    expect(provinceByCode('82', '2025-12-31')?.name).toBe('Đồng Tháp');
    expect(provinceByCode('91', '2024-01-01')?.name).toBe('Kiên Giang');
    expect(provinceByCode('91', '2025-12-31')?.name).toBe('An Giang');
    expect(provinceByCode('80', '2024-01-01')?.name).toBe('Long An');
    expect(provinceByCode('80', '2025-12-31')?.name).toBe('Tây Ninh');
    expect(provinceByCode('44', '2024-01-01')?.name).toBe('Quảng Bình');
    expect(provinceByCode('44', '2025-12-31')?.name).toBe('Quảng Trị');
    expect(provinceByCode('15', '2024-01-01')?.name).toBe('Yên Bái');
    expect(provinceByCode('15', '2025-12-31')?.name).toBe('Lào Cai');
    expect(provinceByCode('52', '2024-01-01')?.name).toBe('Bình Định');
    expect(provinceByCode('52', '2025-12-31')?.name).toBe('Gia Lai');
    expect(provinceByCode('6', '2024-01-01')?.name).toBe('Bắc Kạn');
  });

  it('turns Thừa Thiên Huế into the city of Huế on 2025-01-01, same code 46', () => {
    expect(provinceByCode('46', '2024-12-31')).toMatchObject({ name: 'Thừa Thiên Huế', kind: 'tỉnh' });
    expect(provinceByCode('46', '2025-01-01')).toMatchObject({ name: 'Huế', kind: 'thành phố' });
    expect(provinceByCode('46', '2026-01-01')).toMatchObject({ name: 'Huế', validFrom: '2025-01-01' });
    const old = resolveUnit('VKSND tỉnh Thừa Thiên Huế', '2025-03-01');
    expect(old.validity).toBe('expired');
    expect(old.successor).toEqual({ name: 'VKSND thành phố Huế', code: '46', validFrom: '2025-01-01' });
    const early = resolveUnit('Thành phố Huế', '2024-06-01');
    expect(early.validity).toBe('future');
    expect(early.predecessors?.map((p) => p.name)).toEqual(['Tỉnh Thừa Thiên Huế']);
  });

  it('names procuracies the official way', () => {
    expect(procuracyName(provinceByCode('66', '2026-01-01')!)).toBe('VKSND tỉnh Đắk Lắk');
    expect(procuracyName(provinceByCode('01', '2026-01-01')!)).toBe('VKSND thành phố Hà Nội');
    expect(procuracyName(provinceByCode('79', '2026-01-01')!)).toBe('VKSND Thành phố Hồ Chí Minh');
  });
});

describe('lineage', () => {
  it('puts a 2022 result of VKSND tỉnh Phú Yên in the line of VKSND tỉnh Đắk Lắk from 2025-07-01', () => {
    expect(attributeToSuccessor('VKSND tỉnh Phú Yên', 2022, '2025-07-01')).toEqual({
      from: { name: 'VKSND tỉnh Phú Yên', code: '54', validFrom: '2008-08-01', validTo: '2025-06-30' },
      to: { name: 'VKSND tỉnh Đắk Lắk', code: '66', validFrom: '2025-07-01' },
      changed: true,
    });
    expect(attributeToSuccessor('VKSND tỉnh Phú Yên', 2022, '2024-12-31')?.changed).toBe(false);
    expect(attributeToSuccessor('VKSND tỉnh Nghệ An', 2022, '2026-06-01')).toMatchObject({
      to: { name: 'VKSND tỉnh Nghệ An', code: '40' },
      changed: false,
    });
    expect(attributeToSuccessor('Không có tỉnh này', 2022, '2026-06-01')).toBeUndefined();
  });

  it('lists predecessors and successors, by code or name', () => {
    const dakLak = lineageOf('66', '2026-01-01')!;
    expect(dakLak.unit).toMatchObject({ name: 'Tỉnh Đắk Lắk', validFrom: '2025-07-01' });
    expect(dakLak.predecessors.map((p) => `${p.code} ${p.name}`).sort()).toEqual([
      '54 Tỉnh Phú Yên',
      '66 Tỉnh Đắk Lắk',
    ]);
    expect(dakLak.successors).toEqual([]);
    const hue = lineageOf('Thừa Thiên Huế', '2020-01-01')!;
    expect(hue.successors.map((s) => s.name)).toEqual(['Thành phố Huế']);
    const phuYen = lineageOf('VKSND tỉnh Phú Yên', '2026-01-01')!;
    expect(phuYen.successors.map((s) => s.name)).toEqual(['VKSND tỉnh Đắk Lắk']);
    expect(lineageOf('99', '2026-01-01')).toBeUndefined();
    expect(successorOn(provinceByCode('54', '2024-01-01')!, '2026-01-01')?.code).toBe('66');
  });

  it('validates dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-7-1')).toBe(false);
    expect(() => resolveUnit('Gia Lai', '2025-13-01')).toThrow(RangeError);
  });
});
