/**
 * computeCluster at 7, 70 and 700 units: 150 leaf criteria in 10 groups (with group caps), both stages
 * scored on every leaf, 30 indicators per unit. Target: ≤ 200 ms at 700 units, growing linearly.
 * Also reading the document at 7 and 700 units: parseClusterDocument (a value the caller keeps, so items are
 * copied) and parseClusterJson (text, as check/compute read a file; JSON.parse included).
 */
import {
  CLUSTER_FORMAT,
  type ClusterDocument,
  type Criterion,
  computeCluster,
  type IndicatorResult,
  parseClusterDocument,
  parseClusterJson,
  type Score,
} from '../../core';
import type { BenchRow } from '../bench';

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateCluster(unitCount: number, leaves = 150, indicatorCount = 30): ClusterDocument {
  const rnd = random(unitCount);
  const groups = 10;
  const criteria: Criterion[] = [];
  for (let g = 0; g < groups; g++) {
    criteria.push({
      code: `${g + 1}`,
      title: `Nhóm ${g + 1}`,
      points: (leaves / groups) * 2,
      bonusMax: 2,
      deductionMax: 3,
    });
    for (let l = 0; l < leaves / groups; l++)
      criteria.push({
        code: `${g + 1}.${l + 1}`,
        title: `Tiêu chí ${g + 1}.${l + 1}`,
        parent: `${g + 1}`,
        points: 2,
        bonusMax: 0.5,
        deductionEach: 0.25,
        deductionMax: 1,
      });
  }
  const units = Array.from({ length: unitCount }, (_, i) => ({ name: `Phòng nghiệp vụ số ${i + 1}` }));
  const leafCodes = criteria.filter((c) => c.parent).map((c) => c.code);
  const scores: Score[] = [];
  for (const stage of ['self', 'verified'] as const)
    for (const u of units)
      for (const code of leafCodes) {
        const r = rnd();
        const s: Score = { unit: u.name, criterion: code, stage, points: Math.round(r * 8) / 4 };
        if (r > 0.8) s.bonus = 0.25;
        if (r < 0.05) s.occurrences = 1 + Math.floor(r * 100);
        scores.push(s);
      }
  const indicators = Array.from({ length: indicatorCount }, (_, i) => ({
    code: `CT${i + 1}`,
    title: `Chỉ tiêu ${i + 1}`,
    target: i % 3 === 0 ? 1 : 0.9,
    lowerIsBetter: i % 7 === 6,
  }));
  const indicatorResults: IndicatorResult[] = [];
  for (const u of units)
    for (const ind of indicators) {
      const denominator = Math.floor(rnd() * 200);
      indicatorResults.push({
        unit: u.name,
        indicator: ind.code,
        numerator: Math.floor(denominator * (0.85 + rnd() * 0.15)),
        denominator,
      });
    }
  return {
    format: CLUSTER_FORMAT,
    kind: 'annual',
    year: 2024,
    cluster: { name: `Cụm đo ${unitCount}` },
    units,
    criteria,
    scores,
    indicators,
    indicatorResults,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall time and median CPU time (process user + system) of `repeats` runs after a warm-up. CPU time is
 * reported too because the machine is shared: wall time there also counts other processes' turns.
 */
function time(run: () => unknown, repeats: number): { wall: number; cpu: number } {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const d = process.cpuUsage(usage);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [7, 70, 700]) {
    const doc = generateCluster(n);
    const repeats = n >= 700 ? 7 : 21;
    const t = time(() => computeCluster(doc), repeats);
    rows.push({
      area: 'compute',
      case: `computeCluster, ${n} units × 150 leaves × 2 stages, 30 ind.`,
      value: t.wall,
      unit: 'ms',
      note: `CPU ${t.cpu.toFixed(1)} ms; ${doc.scores!.length} scores; ${((t.wall / n) * 1000).toFixed(0)} µs per unit${n === 700 ? '; target ≤ 200 ms' : ''}`,
    });
  }
  for (const n of [7, 700]) {
    const text = JSON.stringify(generateCluster(n));
    const raw = JSON.parse(text);
    const repeats = n >= 700 ? 7 : 21;
    const value = time(() => parseClusterDocument(raw), repeats);
    rows.push({
      area: 'compute',
      case: `parseClusterDocument (value), ${n} units`,
      value: value.wall,
      unit: 'ms',
      note: `CPU ${value.cpu.toFixed(1)} ms`,
    });
    const syntax = time(() => JSON.parse(text), repeats);
    rows.push({
      area: 'compute',
      case: `JSON.parse alone (the floor of parseClusterJson), ${n} units`,
      value: syntax.wall,
      unit: 'ms',
      note: `CPU ${syntax.cpu.toFixed(1)} ms`,
    });
    const json = time(() => parseClusterJson(text), repeats);
    rows.push({
      area: 'compute',
      case: `parseClusterJson (text, ${(text.length / 1e6).toFixed(1)} MB), ${n} units`,
      value: json.wall,
      unit: 'ms',
      note: `CPU ${json.cpu.toFixed(1)} ms`,
    });
  }
  return rows;
}
