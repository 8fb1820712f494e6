import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkCluster, hasErrors, parseClusterDocument } from '../../../core';
import sample from '../../../templates/samples/cum-7-2022.json';
import { CliError, type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { acceptParsed } from '../load';
import { computeLoaded, rankingText } from './compute';

export const SAMPLE_NAME = 'templates/samples/cum-7-2022.json';

export const demoCommand: Command = {
  name: 'demo',
  usage: 'thidua demo [-o DIR] [--lang en]',
  summary: {
    vi: 'chạy toàn bộ trên cụm mẫu (Cụm thi đua số 7, 2022) và ghi kết quả vào DIR (mặc định ./demo-output)',
    en: 'runs the whole job on the bundled sample cluster (Cụm thi đua số 7, 2022), writing to DIR (default ./demo-output)',
  },
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx) {
    const dir = resolve(ctx.io.cwd, typeof ctx.values.out === 'string' ? ctx.values.out : 'demo-output');
    // The sample is bundled into the command line at build time: no file to find at run time.
    const loaded = acceptParsed(parseClusterDocument(structuredClone(sample)), SAMPLE_NAME, SAMPLE_NAME);
    const checked = [...loaded.issues, ...checkCluster(loaded.doc)];
    const { result, computation } = computeLoaded(loaded);
    const summary = [
      rankingText(result, computation, ctx),
      '',
      ctx.t({ vi: 'Kiểm tra dữ liệu:', en: 'Data check:' }),
      formatIssues(checked, ctx.lang),
    ].join('\n');
    const files = { result: join(dir, 'result.json'), summary: join(dir, 'summary.txt') };
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(files.result, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
      await writeFile(files.summary, `${summary}\n`, 'utf8');
    } catch (error) {
      throw new CliError({
        vi: `Không ghi được vào thư mục ${dir}: ${(error as Error).message}`,
        en: `Cannot write to folder ${dir}: ${(error as Error).message}`,
      });
    }
    ctx.io.out(summary);
    ctx.io.out('');
    ctx.io.out(ctx.t({ vi: 'Đã ghi:', en: 'Written:' }));
    for (const f of Object.values(files)) ctx.io.out(`  ${f}`);
    return hasErrors(result.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
