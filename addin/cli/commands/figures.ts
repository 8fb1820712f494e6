/**
 * The figures a dossier and a finalisation rest on, computed one way for both: the result, the proposals
 * under the dated rule set, their fingerprint, and the document's facts with the cells they were read from.
 */
import { extname } from 'node:path';
import {
  type ClusterDocument,
  type NominationReport,
  nominateAwards,
  type ResultDocument,
} from '../../../core';
import { type Fact, documentFacts } from '../../../templates/dossier';
import { sourceOfPath } from '../../../templates/read/sources';
import { fingerprintOf } from '../../host/fingerprint';
import { workbookSealOf, workbookSourcesOf } from '../read-document';
import { type Seal, type SealedFact, readSnapshotSeal } from '../../host/xlsx/seal';
import { readWorkbookSnapshotFile } from '../../host/xlsx/files';
import type { CommandContext } from '../context';
import type { LoadedDocument } from '../load';
import { computeLoaded } from './compute';

export interface Figures {
  doc: ClusterDocument;
  result: ResultDocument;
  report: NominationReport;
  fingerprint: string;
}

export function figuresOf(
  loaded: LoadedDocument,
  ctx: Pick<CommandContext, 'lang'>,
  doc = loaded.doc,
): Figures {
  const { result } = computeLoaded({ ...loaded, doc });
  const awards = nominateAwards(doc, result, { lang: ctx.lang });
  const report: NominationReport = { ...awards, issues: [...result.issues, ...awards.issues] };
  return { doc, result, report, fingerprint: fingerprintOf(doc, result, report) };
}

/** The document's facts, each with the sheet and cell it was read from when it came from a workbook. */
export function factsWithCells(doc: ClusterDocument): SealedFact[] {
  const sources = workbookSourcesOf(doc);
  return documentFacts(doc).map((f: Fact) => {
    const at = sources && sourceOfPath(sources, f.path);
    return at ? { ...f, sheet: at.sheet, cell: at.cell } : f;
  });
}

/**
 * The seal of a finalised workbook (undefined for JSON or a workbook never finalised). `doc`, when the
 * document read from `path`: its seal was read with it (../read-document.ts), the file is not read again.
 */
export async function sealOf(path: string, doc?: ClusterDocument): Promise<Seal | undefined> {
  const known = doc && workbookSealOf(doc);
  if (known) return known.seal;
  if (extname(path).toLowerCase() !== '.xlsx') return undefined;
  return readSnapshotSeal((await readWorkbookSnapshotFile(path)).snapshot);
}
