/**
 * One member's scorecard (`thidua new --unit`) checked before it goes back to the cluster: `check` reads the
 * cluster's information the file carries plus the member's scores, names the sheet and cell of each problem,
 * and says nothing about the other members' absent scores; `compute` refuses (exit 2); `export` writes the
 * document; `rotate`, `tally`, `history`, `nominate --history` and the send-out of `new` refuse it (exit 2),
 * saying what the file is and what to run instead, and write nothing. Real .xlsx files, filled through
 * exceljs as a member's Excel would.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

describe("commands that need the cluster workbook refuse one member's scorecard (exit 2, nothing written)", () => {
  async function refused(argv: string[]) {
    const { out, err, io: cliIo } = io();
    const before = await readdir(dir);
    const code = await runCli(argv, cliIo);
    expect(out.join('\n')).toBe('');
    expect(await readdir(dir)).toEqual(before);
    expect(code).toBe(2);
    return err.join('\n').trim();
  }

  it('rotate says the leadership is proposed on the cluster workbook, as the pane says', async () => {
    await filled('gl-rotate.xlsx', () => {});
    const before = await sha('gl-rotate.xlsx');
    expect(await refused(['rotate', 'gl-rotate.xlsx'])).toBe(
      `Đây là bảng chấm điểm của ${GIA_LAI}; Cụm trưởng, Cụm phó năm sau được đề xuất trên sổ tổng hợp của cụm: hãy chạy \`thidua rotate\` trên sổ tổng hợp (gộp các bảng đơn vị gửi về bằng \`thidua merge\` nếu chưa gộp).`,
    );
    expect(await refused(['--lang', 'en', 'rotate', 'gl-rotate.xlsx', '--json'])).toContain(
      `This is the scorecard of ${GIA_LAI}; next year's leader and deputy are proposed on the cluster workbook`,
    );
    expect(await sha('gl-rotate.xlsx')).toBe(before);
    // The cluster's own file still proposes.
    const { out, io: cliIo } = io();
    expect(await runCli(['rotate', 'cum7.json'], cliIo)).toBe(0);
    expect(out.join('\n')).toContain('Cụm trưởng');
  });

  it('tally names the file: a scorecard holds no awards, never a tally of zeros', async () => {
    await filled('gl-tally.xlsx', () => {});
    expect(await refused(['tally', 'cum7.json', 'gl-tally.xlsx'])).toBe(
      `Tệp gl-tally.xlsx là bảng chấm điểm của ${GIA_LAI}, không ghi khen thưởng; khen thưởng được thống kê trên sổ tổng hợp của cụm: hãy chạy \`thidua tally\` với sổ tổng hợp.`,
    );
  });

  it('history and nominate --history name the scorecard found among the years, instead of ranking it first of one', async () => {
    await filled('gl-year.xlsx', () => {});
    await mkdir(join(dir, 'years'));
    try {
      await copyFile(join(dir, 'cum7.json'), join(dir, 'years', 'cum-7-2022.json'));
      await copyFile(join(dir, 'gl-year.xlsx'), join(dir, 'years', 'gl-year.xlsx'));
      const inFolder = `Tệp ${join('years', 'gl-year.xlsx')} là bảng chấm điểm của ${GIA_LAI}, không phải sổ tổng hợp của cụm: xếp hạng, khen thưởng của một năm đọc từ sổ tổng hợp năm đó (gộp các bảng đơn vị bằng \`thidua merge\` nếu chưa gộp); hãy chuyển bảng chấm điểm ra khỏi thư mục.`;
      expect(await refused(['history', 'years', '--unit', 'Gia Lai'])).toBe(inFolder);
      expect(await refused(['nominate', 'cum7.json', '--history', 'years'])).toBe(inFolder);
      expect(await refused(['history', 'gl-year.xlsx', '--unit', 'Gia Lai'])).toContain(
        'Tệp gl-year.xlsx là bảng chấm điểm của VKSND tỉnh Gia Lai, không phải sổ tổng hợp của cụm',
      );
    } finally {
      await rm(join(dir, 'years'), { recursive: true, force: true });
    }
  });

  it("new --from a member's scorecard does not send out scorecards (--unit, --per-unit)", async () => {
    await filled('gl-new.xlsx', () => {});
    const text = `Đây là bảng chấm điểm của ${GIA_LAI}; chưa ghi gì. Bảng chấm điểm gửi các đơn vị được tạo từ sổ tổng hợp của cụm: hãy chạy \`thidua new … --from\` với sổ tổng hợp.`;
    expect(
      await refused(['new', 'annual', '--from', 'gl-new.xlsx', '--unit', 'Kon Tum', '-o', 'kt.xlsx']),
    ).toBe(text);
    expect(
      await refused(['new', 'annual', '--from', 'gl-new.xlsx', '--per-unit', 'gui', '-o', 'c.xlsx']),
    ).toBe(text);
  });
});
