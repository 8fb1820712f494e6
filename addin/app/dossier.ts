/**
 * The dossier's pure work (issue 14), shared by `thidua dossier` and the task pane's action (actions.ts, which
 * loads this module lazily with the core): the options as typed, the counts typed on a count sheet as the
 * votes, the fingerprint of the figures, the dossier itself, and its ballots and count sheet as sheets of the
 * open workbook. No host, no file system; the Word files are the host's (addin/app/files.ts DocumentFiles).
 */
import {
  type Bilingual,
  type ClusterDocument,
  isIsoDate,
  type NominationReport,
  proposeRotation,
  type ResultDocument,
} from '../../core';
import {
  BALLOT_SHEET,
  buildDossier,
  COUNT_SHEET,
  COUNT_TABLE,
  candidatePair,
  countSheetCandidates,
  type Dossier,
  type DossierOptions,
  type Finalisation,
  fingerprintPayload,
  formatFingerprint,
  officialNamer,
  readCountSheet,
  withCountedVotes,
} from '../../templates/dossier';
import type { SealStamp } from '../../templates/layouts/seal';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';
import { readSealStamp } from '../../templates/read/seal';

export type { DossierOptions, Finalisation };

/** The options as given (the CLI's flags, the pane's fields): any value, blanks and non-text ignored. */
export type DossierOptionsInput = { readonly [K in keyof DossierOptions]?: unknown };

const OPTION_KEYS = [
  'date',
  'place',
  'symbol',
  'signer',
] as const satisfies readonly (keyof DossierOptions)[];

/**
 * The dossier's options from what was typed: text trimmed, blanks dropped. A date that is not a real
 * YYYY-MM-DD is returned as `badDate`, for the caller to refuse in the one sentence (./date-text.ts
 * badDateText), naming where it was typed (the flag, the field).
 */
export function dossierOptionsOf(input: DossierOptionsInput): { options: DossierOptions; badDate?: string } {
  const options: DossierOptions = {};
  for (const key of OPTION_KEYS) {
    const v = input[key];
    if (typeof v === 'string' && v.trim() !== '') options[key] = v.trim();
  }
  if (options.date !== undefined && !isIsoDate(options.date)) {
    const badDate = options.date;
    delete options.date;
    return { options, badDate };
  }
  return { options };
}

export interface CountedVotes {
  doc: ClusterDocument;
  /** How many rows of the count sheet were taken as votes. */
  votes: number;
  /** Rows that could not be counted, and how many were taken from where. */
  notes: Bilingual[];
}

/**
 * The document with the counts typed on a count sheet as its votes (replacing the recorded vote of the same
 * award and candidate), or undefined when the snapshot holds no count table.
 */
export function withCountSheet(doc: ClusterDocument, snapshot: WorkbookSnapshot): CountedVotes | undefined {
  const read = readCountSheet(snapshot);
  if (!read) return undefined;
  const notes: Bilingual[] = [
    ...read.problems,
    {
      vi: `Lấy ${read.votes.length} kết quả biểu quyết từ ${snapshot.source}.`,
      en: `Took ${read.votes.length} vote results from ${snapshot.source}.`,
    },
  ];
  return { doc: withCountedVotes(doc, read.votes, officialNamer(doc)), votes: read.votes.length, notes };
}

/** The figures a dossier rests on: the document (with its counted votes), its result and proposals. */
export interface DossierFigures {
  doc: ClusterDocument;
  result: ResultDocument;
  report: NominationReport;
  fingerprint: string;
}

/**
 * The fingerprint of the figures (SHA-256 of templates/dossier's canonical payload, shortened) through Web
 * Crypto, which Node and the browser both have: the same text as the CLI's addin/host/fingerprint.ts.
 */
