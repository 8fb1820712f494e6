/**
 * `thidua demo [-o DIR]`: the main job on the bundled sample (Cụm thi đua số 7, 2022), end to end: check the
 * document, build the filled and computed cluster workbook, read it back and compute from the workbook,
 * propose awards under the dated rule set, write the nomination workbook (and its PDF when LibreOffice is
 * installed), propose next year's leader and deputy, and print a short Vietnamese summary.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import {
  type Bilingual,
  checkCluster,
  hasErrors,
  type NominationReport,
  nominateAwards,
  parseClusterDocument,
  proposeRotation,
} from '../../../core';
import sample from '../../../templates/samples/cum-7-2022.json';
import { buildNominationWorkbook } from '../../../templates/nomination';
import { convertToPdf, hasLibreOffice } from '../../host/libreoffice';
import { fsErrorCode, fsReason } from '../../host/fs/fs-errors';
import type { ClaimedOutput } from '../../host/fs/guarded-write';
import { readWorkbookDocument } from '../read-document';
import { clusterWorkbookBytes, planToBytes } from '../../host/xlsx/workbook-files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { acceptParsed } from '../load';
import { FORCE_OPTION, claimFor, outOption, withClaim } from '../output';
import { computeLoaded, rankingText } from './compute';
import { formatNominations } from './nominate';

export const SAMPLE_NAME = 'templates/samples/cum-7-2022.json';

/** The demo's record of what it wrote, by file and SHA-256, so a later demo knows the folder is untouched. */
const STAMP = '.thidua-demo.json';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A folder a previous demo wrote, that nobody has changed since (every file as the demo's stamp records it,
 * none added): running the demo again may replace it without --force. Anything else is refused as usual.
 */
async function untouchedDemoFolder(dir: string): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(join(dir, STAMP), 'utf8')) as { files?: Record<string, string> };
    const recorded = Object.entries(stamp.files ?? {});
    const present = (await readdir(dir)).filter((f) => f !== STAMP);
    if (!recorded.length || present.length !== recorded.length) return false;
    for (const [file, hash] of recorded)
      if (!present.includes(file) || sha256(await readFile(join(dir, file))) !== hash) return false;
    return true;
  } catch {
    return false;
  }
}

/** A step's failure as the product's sentence: its own text when it has one, else `what` (never Node's text). */
async function guarded<T>(what: Bilingual, job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const own = (error as { text?: Bilingual }).text;
    if (own && typeof own.vi === 'string') throw new CliError(own);
    if (fsErrorCode(error))
      throw new CliError({
        vi: `${what.vi}: ${fsReason(error).vi}.`,
        en: `${what.en}: ${fsReason(error).en}.`,
      });
    throw error;
  }
}

function proposalLines(report: NominationReport, ctx: CommandContext): string[] {
  const byAward = new Map<string, string[]>();
  for (const n of report.nominations) byAward.set(n.award, [...(byAward.get(n.award) ?? []), n.candidate]);
  const lines = [...byAward].map(([award, who]) => `  ${award} (${who.length}): ${who.join('; ')}`);
  return lines.length ? lines : [ctx.t({ vi: '  (không có đề nghị)', en: '  (no proposals)' })];
}

export const demoCommand: Command = {
  name: 'demo',
  usage: 'thidua demo [-o DIR] [--force]',
  options: {
    out: outOption('DIR', {
      vi: 'thư mục kết quả (mặc định ./demo-output); thư mục đã có chỉ được thay khi có --force, trừ thư mục của lần chạy thử trước chưa ai sửa',
      en: 'the output folder (default ./demo-output); an existing folder is replaced only with --force, except a previous demo folder nobody has changed',
    }),
    force: FORCE_OPTION,
  },
  examples: [
    {
      line: 'thidua demo -o demo-output',
      what: {
        vi: 'sổ tổng hợp đã tính, đề nghị khen thưởng (.xlsx, .pdf), luân phiên cụm trưởng và tóm tắt',
        en: 'the computed cluster workbook, the award proposals (.xlsx, .pdf), the rotation and a summary',
      },
    },
  ],
  async run(ctx) {
    const shownDir = typeof ctx.values.out === 'string' ? ctx.values.out : 'demo-output';
    const final = resolve(ctx.io.cwd, shownDir);
    // The whole folder is put together beside its place and renamed in when complete.
    const again = ctx.values.force !== true && (await untouchedDemoFolder(final));
    const claim = await claimFor(again ? { ...ctx, values: { ...ctx.values, force: true } } : ctx, shownDir, {
      kind: 'folder',
    });
    return withClaim(claim, (c) => runDemo(ctx, c, final));
  },
};

