import { describe, expect, it } from 'vitest';
import {
  buildAwardHistory,
  type ClusterDocument,
  compareYears,
  computeCluster,
  decisionText,
  nextYearDocument,
  nominateAwards,
  readDecisions,
  tallyAwards,
  withHistoryDates,
} from '../../../core';
import { makeDoc as fixture } from '../document/fixture';

const doc = (over: Partial<ClusterDocument>): ClusterDocument => ({ ...fixture(), ...over });

describe('decisions', () => {
  it('reads decided awards and proposals, defaults kind and year, and words the decision', () => {
    const issues: never[] = [];
    const d = doc({
      decisions: [
        {
          form: 'Cờ thi đua',
          recipient: fixture().units[0]!.name,
          number: '1/QĐ',
          date: '2022-01-05',
          authority: 'VKSTC',
        },
        { form: 'Lao động tiên tiến', recipient: 'Ai Đó', unit: fixture().units[0]!.name },
        { form: 'x', recipient: 'y', number: '2/QĐ', date: '05/01/2022' },
        { recipient: 'no form' },
      ],
    });
    const read = readDecisions(d, issues);
    expect(read.map((x) => [x.kind, x.year, x.number ?? null])).toEqual([
      ['collective', d.year, '1/QĐ'],
      ['individual', d.year, null],
      ['individual', d.year, '2/QĐ'],
    ]);
    expect(decisionText(read[0]!).vi).toBe('QĐ số 1/QĐ ngày 05/01/2022 của VKSTC');
    expect(decisionText(read[1]!).vi).toBe('đề nghị, chưa có quyết định');
    expect((issues as { code: string; path?: string }[]).map((i) => i.path)).toEqual([
      'decisions[2].date',
      'decisions[2]',
      'decisions[3]',
    ]);
  });

  it('tally counts decided awards of the year once, and proposals not at all', () => {
    const unit = fixture().units[0]!.name;
    const d = doc({
      awards: [{ form: 'Bằng khen', kind: 'individual', recipient: 'A', unit }],
      decisions: [
        { form: 'Bằng khen', recipient: 'A', unit, number: '1' },
        { form: 'Bằng khen', recipient: 'B', unit, number: '2' },
        { form: 'Bằng khen', recipient: 'C', unit },
        { form: 'Bằng khen', recipient: 'D', unit, number: '3', year: fixture().year - 1 },
      ],
    });
    const t = tallyAwards([d]);
    expect(t.forms.find((f) => f.form === 'Bằng khen')).toEqual({
      form: 'Bằng khen',
      collective: 0,
      individual: 2,
    });
    expect([t.decided, t.proposed]).toEqual([1, 1]);
  });
});

describe('nextYearDocument', () => {
  const cum7 = (): ClusterDocument => ({
    format: 'thidua/cluster@1',
    kind: 'annual',
    year: 2024,
    cluster: {
      name: 'Cụm thi đua số 7',
      leader: 'VKSND tỉnh Đắk Nông',
      deputy: 'VKSND tỉnh Lâm Đồng',
      rotation: ['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng', 'VKSND tỉnh Kon Tum', 'VKSND tỉnh Gia Lai'],
    },
    units: ['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng', 'VKSND tỉnh Kon Tum', 'VKSND tỉnh Gia Lai'].map(
      (name) => ({
        name,
      }),
    ),
    criteria: [{ code: '1', title: 'A', points: 10 }],
    people: [{ name: 'Hà Văn Lâm', unit: 'VKSND tỉnh Đắk Nông', rating: 'Hoàn thành tốt nhiệm vụ' }],
    decisions: [
      {
        form: 'Lao động tiên tiến',
        recipient: 'Hà Văn Lâm',
        unit: 'VKSND tỉnh Đắk Nông',
        number: '7/QĐ',
        date: '2025-01-06',
        authority: 'X',
      },
      {
        form: 'Lao động tiên tiến',
        recipient: 'Mới Vào',
        unit: 'VKSND tỉnh Kon Tum',
        number: '8/QĐ',
        date: '2025-01-06',
        authority: 'Y',
      },
    ],
    election: { leader: 'VKSND tỉnh Kon Tum', deputy: 'VKSND tỉnh Gia Lai', year: 2025 },
  });

  it('maps members to their successors, asks for the membership decision and follows the election', () => {
    const n = nextYearDocument(cum7());
    expect(n.doc.units.map((u) => u.name)).toEqual([
      'VKSND tỉnh Lâm Đồng',
      'VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Gia Lai',
    ]);
    expect(n.merged[0]!.from).toEqual(['VKSND tỉnh Đắk Nông', 'VKSND tỉnh Lâm Đồng']);
    expect(n.issues.some((i) => i.code === 'years.membership.merged')).toBe(true);
    expect([n.doc.cluster.leader, n.doc.cluster.deputy]).toEqual([
      'VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Gia Lai',
    ]);
    expect(n.doc.cluster.rotation).toEqual([
      'VKSND tỉnh Lâm Đồng',
      'VKSND tỉnh Quảng Ngãi',
      'VKSND tỉnh Gia Lai',
    ]);
  });

  it('appends decided titles, adds a decided person not yet listed, drops the year-bound rating and says so', () => {
    const n = nextYearDocument(cum7());
    expect(n.doc.people).toEqual([
      {
        name: 'Hà Văn Lâm',
        unit: 'VKSND tỉnh Lâm Đồng',
        titles: [{ year: 2024, title: 'Lao động tiên tiến' }],
      },
      {
        name: 'Mới Vào',
        unit: 'VKSND tỉnh Quảng Ngãi',
        titles: [{ year: 2024, title: 'Lao động tiên tiến' }],
      },
    ]);
    expect(n.notCarried.map((x) => x.vi).join('\n')).toContain('Xếp loại cá nhân (1)');
    expect(n.notCarried.map((x) => x.vi).join('\n')).toContain('Kết quả bầu (election)');
  });

  it("does not carry this year's meeting into next year, but carries the office's own fields", () => {
    const d = {
      ...cum7(),
      meeting: { date: '2024-12-20', chair: 'Nguyễn Văn A' },
      ghiChuCuaVanPhong: 'giữ nguyên',
    };
    const n = nextYearDocument(d);
    expect('meeting' in n.doc).toBe(false);
    expect(n.notCarried.map((x) => x.vi).join('\n')).toContain('Cuộc họp bình xét năm 2024 (meeting)');
    expect((n.doc as unknown as Record<string, unknown>).ghiChuCuaVanPhong).toBe('giữ nguyên');
  });

  it('the leader and deputy proposed by rotation that become one unit leave the deputy to choose', () => {
    const d = cum7();
    delete d.election;
    d.cluster.leader = 'VKSND tỉnh Gia Lai';
    d.cluster.deputy = 'VKSND tỉnh Đắk Nông';
    const n = nextYearDocument(d);
    expect(n.doc.cluster.leader).toBe('VKSND tỉnh Lâm Đồng');
    expect(n.doc.cluster.deputy).toBeUndefined();
    expect(n.issues.some((i) => i.code === 'years.leadership.merged')).toBe(true);
  });
});

