/**
 * `thidua diff A.xlsx B.xlsx [--json]`: what differs between two versions of a workbook (or document):
 * scores, indicator results, votes, people and members, fact by fact in Vietnamese, each with the cell it
 * sits in (in B, or in A for what B no longer has). Rows may be in any order: facts are matched by what
 * they are about. Exit 0 whether or not they differ; 2 when a file cannot be read.
 */
import { basename, extname, resolve } from 'node:path';
import { changeText, diffFacts } from '../../../templates/dossier';
import { CliError, type Command, EXIT_OK } from '../context';
import { loadDocument } from '../load';
import { factsWithCells } from './figures';

export const diffCommand: Command = {
  name: 'diff',
  usage: 'thidua diff A.xlsx B.xlsx [--json] [--lang en]',
  options: { json: { type: 'boolean', help: { vi: 'in dạng JSON', en: 'print JSON' } } },
  async run(ctx) {
    const [a, b] = ctx.positionals;
    if (!a || !b)
      throw new CliError({
        vi: 'Cần hai tệp: thidua diff A.xlsx B.xlsx.',
        en: 'Two files needed: thidua diff A.xlsx B.xlsx.',
      });
    if (resolve(ctx.io.cwd, a) === resolve(ctx.io.cwd, b))
      throw new CliError({ vi: 'Hai tệp là một.', en: 'Both names are the same file.' });
    const before = factsWithCells((await loadDocument(a, ctx)).doc);
    const after = factsWithCells((await loadDocument(b, ctx)).doc);
    const cellA = new Map(before.map((f) => [f.key, f]));
    const cellB = new Map(after.map((f) => [f.key, f]));
    const changes = diffFacts(before, after).map((c) => {
      const at = cellB.get(c.key)?.cell ? cellB.get(c.key) : cellA.get(c.key);
      const inFile = cellB.get(c.key)?.cell ? b : a;
      return {
        text: changeText(c),
        before: c.before ?? null,
        after: c.after ?? null,
        ...(at?.sheet ? { file: basename(inFile), sheet: at.sheet, cell: at.cell } : {}),
      };
    });
    if (ctx.values.json) {
      ctx.io.out(JSON.stringify({ format: 'thidua/diff@1', a, b, changes }, null, 2));
      return EXIT_OK;
    }
    const t = ctx.t;
    if (!changes.length) {
      ctx.io.out(
        t({
          vi: `${a} và ${b}: không có khác biệt về số liệu.`,
          en: `${a} and ${b}: no difference in the figures.`,
        }),
      );
      return EXIT_OK;
    }
    ctx.io.out(
      t({ vi: `${a} → ${b}: ${changes.length} khác biệt`, en: `${a} → ${b}: ${changes.length} differences` }),
    );
    const ext = (f: string) => extname(f).toLowerCase() === '.xlsx';
    for (const c of changes)
      ctx.io.out(`  - ${c.sheet && (ext(a) || ext(b)) ? `${c.file} '${c.sheet}'!${c.cell}: ` : ''}${c.text}`);
    return EXIT_OK;
  },
  examples: [
    {
      line: 'thidua diff cum-8-2020-chot.xlsx cum-8-2020-sua.xlsx',
      what: { vi: 'các ô khác nhau giữa hai bản', en: 'the cells that differ between two copies' },
    },
  ],
};
