/**
 * The options of the commands that print signed documents (`nominate -o`, `dossier`): the place, the signer,
 * the date and the number and symbol printed on them, as option specs and as values read from the command
 * line. Each command keeps its own help text where the document differs (a list, a submission).
 */
import { type Bilingual, isIsoDate } from '../../core';
import { badDateText, DATE_FLAG } from '../app/date-text';
import { CliError, type CommandContext, type OptionSpec } from './context';

export const PLACE_OPTION: OptionSpec = {
  type: 'string',
  value: 'NAME',
  help: { vi: 'địa danh ghi cạnh ngày', en: 'the place beside the date' },
};

export const SIGNER_OPTION: OptionSpec = {
  type: 'string',
  value: 'NAME',
  help: { vi: 'người ký', en: 'the signer' },
};

export const dateOption = (help: Bilingual): OptionSpec => ({ type: 'string', value: 'YYYY-MM-DD', help });

export const symbolOption = (help: Bilingual): OptionSpec => ({ type: 'string', value: 'TTr-…', help });

/** A text option's value, trimmed; undefined when absent or blank. */
export function optionText(ctx: CommandContext, key: string): string | undefined {
  const v = ctx.values[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * --date as a real YYYY-MM-DD date, or undefined; anything else is a CliError in the pane's sentence for its
 * "Ngày ký" field (addin/app/date-text.ts), naming the flag.
 */
export function dateOptionValue(ctx: CommandContext): string | undefined {
  const date = optionText(ctx, 'date');
  if (date !== undefined && !isIsoDate(date)) throw new CliError(badDateText(DATE_FLAG, date));
  return date;
}
