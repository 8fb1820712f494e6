/** The `thidua` command line: dispatch, common options, and the no-stack-trace promise. */
import { parseArgs } from 'node:util';
import { type CliIo, CliError, type Command, type Lang, EXIT_CANNOT_RUN } from './context';
import { commands } from './commands';

const commonOptions = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(lang: Lang): string {
  const lines = [
    lang === 'en'
      ? 'Usage: thidua COMMAND [options]  (--help on every command, --lang en)'
      : 'Cách dùng: thidua LỆNH [tuỳ chọn]  (--help ở mỗi lệnh, --lang en cho tiếng Anh)',
    '',
  ];
  for (const c of commands)
    lines.push(`  ${c.name.padEnd(10)} ${lang === 'en' ? c.summary.en : c.summary.vi}`);
  return lines.join('\n');
}

function pickLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const lang = pickLang(argv);
  const t = (text: { vi: string; en: string }) => (lang === 'en' ? text.en : text.vi);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(lang));
    return name ? 0 : EXIT_CANNOT_RUN;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(t({ vi: `Không có lệnh "${name}".`, en: `Unknown command "${name}".` }));
    io.err(helpText(lang));
    return EXIT_CANNOT_RUN;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...commonOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.out(`${command.usage}\n${t(command.summary)}`);
      return 0;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values, lang, io, t });
  } catch (error) {
    if (error instanceof CliError) {
      io.err(t(error.text));
      return error.exitCode;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(
        t({
          vi: `Tham số không hợp lệ: ${(error as Error).message}`,
          en: `Bad arguments: ${(error as Error).message}`,
        }),
      );
      io.err(command.usage);
      return EXIT_CANNOT_RUN;
    }
    // An unexpected failure is still one line: what failed, not how.
    io.err(
      t({
        vi: `Lỗi không mong đợi: ${(error as Error).message}`,
        en: `Unexpected failure: ${(error as Error).message}`,
      }),
    );
    return EXIT_CANNOT_RUN;
  }
}
