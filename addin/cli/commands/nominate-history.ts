/**
 * `nominate --history FILE…`: earlier years' files (or folders) as the history of the individual awards. The
 * document's own decisions (carried by `thidua next`) are a history too, so a file with decisions uses them
 * without the option.
 */
import { basename } from 'node:path';
import {
  type AwardHistoryInput,
  buildAwardHistory,
  type ClusterDocument,
  type Issue,
  type ResultDocument,
  readDecisions,
  withHistoryDates,
} from '../../../core';
import type { CommandContext } from '../context';
import type { LoadedDocument } from '../load';
import { loadYearFiles } from './year-files';

export async function historyOption(
  loaded: LoadedDocument,
  result: ResultDocument,
  ctx: CommandContext,
): Promise<{ history: AwardHistoryInput; doc: ClusterDocument; issues: Issue[] } | undefined> {
  const args = ctx.values.history;
  const list = Array.isArray(args) ? args : typeof args === 'string' ? [args] : [];
  if (list.length === 0 && readDecisions(loaded.doc, []).length === 0) return undefined;
  const { files, issues } = await loadYearFiles(list, ctx);
  // The file itself may be among the folder's files: it is the current year, not its own history.
  const earlier = files.filter((f) => f.source !== basename(loaded.path) && f.doc.year < loaded.doc.year);
  const built = buildAwardHistory({ doc: loaded.doc, source: basename(loaded.path), result }, earlier);
  const all = [...(issues as Issue[]), ...built.issues];
  const doc = withHistoryDates(loaded.doc, built.serviceStarts, all);
  return { history: built.history, doc, issues: all };
}
