/**
 * Round trip on generated documents: a small valid cluster document → buildClusterWorkbook → the file host
 * writes a real .xlsx → read back → the same document (scores in sheet order, as the reader gives them), and
 * computeCluster on the workbook's document equals computeCluster on the JSON. Few runs: each writes a file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { planToBytes } from '../../addin/host/xlsx/workbook-files';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import {
  type ClusterDocument,
  type Criterion,
  type Person,
  type Score,
  type Vote,
  computeCluster,
} from '../../core';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import { readClusterWorkbook } from '../../templates/read/cluster';

const PROVINCES = ['Đắk Lắk', 'Gia Lai', 'Kon Tum', 'Lâm Đồng', 'Đắk Nông', 'Phú Yên', 'Khánh Hòa'];
const quarters = (lo: number, hi: number) => fc.integer({ min: lo * 4, max: hi * 4 }).map((q) => q / 4);

const leafArb = fc.record(
  {
    points: quarters(1, 10),
    bonusMax: quarters(0.25, 2),
    deductionMax: quarters(0.5, 2),
    deductionEach: fc.constantFrom(0.25, 0.5),
    evidenceRequired: fc.boolean(),
  },
  { requiredKeys: ['points'] },
);

const criteriaArb: fc.Arbitrary<Criterion[]> = fc
  .array(
    fc.record(
      { leaves: fc.array(leafArb, { minLength: 1, maxLength: 3 }), bonusMax: quarters(0.5, 3) },
      { requiredKeys: ['leaves'] },
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((groups) =>
    groups.flatMap((g, gi) => {
      const code = ['I', 'II', 'III'][gi]!;
      const group: Criterion = {
        code,
        title: `Nhóm ${code}`,
        points: g.leaves.reduce((s, l) => s + l.points * 4, 0) / 4,
      };
      if (g.bonusMax !== undefined) group.bonusMax = g.bonusMax;
      return [
        group,
        ...g.leaves.map(
          (l, li): Criterion => ({
            code: `${code}.${li + 1}`,
            title: `Tiêu chí ${code}.${li + 1}`,
            parent: code,
            ...l,
          }),
        ),
      ];
    }),
  );

/** A valid score on a leaf: every value within its bound. */
const scoreOn = (c: Criterion) =>
  fc
    .record({
      share: fc.integer({ min: 0, max: 4 }),
      bonus: fc.integer({ min: 0, max: 4 }),
      occurrences: fc.integer({ min: 0, max: 4 }),
      deduction: fc.integer({ min: 0, max: 4 }),
      note: fc.option(fc.constantFrom('Báo cáo số 12/BC-VKS', 'Đã kiểm tra hồ sơ'), { nil: undefined }),
    })
    .map(({ share, bonus, occurrences, deduction, note }) => {
      const q = (v: number) => Math.floor(v * 4) / 4;
      const s: Pick<Score, 'points' | 'bonus' | 'deduction' | 'occurrences' | 'note'> = {
        points: q((c.points * share) / 4),
      };
      if (c.bonusMax !== undefined && bonus > 0) s.bonus = q((c.bonusMax * bonus) / 4);
      if (c.deductionEach !== undefined) s.occurrences = occurrences;
      else if (c.deductionMax !== undefined && deduction > 0)
        s.deduction = q((c.deductionMax * deduction) / 4);
      if (note) s.note = note;
      return s;
    });

