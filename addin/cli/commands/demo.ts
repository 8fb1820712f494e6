/**
 * `thidua demo [-o DIR]`: the main job on the bundled sample (Cụm thi đua số 7, 2022), end to end: check the
 * document, build the filled and computed cluster workbook, read it back and compute from the workbook,
 * propose awards under the dated rule set, write the nomination workbook (and its PDF when LibreOffice is
 * installed), propose next year's leader and deputy, and print a short Vietnamese summary.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
import { WorkbookFileError, writeWorkbookFile } from '../../host/xlsx/files';
import { readWorkbookDocument } from '../read-document';
import { planToBytes, writeClusterWorkbook } from '../../host/xlsx/workbook-files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { acceptParsed } from '../load';
import { computeLoaded, rankingText } from './compute';
import { formatNominations } from './nominate';

export const SAMPLE_NAME = 'templates/samples/cum-7-2022.json';

async function guarded<T>(what: Bilingual, job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof WorkbookFileError) throw new CliError(error.text);
    throw new CliError({
      vi: `${what.vi}: ${(error as Error).message}`,
      en: `${what.en}: ${(error as Error).message}`,
    });
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
  usage: 'thidua demo [-o DIR] [--lang en]',
  summary: {
    vi: 'chạy toàn bộ trên cụm mẫu (Cụm thi đua số 7, 2022) và ghi kết quả vào DIR (mặc định ./demo-output)',
    en: 'runs the whole job on the bundled sample cluster (Cụm thi đua số 7, 2022), writing to DIR (default ./demo-output)',
  },
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx) {
    const t = ctx.t;
    const dir = resolve(ctx.io.cwd, typeof ctx.values.out === 'string' ? ctx.values.out : 'demo-output');
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
    await guarded({ vi: `Không tạo được thư mục ${dir}`, en: `Cannot create folder ${dir}` }, () =>
      mkdir(dir, { recursive: true }),
    );

    // 1. The filled, computed cluster workbook; then the job runs from the workbook, as an office would.
    const first = computeLoaded(source);
    await guarded({ vi: 'Không ghi được sổ tính', en: 'Cannot write the workbook' }, () =>
      writeClusterWorkbook(files.workbook, source.doc, first.computation, { now }),
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
      async () => writeWorkbookFile(files.nominationWorkbook, (await planToBytes(plan)).bytes),
    );
    written.push(files.nominationWorkbook);
    let pdfNote: string | undefined;
    if (hasLibreOffice()) {
      try {
        written.push(await convertToPdf(files.nominationWorkbook, dir));
      } catch (error) {
        pdfNote = t({
          vi: `Chưa in được PDF bằng LibreOffice: ${(error as Error).message}`,
          en: `Could not print the PDF with LibreOffice: ${(error as Error).message}`,
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
      { vi: `Không ghi được vào thư mục ${dir}`, en: `Cannot write to folder ${dir}` },
      async () => {
        await writeFile(files.result, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
        await writeFile(files.nominations, `${JSON.stringify(nominations, null, 2)}\n`, 'utf8');
        await writeFile(files.summary, `${summary}\n\n${formatNominations(nominations, ctx)}\n`, 'utf8');
      },
    );
    written.push(files.result, files.nominations, files.summary);

    ctx.io.out(summary);
    ctx.io.out('');
    ctx.io.out(t({ vi: 'Đã ghi:', en: 'Written:' }));
    for (const f of written) ctx.io.out(`  ${f}`);
    return hasErrors(result.issues) || hasErrors(checked) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
