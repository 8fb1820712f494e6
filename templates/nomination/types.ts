/** What the nomination sheets are built from, and what the office may set on them. */
import type { ResultDocument } from '../../core';

/**
 * The part of `thidua/nominations@1` (../shared/spec/cli.md) the sheets print: the proposals with their legal
 * basis and the quota use. Structural, so the awards engine's own output type fits it as is.
 */
export interface NominationList {
  ruleSet?: string;
  ruleSetTitle?: string;
  nominations: readonly {
    award: string;
    candidate: string;
    kind: 'collective' | 'individual';
    /** An individual's unit (else looked up in the document's people). */
    unit?: string;
    basis: readonly string[];
  }[];
  /** `scope`: the unit a per-unit cap applies to. */
  quotas?: readonly { award: string; limit: number; proposed: number; basis: string; scope?: string }[];
}

export interface SignatureBlock {
  /** "TM. CỤM THI ĐUA SỐ 7" (on behalf of); default from the cluster's name. */
  on?: string;
  /** "CỤM TRƯỞNG". */
  position?: string;
  /** The signer's name, printed under the space for the signature and seal. */
  name?: string;
}

export interface NominationSheetOptions {
  /** First line at the top left, the body above the issuer (uppercase); default the cluster leader, e.g. "VKSND TỈNH ĐẮK LẮK". */
  parentBody?: string;
  /** Second line, bold: the issuing body; default the cluster's name in capitals, e.g. "CỤM THI ĐUA SỐ 7". */
  issuingBody?: string;
  /** Document symbol after the number, e.g. "TTr-CTĐ7"; the number itself is left blank for the clerk. */
  symbol?: string;
  /** Place name of the date line, e.g. "Đắk Lắk"; default the leader's province taken from its name. */
  place?: string;
  /** Date of signing, YYYY-MM-DD; default blank ("ngày … tháng … năm <year + 1>"). */
  date?: string;
  /** What the list is attached to, e.g. "Tờ trình số 15/TTr-CTĐ7 ngày 20/12/2022"; default blank to fill. */
  attachedTo?: string;
  /** Recipients (Nơi nhận), without the leading dash. */
  recipients?: string[];
  signature?: SignatureBlock;
  /** Computed results: the achievement column of a collective then starts with its rank, score and indicators. */
  result?: ResultDocument;
}
