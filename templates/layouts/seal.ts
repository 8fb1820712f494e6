/**
 * The finalised workbook's visible sheet (chốt số liệu): its name and the labels of its stamp rows (label in
 * column A, value in column B). Written by addin/host/xlsx/seal.ts, read by templates/read/seal.ts.
 */
export const SEAL_SHEET = 'Chốt số liệu';
export const SEAL_FACTS_SHEET = '_ChotSoLieu';
export const SEAL_LABELS = { fingerprint: 'Mã kiểm chứng', by: 'Người chốt', at: 'Thời điểm chốt' } as const;

export interface SealStamp {
  fingerprint: string;
  by: string;
  at: string;
}
