/**
 * The fuzzing harness of issue 10 ("a fuzzing suite that keeps it so"), shared by the default test run
 * (test/fuzz/fuzz.test.ts: a fixed seed, a few hundred runs) and `npm run fuzz` (scripts/fuzz.ts: 10 000).
 *
 * Two generators, both from real inputs:
 * - documents: the bundled sample mutated value by value (a value replaced by one of another type or a
 *   hostile one, a key removed, a list entry duplicated) and, for some runs, its JSON text mutated character
 *   by character; read through parseClusterJson, or parseClusterDocument for values JSON cannot hold (NaN);
 * - workbooks: snapshots of committed workbooks saved by other programs (a cluster workbook and a member's
 *   scorecard), mutated cell by cell (types swapped, cells blanked, NaN, rows duplicated, sheets renamed or
 *   removed), read by the template readers.
 * Each case runs check, compute, nominate and rotate on the document, and merge (the app's readReturns and
 * consolidate) on the member's scorecard against the cluster; the property: nothing throws, no message holds
 * a library's text, and no figure of the result is NaN or infinite.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCEPT, readReturns, type Loaded } from '../../addin/app/merge/returns';
import { consolidate, type ReturnedWorkbook } from '../../addin/app/merge/consolidate';
import { loadWorkbookBytes } from '../../addin/host/xlsx/load';
import { snapshotWorkbook } from '../../addin/host/xlsx/snapshot';
import {
  type ClusterDocument,
  type Issue,
  checkAwardInputs,
  checkCluster,
  computeCluster,
  nominateAwards,
  parseClusterDocument,
  parseClusterJson,
  proposeRotation,
} from '../../core';
import { META_KEYS } from '../../templates/layouts/cluster';
import type { CellValue, WorkbookSnapshot } from '../../templates/plan';
import { readClusterWorkbook } from '../../templates/read/cluster';
import { readMetaRows } from '../../templates/read/unit-meta';

const root = join(import.meta.dirname, '../..');

/**
 * Text of a library, of Node or of a validator, that a person must never read. A stack frame is
 * "at name (file:line:column)": "at scores[68].unit (and 1 more places)" is a message's own words.
 */
export const LIBRARY_TEXT =
  /\[object Object\]|\bundefined\b|\bNaN\b|Cannot read|TypeError|RangeError|SyntaxError|Error:|Invalid input|Invalid option|Expected (string|number|array|object)|Unexpected token|\bat \S+ \([^()]*:\d+:\d+\)|zod|exceljs|jszip/;

/** Texts chosen to break things: formulas, hidden and look-alike characters, internals, odd numbers. */
const HOSTILE_TEXTS = [
  '',
  ' ',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\t-1',
  '\r\n',
  'VKSND tỉnh Gia Lai\u200E',
  'VKSND tỉnh Gi\u0430 Lai',
  'VKSND tỉnh \u202EKon Tum',
  'VKSND tỉnh Đắk Lắk',
  'VKSND tinh Dak Lak',
  '__proto__',
  'constructor',
  'prototype',
  '4,5',
  '1e400',
  '2023-02-30',
  '0000-00-00',
  '9999-99-99',
  '<script>alert(1)</script>',
  '\u0000',
  'Tổng cộng',
  '1.1',
  'self',
  'verified',
  'x'.repeat(5000),
];

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 20 }));

/** Any value a document field may be replaced by: another type, an extreme number, a hostile text. */
const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(0, -0, 1, -1, 0.001, 1e15, 1e15 + 0.001, 2 ** 53 + 2, -1e308, 1e308, 94.9995, 79.9999),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 2 }),
);

/** What JSON cannot hold but a host may give (an Office.js range read as numbers). */
const nonJsonValue: fc.Arbitrary<unknown> = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  undefined,
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => void pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

type DocOp =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number };

const docOp = (nonJson: boolean): fc.Arbitrary<DocOp> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('set' as const),
        at: fc.nat(),
        value: nonJson ? fc.oneof(anyJsonValue, nonJsonValue) : anyJsonValue,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }) },
  );

function applyDocOp(doc: unknown, op: DocOp): void {
  const paths = pathsOf(doc).filter((p) => p.length > 0);
  if (paths.length === 0) return;
  const path = paths[op.at % paths.length]!;
  let parent = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (op.kind === 'set') parent[key] = op.value;
  else if (op.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[key as number]));
}

type TextOp = { at: number; cut: number; insert: string };
const textOp: fc.Arbitrary<TextOp> = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 8 }),
  insert: fc.oneof(
    fc.constantFrom('"', ',', '{', '}', '[', ']', ':', '\\', '\u0000', '"__proto__":1,', '1e400'),
    fc.string({ maxLength: 4 }),
  ),
});

