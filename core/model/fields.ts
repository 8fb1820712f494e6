/**
 * Every top-level field of a cluster document the product knows, and what each place does with it. A new field
 * gets its row here, and so a decision for each place: the cluster workbook keeps it in its own sheets or in
 * the extensions cell; the dossier's fingerprint covers it or not. Next year's document (core/years/next.ts)
 * rebuilds or drops every field listed here; a field not listed is the office's own, kept in the extensions
 * cell and carried into next year unchanged.
 */
import type { ClusterDocument } from './types';

interface DocumentField {
  /** The cluster workbook holds it in its own sheets (else as JSON in the "Thông tin" extensions cell). */
  sheets: boolean;
  /** It changes a figure the council signs: the fingerprint of a finalised dossier covers it. */
  sealed: boolean;
}

const FIELDS: Record<keyof ClusterDocument, DocumentField> & Record<string, DocumentField> = {
  format: { sheets: true, sealed: false },
  kind: { sheets: true, sealed: true },
  year: { sheets: true, sealed: true },
  title: { sheets: true, sealed: false },
  period: { sheets: true, sealed: false },
  cluster: { sheets: true, sealed: true },
  units: { sheets: true, sealed: true },
  criteria: { sheets: true, sealed: true },
  scores: { sheets: true, sealed: true },
  indicators: { sheets: true, sealed: true },
  indicatorResults: { sheets: true, sealed: true },
  ranking: { sheets: true, sealed: true },
  votes: { sheets: true, sealed: true },
  people: { sheets: true, sealed: true },
  ruleSet: { sheets: true, sealed: true },
  sample: { sheets: true, sealed: false },
  decisions: { sheets: true, sealed: false },
  ruleOverrides: { sheets: false, sealed: true },
  unitProfiles: { sheets: false, sealed: true },
  awards: { sheets: false, sealed: false },
  initiatives: { sheets: false, sealed: false },
  notEvaluated: { sheets: false, sealed: false },
  election: { sheets: false, sealed: false },
  previousYear: { sheets: false, sealed: false },
  meeting: { sheets: false, sealed: false },
};

/** Every field the product knows (next year rebuilds or drops each of them). */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(FIELDS));
/** Fields the cluster workbook keeps in its own sheets. */
export const SHEET_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(FIELDS).filter((k) => FIELDS[k]!.sheets),
);
/** Fields the dossier's fingerprint covers, in a fixed order. */
export const SEALED_FIELDS: readonly string[] = Object.keys(FIELDS).filter((k) => FIELDS[k]!.sealed);
