/**
 * Regenerates test/fixtures/other-programs/: the project's own workbooks (the bundled sample's cluster
 * workbook, a member's scorecard from `thidua new --unit`, a campaign workbook) saved by the real other
 * programs: LibreOffice Calc headless (xlsx), openpyxl (/usr/bin/python3, variants.py), and LibreOffice
 * again over openpyxl's variants. Two files are derived by rewriting a real program's output, each named
 * for it: inline strings (what streaming writers emit instead of shared strings) and a damaged part.
 *
 *   npm run build:cli && node --import tsx scripts/other-programs/make-corpus.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test/fixtures/other-programs');
const CLI = join(ROOT, 'dist/cli.js');
const SAMPLE = join(ROOT, 'templates/samples/cum-7-2022.json');
const MEMBER = 'VKSND tỉnh Gia Lai';

const work = mkdtempSync(join(tmpdir(), 'thidua-corpus-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: work, stdio: 'pipe' });

try {
  run('node', [CLI, 'new', 'annual', '--from', SAMPLE, '-o', 'cluster.xlsx']);
  run('node', [CLI, 'new', 'annual', '--from', SAMPLE, '--unit', MEMBER, '-o', 'member.xlsx']);
  run('node', [CLI, 'new', 'campaign', '--from', SAMPLE, '-o', 'campaign.xlsx']);
  rmSync(OUT, { recursive: true, force: true });
  execFileSync('mkdir', ['-p', OUT]);

  run('/usr/bin/python3', [join(import.meta.dirname, 'variants.py'), work, OUT]);

  // One soffice call: the product's three workbooks and openpyxl's variants, re-saved by Calc.
  const toConvert = [
    'cluster.xlsx',
    'member.xlsx',
    'campaign.xlsx',
    join(OUT, 'py-variants-cluster.xlsx'),
    join(OUT, 'py-typed-cluster.xlsx'),
  ];
  run('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', join(work, 'lo'), ...toConvert]);
  for (const file of readdirSync(join(work, 'lo'))) {
    const name = file.startsWith('py-') ? file.replace(/^py-/, 'lo-py-') : `lo-${file}`;
    renameSync(join(work, 'lo', file), join(OUT, name));
  }

  // Inline strings: LibreOffice's cluster workbook with every shared string written in its cell.
  const lo = await JSZip.loadAsync(readFileSync(join(OUT, 'lo-cluster.xlsx')));
  const shared = [
    ...(await lo.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => m[1]!);
  for (const name of Object.keys(lo.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await lo.file(name)!.async('string');
    lo.file(
      name,
      xml.replace(
        /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
        (_, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${shared[Number(i)]}</is></c>`,
      ),
    );
  }
  writeFileSync(
    join(OUT, 'inline-strings-cluster.xlsx'),
    await lo.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
  );

  // Damaged: one worksheet of LibreOffice's member scorecard cut short (a download or copy interrupted).
  const cut = await JSZip.loadAsync(readFileSync(join(OUT, 'lo-member.xlsx')));
  const sheet = Object.keys(cut.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const text = await cut.file(sheet)!.async('string');
  cut.file(sheet, text.slice(0, Math.floor(text.length / 2)));
  writeFileSync(
    join(OUT, 'damaged-part-member.xlsx'),
    await cut.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
  );

  for (const f of readdirSync(OUT).sort()) console.log(f);
} finally {
  rmSync(work, { recursive: true, force: true });
}