function applyTextOps(text: string, ops: readonly TextOp[]): string {
  let out = text;
  for (const op of ops) {
    const at = op.at % (out.length + 1);
    out = out.slice(0, at) + op.insert + out.slice(at + op.cut);
  }
  return out;
}

export interface DocumentCase {
  ops: DocOp[];
  /** Character edits of the JSON text (empty: the text is valid JSON). */
  textOps: readonly TextOp[];
  /** Read as a value (parseClusterDocument), so values JSON cannot hold reach the reader. */
  asValue: boolean;
}

export const documentCase: fc.Arbitrary<DocumentCase> = fc.boolean().chain((asValue) =>
  fc.record({
    ops: fc.array(docOp(asValue), { minLength: 1, maxLength: 6 }),
    textOps: asValue
      ? fc.constant([])
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.array(textOp, { minLength: 1, maxLength: 3 }) },
        ),
    asValue: fc.constant(asValue),
  }),
);

type CellOp =
  | { kind: 'blank' | 'swap' | 'nan' | 'dupRow'; sheet: number; row: number; col: number }
  | { kind: 'set'; sheet: number; row: number; col: number; value: CellValue }
  | { kind: 'rename'; sheet: number; name: string }
  | { kind: 'remove'; sheet: number };

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  hostileText,
  fc.constantFrom(0, -0, 1e15, 1e15 + 0.001, 94.9995, 79.9999, -1, 1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

const at = { sheet: fc.nat(), row: fc.nat(), col: fc.nat() };
export const cellOp: fc.Arbitrary<CellOp> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('blank' as const, 'swap' as const, 'nan' as const, 'dupRow' as const),
      ...at,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), ...at, value: cellValue }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('rename' as const), sheet: fc.nat(), name: hostileText }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), sheet: fc.nat() }) },
);

