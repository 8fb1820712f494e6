/**
 * No point lost on the way back (issue 9): for random filled scorecards, the member's own total equals the
 * cluster's total for that member after send-out → fill → re-save by LibreOffice Calc → merge. 200 random
 * scorecards (fixed seed; THIDUA_ROUND_TRIP_RUNS and THIDUA_ROUND_TRIP_SEED to change), one LibreOffice start.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedWorkbook, memberScorecardBuilder, mergeLoaded } from '../../../addin/app/cycle-core';
import { convertWorkbooks } from '../../../addin/host/libreoffice/convert';
import { loadWorkbookBytes } from '../../../addin/host/xlsx/load';
import { snapshotWorkbook } from '../../../addin/host/xlsx/snapshot';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { type ClusterDocument, type Score, computeCluster } from '../../../core';
import { newClusterDocument } from '../../../templates/build/new-document';
import { leafCriteria, typeScores } from '../app/returned';

const RUNS = Number(process.env.THIDUA_ROUND_TRIP_RUNS ?? 200);
const SEED = Number(process.env.THIDUA_ROUND_TRIP_SEED ?? 20261203);

const doc: ClusterDocument = newClusterDocument({
  kind: 'annual',
  year: 2023,
  cluster: 'Cụm thi đua số 8',
  units: ['VKSND tỉnh Quảng Nam', 'VKSND tỉnh Quảng Ngãi', 'VKSND tỉnh Bình Định'],
});
const leaves = leafCriteria(doc);

/** A multiple of `step` from 0 to `max`. */
const steps = (max: number, step: number) =>
  fc.integer({ min: 0, max: Math.round(max / step) }).map((n) => n * step);

/** One member's filled scorecard: any leaf may be blank; points, bonus and deduction in quarter points. */
const filled = fc.record({
  unit: fc.constantFrom(...doc.units.map((u) => u.name)),
  rows: fc.tuple(
    ...leaves.map((c) =>
      fc.option(
        fc.record({
          points: steps(c.points, 0.25),
          bonus: fc.option(steps(c.bonusMax ?? 2, 0.5), { nil: undefined }),
          deduction: fc.option(steps(c.deductionMax ?? 2, 0.25), { nil: undefined }),
        }),
        { nil: undefined, freq: 4 },
      ),
    ),
  ),
});

interface Row {
  points: number;
  bonus?: number | undefined;
  deduction?: number | undefined;
}

function scoresOf(card: { unit: string; rows: readonly (Row | undefined)[] }): Score[] {
  return card.rows.flatMap((r, i) => {
    if (!r) return [];
    const s: Score = { unit: card.unit, criterion: leaves[i]!.code, stage: 'self', points: r.points };
    if (r.bonus) s.bonus = r.bonus;
    if (r.deduction) s.deduction = r.deduction;
    return [s];
  });
}

let dir: string;
const cards = fc.sample(filled, { numRuns: RUNS, seed: SEED }).map((card, i) => ({
  file: `the-${String(i + 1).padStart(3, '0')}.xlsx`,
  unit: card.unit,
  scores: scoresOf(card),
}));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-round-trip-'));
  await mkdir(join(dir, 'filled'));
  await mkdir(join(dir, 'calc'));
  const sent = memberScorecardBuilder(doc, '2023-12-01T00:00:00.000Z');
  const blanks = new Map<string, Uint8Array>();
  for (const u of doc.units) blanks.set(u.name, (await planToBytes(sent(u.name).plan)).bytes);
  for (const card of cards) {
    const { bytes } = await typeScores(blanks.get(card.unit)!, doc, card.unit, card.scores);
    await writeFile(join(dir, 'filled', card.file), bytes);
  }
  await convertWorkbooks(
    cards.map((c) => join(dir, 'filled', c.file)),
    join(dir, 'calc'),
    { ext: '.xlsx', filter: 'xlsx:Calc MS Excel 2007 XML' },
    { recalculate: false, timeoutMs: 30_000 + RUNS * 3_000 },
  );
}, 900_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(`${RUNS} random scorecards through LibreOffice and merge (seed ${SEED})`, () => {
  it("the cluster's total for the member is the member's own", async () => {
    // The generator fills most rows: nearly every card carries scores, bonuses and deductions to lose.
    expect(cards.filter((c) => c.scores.length > leaves.length / 2).length).toBeGreaterThan(RUNS * 0.9);
    expect(cards.some((c) => c.scores.some((s) => s.bonus) && c.scores.some((s) => s.deduction))).toBe(true);
    const wrong: string[] = [];
    for (const card of cards) {
      const own = computeCluster({ ...doc, scores: card.scores }).result.units.find(
        (u) => u.unit === card.unit,
      )!;
      const bytes = new Uint8Array(await readFile(join(dir, 'calc', card.file)));
      const snapshot = snapshotWorkbook(await loadWorkbookBytes(bytes, card.file), card.file);
      const merged = mergeLoaded([loadedWorkbook(card.file, snapshot)]);
      if (!merged.ok) {
        wrong.push(`${card.file}: ${merged.text.vi}`);
        continue;
      }
      const got = computeCluster(merged.document).result.units.find((u) => u.unit === card.unit);
      if (got?.self?.total !== own.self?.total)
        wrong.push(`${card.file} (${card.unit}): own ${own.self?.total}, merged ${got?.self?.total}`);
    }
    expect(wrong).toEqual([]);
  });
});
