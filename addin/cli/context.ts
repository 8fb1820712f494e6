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

export type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

export interface Command {
  name: string;
  usage: string;
  summary: Bilingual;
  options: Record<string, OptionSpec>;
  run(ctx: CommandContext): Promise<number>;
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
