/**
 * What every command receives: parsed arguments, the language, and output channels.
 * Commands return an exit code (0 done and no data errors, 1 data errors, 2 could not run)
 * and throw CliError for "could not run": main prints its one line, never a stack trace.
 */
import type { Bilingual } from '../../core';

export type Lang = 'vi' | 'en';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface CommandContext {
  /** Positional arguments after the command name. */
  positionals: string[];
  /** Options as parsed by node:util parseArgs with the command's option table. */
  values: Record<string, string | boolean | string[] | undefined>;
  lang: Lang;
  io: CliIo;
  t(text: Bilingual): string;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** What the option does, for --help (every option has one; test/addin/cli/help.test.ts holds it). */
  help?: Bilingual;
  /** The value's placeholder in --help ("OUT.xlsx", "NAME"). */
  value?: string;
}

export interface Example {
  /** The command line, from "thidua". */
  line: string;
  what: Bilingual;
}

/**
 * A command's module (loaded only when the command runs: see commands/index.ts). Its one-line summary lives
 * in the registry entry, so `thidua --help` loads no command.
 */
export interface Command {
  name: string;
  /** The syntax, language-neutral: "thidua compute FILE [--json] [-o OUT.xlsx] [--force]". */
  usage: string;
  options: Record<string, OptionSpec>;
  /** At least one, shown by --help. */
  examples: Example[];
  /** Longer notes for --help, when the options' lines are not enough. */
  notes?: Bilingual[];
  run(ctx: CommandContext): Promise<number>;
}

/** One line of the registry: what `thidua --help` lists, and how to load the command. */
export interface CommandEntry {
  name: string;
  summary: Bilingual;
  load(): Promise<Command>;
}

export class CliError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly exitCode = 2,
  ) {
    super(text.en);
  }
}

export const EXIT_OK = 0;
export const EXIT_DATA_ERRORS = 1;
export const EXIT_CANNOT_RUN = 2;
