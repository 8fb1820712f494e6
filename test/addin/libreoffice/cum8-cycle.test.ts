/**
 * The cycle of issue 9 end to end on Cụm 8 of 2020 (six members), with the members' files filled and saved
 * by the programs offices use: `thidua new --per-unit` sends the scorecards out; two members fill theirs
 * with openpyxl (Debian's python3-openpyxl), two in a spreadsheet and re-save through LibreOffice Calc, one
 * with exceljs; bonuses and deductions sit on the 0-point "Điểm cộng, điểm trừ" rows; one member also types
 * into the locked verified columns; one never returns. `thidua merge` then `compute`: each returned member's
 * cluster total equals its own total, the verified values it typed are reported and not taken, and the
 * member that did not return is not ranked.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorecardFileName } from '../../../addin/app/cycle-core';
import { runCli } from '../../../addin/cli/main';
import { convertWorkbooks } from '../../../addin/host/libreoffice/convert';
import { type ClusterDocument, type Score, computeCluster } from '../../../core';
import { buildClusterWorkbook, buildUnitScorecard } from '../../../templates';
import { newClusterDocument } from '../../../templates/build/new-document';
import type { WorkbookPlan } from '../../../templates/plan';
import { leafCriteria, selfScores, typeScores } from '../app/returned';

const UNITS = [
  'VKSND tỉnh Quảng Nam',
  'VKSND tỉnh Quảng Ngãi',
  'VKSND tỉnh Bình Định',
  'VKSND tỉnh Phú Yên',
  'VKSND tỉnh Khánh Hòa',
  'VKSND tỉnh Ninh Thuận',
];
const NOT_RETURNED = UNITS[5]!;
const TYPES_VERIFIED = UNITS[1]!;
const BY: Record<string, 'openpyxl' | 'libreoffice' | 'exceljs'> = {
  [UNITS[0]!]: 'openpyxl',
  [UNITS[1]!]: 'openpyxl',
  [UNITS[2]!]: 'libreoffice',
  [UNITS[3]!]: 'libreoffice',
  [UNITS[4]!]: 'exceljs',
};

const doc: ClusterDocument = newClusterDocument({
  kind: 'annual',
  year: 2020,
  cluster: 'Cụm thi đua số 8',
  units: UNITS,
});
const zeroRows = leafCriteria(doc).filter((c) => c.points === 0);

/** A member's own scores: every leaf, and a bonus or a deduction on the 0-point rows (no score typed there). */
function ownScores(unit: string, i: number): Score[] {
  const plain = selfScores(doc, unit, i).filter((s) => !zeroRows.some((z) => z.code === s.criterion));
  const extras = zeroRows.map((z, k) => ({
    unit,
    criterion: z.code,
    stage: 'self' as const,
    points: 0,
    ...(k % 2 === 0 ? { bonus: 0.5 + ((i + k) % 3) * 0.5 } : { deduction: 0.5 * (1 + (i % 2)) }),
  }));
  return [...plain, ...extras];
}

/** The cells a plan holds differently from the blank one on the unit's scorecard sheet: what a person types. */
function typedCells(blank: WorkbookPlan, filled: WorkbookPlan, unit: string) {
  const sheet = filled.sheets.find((s) => s.role === 'scorecard' && s.unit === unit)!;
  const before = new Map(
    blank.sheets.find((s) => s.name === sheet.name)!.cells.map((c) => [c.ref, c.value ?? null]),
  );
  return sheet.cells
    .filter((c) => c.value !== undefined && c.value !== null && c.value !== (before.get(c.ref) ?? null))
    .filter((c) => typeof c.value === 'number' || typeof c.value === 'string')
    .filter((c) => typeof c.value !== 'string' || !c.value.startsWith('='))
    .map((c) => ({ sheet: sheet.name, ref: c.ref, value: c.value as number | string }));
}

const OPENPYXL_FILL = `
import json, sys, warnings
import openpyxl
warnings.simplefilter("ignore")
path, edits = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
wb = openpyxl.load_workbook(path)
for e in edits:
    wb[e["sheet"]][e["ref"]] = e["value"]
wb.save(path)
`;

