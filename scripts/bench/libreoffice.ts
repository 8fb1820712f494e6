/**
 * LibreOffice's recalculation of a cluster workbook: a tiny workbook (what one soffice start costs) against
 * the bundled sample (5 units) and a 63-unit cluster (every pre-2025 province in one cluster, the largest
 * workbook the project makes). Each figure is one soffice run with a fresh profile: start + load + recalc + save.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { hasLibreOffice, recalculateWorkbook } from '../../addin/host/libreoffice';
import { applyPlanToWorkbook } from '../../addin/host/xlsx/apply';
import { type ClusterDocument, type Score, computeCluster } from '../../core';
import { buildClusterWorkbook } from '../../templates';
import type { BenchRow } from '../bench';

const root = join(import.meta.dirname, '..', '..');

/** The sample's scorecard and indicators, with `count` members and deterministic scores. */
function bigCluster(sample: ClusterDocument, count: number): ClusterDocument {
  const units = Array.from({ length: count }, (_, i) => ({
    name: `VKSND tỉnh Số ${String(i + 1).padStart(2, '0')}`,
  }));
  const leaves = sample.criteria.filter((c) => !sample.criteria.some((o) => o.parent === c.code));
  const scores: Score[] = [];
  units.forEach((u, i) => {
    leaves.forEach((c, j) => {
      const points = Math.round(c.points * 4 * (0.6 + ((i * 7 + j * 3) % 10) / 25)) / 4;
      scores.push({ unit: u.name, criterion: c.code, stage: 'self', points: Math.min(points, c.points) });
      if (i % 2 === 0)
        scores.push({
          unit: u.name,
          criterion: c.code,
          stage: 'verified',
          points: Math.min(points, c.points),
        });
    });
  });
  const indicatorResults = units.flatMap((u, i) =>
    (sample.indicators ?? []).map((ind, j) => {
      const denominator = 20 + ((i * 13 + j * 5) % 60);
      return { unit: u.name, indicator: ind.code, numerator: denominator - ((i + j) % 4), denominator };
    }),
  );
  return {
    ...sample,
    cluster: { name: 'Cụm thi đua thử nghiệm 63 tỉnh', leader: units[0]!.name, deputy: units[1]!.name },
    units,
    scores,
    indicatorResults,
    votes: [],
    people: [],
  };
}

async function writeWorkbook(doc: ClusterDocument, path: string): Promise<number> {
  const plan = buildClusterWorkbook(doc, computeCluster(doc), { now: '2023-01-05T08:00:00Z' });
  const wb = new ExcelJS.Workbook();
  await applyPlanToWorkbook(wb, plan, 'create');
  await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula !== undefined).length, 0);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function bench(): Promise<BenchRow[]> {
  if (!hasLibreOffice())
    return [{ area: 'libreoffice', case: 'LibreOffice not installed', value: 0, unit: '-' }];
  const dir = await mkdtemp(join(tmpdir(), 'thidua-bench-lo-'));
  try {
    const sample = JSON.parse(
      await readFile(join(root, 'templates/samples/cum-7-2022.json'), 'utf8'),
    ) as ClusterDocument;
    const tiny = new ExcelJS.Workbook();
    tiny.addWorksheet('A').getCell('A1').value = { formula: '1+1', result: 0 };
    await tiny.xlsx.writeFile(join(dir, 'tiny.xlsx'));
    const sampleFormulas = await writeWorkbook(sample, join(dir, 'sample.xlsx'));
    const big = bigCluster(sample, 63);
    const bigFormulas = await writeWorkbook(big, join(dir, 'cluster-63.xlsx'));
    const rows: BenchRow[] = [];
    // A first run warms the disk cache for LibreOffice's own libraries; it is not reported.
    await recalculateWorkbook(join(dir, 'tiny.xlsx'), join(dir, 'warm'));
    const cases: [string, string, string][] = [
      ['tiny.xlsx', 'soffice start, 1 formula (baseline)', ''],
      ['sample.xlsx', `sample Cụm 7 (5 units, ${sampleFormulas} formulas)`, ''],
      ['cluster-63.xlsx', `63-unit cluster (${bigFormulas} formulas)`, ''],
    ];
    for (const [file, label] of cases) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++)
        runs.push(await timed(() => recalculateWorkbook(join(dir, file), join(dir, `out-${i}`))));
      runs.sort((a, b) => a - b);
      rows.push({
        area: 'libreoffice',
        case: `recalculate ${label}`,
        value: runs[1]!,
        unit: 'ms',
        note: 'median of 3, start to saved file',
      });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
