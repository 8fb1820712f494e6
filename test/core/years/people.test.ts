import { describe, expect, it } from 'vitest';
import { comparePeople, lineKey, nameConfidence } from '../../../core';

describe('nameConfidence', () => {
  it('is 1 for the same name in another normal form or tone placement, 0.95 without diacritics, 0 for another letter', () => {
    expect(nameConfidence('Nguyễn Thị Thuỷ', 'Nguyễn Thị Thủy')).toBe(1);
    expect(nameConfidence('Nguyễn Văn Thành'.normalize('NFD'), 'Nguyễn Văn Thành')).toBe(1);
    expect(nameConfidence('Nguyễn Văn Thành', 'Nguyen Van Thanh')).toBe(0.95);
    // One letter is another name in Vietnamese: never the same person by spelling alone.
    expect(nameConfidence('Lê Thị Hồng Nhung', 'Lê Thị Hồng Nhunq')).toBe(0);
    expect(nameConfidence('Nguyễn Thành Trung', 'Nguyễn Thành Trang')).toBe(0);
    expect(nameConfidence('Nguyễn Văn Thành', 'Nguyễn Văn Thanh Tùng')).toBe(0);
    expect(nameConfidence('Trần Văn An', 'Trần Văn Anh')).toBe(0);
  });
});

describe('comparePeople', () => {
  const base = { name: 'Lê Văn Sơn', unit: 'VKSND tỉnh Gia Lai', year: 2022 };
  it('one person in one unit under two spellings', () => {
    const c = comparePeople(base, { ...base, name: 'Le Van Son', year: 2023 });
    expect(c).toMatchObject({ same: true, confidence: 0.95 });
    expect(c.reason.vi).toBe('cùng đơn vị, tên viết khác "Le Van Son"');
  });
  it('never merges one name in two units, nor in one unit with two dates of birth', () => {
    expect(comparePeople(base, { ...base, unit: 'VKSND tỉnh Kon Tum' })).toMatchObject({ same: false });
    const twins = comparePeople({ ...base, birthDate: '1980-01-02' }, { ...base, birthDate: '1985-03-04' });
    expect(twins.same).toBe(false);
    expect(twins.reason.vi).toContain('khác ngày sinh');
  });
  it('follows the unit across the 2025 merger, and a transfer only with the same service start', () => {
    expect(lineKey('VKSND tỉnh Phú Yên', 2022)).toBe(lineKey('VKSND tỉnh Đắk Lắk', 2026));
    expect(lineKey('VKSND tỉnh Phú Yên', 2022)).not.toBe(lineKey('VKSND tỉnh Gia Lai', 2022));
    const merged = comparePeople(
      { name: 'Phạm Thu Hà', unit: 'VKSND tỉnh Phú Yên', year: 2024 },
      { name: 'Phạm Thu Hà', unit: 'VKSND tỉnh Đắk Lắk', year: 2025 },
    );
    expect(merged).toMatchObject({ same: true, confidence: 1 });
    const moved = comparePeople(
      { ...base, serviceStart: '2001-09-01' },
      { ...base, unit: 'VKSND tỉnh Kon Tum', serviceStart: '2001-09-01' },
    );
    expect(moved).toMatchObject({ same: true, confidence: 0.8 });
  });
});