let dir: string;
const own = new Map<string, Score[]>();
let typedVerified = 0;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-cum8-'));
  await writeFile(join(dir, 'cum-8-2020.json'), JSON.stringify(doc));
  const made = await cli(
    'new',
    'annual',
    '--from',
    'cum-8-2020.json',
    '-o',
    'cum-8-2020.xlsx',
    '--per-unit',
    'gui',
  );
  expect(made.code, made.err).toBe(0);
  await writeFile(join(dir, 'fill.py'), OPENPYXL_FILL);
  await mkdir(join(dir, 'nhan'));
  await mkdir(join(dir, 'calc'));
  const toCalc: string[] = [];
  for (const [i, unit] of UNITS.entries()) {
    if (unit === NOT_RETURNED) continue;
    const scores = ownScores(unit, i);
    own.set(unit, scores);
    const name = scorecardFileName(doc, unit);
    const sent = new Uint8Array(await readFile(join(dir, 'gui', name)));
    if (BY[unit] === 'openpyxl') {
      // No 0 typed as the score of a 0-point row: only its bonus or deduction (the case merge once dropped).
      const edits = typedCells(
        buildUnitScorecard(doc, unit),
        buildUnitScorecard({ ...doc, scores }, unit),
        unit,
      ).filter((e) => e.value !== 0);
      if (unit === TYPES_VERIFIED) {
        // Into the locked verified columns: openpyxl writes any cell, protected or not.
        // Lower than its own, so taking them would change its total.
        const verified = scores.map((s) => ({
          ...s,
          stage: 'verified' as const,
          points: Math.max(0, s.points - 1),
        }));
        const cluster = (scored: Score[]) => buildClusterWorkbook({ ...doc, scores: scored });
        const extra = typedCells(cluster(scores), cluster([...scores, ...verified]), unit).map((e) => ({
          ...e,
          sheet: edits[0]!.sheet,
        }));
        typedVerified = extra.length;
        edits.push(...extra);
      }
      await writeFile(join(dir, 'nhan', name), sent);
      await writeFile(join(dir, `${name}.json`), JSON.stringify(edits));
      execFileSync('/usr/bin/python3', [
        join(dir, 'fill.py'),
        join(dir, 'nhan', name),
        join(dir, `${name}.json`),
      ]);
    } else {
      const { bytes } = await typeScores(sent, doc, unit, scores);
      const target = BY[unit] === 'libreoffice' ? join(dir, 'calc', name) : join(dir, 'nhan', name);
      await writeFile(target, bytes);
      if (BY[unit] === 'libreoffice') toCalc.push(target);
    }
  }
  await convertWorkbooks(
    toCalc,
    join(dir, 'nhan'),
    { ext: '.xlsx', filter: 'xlsx:Calc MS Excel 2007 XML' },
    {
      recalculate: false,
    },
  );
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Cụm 8 of 2020: send out, fill in openpyxl, LibreOffice and exceljs, return, merge, compute', () => {
  it("each returned member's cluster total is its own; verified values typed by a member are not taken", async () => {
    const returned = UNITS.filter((u) => u !== NOT_RETURNED).map((u) =>
      join('nhan', scorecardFileName(doc, u)),
    );
    const merged = await cli('merge', 'cum-8-2020.xlsx', ...returned, '-o', 'cum-8-2020-gop.xlsx', '--json');
    expect(merged.err).toBe('');
    const report = JSON.parse(merged.out) as {
      received: { unit: string }[];
      missing: string[];
      issues: { code: string; unit?: string; message: string }[];
    };
    expect(report.received.map((r) => r.unit).sort()).toEqual([...own.keys()].sort());
    expect(report.missing).toEqual([NOT_RETURNED]);
    // The verified values the member typed are named, by unit, and left out.
    expect(typedVerified).toBeGreaterThan(0);
    const aboutVerified = report.issues.filter(
      (i) => i.unit === TYPES_VERIFIED && /thẩm định/i.test(i.message),
    );
    expect(aboutVerified.length, JSON.stringify(report.issues, null, 1)).toBeGreaterThan(0);

    const computed = await cli('compute', 'cum-8-2020-gop.xlsx', '--json');
    const result = JSON.parse(computed.out) as {
      units: { unit: string; rank: number | null; self?: { total: number }; verified?: { total: number } }[];
    };
    for (const [unit, scores] of own) {
      const alone = computeCluster({ ...doc, scores }).result.units.find((u) => u.unit === unit)!;
      const row = result.units.find((u) => u.unit === unit)!;
      // The member's own total (its file's figures) is the cluster's, bonuses and deductions included.
      expect(row.self?.total, unit).toBe(alone.self?.total);
      expect(row.verified?.total ?? row.self?.total, `${unit}: no verified stage of its own`).toBe(
        alone.self?.total,
      );
      expect(row.rank, unit).not.toBeNull();
    }
    const absent = result.units.find((u) => u.unit === NOT_RETURNED);
    expect(absent?.rank ?? null).toBeNull();
  });
});
