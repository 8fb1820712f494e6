/**
 * The printed documents, through a real engine: the nomination sheets and the cluster workbook's summary
 * sheet written by the file host, printed to PDF by headless LibreOffice, read back with pdftotext and
 * rendered to PNG with pdftoppm (one of each is kept in docs/images/ for the README).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf, pdfPages, pdfToPng, writeWorkbookWithPdf } from '../../../addin/host/libreoffice';
import { planToBytes } from '../../../addin/host/xlsx/workbook-files';
import { writeWorkbookFile } from '../../../addin/host/xlsx/files';
import {
  type ClusterDocument,
  type ClusterComputation,
  type NominationReport,
  computeCluster,
  nominateAwards,
} from '../../../core';
import { buildClusterWorkbook } from '../../../templates';
import { buildNominationWorkbook } from '../../../templates/nomination';

const root = join(import.meta.dirname, '../../..');
let dir: string;
let doc: ClusterDocument;
let computation: ClusterComputation;
let report: NominationReport;

/** PNG signature and size from the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The README's pictures are refreshed on request only (THIDUA_WRITE_DOC_IMAGES=1): a test run leaves the tree clean. */
async function keepForDocs(png: string, name: string): Promise<void> {
  if (!process.env.THIDUA_WRITE_DOC_IMAGES) return;
  await mkdir(join(root, 'docs/images'), { recursive: true });
  await copyFile(png, join(root, 'docs/images', name));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-print-'));
  doc = JSON.parse(
    await readFile(join(root, 'templates/samples/cum-7-2022.json'), 'utf8'),
  ) as ClusterDocument;
  computation = computeCluster(doc);
  report = nominateAwards(doc, computation.result);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('printed documents', { timeout: 240_000 }, () => {
  it('the nomination list prints in the official layout: motto, title, candidates, figures', async () => {
    expect(report.nominations.length).toBeGreaterThan(0);
    const plan = buildNominationWorkbook(doc, report, { result: computation.result, date: '2022-12-20' });
    const files = await writeWorkbookWithPdf(plan, join(dir, 'danh-sach-de-nghi.xlsx'));
    expect(files.pdfSkipped).toBeUndefined();
    const pages = await pdfPages(files.pdf!);
    const first = flat(pages[0]!);
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('VKSND TỈNH ĐẮK LẮK');
    expect(first).toContain('CỤM THI ĐUA SỐ 7');
    expect(first).toContain('Đắk Lắk, ngày 20 tháng 12 năm 2022');
    expect(first).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');
    const collective = report.nominations.find((n) => n.kind === 'collective')!;
    expect(first).toContain(collective.candidate);
    // A figure from the computed result, as printed: the candidate's rank among the members.
    const unit = computation.result.units.find((u) => u.unit === collective.candidate)!;
    expect(first).toContain(`Xếp thứ ${unit.rank}/${doc.units.length}`);
    const all = flat(pages.join(' '));
    expect(all).toContain('Nơi nhận:');
    const individual = report.nominations.find((n) => n.kind === 'individual');
    if (individual) {
      expect(all).toContain('Cá nhân có thành tích trong phong trào thi đua năm 2022');
      expect(all).toContain(individual.candidate);
    }
    expect(all).toContain('TM. CỤM THI ĐUA SỐ 7');
    const collectives = report.nominations.filter((n) => n.kind === 'collective');
    const recipients = new Set(collectives.map((n) => n.candidate)).size;
    expect(all).toContain(`Tổng số: ${recipients} tập thể, ${collectives.length} lượt đề nghị.`);
    const [png] = await pdfToPng(files.pdf!, join(dir, 'danh-sach'), { dpi: 110, first: 1, last: 1 });
    const size = pngSize(await readFile(png!));
    expect(size.height).toBeGreaterThan(size.width); // A4 portrait
    await keepForDocs(png!, 'nomination-list.png');
  });

  it("the cluster workbook's summary sheet prints with its totals and the cluster's indicator ratio", async () => {
    const plan = buildClusterWorkbook(doc, computation, { now: '2022-12-20T08:00:00Z' });
    // Only the summary sheet is printed: the others are hidden in this copy (hidden sheets are not printed).
    // It goes first: the first sheet is the active one, and an active sheet is never hidden.
    const summaryOnly = {
      ...plan,
      sheets: [
        ...plan.sheets.filter((s) => s.role === 'summary'),
        ...plan.sheets.filter((s) => s.role !== 'summary').map((s) => ({ ...s, hidden: true })),
      ],
    };
    const xlsx = join(dir, 'tong-hop.xlsx');
    await writeWorkbookFile(xlsx, (await planToBytes(summaryOnly)).bytes);
    const pdf = await convertToPdf(xlsx, dir);
    const pages = await pdfPages(pdf);
    const text = flat(pages.join(' '));
    expect(text).toContain('TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022');
    for (const u of doc.units) expect(text).toContain(u.name);
    expect(text.toLocaleLowerCase('vi')).not.toContain('hướng dẫn sử dụng');
    expect(flat(pages[0]!)).toContain('TỔNG HỢP KẾT QUẢ');
    // The cluster's met ratio as the seeds write it (one decimal, decimal comma).
    const ci = computation.result.clusterIndicators;
    const ratio = new Intl.NumberFormat('vi-VN', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(ci.metRatio);
    expect(text).toContain(ratio);
    const best = computation.result.units[0]!;
    expect(text).toContain(best.tier);
    const [png] = await pdfToPng(pdf, join(dir, 'tong-hop'), { dpi: 110, first: 1, last: 1 });
    const size = pngSize(await readFile(png!));
    expect(size.width).toBeGreaterThan(size.height); // A4 landscape
    await keepForDocs(png!, 'cluster-summary.png');
  });

  it("every Vietnamese letter of the source prints, in the sheets' own font, embedded (pdffonts, pdftotext)", async () => {
    const plan = buildClusterWorkbook(doc, computation, { now: '2022-12-20T08:00:00Z' });
    const xlsx = join(dir, 'ca-so.xlsx');
    await writeWorkbookFile(xlsx, (await planToBytes(plan)).bytes);
    const pdf = await convertToPdf(xlsx, join(dir, 'ca-so'));
    // pdffonts: name, type, encoding, emb, sub, uni, object, ID — after two header lines.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        return { name: cols[0]!, emb: cols[cols.length - 5] };
      });
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.emb, f.name).toBe('yes');
    // One family: a letter missing from the sheets' font would be drawn from a fallback font (DejaVu…).
    const families = new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*$/, '')));
    expect([...families].filter((f) => !/^(LiberationSerif|TimesNewRoman)/.test(f))).toEqual([]);
    // Every accented letter of the unit names, criteria and heading is in the printed text.
    const text = (await pdfPages(pdf)).join(' ').normalize('NFC');
    const source = [...doc.units.map((u) => u.name), ...doc.criteria.map((c) => c.title)].join(' ');
    const letters = new Set([...source.normalize('NFC')].filter((ch) => ch > '\u007f' && /\p{L}/u.test(ch)));
    expect(letters.size).toBeGreaterThan(20);
    expect([...letters].filter((ch) => !text.includes(ch))).toEqual([]);
  });
});
