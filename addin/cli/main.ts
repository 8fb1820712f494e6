/**
 * The `thidua` command line: the options that hold everywhere, the command loaded on demand, and the promise
 * that nothing but the product's own sentences is printed (failure.ts).
 */
import { version } from '../../package.json';
import { parseCommandArgs, splitGlobal } from './args';
import { commands } from './commands';
import { type CliIo, CliError, EXIT_CANNOT_RUN, type Lang } from './context';
import { failureText } from './failure';
import { commandHelp, generalHelp } from './help';

export const VERSION = version;

function bilingual(lang: Lang) {
  return (text: { vi: string; en: string }) => (lang === 'en' ? text.en : text.vi);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let lang: Lang = argv.includes('--lang=en') || argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  let name: string | undefined;
  try {
    const global = splitGlobal(argv);
    lang = global.lang;
    const t = bilingual(lang);
    name = global.command === 'help' ? global.rest.find((a) => !a.startsWith('-')) : global.command;
    if (global.version && !name) {
      io.out(`thidua ${VERSION}`);
      return 0;
    }
    if (!name) {
      io.out(generalHelp(commands, lang, VERSION));
      return global.help || global.command === 'help' ? 0 : EXIT_CANNOT_RUN;
    }
    const entry = commands.find((c) => c.name === name);
    if (!entry) {
      io.err(t({ vi: `Không có lệnh "${name}".`, en: `Unknown command "${name}".` }));
      io.err(generalHelp(commands, lang, VERSION));
      return EXIT_CANNOT_RUN;
    }
    const command = await entry.load();
    if (global.help || global.command === 'help') {
      io.out(commandHelp(entry, command, lang));
      return 0;
    }
    const rest = global.command === 'help' ? [] : global.rest;
    const { positionals, values } = parseCommandArgs(rest, command.options, command.usage);
    return await command.run({ positionals, values, lang, io, t });
  } catch (error) {
    const { text, code } = failureText(error, name, io.cwd);
    io.err(bilingual(lang)(text));
    if (process.env.THIDUA_DEBUG && !(error instanceof CliError)) io.err(String((error as Error)?.stack));
    return code;
  }
}
