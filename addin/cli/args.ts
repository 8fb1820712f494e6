/**
 * The command line's words before any command runs: the options that hold everywhere (--lang vi|en,
 * --version, --help), taken out wherever they stand, and a command's own options checked against its table
 * with Vietnamese/English messages (node:util's parse errors are English library text, never shown).
 */
import { parseArgs } from 'node:util';
import type { Bilingual } from '../../core';
import { CliError, type Lang, type OptionSpec } from './context';

export interface GlobalArgs {
  lang: Lang;
  version: boolean;
  help: boolean;
  /** The command name: the first word that is not an option. */
  command?: string;
  /** Everything else, in order, for the command's own parser. */
  rest: string[];
}

/** Options every command takes; shown in every --help. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  lang: {
    type: 'string',
    value: 'vi|en',
    help: { vi: 'ngôn ngữ thông báo (mặc định vi)', en: 'language of the messages (default vi)' },
  },
  help: { type: 'boolean', short: 'h', help: { vi: 'cách dùng lệnh này', en: 'how to use this command' } },
};

function langOf(value: string | undefined): Lang {
  if (value === 'vi' || value === 'en') return value;
  throw new CliError({
    vi: `--lang cần "vi" hoặc "en", không phải "${value ?? ''}".`,
    en: `--lang takes "vi" or "en", not "${value ?? ''}".`,
  });
}

/**
 * Takes --lang, --version and --help out of `argv` wherever they are ("--lang en check x" and "check x --lang
 * en" are one command line); what follows "--" is left as it is. A bad --lang is a CliError (in Vietnamese:
 * the language asked for is not known yet).
 */
export function splitGlobal(argv: readonly string[]): GlobalArgs {
  const out: GlobalArgs = { lang: 'vi', version: false, help: false, rest: [] };
  let langError: CliError | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? argv[++i] : a.slice('--lang='.length);
      try {
        out.lang = langOf(value);
      } catch (error) {
        langError = error as CliError;
      }
      continue;
    }
    if (a === '--version' || a === '-v' || a === '-V') {
      out.version = true;
      continue;
    }
    if (a === '--help' || a === '-h') {
      out.help = true;
      continue;
    }
    if (out.command === undefined && !a.startsWith('-')) {
      out.command = a;
      continue;
    }
    out.rest.push(a);
  }
  if (langError) throw langError;
  return out;
}

const flag = (name: string, spec: OptionSpec) => (spec.short ? `-${spec.short}/--${name}` : `--${name}`);

/**
 * The command's options and positionals, after every option word was checked against `options`: an unknown
 * option, a missing value or a value given to a switch is one CliError naming the option and the usage.
 */
export function parseCommandArgs(
  args: readonly string[],
  options: Record<string, OptionSpec>,
  usage: string,
): { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> } {
  const table = { ...options };
  const byShort = new Map(
    Object.entries(table).flatMap(([n, s]) => (s.short ? [[s.short, n] as const] : [])),
  );
  const { tokens } = parseArgs({
    args: [...args],
    options: table,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const fail = (text: Bilingual): never => {
    throw new CliError({ vi: `${text.vi}\n${usage}`, en: `${text.en}\n${usage}` });
  };
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const name = table[t.name] ? t.name : byShort.get(t.name);
    const spec = name === undefined ? undefined : table[name];
    if (!spec || name === undefined)
      fail({
        vi: `Không có tuỳ chọn ${t.rawName} cho lệnh này.`,
        en: `No option ${t.rawName} for this command.`,
      });
    else if (spec.type === 'string' && (t.value === undefined || t.value === ''))
      fail({
        vi: `${flag(name, spec)} cần một giá trị${spec.value ? ` (${spec.value})` : ''}.`,
        en: `${flag(name, spec)} needs a value${spec.value ? ` (${spec.value})` : ''}.`,
      });
    else if (spec.type === 'boolean' && t.inlineValue)
      fail({
        vi: `${flag(name, spec)} không nhận giá trị (bỏ "=${t.value}").`,
        en: `${flag(name, spec)} takes no value (drop "=${t.value}").`,
      });
    else if (spec.type === 'string' && !spec.multiple) {
      const seen = tokens!.filter(
        (o) => o.kind === 'option' && (o.name === name || byShort.get(o.name) === name),
      ).length;
      if (seen > 1)
        fail({
          vi: `${flag(name, spec)} chỉ được ghi một lần.`,
          en: `${flag(name, spec)} may be given only once.`,
        });
    }
  }
  const parsed = parseArgs({ args: [...args], options: table, allowPositionals: true, strict: true });
  return {
    positionals: parsed.positionals,
    values: parsed.values as Record<string, string | boolean | string[] | undefined>,
  };
}
