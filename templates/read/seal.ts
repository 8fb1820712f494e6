/** The stamp of a finalised workbook from its snapshot (the visible "Chốt số liệu" sheet), or undefined. */
import type { WorkbookSnapshot } from '../plan';
import { SEAL_LABELS, SEAL_SHEET, type SealStamp } from '../layouts/seal';

export function readSealStamp(snapshot: WorkbookSnapshot): SealStamp | undefined {
  const sheet = snapshot.sheets.find((s) => s.name === SEAL_SHEET);
  if (!sheet) return undefined;
  const stamp: Partial<SealStamp> = {};
  for (const row of sheet.values) {
    const label = String(row[0] ?? '').trim();
    const value = row[1] === null || row[1] === undefined ? '' : String(row[1]).trim();
    if (label === SEAL_LABELS.fingerprint) stamp.fingerprint = value;
    if (label === SEAL_LABELS.by) stamp.by = value;
    if (label === SEAL_LABELS.at) stamp.at = value;
  }
  return stamp.fingerprint
    ? { fingerprint: stamp.fingerprint, by: stamp.by ?? '', at: stamp.at ?? '' }
    : undefined;
}
