/** The pure consolidation: what is taken, what is reported, what is never replaced. */
import { describe, expect, it } from 'vitest';
import type { ClusterDocument, Score } from '../../../core';
import { type ReturnedWorkbook, consolidate } from '../../../addin/cli/commands/merge';

const accept = {
  unitTemplateId: 'thidua/unit-scorecard',
  clusterTemplateId: 'thidua/cluster',
  version: '1.1',
};

const members = ['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum'];

function doc(units: string[], scores: Score[] = [], extra: Partial<ClusterDocument> = {}): ClusterDocument {
  return {
    format: 'thidua/cluster@1',
    kind: 'annual',
    year: 2022,
    cluster: { name: 'Cụm thi đua số 7' },
    units: units.map((name) => ({ name })),
    criteria: [
      { code: '1', title: 'Công tác chuyên môn', points: 60 },
      { code: '2', title: 'Công tác xây dựng ngành', points: 40, bonusMax: 2 },
    ],
    indicators: [{ code: 'CT1', title: 'Tỷ lệ giải quyết tin báo', target: 0.9 }],
    scores,
    ...extra,
  };
}

const unitReturn = (
  file: string,
  unit: string,
  scores: Omit<Score, 'unit' | 'stage'>[],
  version = '1.1',
): ReturnedWorkbook => ({
  file,
  template: { id: 'thidua/unit-scorecard', version },
  document: doc(
    [unit],
    scores.map((s) => ({ ...s, unit, stage: 'self' as const })),
  ),
  issues: [],
});

const codes = (r: ReturnType<typeof consolidate>) => r.issues.map((i) => i.code).sort();

