import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ClusterDocument, computeCluster, nominateAwards, tallyAwards } from '../../../core';

const fixture = (): ClusterDocument =>
  JSON.parse(readFileSync(new URL('../../fixtures/awards/cum-7-2022-awards.json', import.meta.url), 'utf8'));

const row = (t: ReturnType<typeof tallyAwards>, form: string) => t.forms.find((f) => f.form === form);

const sample = (): ClusterDocument =>
  JSON.parse(readFileSync(new URL('../../../templates/samples/cum-7-2022.json', import.meta.url), 'utf8'));

describe('tallyAwards', () => {
  it('reproduces the 2022 award tally of Cụm 7 (seed 001)', () => {
    const t = tallyAwards([fixture()]);
    expect(row(t, 'Bằng khen của Thủ tướng Chính phủ')).toEqual({
      form: 'Bằng khen của Thủ tướng Chính phủ',
      collective: 0,
      individual: 3,
    });
    expect(row(t, 'Bằng khen của Chủ tịch UBND tỉnh')).toMatchObject({ collective: 1, individual: 2 });
    expect(row(t, 'Giấy khen của Chủ tịch UBND tỉnh')).toMatchObject({ collective: 1, individual: 6 });
    expect(row(t, 'Bằng khen của Viện trưởng VKSND tối cao')).toMatchObject({
      collective: 65,
      individual: 286,
    });
    expect(row(t, 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"')).toMatchObject({ collective: 0, individual: 39 });
    expect(row(t, 'Giấy khen của Viện trưởng VKSND tỉnh')).toMatchObject({
      collective: 110,
      individual: 416,
    });
    expect(t.forms).toHaveLength(6);
    expect(t.totals).toEqual({ collective: 1 + 1 + 65 + 110, individual: 3 + 2 + 6 + 39 + 286 + 416 });
    expect(t.initiatives).toEqual([
      { level: 'cơ sở', count: 186 },
      { level: 'ngành', count: 20 },
    ]);
    expect(t).toMatchObject({ documents: 1, years: [2022], clusters: ['Cụm thi đua số 7'], issues: [] });
  });

  it('for one unit, matched after normalisation', () => {
    const t = tallyAwards([fixture()], { unit: 'vksnd tỉnh đắk nông' });
    expect(row(t, 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"')).toMatchObject({ individual: 6 });
    expect(row(t, 'Bằng khen của Viện trưởng VKSND tối cao')).toMatchObject({
      collective: 10,
      individual: 44,
    });
    expect(row(t, 'Bằng khen của Thủ tướng Chính phủ')).toBeUndefined();
    expect(t.initiatives).toEqual([
      { level: 'cơ sở', count: 31 },
      { level: 'cấp Ngành', count: 2 },
    ]);
    expect(t.unit).toBe('vksnd tỉnh đắk nông');
  });

  it('per unit, the unit rows add up to the cluster', () => {
    const t = tallyAwards([fixture()]);
    expect(t.units).toHaveLength(5);
    const sum = (pick: (u: (typeof t.units)[number]) => number) => t.units.reduce((s, u) => s + pick(u), 0);
    expect(sum((u) => u.forms.reduce((s, f) => s + f.individual, 0))).toBe(t.totals.individual);
    expect(sum((u) => u.initiatives.reduce((s, i) => s + i.count, 0))).toBe(206);
  });

  it('many documents together, years listed', () => {
    const a = fixture();
    const b = { ...fixture(), year: 2023 };
    const t = tallyAwards([a, b]);
    expect(t.years).toEqual([2022, 2023]);
    expect(row(t, 'Bằng khen của Thủ tướng Chính phủ')!.individual).toBe(6);
    expect(t.initiatives.find((i) => i.level === 'cơ sở')!.count).toBe(372);
  });

  it('without an initiatives field, counts the people’s initiatives of the year', () => {
    const doc: ClusterDocument = {
      ...fixture(),
      initiatives: undefined,
      awards: [],
      people: [
        {
          name: 'A',
          unit: 'VKSND tỉnh Gia Lai',
          initiatives: [
            { year: 2022, level: 'cơ sở' },
            { year: 2021, level: 'cơ sở' },
          ],
        },
        { name: 'B', unit: 'VKSND tỉnh Gia Lai', initiatives: [{ year: 2022, level: 'Ngành' }] },
      ],
    };
    expect(tallyAwards([doc]).initiatives).toEqual([
      { level: 'cơ sở', count: 1 },
      { level: 'Ngành', count: 1 },
    ]);
  });

  it('a bad record is an error with its path, the rest still counts', () => {
    const doc = fixture();
    (doc.awards as unknown[]).push(
      { form: 'Bằng khen của Thủ tướng Chính phủ', kind: 'cá nhân' },
      { kind: 'individual' },
    );
    const t = tallyAwards([doc]);
    expect(t.issues.map((i) => i.path)).toEqual([`awards[37].kind`, 'awards[38]']);
    expect(row(t, 'Bằng khen của Thủ tướng Chính phủ')!.individual).toBe(3);
  });

  it('the bundled sample carries the same 2022 figures of seed 001, and the profiles the 15% cap needs', () => {
    const doc = sample();
    const fromSample = tallyAwards([doc]);
    const fromFixture = tallyAwards([fixture()]);
    expect(fromSample.forms).toEqual(fromFixture.forms);
    expect(fromSample.totals).toEqual({ collective: 177, individual: 752 });
    expect(fromSample.initiatives).toEqual([
      { level: 'cơ sở', count: 186 },
      { level: 'ngành', count: 20 },
    ]);
    expect(fromSample.issues).toEqual([]);
    const report = nominateAwards(doc, computeCluster(doc).result);
    expect(report.issues.map((i) => i.code)).not.toContain('awards.cap.baseMissing');
    const caps = report.quotas.filter((q) => q.rule === 'baseEmulationSoldier');
    expect(caps.map((q) => [q.scope, q.base, q.limit])).toEqual([
      ['VKSND tỉnh Đắk Lắk', 231, 34],
      ['VKSND tỉnh Gia Lai', 236, 35],
      ['VKSND tỉnh Kon Tum', 131, 19],
      ['VKSND tỉnh Đắk Nông', 126, 18],
      ['VKSND tỉnh Lâm Đồng', 199, 29],
    ]);
  });
});
