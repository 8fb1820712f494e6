/**
 * The command line's side of the guarded write path (../host/fs/guarded-write.ts): the shared -o and --force
 * options, and a claim made from what the user typed. Claim BEFORE reading the inputs: an output that is an
 * input (by path, link or hard link) is refused before anything is read.
 */
import { extname, resolve } from 'node:path';
import type { Bilingual } from '../../core';
import { type ClaimedOutput, claimOutput } from '../host/fs/guarded-write';
import type { OutputKind } from '../host/fs/output-rules';
import { CliError, type CommandContext, type OptionSpec } from './context';

export const FORCE_OPTION: OptionSpec = {
  type: 'boolean',
  help: {
    vi: 'thay tệp kết quả đã có (tệp cũ giữ nguyên đến khi tệp mới ghi xong)',
    en: 'replace an existing output (the old file stays whole until the new one is complete)',
  },
};

export const outOption = (value: string, help: Bilingual): OptionSpec => ({
  type: 'string',
  short: 'o',
  value,
  help,
});

/** The -o value, or a CliError saying which file the command needs. */
export function requireOut(ctx: CommandContext, key: string, value: string, ext?: string): string {
  const out = ctx.values[key];
  if (typeof out !== 'string' || out === '')
    throw new CliError({ vi: `Cần -o ${value}.`, en: `Needs -o ${value}.` });
  if (ext && extname(out).toLowerCase() !== ext)
    throw new CliError({
      vi: `-o cần tên tệp ${ext}, không phải "${out}".`,
      en: `-o needs a ${ext} file name, not "${out}".`,
    });
  return out;
}

/** Claims `out` (as typed) for this command: --force from the command line, `inputs` as typed too. */
export function claimFor(
  ctx: CommandContext,
  out: string,
  options: { inputs?: readonly string[]; kind?: OutputKind } = {},
): Promise<ClaimedOutput> {
  return claimOutput(resolve(ctx.io.cwd, out), {
    shown: out,
    inputs: (options.inputs ?? []).map((i) => resolve(ctx.io.cwd, i)),
    force: ctx.values.force === true,
    kind: options.kind ?? 'file',
  });
}

/** Runs `job` with the claim; a failure aborts it (nothing left at the output path) and is rethrown. */
export async function withClaim<T>(
  claim: ClaimedOutput,
  job: (claim: ClaimedOutput) => Promise<T>,
): Promise<T> {
  try {
    return await job(claim);
  } catch (error) {
    await claim.abort();
    throw error;
  }
}
