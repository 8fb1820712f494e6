import { describe, expect, it } from 'vitest';
import { type ClusterDocument, leadershipGuidanceFor, proposeRotation } from '../../../core';

const CUM_7 = [
  'VKSND tỉnh Đắk Lắk',
  'VKSND tỉnh Gia Lai',
  'VKSND tỉnh Kon Tum',
  'VKSND tỉnh Đắk Nông',
  'VKSND tỉnh Lâm Đồng',
];
const ROTATION = [
  'VKSND tỉnh Lâm Đồng',
  'VKSND tỉnh Đắk Nông',
  'VKSND tỉnh Đắk Lắk',
  'VKSND tỉnh Gia Lai',
  'VKSND tỉnh Kon Tum',
];

function cum7(
  year: number,
  leader: string,
  deputy: string,
  extra: Partial<ClusterDocument> = {},
): ClusterDocument {
  return {
    format: 'thidua/cluster@1',
    kind: 'annual',
    year,
    cluster: { name: 'Cụm thi đua số 7', leader, deputy, rotation: ROTATION },
    units: CUM_7.map((name) => ({ name })),
    criteria: [],
    ...extra,
  };
}

describe('proposeRotation', () => {
  it('seed 001: Đắk Lắk / Gia Lai in 2022 gives Gia Lai / Kon Tum for 2023', () => {
    const p = proposeRotation(cum7(2022, 'VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai'));
    expect(p).toMatchObject({
      format: 'thidua/rotation@1',
      year: 2023,
      leader: 'VKSND tỉnh Gia Lai',
      deputy: 'VKSND tỉnh Kon Tum',
      source: 'rotation',
    });
    expect(p.reason.vi).toContain('VKSND tỉnh Gia Lai, Cụm phó năm 2022, làm Cụm trưởng năm 2023');
    expect(p.reason.vi).toContain('Hướng dẫn công tác thi đua, khen thưởng năm 2020 của VKSND tối cao');
    expect(p.issues).toEqual([]);
  });

  it('seed 002: Lâm Đồng / Đắk Nông in 2020 gives Đắk Nông / Đắk Lắk for 2021, then Đắk Lắk / Gia Lai', () => {
    const y2021 = proposeRotation(cum7(2020, 'VKSND tỉnh Lâm Đồng', 'VKSND tỉnh Đắk Nông'));
    expect([y2021.leader, y2021.deputy]).toEqual(['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Đắk Lắk']);
    const y2022 = proposeRotation(cum7(2021, y2021.leader!, y2021.deputy!));
    expect([y2022.leader, y2022.deputy]).toEqual(['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai']);
  });

  it('wraps around the rotation order', () => {
    const p = proposeRotation(cum7(2023, 'VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum'));
    expect([p.leader, p.deputy]).toEqual(['VKSND tỉnh Kon Tum', 'VKSND tỉnh Lâm Đồng']);
  });

  it('skips a unit not evaluated in the preceding year, saying so', () => {
    const p = proposeRotation(
      cum7(2022, 'VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai', { notEvaluated: ['VKSND tỉnh Kon Tum'] }),
    );
    expect([p.leader, p.deputy]).toEqual(['VKSND tỉnh Gia Lai', 'VKSND tỉnh Lâm Đồng']);
    expect(p.skipped.map((s) => s.unit)).toEqual(['VKSND tỉnh Kon Tum']);
    expect(p.reason.vi).toContain('VKSND tỉnh Kon Tum không được đánh giá năm 2022');
  });

  it('a deputy not evaluated does not lead: the next unit after it does', () => {
    const p = proposeRotation(
      cum7(2022, 'VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai', { notEvaluated: ['VKSND tỉnh Gia Lai'] }),
    );
    expect([p.leader, p.deputy]).toEqual(['VKSND tỉnh Kon Tum', 'VKSND tỉnh Lâm Đồng']);
  });

  it('names are matched after normalisation (case, spacing)', () => {
    const p = proposeRotation(cum7(2022, 'vksnd tỉnh đắk lắk', 'VKSND  tỉnh Gia Lai'));
    expect([p.leader, p.deputy]).toEqual(['VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum']);
  });

  it('an unknown unit is an error naming where', () => {
    const p = proposeRotation(cum7(2022, 'VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Bình Định'));
    expect(p.issues.find((i) => i.code === 'cluster.unit.unknown')).toMatchObject({ path: 'cluster.deputy' });
  });

  it('since 2024 the rotation is a proposal for the election, hosted by last year’s deputy (HD 09/HD-VKSTC)', () => {
    const p = proposeRotation(cum7(2023, 'VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum'));
    expect(p.guidance).toMatchObject({ id: 'hd-09-2024', elected: true });
    expect(p.reason.vi).toContain('VKSND tỉnh Kon Tum (Cụm phó năm 2023) chủ trì hội nghị bầu');
    expect(p.reason.vi).toContain('Hướng dẫn 09/HD-VKSTC');
    expect(leadershipGuidanceFor(2019).id).toBe('vkstc-2020');
  });

  it('a recorded election replaces the rotation', () => {
    const p = proposeRotation(
      cum7(2024, 'VKSND tỉnh Kon Tum', 'VKSND tỉnh Lâm Đồng', {
        election: {
          year: 2025,
          leader: 'VKSND tỉnh Đắk Lắk',
          deputy: 'VKSND tỉnh Đắk Nông',
          note: 'Biên bản ngày 20/12/2024.',
        },
      }),
    );
    expect(p).toMatchObject({
      source: 'election',
      leader: 'VKSND tỉnh Đắk Lắk',
      deputy: 'VKSND tỉnh Đắk Nông',
      year: 2025,
    });
    expect(p.reason.vi).toMatch(
      /^Kết quả bầu năm 2025: .*Biên bản ngày 20\/12\/2024\..*Hướng dẫn 09\/HD-VKSTC/,
    );
  });

  it('an election of a unit not evaluated is an error; an election for another year is not used', () => {
    const bad = proposeRotation(
      cum7(2024, 'VKSND tỉnh Kon Tum', 'VKSND tỉnh Lâm Đồng', {
        notEvaluated: ['VKSND tỉnh Đắk Lắk'],
        election: { leader: 'VKSND tỉnh Đắk Lắk', deputy: 'VKSND tỉnh Đắk Nông' },
      }),
    );
    expect(bad.issues.map((i) => i.code)).toContain('cluster.election.notEvaluated');
    const other = proposeRotation(
      cum7(2024, 'VKSND tỉnh Kon Tum', 'VKSND tỉnh Lâm Đồng', {
        election: { year: 2030, leader: 'VKSND tỉnh Đắk Lắk', deputy: 'VKSND tỉnh Đắk Nông' },
      }),
    );
    expect(other.source).toBe('rotation');
    expect(other.leader).toBe('VKSND tỉnh Lâm Đồng');
    expect(other.issues.map((i) => i.code)).toContain('cluster.election.otherYear');
  });
});
