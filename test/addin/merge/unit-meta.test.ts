/**
 * The cluster information a member's scorecard carries: split over meta cells and joined back exactly, read
 * from a real .xlsx, and a damaged copy reported instead of half-used.
 */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import type { ClusterDocument } from '../../../core';
import { largeCluster } from '../../../scripts/bench/workbook';
import { buildUnitScorecard, splitMetaText, unitMetaDocument } from '../../../templates/build/unit-scorecard';
import { UNIT_META_KEYS } from '../../../templates/layouts/unit-meta';
import type { WorkbookPlan } from '../../../templates/plan';
import {
  type CarriedParser,
  carriedParser,
  readUnitMeta,
  readUnitScorecard,
} from '../../../templates/read/unit-meta';

async function snapshotOf(plan: WorkbookPlan, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToBytes(plan)).bytes as unknown as ArrayBuffer);
  return snapshotWorkbook(wb, name);
}

/** The plan with one meta row's value replaced (or the row dropped when `value` is undefined). */
function withMeta(plan: WorkbookPlan, key: string, value: string | undefined): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      if (sheet.role !== 'meta') return sheet;
      const row = sheet.cells.find((c) => c.ref.startsWith('A') && c.value === key)!.ref.slice(1);
      return {
        ...sheet,
        cells: sheet.cells
          .filter((c) => value !== undefined || c.ref.replace(/^[A-Z]+/, '') !== row)
          .map((c) => (c.ref === `B${row}` ? { ...c, value: value ?? null } : c)),
        tables: (sheet.tables ?? []).map((t) => ({
          ...t,
          rows: t.rows
            .filter((r) => value !== undefined || r[0] !== key)
            .map((r) => (r[0] === key ? [key, value ?? ''] : r)),
        })),
      };
    }),
  };
}

describe('splitMetaText', () => {
  it('joins back to the same text, parts within the size, never cut beside whitespace', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'ắ', ' ', '"', '\n', 'Đ'), maxLength: 400 }),
        fc.integer({ min: 2, max: 40 }),
        (value, size) => {
          const parts = splitMetaText(value, size);
          expect(parts.join('')).toBe(value);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(size);
          for (const [i, p] of parts.entries()) {
            // A cut is moved off whitespace unless the whole window is whitespace.
            if (i < parts.length - 1 && /\S/.test(p.slice(1)))
              expect(/\s/.test(p.at(-1)!) && /\s/.test(parts[i + 1]![0]!)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the cluster information in a unit scorecard', () => {
  it('a 63-member cluster with 150 criteria: several cells, read back equal from a real .xlsx', async () => {
    const doc = largeCluster();
    const unit = doc.units[40]!.name;
    const plan = buildUnitScorecard(doc, unit);
    const parts = Number(
      plan.sheets
        .find((s) => s.role === 'meta')!
        .tables![0]!.rows.find((r) => r[0] === UNIT_META_KEYS.documentParts)![1],
    );
    expect(parts).toBeGreaterThan(1);
    const snapshot = await snapshotOf(plan, 'lon.xlsx');
    const meta = readUnitMeta(snapshot);
    expect(meta.issues).toEqual([]);
    expect(meta.document).toEqual(unitMetaDocument(doc));
    expect(meta.document!.units).toHaveLength(63);
    expect(meta.document!.scores).toBeUndefined();
    const read = readUnitScorecard(snapshot);
    expect(read.unit).toBe(unit);
    // The member's scorecard carries its own self-assessment; the verified stage belongs to the cluster.
    const own = (doc.scores ?? []).filter((s) => s.unit === unit && s.stage === 'self');
    expect(own.length).toBeGreaterThan(100);
    expect(read.document!.scores!.length).toBe(own.length);
    expect(read.document!.scores!.every((s) => s.stage === 'self')).toBe(true);
  });

  it("two members' copies of one send-out: their cluster information parsed once per merge, read the same as parsed alone", async () => {
    const doc = largeCluster(12);
    const [a, b] = await Promise.all(
      [doc.units[2]!.name, doc.units[7]!.name].map((u) =>
        snapshotOf(buildUnitScorecard(doc, u), `${u}.xlsx`),
      ),
    );
    const texts: string[] = [];
    const parse = carriedParser();
    const counting: CarriedParser = (json) => {
      texts.push(json);
      return parse(json);
    };
    const first = readUnitScorecard(a!, undefined, counting);
    const second = readUnitScorecard(b!, undefined, counting);
    // The same text in both files: one document, shared, and equal to what each file gives on its own.
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe(texts[1]);
    expect(second.cluster).toBe(first.cluster);
    expect(first.cluster).toEqual(readUnitScorecard(a!).cluster);
    expect(second).toEqual(readUnitScorecard(b!));
    // Another cluster's information is parsed again.
    const other = await snapshotOf(
      buildUnitScorecard({ ...doc, year: doc.year + 1 }, doc.units[2]!.name),
      'other.xlsx',
    );
    expect(readUnitScorecard(other, undefined, counting).cluster).not.toBe(first.cluster);
  });

  it('a damaged copy is a warning naming the file and is not used; nothing else to read against is an error', async () => {
    const doc: ClusterDocument = {
      format: 'thidua/cluster@1',
      kind: 'annual',
      year: 2022,
      cluster: { name: 'Cụm thi đua số 7', leader: 'VKSND tỉnh Gia Lai' },
      units: [{ name: 'VKSND tỉnh Đắk Lắk' }, { name: 'VKSND tỉnh Gia Lai' }],
      criteria: [
        { code: '1', title: 'Chuyên môn', points: 60 },
        { code: '1.1', title: 'Hình sự', parent: '1', points: 60 },
        { code: '2', title: 'Xây dựng ngành', points: 40 },
      ],
      scores: [{ unit: 'VKSND tỉnh Gia Lai', criterion: '1.1', stage: 'self', points: 55 }],
    };
    const plan = buildUnitScorecard(doc, 'VKSND tỉnh Gia Lai');
    const good = readUnitScorecard(await snapshotOf(plan, 'gialai.xlsx'));
    expect(good.issues).toEqual([]);
    expect(good.cluster!.cluster).toEqual(doc.cluster);
    expect(good.document!.scores).toEqual([
      { unit: 'VKSND tỉnh Gia Lai', criterion: '1.1', stage: 'self', points: 55 },
    ]);

    const cut = await snapshotOf(withMeta(plan, UNIT_META_KEYS.documentPart(1), '{"format":'), 'hong.xlsx');
    const meta = readUnitMeta(cut);
    expect(meta.document).toBeUndefined();
    expect(meta.issues.map((i) => [i.code, i.severity, i.sheet])).toEqual([
      ['unit.meta.damaged', 'warning', '_ThiDua'],
    ]);
    expect(meta.issues[0]!.message).toContain('hong.xlsx: thông tin về cụm trong sheet ẩn _ThiDua bị hỏng');
    const read = readUnitScorecard(cut);
    expect(read.document).toBeUndefined();
    expect(read.issues.map((i) => i.code)).toEqual(['unit.meta.damaged', 'unit.meta.missing']);
    // Read against the cluster's own document instead, the scores are there.
    expect(readUnitScorecard(cut, doc).document!.scores).toHaveLength(1);

    const missingPart = readUnitMeta(
      await snapshotOf(withMeta(plan, UNIT_META_KEYS.documentParts, '3'), 'thieu.xlsx'),
    );
    expect(missingPart.document).toBeUndefined();
    expect(missingPart.issues[0]!.messageEn).toContain('part 2 of 3 missing');
  });
});
