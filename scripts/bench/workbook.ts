/**
 * The file host on the largest cluster workbook the project makes: 63 members (every pre-2025 province),
 * ~150 leaf criteria in 15 groups with caps, self and verified scores, 30 indicators. Times: the builder's
 * plan, writing the .xlsx (exceljs + chart parts), reading it back and computing, and `compute -o` (results
 * written into a copy). Sizes of both files. One run each, after one warm-up of the plan builder.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readWorkbookDocument } from '../../addin/cli/read-document';
import { planToBytes, writeResultsCopy } from '../../addin/host/xlsx/workbook-files';
import {
  type ClusterDocument,
  type Criterion,
  type IndicatorResult,
  type Score,
  computeCluster,
} from '../../core';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import type { BenchRow } from '../bench';

const UNITS = 63;
const GROUPS = 15;
const LEAVES_PER_GROUP = 10;
const INDICATORS = 30;

export function largeCluster(unitCount = UNITS): ClusterDocument {
  const units = Array.from({ length: unitCount }, (_, i) => ({
    name: `VKSND tỉnh Số ${String(i + 1).padStart(2, '0')}`,
  }));
  const criteria: Criterion[] = [];
  for (let g = 1; g <= GROUPS; g++) {
    const leaves: Criterion[] = [];
    for (let l = 1; l <= LEAVES_PER_GROUP; l++) {
      const c: Criterion = {
        code: `${g}.${l}`,
        title: `Tiêu chí ${g}.${l}`,
        parent: String(g),
        points: 1 + ((g + l) % 4) * 0.5,
      };
      if (l % 3 === 0) c.bonusMax = 0.5;
      if (l % 4 === 0) Object.assign(c, { deductionEach: 0.25, deductionMax: 1 });
      leaves.push(c);
    }
    criteria.push(
      {
        code: String(g),
        title: `Nhóm tiêu chí ${g}`,
        points: leaves.reduce((s, c) => s + c.points, 0),
        bonusMax: 1,
      },
      ...leaves,
    );
  }
  const leaves = criteria.filter((c) => c.parent !== undefined);
  const scores: Score[] = [];
  units.forEach((u, i) => {
    leaves.forEach((c, j) => {
      const points = Math.round(c.points * 4 * (0.7 + ((i * 7 + j * 3) % 10) / 34)) / 4;
      const self: Score = {
        unit: u.name,
        criterion: c.code,
        stage: 'self',
        points: Math.min(points, c.points),
      };
      if (c.bonusMax !== undefined && (i + j) % 5 === 0) self.bonus = 0.25;
      if (c.deductionEach !== undefined) self.occurrences = (i + j) % 3;
      scores.push(self);
      if ((i + j) % 3 !== 0)
        scores.push({ ...self, stage: 'verified', points: Math.max(0, self.points - 0.25) });
    });
  });
  const indicators = Array.from({ length: INDICATORS }, (_, k) => ({
    code: `CT${k + 1}`,
    title: `Chỉ tiêu nghiệp vụ ${k + 1}`,
    target: [0.8, 0.9, 0.95, 1][k % 4]!,
  }));
  const indicatorResults: IndicatorResult[] = units.flatMap((u, i) =>
    indicators.map((ind, k) => {
      const denominator = (i + k) % 11 === 0 ? 0 : 20 + ((i * 13 + k * 5) % 60);
      return {
        unit: u.name,
        indicator: ind.code,
        numerator: Math.min(denominator, Math.round(denominator * (0.85 + ((i + k) % 4) * 0.05))),
        denominator,
      };
    }),
  );
  return {
    format: 'thidua/cluster@1',
    kind: 'annual',
    year: 2024,
    cluster: { name: 'Cụm thi đua toàn quốc (thử tải)', leader: units[0]!.name, deputy: units[1]!.name },
    units,
    criteria,
    scores,
    indicators,
    indicatorResults,
  };
}

async function timed<T>(job: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await job();
  return [value, performance.now() - start];
}

export async function bench(): Promise<BenchRow[]> {
  const doc = largeCluster();
  const leaves = doc.criteria.filter((c) => c.parent !== undefined).length;
  const shape = `${UNITS} units, ${leaves} leaf criteria, ${INDICATORS} indicators, ${doc.scores!.length} scores`;
  const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-wb-'));
  try {
    const computation = computeCluster(doc);
    buildClusterWorkbook(doc, computation); // warm-up
    const [plan, planMs] = await timed(() =>
      buildClusterWorkbook(doc, computation, { now: '2025-01-05T08:00:00Z' }),
    );
    const cells = plan.sheets.reduce((n, s) => n + s.cells.length, 0);
    const [{ bytes }, writeMs] = await timed(() => planToBytes(plan));
    const input = join(dir, 'cum-63.xlsx');
    await writeFile(input, bytes);
    const [read, readMs] = await timed(() => readWorkbookDocument(input));
    const [back, computeMs] = await timed(() => computeCluster(read.doc!));
    const output = join(dir, 'cum-63-ket-qua.xlsx');
    const [report, outMs] = await timed(() =>
      writeResultsCopy(input, output, read.doc!, back, '2025-01-05T09:00:00Z'),
    );
    const outSize = (await stat(output)).size;
    return [
      {
        area: 'workbook',
        case: 'build plan (63-unit cluster)',
        value: planMs,
        unit: 'ms',
        note: `${plan.sheets.length} sheets, ${cells} cells; ${shape}`,
      },
      { area: 'workbook', case: 'write .xlsx (the plan writer)', value: writeMs, unit: 'ms' },
      { area: 'workbook', case: 'size of the .xlsx', value: bytes.byteLength / 1024, unit: 'KB' },
      {
        area: 'workbook',
        case: 'read back (checks, snapshot, reader)',
        value: readMs,
        unit: 'ms',
        note: `${read.issues.length} issues`,
      },
      { area: 'workbook', case: 'computeCluster on the read document', value: computeMs, unit: 'ms' },
      {
        area: 'workbook',
        case: 'compute -o: results into a copy',
        value: outMs,
        unit: 'ms',
        note: `${report.cellsWritten} cells written, ${report.refused.length} refused`,
      },
      { area: 'workbook', case: 'size of the computed copy', value: outSize / 1024, unit: 'KB' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