describe('compareYears', () => {
  it('gives exact changes beside last year, and none for a new member', () => {
    const d = fixture();
    const result = computeCluster(d).result;
    const [a, b] = result.units;
    d.previousYear = {
      year: d.year - 1,
      units: [
        {
          unit: a!.unit,
          line: a!.unit,
          total: 0.1,
          percent: 0.2,
          rank: 2,
          of: 2,
          tier: 'X',
          metRatio: 0.5,
          exceededRatio: 0,
          metText: '50%',
          exceededText: '0%',
        },
      ],
    };
    const y = compareYears(d, result)!;
    const row = y.rows.find((r) => r.unit === a!.unit)!;
    const total = (result.stage === 'verified' ? a!.verified : a!.self)!.total;
    expect(row.change!.total).toBe(Math.round((total - 0.1) * 1000) / 1000);
    expect(row.change!.rank).toBe(2 - a!.rank);
    expect(y.rows.find((r) => r.unit === b!.unit)!.note!.vi).toBe(`không có số liệu năm ${d.year - 1}`);
  });
});

describe('buildAwardHistory', () => {
  it('reports a gap between the earlier files and the current year', () => {
    const cur = fixture();
    const old = { ...fixture(), year: cur.year - 3 };
    const { issues } = buildAwardHistory({ doc: cur, source: 'now.json' }, [
      { doc: old, source: 'old.json' },
    ]);
    expect(issues.filter((i) => i.code === 'history.year.gap').map((i) => i.message)).toHaveLength(2);
  });

  it('without a history the typed titles decide as before', () => {
    const d = fixture();
    const result = computeCluster(d).result;
    const plain = nominateAwards(d, result);
    const withEmpty = nominateAwards(d, result, {
      history: buildAwardHistory({ doc: d, source: 'a' }, []).history,
    });
    expect(withEmpty.nominations.map((n) => [n.rule, n.candidate])).toEqual(
      plain.nominations.map((n) => [n.rule, n.candidate]),
    );
  });
});

describe('the medal from earlier years', () => {
  const MEDAL = 'Kỷ niệm chương "Vì sự nghiệp Kiểm sát"';
  const setup = (earlierDecision: boolean) => {
    const cur = fixture();
    const unit = cur.units[0]!.name;
    cur.people = [{ name: 'Đỗ Minh Quân', unit }];
    const old: ClusterDocument = {
      ...fixture(),
      year: cur.year - 1,
      people: [{ name: 'Do Minh Quan', unit, serviceStart: '2000-03-01' }],
    };
    if (earlierDecision)
      old.decisions = [
        {
          form: MEDAL,
          recipient: 'Đỗ Minh Quân',
          unit,
          number: '9/QĐ-VKSTC',
          date: `${cur.year}-01-15`,
          authority: 'VKSTC',
        },
      ];
    const built = buildAwardHistory({ doc: cur, source: 'now.json' }, [{ doc: old, source: 'old.json' }]);
    const issues: never[] = [];
    const doc = withHistoryDates(cur, built.serviceStarts, issues);
    const report = nominateAwards(doc, computeCluster(doc).result, { history: built.history });
    return { report, issues: issues as { code: string; message: string }[] };
  };

  it('15 continuous years from the service start an earlier file holds, said with its file', () => {
    const { report, issues } = setup(false);
    expect(
      report.nominations.some((n) => n.rule === 'procuracyMedal' && n.candidate === 'Đỗ Minh Quân'),
    ).toBe(true);
    expect(issues.map((i) => i.message)).toEqual([
      'Đỗ Minh Quân: ngày vào ngành 2000-03-01 lấy từ old.json (danh sách năm nay không ghi).',
    ]);
  });

  it('once only: a decision in an earlier file blocks it', () => {
    const { report } = setup(true);
    const blocked = report.blocked.find((b) => b.rule === 'procuracyMedal')!;
    expect(blocked.reasons.join(' ')).toContain('chỉ tặng một lần');
  });
});