const docArb: fc.Arbitrary<ClusterDocument> = fc
  .record({
    criteria: criteriaArb,
    provinces: fc.shuffledSubarray(PROVINCES, { minLength: 2, maxLength: 6 }),
    targets: fc.array(fc.constantFrom(0.8, 0.9, 1), { minLength: 1, maxLength: 3 }),
    kind: fc.constantFrom<'annual' | 'campaign'>('annual', 'campaign'),
    // Before the 2025 provincial mergers: every unit valid all year.
    year: fc.integer({ min: 2019, max: 2024 }),
  })
  .chain(({ criteria, provinces, targets, kind, year }) => {
    const units = provinces.map((p) => `VKSND tỉnh ${p}`);
    const leaves = criteria.filter((c) => c.parent !== undefined);
    const perUnit = fc.record({
      self: fc.tuple(...leaves.map(scoreOn)),
      verified: fc.tuple(...leaves.map((c) => fc.option(scoreOn(c), { nil: undefined, freq: 2 }))),
      results: fc.tuple(
        ...targets.map(() =>
          fc
            .integer({ min: 0, max: 30 })
            .chain((d) => fc.integer({ min: 0, max: d }).map((n) => [n, d] as const)),
        ),
      ),
    });
    return fc
      .record({
        units: fc.tuple(...units.map(() => perUnit)),
        votes: fc.array(fc.record({ unit: fc.constantFrom(...units), yes: fc.integer({ min: 0, max: 9 }) }), {
          maxLength: 3,
        }),
        people: fc.array(
          fc.record({
            unit: fc.constantFrom(...units),
            name: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thu Dung'),
            titles: fc.boolean(),
            serviceStart: fc.option(fc.constantFrom('2005-03-01', '2012-09-15'), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
      })
      .map(({ units: per, votes, people }): ClusterDocument => {
        const scores: Score[] = [];
        per.forEach((u, ui) => {
          const unit = units[ui]!;
          u.self.forEach((s, li) => {
            scores.push({ unit, criterion: leaves[li]!.code, stage: 'self', ...s });
          });
          u.verified.forEach((s, li) => {
            if (s) scores.push({ unit, criterion: leaves[li]!.code, stage: 'verified', ...s });
          });
        });
        const doc: ClusterDocument = {
          format: 'thidua/cluster@1',
          kind,
          year,
          cluster: { name: 'Cụm thi đua số 7', leader: units[0]!, deputy: units[1]!, rotation: [...units] },
          units: units.map((name) => ({ name })),
          criteria,
          scores,
          indicators: targets.map((target, i) => ({
            code: `CT${i + 1}`,
            title: `Chỉ tiêu ${i + 1}`,
            target,
          })),
          indicatorResults: per.flatMap((u, ui) =>
            u.results.map(([numerator, denominator], i) => ({
              unit: units[ui]!,
              indicator: `CT${i + 1}`,
              numerator,
              denominator,
            })),
          ),
        };
        if (kind === 'campaign') doc.period = { from: `${year}-03-01`, to: `${year}-09-30` };
        const seen = new Set<string>();
        const v: Vote[] = votes
          .filter((x) => !seen.has(x.unit) && seen.add(x.unit))
          .map((x) => ({ award: 'Tập thể lao động xuất sắc', candidate: x.unit, yes: x.yes, voters: 9 }));
        if (v.length) doc.votes = v;
        const named = new Set<string>();
        const p: Person[] = people
          .filter((x) => !named.has(x.name) && named.add(x.name))
          .map((x) => ({
            name: x.name,
            unit: x.unit,
            ...(x.titles ? { titles: [{ year: year - 1, title: 'Lao động tiên tiến' }] } : {}),
            ...(x.serviceStart ? { serviceStart: x.serviceStart } : {}),
          }));
        if (p.length) doc.people = p;
        return doc;
      });
  });

/** The reader gives scores in sheet order (unit by unit, criterion rows, self before verified). */
const byPlace = (doc: ClusterDocument) => {
  const units = doc.units.map((u) => u.name);
  const codes = doc.criteria.map((c) => c.code);
  return [...(doc.scores ?? [])].sort(
    (a, b) =>
      units.indexOf(a.unit) - units.indexOf(b.unit) ||
      codes.indexOf(a.criterion) - codes.indexOf(b.criterion) ||
      (a.stage === b.stage ? 0 : a.stage === 'self' ? -1 : 1),
  );
};

describe('generated documents through a real .xlsx', () => {
  it('read back equal, and compute the same from the workbook as from the JSON', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, async (doc) => {
        const computation = computeCluster(doc);
        expect(computation.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
        const { bytes } = await planToBytes(
          buildClusterWorkbook(doc, computation, { now: '2024-01-05T08:00:00Z' }),
        );
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const read = readClusterWorkbook(snapshotWorkbook(wb, 'sinh-ngau-nhien.xlsx'));
        expect(read.issues).toEqual([]);
        expect({ ...read.doc!, scores: byPlace(read.doc!) }).toEqual({ ...doc, scores: byPlace(doc) });
        expect(computeCluster(read.doc!).result).toEqual(computation.result);
      }),
      { numRuns: 12, seed: 20240105 },
    );
  }, 120_000);
});
