import { describe, expect, it } from 'vitest';
import { checkDocumentUnits, documentDate } from '../../../core/registry/check';
import type { ClusterDocument } from '../../../core/model/types';

const doc = (
  year: number,
  units: ClusterDocument['units'],
  extra: Partial<ClusterDocument> = {},
): ClusterDocument => ({
  format: 'thidua/cluster@1',
  kind: 'annual',
  year,
  cluster: { name: 'Cụm thi đua số 7' },
  units,
  criteria: [],
  ...extra,
});

describe('checkDocumentUnits', () => {
  it('says nothing about exact names', () => {
    const issues = checkDocumentUnits(
      doc(2022, [
        { name: 'VKSND tỉnh Đắk Lắk', province: '66' },
        { name: 'Viện KSND tỉnh Gia Lai', province: '64' },
        { name: 'VKSND tỉnh Kon Tum' },
        { name: 'VKSND tỉnh Lâm Đồng'.normalize('NFD') },
        { name: 'VKSND tỉnh Đắk Nông' },
      ]),
    );
    expect(issues).toEqual([]);
  });

  it('warns on a near miss with the official name', () => {
    const [issue, ...rest] = checkDocumentUnits(doc(2020, [{ name: 'VKSND tỉnh Quãng Ngãi' }]));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      severity: 'warning',
      code: 'unit.name.variant',
      unit: 'VKSND tỉnh Quãng Ngãi',
      path: 'units[0].name',
    });
    expect(issue?.message).toContain('VKSND tỉnh Quảng Ngãi');
    expect(issue?.messageEn).toContain('VKSND tỉnh Quảng Ngãi');
  });

  it('errs on an ambiguous or unknown provincial name, with alternatives', () => {
    const issues = checkDocumentUnits(
      doc(2022, [{ name: 'VKSND tỉnh Quang N' }, { name: 'VKSND tỉnh Xyzabc' }]),
    );
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['unit.name.unknown', 'error', 'units[0].name'],
      ['unit.name.unknown', 'error', 'units[1].name'],
    ]);
    expect(issues[0]?.message).toContain('Quảng Nam');
    expect(issues[0]?.message).toContain('Quảng Ngãi');
  });

  it('errs on a name no longer in force, naming the successor', () => {
    const [issue] = checkDocumentUnits(
      doc(2026, [{ name: 'VKSND tỉnh Phú Yên' }, { name: 'VKSND tỉnh Đắk Lắk' }]),
    );
    expect(issue).toMatchObject({ severity: 'error', code: 'unit.name.expired', unit: 'VKSND tỉnh Phú Yên' });
    expect(issue?.message).toContain('VKSND tỉnh Đắk Lắk');
    expect(issue?.messageEn).toContain('VKSND tỉnh Đắk Lắk');
    expect(checkDocumentUnits(doc(2026, [{ name: 'VKSND tỉnh Đắk Lắk' }]))).toEqual([]);
  });

  it('reads a campaign on the last day of its period', () => {
    const campaign = doc(2025, [{ name: 'VKSND tỉnh Phú Yên' }], {
      kind: 'campaign',
      period: { from: '2025-03-01', to: '2025-06-30' },
    });
    expect(documentDate(campaign)).toBe('2025-06-30');
    expect(checkDocumentUnits(campaign)).toEqual([]);
    expect(
      checkDocumentUnits({ ...campaign, period: { from: '2025-05-01', to: '2025-09-30' } })[0]?.code,
    ).toBe('unit.name.expired');
  });

  it('flags legacy-encoded names, showing the converted text', () => {
    const [issue, ...rest] = checkDocumentUnits(
      doc(2022, [{ name: 'VKSND tØnh §¾k L¾k' }, { name: 'Phòng 7' }]),
    );
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', code: 'text.legacy-encoding', path: 'units[0].name' });
    expect(issue?.message).toContain('VKSND tỉnh Đắk Lắk');
    expect(issue?.message).toContain('TCVN3');
  });

  it('errs when the province code does not fit the name in that year', () => {
    const issues = checkDocumentUnits(
      doc(2026, [
        { name: 'VKSND tỉnh Bắc Ninh', province: '27' }, // Bắc Ninh's code until 2025-06-30
        { name: 'VKSND tỉnh Gia Lai', province: '66' }, // Đắk Lắk's code
        { name: 'VKSND tỉnh Bắc Ninh', province: '24' },
      ]),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unit.province.unknown', 'units[0].province'],
      ['unit.province.mismatch', 'units[1].province'],
    ]);
    expect(issues[1]?.message).toContain('Tỉnh Đắk Lắk');
    expect(issues[1]?.message).toContain('52');
    // 2024: code 24 is Bắc Giang, so Bắc Ninh with 24 is wrong then.
    expect(checkDocumentUnits(doc(2024, [{ name: 'VKSND tỉnh Bắc Ninh', province: '24' }]))[0]?.code).toBe(
      'unit.province.mismatch',
    );
  });

  it('leaves area procuracies, departments and district units alone', () => {
    expect(
      checkDocumentUnits(
        doc(2026, [
          { name: 'VKSND khu vực 1' },
          { name: 'Phòng 7' },
          { name: 'VKSND huyện Krông Pắc' },
          { name: 'VKSND Krông Pắc' },
          { name: 'Văn phòng tổng hợp' },
        ]),
      ),
    ).toEqual([]);
  });
});
