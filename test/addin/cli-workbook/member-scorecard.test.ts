/**
 * One member's scorecard (`thidua new --unit`) checked before it goes back to the cluster: `check` reads the
 * cluster's information the file carries plus the member's scores, names the sheet and cell of each problem,
 * and says nothing about the other members' absent scores; `compute` refuses (exit 2); `export` writes the
 * document. Real .xlsx files, filled through exceljs as a member's Excel would.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { type ClusterDocument, type Issue, parseClusterJson } from '../../../core';
import { SC } from '../../../templates/build/scorecard-sheet';
import { LAYOUT } from '../../../templates/layouts/cluster';
import { sampleDoc, tempDir } from './workbooks';

const GIA_LAI = 'VKSND tỉnh Gia Lai';
let dir: string;
let sample: ClusterDocument;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir } };
}

const sha = async (name: string) =>
  createHash('sha256')
    .update(await readFile(join(dir, name)))
    .digest('hex');

const leaves = () => sample.criteria.filter((c) => !sample.criteria.some((k) => k.parent === c.code));

/** Gia Lai's blank form filled as its Excel would: every leaf's self points at the standard, plus `edit`. */
async function filled(name: string, edit: (ws: ExcelJS.Worksheet, rowOf: (code: string) => number) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, 'gl-blank.xlsx'));
  const ws = wb.worksheets.find((w) => w.getCell(LAYOUT.scorecard.unitRow, 2).value === GIA_LAI)!;
  const rowOf = (code: string) => {
    for (let row = LAYOUT.scorecard.headerRow + 1; row <= ws.rowCount; row++)
      if (String(ws.getCell(row, SC.code).value) === code) return row;
    throw new Error(`no row for ${code}`);
  };
  for (const c of leaves()) ws.getCell(rowOf(c.code), SC.selfPoints).value = c.points;
  edit(ws, rowOf);
  await wb.xlsx.writeFile(join(dir, name));
  return ws.name;
}

async function checkJson(name: string) {
  const { out, err, io: cliIo } = io();
  const code = await runCli(['check', name, '--json'], cliIo);
  expect(err.join('\n')).toBe('');
  return { code, issues: (JSON.parse(out.join('\n')) as { issues: Issue[] }).issues };
}

beforeAll(async () => {
  dir = await tempDir();
  sample = await sampleDoc();
  // The form the secretariat sends out: the cluster's structure, no scores yet.
  await writeFile(
    join(dir, 'cum7.json'),
    JSON.stringify({ ...sample, scores: [], indicatorResults: [], votes: [] }),
  );
  const { err, io: cliIo } = io();
  const code = await runCli(
    ['new', 'annual', '--from', 'cum7.json', '--unit', 'Gia Lai', '-o', 'gl-blank.xlsx'],
    cliIo,
  );
  expect(err.join('\n')).not.toContain('✗');
  expect(code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("check on one member's scorecard", () => {
  it('reports a bonus over its cap at the sheet and cell holding it, says it is one member, and nothing of the others', async () => {
    const sheet = await filled('gl-over.xlsx', (ws, rowOf) => {
      ws.getCell(rowOf('1.3'), SC.selfBonus).value = 2; // 1.3 allows at most 1 bonus point
    });
    const before = await sha('gl-over.xlsx');
    const { code, issues } = await checkJson('gl-over.xlsx');
    expect(code).toBe(1);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    const over = errors[0]!;
    expect(over).toMatchObject({ unit: GIA_LAI, criterion: '1.3', stage: 'self', sheet });
    expect(over.code).toMatch(/bonus/);
    // The cell named holds what the member typed.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'gl-over.xlsx'));
    expect(wb.getWorksheet(over.sheet!)!.getCell(over.cell!).value).toBe(2);
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        code: 'unit.scorecard.member',
        message: `Bảng chấm điểm của ${GIA_LAI}: chỉ kiểm tra điểm của đơn vị này.`,
      }),
    );
    const others = sample.units.map((u) => u.name).filter((n) => n !== GIA_LAI);
    expect(others).toHaveLength(4);
    expect(issues.filter((i) => i.unit !== undefined && others.includes(i.unit))).toEqual([]);
    expect(issues.filter((i) => i.severity !== 'info' && i !== over)).toEqual([]);
    expect(await sha('gl-over.xlsx')).toBe(before);
  });

  it('a criterion code the cluster does not have is named at its cell', async () => {
    await filled('gl-code.xlsx', (ws, rowOf) => {
      ws.getCell(rowOf('4.2'), SC.code).value = '4.9';
    });
    const { code, issues } = await checkJson('gl-code.xlsx');
    expect(code).toBe(1);
    const unknown = issues.find((i) => i.severity === 'error' && i.message.includes('4.9'));
    expect(unknown?.sheet).toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'gl-code.xlsx'));
    expect(wb.getWorksheet(unknown!.sheet!)!.getCell(unknown!.cell!).value).toBe('4.9');
  });

  it('a complete, valid scorecard passes (exit 0), in Vietnamese text with the member line', async () => {
    await filled('gl-ok.xlsx', (ws, rowOf) => {
      ws.getCell(rowOf('1.3'), SC.selfBonus).value = 1;
    });
    const { code, issues } = await checkJson('gl-ok.xlsx');
    expect(code).toBe(0);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const { out, io: cliIo } = io();
    expect(await runCli(['check', 'gl-ok.xlsx'], cliIo)).toBe(0);
    expect(out.join('\n')).toContain(`Bảng chấm điểm của ${GIA_LAI}: chỉ kiểm tra điểm của đơn vị này.`);
  });
});

describe("compute and export on one member's scorecard", () => {
  it('compute refuses with exit 2 and says to merge first; the file is unchanged', async () => {
    await filled('gl-compute.xlsx', () => {});
    const before = await sha('gl-compute.xlsx');
    const { out, err, io: cliIo } = io();
    expect(await runCli(['compute', 'gl-compute.xlsx'], cliIo)).toBe(2);
    expect(err.join('\n')).toContain(
      'Đây là bảng chấm điểm của một đơn vị; hãy gộp các bảng bằng `thidua merge` rồi tính trên sổ tổng hợp.',
    );
    expect(out.join('\n')).toBe('');
    expect(await sha('gl-compute.xlsx')).toBe(before);
  });

  it("export writes the cluster's members and criteria with this member's scores", async () => {
    await filled('gl-export.xlsx', () => {});
    const { io: cliIo } = io();
    expect(await runCli(['export', 'gl-export.xlsx', '-o', 'gl.json'], cliIo)).toBe(0);
    const doc = parseClusterJson(await readFile(join(dir, 'gl.json'), 'utf8')).doc!;
    expect(doc.units).toEqual(sample.units);
    expect(doc.criteria).toEqual(sample.criteria);
    expect(doc.year).toBe(sample.year);
    expect(doc.cluster).toEqual(sample.cluster);
    expect(doc.scores).toEqual(
      leaves().map((c) => ({ unit: GIA_LAI, criterion: c.code, stage: 'self', points: c.points })),
    );
  });
});
