/**
 * `thidua dossier FILE -o DIR` end to end, for the bundled sample and for Cụm 8 of 2020 (seed 000): every
 * .docx is a well-formed Word package (each XML part parses, content types and relationships point at parts
 * that exist, A4 page, Times New Roman), LibreOffice opens each one and prints it to PDF (one soffice start
 * per dossier), and the PDFs' text holds the figures, the official names and the fingerprint. A count typed
 * on the count sheet flows into the minutes and the list on the next run.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../addin/cli/main';
import { pdfToPng, pdfToText } from '../../../addin/host/libreoffice';

const root = join(import.meta.dirname, '../../..');
const sample = join(root, 'templates/samples/cum-7-2022.json');
const cum8 = join(root, 'test/fixtures/dossier/cum-8-2020.json');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-dossier-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const fingerprintIn = (out: string): string =>
  /Mã kiểm chứng số liệu: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{2})/.exec(out)![1]!;

function parseXml(text: string, where: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'application/xml');
  expect(errors, where).toEqual([]);
  return doc;
}

/** A structural check of the Word package, as Word reads it. */
async function checkDocx(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const required of [
    '[Content_Types].xml',
    '_rels/.rels',
    'word/document.xml',
    'word/_rels/document.xml.rels',
  ])
    expect(names, `${basename(path)}: ${required}`).toContain(required);
  const xml = new Map<string, ReturnType<typeof parseXml>>();
  for (const n of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels')))
    xml.set(n, parseXml(await zip.file(n)!.async('string'), `${basename(path)}: ${n}`));
  const types = xml.get('[Content_Types].xml')!;
  const overrides = Array.from(types.getElementsByTagName('Override')).map(
    (o) => o.getAttribute('PartName')!,
  );
  for (const part of overrides)
    expect(names, `${basename(path)}: override ${part}`).toContain(part.replace(/^\//, ''));
  const defaults = new Set(
    Array.from(types.getElementsByTagName('Default')).map((d) => d.getAttribute('Extension')),
  );
  for (const n of names.filter((n) => n !== '[Content_Types].xml'))
    expect(
      overrides.includes(`/${n}`) || defaults.has(n.split('.').pop()!),
      `${basename(path)}: type of ${n}`,
    ).toBe(true);
  for (const [relsName, rels] of [...xml].filter(([n]) => n.endsWith('.rels'))) {
    const base = relsName.replace(/_rels\/[^/]*\.rels$/, '');
    for (const r of Array.from(rels.getElementsByTagName('Relationship'))) {
      if (r.getAttribute('TargetMode') === 'External') continue;
      const target = r.getAttribute('Target')!;
      const resolved = target.startsWith('/') ? target.slice(1) : `${base}${target}`;
      expect(names, `${basename(path)}: ${relsName} → ${target}`).toContain(resolved);
    }
  }
  const body = xml.get('word/document.xml')!;
  expect(body.documentElement!.localName).toBe('document');
  const size = body.getElementsByTagName('w:pgSz')[0]!;
  expect([size.getAttribute('w:w'), size.getAttribute('w:h')]).toEqual(['11907', '16840']);
  const document = await zip.file('word/document.xml')!.async('string');
  expect(document).toContain('Times New Roman');
  return Array.from(body.getElementsByTagName('w:t'))
    .map((t) => t.textContent)
    .join('');
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function keepForDocs(png: string, name: string): Promise<void> {
  if (!process.env.THIDUA_WRITE_DOC_IMAGES) return;
  await mkdir(join(root, 'docs/images'), { recursive: true });
  await copyFile(png, join(root, 'docs/images', name));
}

describe('thidua dossier', { timeout: 400_000 }, () => {
  it('Cụm 8 of 2020: every document is a valid Word package, prints through LibreOffice, holds the figures', async () => {
    const r = await run(['dossier', cum8, '-o', 'cum8', '--date', '2021-01-15']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const fp = fingerprintIn(r.out);
    const out = join(dir, 'cum8');
    const files = await readdir(out);
    const docx = files.filter((f) => f.endsWith('.docx')).sort();
    expect(docx).toHaveLength(11); // ballots, minutes, submission, list, 6 achievement reports, summary
    expect(files).toContain('bien-ban-kiem-phieu-2020.xlsx');
    const texts = new Map<string, string>();
    for (const f of docx) {
      await checkDocx(join(out, f));
      const pdf = join(out, f.replace(/\.docx$/, '.pdf'));
      expect(files, `${f} printed`).toContain(basename(pdf));
      const text = flat(await pdfToText(pdf));
      expect(text, f).toContain(`Mã kiểm chứng số liệu: ${fp}`);
      expect(text, f).not.toContain('Quãng');
      texts.set(f.replace(/\.docx$/, ''), text);
    }
    const minutes = texts.get('bien-ban-hop-binh-xet-2020')!;
    // Tables read row by row only with the physical layout kept.
    const laidOut = await pdfToText(join(out, 'bien-ban-hop-binh-xet-2020.pdf'), { layout: true });
    expect(laidOut).toMatch(/VKSND tỉnh Quảng\s+5\s+6\s+83,3%\s+80%\s+Đạt/);
    expect(laidOut).toMatch(/1\s+VKSND tỉnh Quảng\s+102\s+102\s+102/);
    expect(minutes).toContain('VKSND tỉnh Phú Yên làm Cụm trưởng, VKSND tỉnh Bình Định làm Cụm phó năm 2021');
    const list = texts.get('danh-sach-de-nghi-2020')!;
    expect(list).toContain('Cờ thi đua của Chính phủ (2 tập thể, 2 lượt đề nghị)');
    expect(list).toContain('Quảng Nam');
    expect(minutes).toContain(
      'Đề nghị tặng "Cờ thi đua của Chính phủ" (2 tập thể): VKSND tỉnh Quảng Nam; VKSND tỉnh Phú Yên.',
    );
    expect(minutes).toContain(
      'Đề nghị tặng "Cờ thi đua của ngành Kiểm sát nhân dân" (2 tập thể): VKSND tỉnh Bình Định; VKSND tỉnh Quảng Ngãi.',
    );
    expect(list).toContain('Tổng cộng: 6 tập thể, 14 lượt đề nghị');
    expect(texts.get('to-trinh-2020')).toContain('Quảng Nam, ngày 15 tháng 01 năm 2021');
    expect(texts.get('bao-cao-thanh-tich-2020-vksnd-tinh-phu-yen')).toContain('2/6');
    expect(texts.get('bao-cao-tong-ket-2020')).toContain(
      'toàn Cụm 12/18 chỉ tiêu phát sinh – đạt tỷ lệ 66,7%',
    );
    expect(texts.get('phieu-bau-2020')).toContain('PHIẾU BẦU');
    for (const [file, name] of [
      ['phieu-bau-2020', 'dossier-ballot.png'],
      ['bien-ban-hop-binh-xet-2020', 'dossier-minutes.png'],
      ['to-trinh-2020', 'dossier-submission.png'],
      ['danh-sach-de-nghi-2020', 'dossier-list.png'],
      ['bao-cao-thanh-tich-2020-vksnd-tinh-quang-nam', 'dossier-achievement.png'],
      ['bao-cao-tong-ket-2020', 'dossier-summary.png'],
    ] as const) {
      const [png] = await pdfToPng(join(out, `${file}.pdf`), join(dir, file), { dpi: 80, first: 1, last: 1 });
      await keepForDocs(png!, name);
    }

    // The clerk types a count; the next run (no LibreOffice needed) carries it into the minutes and the list.
    const countPath = join(out, 'bien-ban-kiem-phieu-2020.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(countPath);
    const ws = wb.getWorksheet('Kiểm phiếu')!;
    let typed = 0;
    ws.eachRow((row) => {
      const award = row.getCell(1).value;
      if (
        row.getCell(2).value === 'VKSND tỉnh Quảng Ngãi' &&
        award === 'Cờ thi đua của ngành Kiểm sát nhân dân'
      ) {
        row.getCell(3).value = 4;
        row.getCell(4).value = 6;
        typed++;
      }
    });
    expect(typed).toBe(1);
    await wb.xlsx.writeFile(countPath);
    const saved = process.env.THIDUA_SOFFICE;
    process.env.THIDUA_SOFFICE = join(dir, 'no-soffice');
    try {
      const again = await run(['dossier', cum8, '-o', 'cum8']);
      expect(again.out).toContain('Giữ nguyên bien-ban-kiem-phieu-2020.xlsx');
      expect(again.out).toContain('Lấy 4 kết quả biểu quyết từ bien-ban-kiem-phieu-2020.xlsx');
    } finally {
      if (saved === undefined) delete process.env.THIDUA_SOFFICE;
      else process.env.THIDUA_SOFFICE = saved;
    }
    const minutes2 = await checkDocx(join(out, 'bien-ban-hop-binh-xet-2020.docx'));
    expect(minutes2).toContain('VKSND tỉnh Quảng Ngãi4666,7%80%Không đạt');
    const list2 = await checkDocx(join(out, 'danh-sach-de-nghi-2020.docx'));
    expect(list2).toContain('Cờ thi đua của ngành Kiểm sát nhân dân (1 tập thể, 1 lượt đề nghị)');
  });

  it('the bundled sample: the whole set, printed, with the cluster figures', async () => {
    const r = await run(['dossier', sample, '-o', 'cum7']);
    expect(r.code).toBe(0);
    const fp = fingerprintIn(r.out);
    const out = join(dir, 'cum7');
    const files = await readdir(out);
    const docx = files.filter((f) => f.endsWith('.docx'));
    expect(docx).toHaveLength(10); // ballots, minutes, submission, list, 5 achievement reports, summary
    for (const f of docx) {
      await checkDocx(join(out, f));
      expect(files).toContain(f.replace(/\.docx$/, '.pdf'));
    }
    const summary = flat(await pdfToText(join(out, 'bao-cao-tong-ket-2022.pdf')));
    expect(summary).toContain(fp);
    expect(summary).toContain('VKSND tỉnh Đắk Lắk');
    expect(summary).toContain('186 sáng kiến cấp cơ sở');
    const list = flat(await pdfToText(join(out, 'danh-sach-de-nghi-2022.pdf')));
    expect(list).toContain('A. TẬP THỂ (5 tập thể, 12 lượt đề nghị)');
  });
});