describe('consolidate', () => {
  it("takes only the self stage from a member's own scorecard: its verified values are reported, not taken", () => {
    const own = unitReturn('daklak.xlsx', 'VKSND tỉnh Đắk Lắk', [{ criterion: '1', points: 58 }]);
    own.document!.scores!.push({ unit: 'VKSND tỉnh Đắk Lắk', criterion: '1', stage: 'verified', points: 60 });
    const report = consolidate({ expectedUnits: members, returns: [own], accept });
    expect(report.document!.scores).toEqual([
      { unit: 'VKSND tỉnh Đắk Lắk', criterion: '1', stage: 'self', points: 58 },
    ]);
    const told = report.issues.find((i) => i.code === 'merge.verified.member')!;
    expect(told.severity).toBe('warning');
    expect(told.message).toBe(
      'daklak.xlsx: đơn vị đã nhập vào cột "Thẩm định" ở 1 tiêu chí (1); điểm thẩm định do Cụm chấm, nên không lấy các giá trị này.',
    );
    // A cluster workbook given among the files keeps its verified stage.
    const cluster: ReturnedWorkbook = {
      file: 'cum.xlsx',
      template: { id: 'thidua/cluster', version: '1.1' },
      document: doc(members, [{ unit: 'VKSND tỉnh Gia Lai', criterion: '1', stage: 'verified', points: 50 }]),
      issues: [],
    };
    const withCluster = consolidate({ expectedUnits: members, returns: [cluster], accept });
    expect(withCluster.document!.scores!.map((s) => s.stage)).toEqual(['verified']);
  });

  it('takes every returned score, names resolved by their matching key', () => {
    const report = consolidate({
      expectedUnits: members,
      returns: [
        unitReturn('daklak.xlsx', 'VKSND tỉnh Đắk Lắk', [
          { criterion: '1', points: 58.5 },
          { criterion: '2', points: 39, bonus: 1.5 },
        ]),
        // NFD, other spelling: the same member
        unitReturn('gialai.xlsx', 'VKSND  tỉnh GIA LAI'.normalize('NFD'), [{ criterion: '1', points: 55 }]),
        unitReturn('kontum.xlsx', 'VKSND tỉnh Kon Tum', [{ criterion: '1', points: 50 }]),
      ],
      accept,
    });
    expect(report.missing).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(report.issues).toEqual([]);
    expect(report.document!.units.map((u) => u.name)).toEqual(members);
    expect(report.document!.scores).toEqual([
      { unit: 'VKSND tỉnh Đắk Lắk', criterion: '1', stage: 'self', points: 58.5 },
      { unit: 'VKSND tỉnh Đắk Lắk', criterion: '2', stage: 'self', points: 39, bonus: 1.5 },
      { unit: 'VKSND tỉnh Gia Lai', criterion: '1', stage: 'self', points: 55 },
      { unit: 'VKSND tỉnh Kon Tum', criterion: '1', stage: 'self', points: 50 },
    ]);
  });

  it('reports the members who did not return', () => {
    const report = consolidate({
      expectedUnits: members,
      returns: [unitReturn('daklak.xlsx', 'VKSND tỉnh Đắk Lắk', [{ criterion: '1', points: 58 }])],
      accept,
    });
    expect(report.missing).toEqual(['VKSND tỉnh Gia Lai', 'VKSND tỉnh Kon Tum']);
    expect(report.issues.filter((i) => i.code === 'merge.unit.missing').map((i) => i.message)).toEqual([
      'VKSND tỉnh Gia Lai: chưa gửi bảng chấm điểm.',
      'VKSND tỉnh Kon Tum: chưa gửi bảng chấm điểm.',
    ]);
  });

  it('merges two equal files for one unit once, and reports the duplicate', () => {
    const a = unitReturn('gialai.xlsx', 'VKSND tỉnh Gia Lai', [{ criterion: '1', points: 55 }]);
    const b = unitReturn('gialai (1).xlsx', 'VKSND tỉnh Gia Lai', [{ criterion: '1', points: 55.0 }]);
    const report = consolidate({ expectedUnits: ['VKSND tỉnh Gia Lai'], returns: [a, b], accept });
    expect(report.duplicates).toEqual([
      { unit: 'VKSND tỉnh Gia Lai', files: ['gialai.xlsx', 'gialai (1).xlsx'] },
    ]);
    expect(report.conflicts).toEqual([]);
    expect(report.document!.scores).toHaveLength(1);
    expect(codes(report)).toEqual(['merge.unit.duplicate']);
  });

  it('leaves out values two files disagree on, naming unit, criterion, stage and both values', () => {
    const a = unitReturn('gialai.xlsx', 'VKSND tỉnh Gia Lai', [
      { criterion: '1', points: 55 },
      { criterion: '2', points: 30 },
    ]);
    const b = unitReturn('gialai-sua.xlsx', 'VKSND tỉnh Gia Lai', [
      { criterion: '1', points: 56.5 },
      { criterion: '2', points: 30 },
    ]);
    const report = consolidate({ expectedUnits: ['VKSND tỉnh Gia Lai'], returns: [a, b], accept });
    expect(report.conflicts).toEqual([
      {
        unit: 'VKSND tỉnh Gia Lai',
        item: '1',
        itemKind: 'criterion',
        stage: 'self',
        fields: ['points'],
        values: [
          { file: 'gialai.xlsx', value: 'điểm 55' },
          { file: 'gialai-sua.xlsx', value: 'điểm 56.5' },
        ],
      },
    ]);
    expect(report.document!.scores).toEqual([
      { unit: 'VKSND tỉnh Gia Lai', criterion: '2', stage: 'self', points: 30 },
    ]);
    const issue = report.issues.find((i) => i.code === 'merge.value.conflict')!;
    expect(issue).toMatchObject({
      severity: 'error',
      unit: 'VKSND tỉnh Gia Lai',
      criterion: '1',
      stage: 'self',
    });
    expect(issue.message).toContain('gialai.xlsx: điểm 55; gialai-sua.xlsx: điểm 56.5');
  });

  it('never replaces a value already in the cluster workbook', () => {
    const base: ReturnedWorkbook = {
      file: 'cum7.xlsx',
      template: { id: 'thidua/cluster', version: '1.1' },
      document: doc(members, [{ unit: 'VKSND tỉnh Gia Lai', criterion: '1', stage: 'self', points: 54 }]),
      issues: [],
    };
    const report = consolidate({
      base,
      returns: [
        unitReturn('gialai.xlsx', 'VKSND tỉnh Gia Lai', [
          { criterion: '1', points: 55 },
          { criterion: '2', points: 35 },
        ]),
      ],
      accept,
    });
    expect(report.conflicts).toMatchObject([{ unit: 'VKSND tỉnh Gia Lai', item: '1', kept: 'điểm 54' }]);
    expect(report.document!.scores).toEqual([
      { unit: 'VKSND tỉnh Gia Lai', criterion: '1', stage: 'self', points: 54 },
      { unit: 'VKSND tỉnh Gia Lai', criterion: '2', stage: 'self', points: 35 },
    ]);
    expect(report.missing).toEqual(['VKSND tỉnh Đắk Lắk', 'VKSND tỉnh Kon Tum']);
  });

  it('skips a file on another major template version, warns on another minor', () => {
    const report = consolidate({
      expectedUnits: members.slice(0, 2),
      returns: [
        unitReturn('daklak.xlsx', 'VKSND tỉnh Đắk Lắk', [{ criterion: '1', points: 58 }], '2.0'),
        unitReturn('gialai.xlsx', 'VKSND tỉnh Gia Lai', [{ criterion: '1', points: 55 }], '1.0'),
      ],
      accept,
    });
    expect(report.skipped.map((s) => s.file)).toEqual(['daklak.xlsx']);
    expect(report.missing).toEqual(['VKSND tỉnh Đắk Lắk']);
    const version = report.issues.filter((i) => i.code === 'merge.template.version');
    expect(version.map((i) => [i.severity, i.path])).toEqual([
      ['error', 'daklak.xlsx'],
      ['warning', 'gialai.xlsx'],
    ]);
    expect(version[0]!.message).toContain('mẫu phiên bản 2.0, chương trình dùng 1.1');
  });

  it('skips files of another year or cluster, and reports strangers and unknown criteria', () => {
    const other = unitReturn('2021.xlsx', 'VKSND tỉnh Đắk Lắk', [{ criterion: '1', points: 58 }]);
    other.document = { ...other.document!, year: 2021 };
    const stranger = unitReturn('phuyen.xlsx', 'VKSND tỉnh Phú Yên', [{ criterion: '1', points: 40 }]);
    const extra = unitReturn('kontum.xlsx', 'VKSND tỉnh Kon Tum', [
      { criterion: '9', points: 1 },
      { criterion: '1', points: 50 },
    ]);
    extra.document!.criteria.push({ code: '9', title: 'Tiêu chí tự thêm', points: 1 });
    const report = consolidate({ expectedUnits: members, returns: [other, stranger, extra], accept });
    expect(report.skipped.map((s) => s.file)).toEqual(['2021.xlsx']);
    expect(codes(report)).toEqual([
      'merge.criterion.unknown',
      'merge.unit.missing',
      'merge.unit.missing',
      'merge.unit.unknown',
      'merge.year.mismatch',
    ]);
    expect(report.document!.scores).toEqual([
      { unit: 'VKSND tỉnh Kon Tum', criterion: '1', stage: 'self', points: 50 },
    ]);
  });

  it('compares indicator results too', () => {
    const a = unitReturn('a.xlsx', 'VKSND tỉnh Kon Tum', []);
    a.document!.indicatorResults = [
      { unit: 'VKSND tỉnh Kon Tum', indicator: 'CT1', numerator: 9, denominator: 10 },
    ];
    const b = unitReturn('b.xlsx', 'VKSND tỉnh Kon Tum', []);
    b.document!.indicatorResults = [
      { unit: 'VKSND tỉnh Kon Tum', indicator: 'ct1', numerator: 8, denominator: 10 },
    ];
    const report = consolidate({ expectedUnits: ['VKSND tỉnh Kon Tum'], returns: [a, b], accept });
    expect(report.conflicts).toMatchObject([
      {
        item: 'CT1',
        itemKind: 'indicator',
        fields: ['numerator'],
        values: [{ value: 'tử số 9' }, { value: 'tử số 8' }],
      },
    ]);
    expect(report.document!.indicatorResults).toEqual([]);
  });

  it('without a base, takes the members and criteria the files carry, the majority when one disagrees', () => {
    const carried = doc(members, [], { cluster: { name: 'Cụm thi đua số 7', leader: 'VKSND tỉnh Gia Lai' } });
    const withCluster = (wb: ReturnedWorkbook, cluster: ClusterDocument, unit: string): ReturnedWorkbook => ({
      ...wb,
      unit,
      cluster,
    });
    const a = withCluster(
      unitReturn('daklak.xlsx', members[0]!, [{ criterion: '1', points: 58 }]),
      carried,
      members[0]!,
    );
    // A blank return still counts for its unit.
    const b = withCluster(unitReturn('gialai.xlsx', members[1]!, []), carried, members[1]!);
    const changed = {
      ...carried,
      criteria: carried.criteria.map((c) => (c.code === '2' ? { ...c, points: 45 } : c)),
    };
    const c = withCluster(
      unitReturn('kontum.xlsx', members[2]!, [{ criterion: '1', points: 50 }]),
      changed,
      members[2]!,
    );
    const report = consolidate({ returns: [c, a, b], accept });
    expect(report.document!.cluster).toEqual(carried.cluster);
    expect(report.document!.units.map((u) => u.name)).toEqual(members);
    expect(report.received.map((r) => r.unit)).toEqual(members.slice(0, 2));
    expect(report.missing).toEqual([members[2]]);
    expect(report.skipped).toEqual([
      { file: 'kontum.xlsx', reason: expect.stringContaining('1 tiêu chí khác (2)') },
    ]);
    expect(codes(report)).toEqual(['merge.contents.mismatch', 'merge.unit.missing']);
    expect(report.document!.scores).toEqual([
      { unit: members[0], criterion: '1', stage: 'self', points: 58 },
    ]);
  });
});