/** A value of another type: numbers become their text ("4,5" style too), texts numbers, booleans texts. */
function swapped(v: CellValue): CellValue {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  if (typeof v === 'string') {
    const n = Number(v.replace(',', '.'));
    return v.trim() !== '' && Number.isFinite(n) ? n : v.length;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return 0;
}

export function mutateSnapshot(snapshot: WorkbookSnapshot, ops: readonly CellOp[]): WorkbookSnapshot {
  const out: WorkbookSnapshot = structuredClone(snapshot);
  for (const op of ops) {
    if (out.sheets.length === 0) break;
    const sheet = out.sheets[op.sheet % out.sheets.length]!;
    if (op.kind === 'rename') sheet.name = op.name;
    else if (op.kind === 'remove') out.sheets.splice(op.sheet % out.sheets.length, 1);
    else {
      if (sheet.values.length === 0) continue;
      // Cells that hold something are the interesting ones: pick among them first.
      const r = op.row % sheet.values.length;
      const row = sheet.values[r]!;
      if (op.kind === 'dupRow') {
        sheet.values.splice(r, 0, [...row]);
        sheet.formulas?.splice(r, 0, [...(sheet.formulas[r] ?? [])]);
        continue;
      }
      if (row.length === 0) continue;
      const filled = row.map((v, i) => (v === null || v === '' ? -1 : i)).filter((i) => i >= 0);
      const c = filled.length > 0 ? filled[op.col % filled.length]! : op.col % row.length;
      if (op.kind === 'blank') row[c] = null;
      else if (op.kind === 'nan') row[c] = Number.NaN;
      else if (op.kind === 'swap') row[c] = swapped(row[c] ?? null);
      else if (op.kind === 'set') row[c] = op.value;
    }
  }
  return out;
}

/* ---------- seeds: real inputs, read once ---------- */

export interface Seeds {
  sampleText: string;
  sample: unknown;
  cluster: WorkbookSnapshot;
  member: WorkbookSnapshot;
  clusterDoc: ClusterDocument;
}

export async function loadSeeds(): Promise<Seeds> {
  const sampleText = readFileSync(join(root, 'templates/samples/cum-7-2022.json'), 'utf8');
  const read = async (file: string) => {
    const bytes = new Uint8Array(readFileSync(join(root, 'test/fixtures/other-programs', file)));
    return snapshotWorkbook(await loadWorkbookBytes(bytes, file), file);
  };
  const cluster = await read('py-cluster.xlsx');
  const member = await read('py-member.xlsx');
  const clusterDoc = readClusterWorkbook(cluster).doc;
  if (!clusterDoc) throw new Error('the seed cluster workbook does not read');
  return { sampleText, sample: JSON.parse(sampleText), cluster, member, clusterDoc };
}

/* ---------- the property ---------- */

export class FuzzFailure extends Error {}

/** A cell's own text quoted back ("ô đang ghi chữ \"NaN\""): the person's words, not a leaked figure. */
const QUOTED_WORD = /"(NaN|undefined)"/g;

function expectClean(what: string, text: string): void {
  if (LIBRARY_TEXT.test(text.replace(QUOTED_WORD, '""')))
    throw new FuzzFailure(`${what}: library text in ${JSON.stringify(text.slice(0, 300))}`);
}

function expectCleanIssues(issues: readonly Issue[]): void {
  for (const i of issues) {
    if (typeof i.message !== 'string' || typeof i.messageEn !== 'string' || i.message === '')
      throw new FuzzFailure(`issue ${i.code} without its messages`);
    expectClean(i.code, i.message);
    expectClean(i.code, i.messageEn);
  }
}

/** Every number of a result is finite (a NaN total would be ranked first). */
function expectFinite(value: unknown, path: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new FuzzFailure(`${path} is ${value}`);
  if (Array.isArray(value))
    value.forEach((v, i) => {
      expectFinite(v, `${path}[${i}]`);
    });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expectFinite(v, `${path}.${k}`);
}

/** check, compute, nominate and rotate on one document. */
export function runDocument(doc: ClusterDocument): void {
  expectCleanIssues(checkCluster(doc));
  expectCleanIssues(checkAwardInputs(doc));
  const { result } = computeCluster(doc);
  expectCleanIssues(result.issues);
  expectFinite(result, 'result');
  const report = nominateAwards(doc, result);
  expectCleanIssues(report.issues);
  for (const n of report.nominations) for (const b of n.basis) expectClean('basis', b);
  for (const b of report.blocked) for (const r of b.reasons) expectClean('reason', r);
  const rotation = proposeRotation(doc, result);
  expectClean('rotation', JSON.stringify(rotation));
}

export function runDocumentCase(seeds: Seeds, c: DocumentCase): void {
  const value = structuredClone(seeds.sample);
  for (const op of c.ops) applyDocOp(value, op);
  const parsed = c.asValue
    ? parseClusterDocument(value)
    : parseClusterJson(applyTextOps(JSON.stringify(value, null, 1), c.textOps));
  expectCleanIssues(parsed.issues);
  if (parsed.doc) runDocument(parsed.doc);
}

export interface WorkbookCase {
  clusterOps: CellOp[];
  memberOps: CellOp[];
}

export const workbookCase: fc.Arbitrary<WorkbookCase> = fc.record({
  clusterOps: fc.array(cellOp, { maxLength: 8 }),
  memberOps: fc.array(cellOp, { maxLength: 8 }),
});

const loaded = (file: string, snapshot: WorkbookSnapshot): Loaded => ({
  file,
  snapshot,
  meta: readMetaRows(snapshot),
  issues: [],
});

export function runWorkbookCase(seeds: Seeds, c: WorkbookCase): void {
  const cluster = mutateSnapshot(seeds.cluster, c.clusterOps);
  const read = readClusterWorkbook(cluster);
  expectCleanIssues(read.issues);
  if (read.doc) runDocument(read.doc);
  // merge: the member's mutated scorecard into the (mutated) cluster workbook, as the CLI's merge does.
  const member = mutateSnapshot(seeds.member, c.memberOps);
  const baseLoaded = loaded('cum.xlsx', cluster);
  const baseDoc = read.doc ?? seeds.clusterDoc;
  const returns = readReturns([loaded('don-vi.xlsx', member)], baseDoc);
  const base: ReturnedWorkbook = {
    file: 'cum.xlsx',
    template: {
      id: baseLoaded.meta.get(META_KEYS.templateId) ?? '',
      version: baseLoaded.meta.get(META_KEYS.templateVersion) ?? '',
    },
    document: baseDoc,
    issues: [],
  };
  const report = consolidate({ base, returns, accept: ACCEPT });
  expectCleanIssues(report.issues);
  for (const s of report.skipped) expectClean('skipped', s.reason);
  if (report.document) runDocument(report.document);
}

/** One property over both generators, for fc.assert. */
export function fuzzProperty(seeds: Seeds) {
  return fc.property(
    fc.oneof(
      documentCase.map((d) => ({ d })),
      workbookCase.map((w) => ({ w })),
    ),
    (c) => {
      if ('d' in c) runDocumentCase(seeds, c.d);
      else runWorkbookCase(seeds, c.w);
    },
  );
}
