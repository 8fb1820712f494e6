/**
 * How large a workbook the reading commands open, derived from what reading was measured to cost rather than
 * fixed: a workbook the product writes must always be readable by it, and a file that would exhaust memory
 * (or a zip bomb) is refused before it is inflated. No Node APIs here.
 *
 * Measured (Node 20, `thidua new` then `thidua check` on scripts/bench/workbook.ts largeCluster, 2026-12-03):
 * `check`'s peak resident memory grows with the XML a workbook holds: 7 units, 2,6 MB of XML → 180 MB;
 * 63 units, 22,5 MB → 398 MB; 700 units, 249 MB → 2 340 MB, i.e. about 205 MB + 8,6 × the XML. The commands
 * that write a copy of what they read (compute -o, merge, finalise) peak at about 1,8× `check` (compute -o:
 * 636 MB at 63 units, 4 278 MB at 700, which completed). The budget is what that heaviest command was seen to
 * finish within, a little above: Node's default heap limit (4,1 GB here) bounds the JavaScript heap, and the
 * file's bytes and zip buffers lie outside it. Past that, a read is refused rather than risk running out.
 */
export const READ_COST = {
  /** Memory of a command before the workbook (MB). */
  baseMb: 205,
  /** Peak memory per MB of uncompressed XML, reading. */
  perXmlMb: 8.6,
  /** The peak of a command writing a copy, against reading alone. */
  copyFactor: 1.8,
  /** What the heaviest command may use (MB, resident): measured to complete at 4 278 MB. */
  budgetMb: 4608,
} as const;

/** The predicted peak (MB) of the heaviest reading command on a workbook holding `xmlBytes` of XML. */
export function predictedPeakMb(xmlBytes: number): number {
  return (READ_COST.baseMb + READ_COST.perXmlMb * (xmlBytes / 1048576)) * READ_COST.copyFactor;
}

const MB = 1048576;

/** The largest uncompressed size opened: the memory budget's bound, rounded down to 10 MB. */
export const MAX_UNCOMPRESSED_BYTES =
  Math.floor((READ_COST.budgetMb / READ_COST.copyFactor - READ_COST.baseMb) / READ_COST.perXmlMb / 10) *
  10 *
  MB;

/**
 * The largest file opened, checked before it is read into memory: an .xlsx made of XML compresses at least
 * 4 times (the product's own, 8 times), so a larger file could not stay under MAX_UNCOMPRESSED_BYTES.
 */
export const MAX_FILE_BYTES = Math.floor(MAX_UNCOMPRESSED_BYTES / 4 / MB) * MB;
