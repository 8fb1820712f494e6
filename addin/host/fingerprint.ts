/** The short fingerprint of a dossier's figures: SHA-256 of the canonical payload (templates/dossier), 10 hex digits. */
import { createHash } from 'node:crypto';
import type { ClusterDocument, NominationReport, ResultDocument } from '../../core';
import { fingerprintPayload, formatFingerprint } from '../../templates/dossier';

export function fingerprintOf(
  doc: ClusterDocument,
  result: ResultDocument,
  report: Pick<NominationReport, 'ruleSet' | 'nominations'>,
): string {
  const hex = createHash('sha256')
    .update(fingerprintPayload(doc, result, report), 'utf8')
    .digest('hex');
  return formatFingerprint(hex);
}