async function runDemo(ctx: CommandContext, claim: ClaimedOutput, final: string): Promise<number> {
  {
    const t = ctx.t;
    const dir = claim.workPath;
    // The sample is bundled into the command line at build time: no file to find at run time.
    const source = acceptParsed(parseClusterDocument(structuredClone(sample)), SAMPLE_NAME, SAMPLE_NAME);
    const checked = [...source.issues, ...checkCluster(source.doc)];
    const year = source.doc.year;
    const files = {
      workbook: join(dir, `cum-7-${year}.xlsx`),
      nominationWorkbook: join(dir, `de-nghi-khen-thuong-${year}.xlsx`),
      result: join(dir, 'result.json'),
      nominations: join(dir, 'nominations.json'),
      summary: join(dir, 'summary.txt'),
    };
    const written: string[] = [];
    const now = new Date().toISOString();

    // 1. The filled, computed cluster workbook; then the job runs from the workbook, as an office would.
    const first = computeLoaded(source);
    await guarded({ vi: 'Không ghi được sổ tính', en: 'Cannot write the workbook' }, async () =>
      claim.writeInside(
        basename(files.workbook),
        (await clusterWorkbookBytes(source.doc, first.computation, { now })).bytes,
      ),
    );
    written.push(files.workbook);
    const read = await readWorkbookDocument(files.workbook);
    if (!read.doc)
      throw new CliError({
        vi: `Không đọc lại được ${files.workbook}: ${read.issues[0]?.message ?? ''}`,
        en: `Cannot read ${files.workbook} back: ${read.issues[0]?.messageEn ?? ''}`,
      });
    const loaded = { path: files.workbook, doc: read.doc, issues: read.issues };
    const { result, computation } = computeLoaded(loaded);

    // 2. Awards under the dated rule set, and the nomination workbook (with its PDF when LibreOffice is here).
    const awards = nominateAwards(loaded.doc, result, { lang: ctx.lang });
    const nominations: NominationReport = {
      ...awards,
      issues: [...result.issues, ...awards.issues],
    };
    const plan = buildNominationWorkbook(loaded.doc, awards, { result });
    await guarded(
      { vi: 'Không ghi được sổ đề nghị khen thưởng', en: 'Cannot write the nomination workbook' },
      async () => claim.writeInside(basename(files.nominationWorkbook), (await planToBytes(plan)).bytes),
    );
    written.push(files.nominationWorkbook);
    let pdfNote: string | undefined;
    if (hasLibreOffice()) {
      try {
        written.push(await convertToPdf(files.nominationWorkbook, dir, { workParent: dir }));
      } catch (error) {
        const why = (error as { text?: Bilingual }).text;
        pdfNote = t({
          vi: `Chưa in được PDF bằng LibreOffice${why ? `: ${why.vi}` : '.'}`,
          en: `Could not print the PDF with LibreOffice${why ? `: ${why.en}` : '.'}`,
        });
      }
    } else
      pdfNote = t({
        vi: 'Không có LibreOffice: bỏ qua bản PDF (cài bằng npm run setup).',
        en: 'LibreOffice is not installed: no PDF (install it with npm run setup).',
      });

    // 3. Next year's leader and deputy.
    const rotation = proposeRotation(loaded.doc);
    const none = t({ vi: '(chưa xác định)', en: '(undetermined)' });

    const summary = [
      t({
        vi: `THI ĐUA — CHẠY THỬ TRÊN SỐ LIỆU MẪU: ${loaded.doc.cluster.name}, năm ${year}`,
        en: `THI ĐUA — DEMO ON THE SAMPLE: ${loaded.doc.cluster.name}, ${year}`,
      }),
      '',
      rankingText(result, computation, ctx),
      '',
      `${t({ vi: 'Đề nghị khen thưởng', en: 'Award proposals' })} (${nominations.nominations.length}, ${nominations.ruleSet ?? '—'}):`,
      ...proposalLines(nominations, ctx),
      `${t({ vi: 'Không đề nghị', en: 'Blocked' })}: ${nominations.blocked.length}`,
      '',
      t({
        vi: `Năm ${rotation.year}: Cụm trưởng ${rotation.leader ?? none}; Cụm phó ${rotation.deputy ?? none}.`,
        en: `${rotation.year}: leader ${rotation.leader ?? none}; deputy ${rotation.deputy ?? none}.`,
      }),
      `  ${t(rotation.reason)}`,
      '',
      t({ vi: 'Kiểm tra dữ liệu:', en: 'Data check:' }),
      formatIssues([...checked, ...read.issues], ctx.lang),
      ...(pdfNote ? ['', pdfNote] : []),
    ].join('\n');

    await guarded(
      { vi: `Không ghi được vào thư mục ${claim.shown}`, en: `Cannot write to folder ${claim.shown}` },
      async () => {
        await claim.writeInside('result.json', `${JSON.stringify(result, null, 2)}\n`);
        await claim.writeInside('nominations.json', `${JSON.stringify(nominations, null, 2)}\n`);
        await claim.writeInside('summary.txt', `${summary}\n\n${formatNominations(nominations, ctx)}\n`);
      },
    );
    written.push(files.result, files.nominations, files.summary);
    const stamp: Record<string, string> = {};
    for (const f of written) stamp[relative(dir, f)] = sha256(await readFile(f));
    await claim.writeInside(STAMP, `${JSON.stringify({ files: stamp }, null, 2)}\n`);

    await claim.commit();
    ctx.io.out(summary);
    ctx.io.out('');
    ctx.io.out(t({ vi: 'Đã ghi:', en: 'Written:' }));
    for (const f of written) ctx.io.out(`  ${join(final, relative(dir, f))}`);
    return hasErrors(result.issues) || hasErrors(checked) ? EXIT_DATA_ERRORS : EXIT_OK;
  }
}