export async function fingerprintOf(
  doc: ClusterDocument,
  result: ResultDocument,
  report: Pick<NominationReport, 'ruleSet' | 'nominations'>,
): Promise<string> {
  const bytes = new TextEncoder().encode(fingerprintPayload(doc, result, report));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return formatFingerprint([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
}

/** The whole dossier from its figures: documents, count sheet and ballots, next year's leadership proposed. */
export function dossierOf(
  figures: DossierFigures,
  options: { dossier?: DossierOptions; finalised?: Finalisation } = {},
): Dossier {
  return buildDossier({
    ...figures,
    rotation: proposeRotation(figures.doc),
    ...(options.finalised ? { finalised: options.finalised } : {}),
    ...(options.dossier ? { options: options.dossier } : {}),
  });
}

/**
 * What the seal of a finalised workbook says of its dossier: finalised, by whom and when, while the figures are
 * those sealed; otherwise a warning, and the dossier says "chưa chốt". A finalised workbook keeps its votes:
 * a count sheet is for the meeting, before finalising.
 */
export function sealedFinalisation(
  seal: SealStamp | undefined,
  fingerprint: string,
): { finalised?: Finalisation; note?: Bilingual } {
  if (!seal) return {};
  if (seal.fingerprint === fingerprint) return { finalised: { by: seal.by, at: seal.at } };
  return {
    note: {
      vi: `Cảnh báo: số liệu đã khác bản chốt (mã khi chốt ${seal.fingerprint}, hiện nay ${fingerprint}); hồ sơ ghi "chưa chốt". Xem thidua check.`,
      en: `Warning: the figures differ from the finalised ones (fingerprint then ${seal.fingerprint}, now ${fingerprint}); the dossier says "not finalised". See thidua check.`,
    },
  };
}

export { readSealStamp };

/** A Word file's name for one of the dossier's documents. */
export const documentFileName = (d: Dossier['documents'][number]): string => `${d.file}.docx`;

/**
 * The ballots and the count sheet as a plan for the open workbook: only the sheets it does not hold yet, so
 * counts typed on the count sheet (and marks on the ballots) are never overwritten; the workbook's own title
 * and author stay. `kept` names the sheets left as they are; `stale` says which of today's candidates a kept
 * count sheet has no row for (the proposals changed since it was written).
 */
export function votingSheetsPlan(
  dossier: Dossier,
  snapshot: WorkbookSnapshot,
): { plan: WorkbookPlan; kept: string[]; stale?: Bilingual } {
  const held = new Set(snapshot.sheets.map((s) => s.name));
  const { properties: _own, ...countSheet } = dossier.countSheet;
  const sheets = [dossier.ballotSheet, ...countSheet.sheets];
  const kept = sheets.filter((s) => held.has(s.name)).map((s) => s.name);
  const plan = { ...countSheet, sheets: sheets.filter((s) => !held.has(s.name)) };
  const stale = kept.includes(COUNT_SHEET) ? staleCountSheet(dossier, snapshot) : undefined;
  return { plan, kept, ...(stale ? { stale } : {}) };
}

function staleCountSheet(dossier: Dossier, snapshot: WorkbookSnapshot): Bilingual | undefined {
  const there = countSheetCandidates(snapshot);
  if (!there) return undefined;
  const rows = dossier.countSheet.sheets
    .flatMap((s) => s.tables ?? [])
    .find((t) => t.name === COUNT_TABLE)?.rows;
  const missing = (rows ?? [])
    .map((r) => ({ award: String(r[0] ?? '').trim(), candidate: String(r[1] ?? '').trim() }))
    .filter((r) => r.award && r.candidate && !there.has(candidatePair(r.award, r.candidate)));
  if (missing.length === 0) return undefined;
  const listed = missing.map((m) => `${m.candidate} (${m.award})`).join('; ');
  // Not added by the program: an update writes values only (new count cells would stay locked), and neither
  // writer grows a table that exists (docs/dossier.md, "Not done yet").
  return {
    vi: `Sheet "${COUNT_SHEET}" có từ trước, thiếu ${missing.length} ứng viên đang được đề nghị: ${listed}; chương trình không tự thêm. Bỏ bảo vệ sheet (không có mật khẩu) rồi thêm dòng cho họ vào cuối bảng kiểm phiếu, hoặc xoá sheet "${COUNT_SHEET}" và "${BALLOT_SHEET}" rồi tạo lại hồ sơ (số phiếu đã nhập sẽ mất). Sheet "${BALLOT_SHEET}" cũ cũng thiếu họ; phiếu bầu Word vừa tạo có đủ.`,
    en: `Sheet "${COUNT_SHEET}" was already there and lacks ${missing.length} candidates proposed now: ${listed}; the program does not add them. Unprotect the sheet (no password) and add rows for them at the end of the count table, or delete the sheets "${COUNT_SHEET}" and "${BALLOT_SHEET}" and make the dossier again (counts typed there are lost). The old "${BALLOT_SHEET}" sheet lacks them too; the Word ballots just made list them.`,
  };
}

export { BALLOT_SHEET, COUNT_SHEET };
