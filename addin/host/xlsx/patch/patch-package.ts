/**
 * Results written into a copy of an existing workbook by patching its package instead of re-serialising it
 * with exceljs: the plan's cells go into the sheets' XML with the exceljs host's update rules (./update.ts),
 * the log table gets its line, and every other part is copied as its compressed bytes. Undefined when the
 * package is one this does not patch exactly (a plan sheet it lacks, strict OOXML, encryption, a part
 * missing, no log table, a cell it does not read): the caller then takes the exceljs path. No Node APIs but
 * the injected deflate.
 */
import { deflateSync } from 'fflate';
import { type DeferredWorkbookPlan, type SheetPlan, sheetPlanOf } from '../../../../templates/plan';
import type { WriteReport } from '../../../app/host';
import { addPlanCharts } from './charts';
import { type LogLine, appendLogLine } from './log';
import { Parts, type SheetRef, sheetNotes, workbookParts } from './parts';
import { SheetCells, sharedStringsOf } from './sheet-cells';
import { unlockedFormats } from './unlocked';
import { CannotPatch, type SheetUpdate, updateSheet } from './update';
import { dropCalcChain, patchNames, patchProperties } from './workbook-edits';
import { DEFLATE_LEVEL, type Deflate, type DeflateLater, type Inflate, crc32, readZip } from './zip';

export type { Deflate, DeflateLater, Inflate, LogLine };

export interface PatchResult {
  bytes: Uint8Array;
  report: WriteReport;
}

const fflateDeflate: Deflate = (data) => ({
  crc: crc32(data),
  deflated: deflateSync(data, { level: DEFLATE_LEVEL }),
});

/**
 * `plan` (without its log, meta and guide sheets, as the exceljs update is given it) into a copy of `bytes`,
 * with `log`'s line appended (none for a plan that writes its own log cells, as the page's actions do); undefined when the package is not one this patches exactly.
 */
export function patchResults(
  bytes: Uint8Array,
  plan: DeferredWorkbookPlan,
  log: LogLine | undefined,
  options: { deflate?: Deflate; inflate?: Inflate; texts?: Map<string, string> } = {},
): PatchResult | undefined {
  const deflate = options.deflate ?? fflateDeflate;
  const patched = patchParts(bytes, plan, log, deflate, options.inflate, undefined, options.texts);
  return patched && attempt(() => ({ bytes: patched.parts.bytes(deflate), report: patched.report }));
}

/**
 * As patchResults, each changed sheet deflated by `later` while the next is patched (up to LATER_BUDGET of
 * their texts waiting at once; the others deflated here); the same bytes. `texts`: sheets' texts the reader
 * decoded from these bytes (../read/direct-read.ts KeptTexts), taken over instead of inflated again.
 */
export async function patchResultsLater(
  bytes: Uint8Array,
  plan: DeferredWorkbookPlan,
  log: LogLine | undefined,
  options: { deflate: Deflate; later: DeflateLater; inflate?: Inflate; texts?: Map<string, string> },
): Promise<PatchResult | undefined> {
  const patched = patchParts(
    bytes,
    plan,
    log,
    options.deflate,
    options.inflate,
    { deflate: options.later, budget: LATER_BUDGET },
    options.texts,
  );
  if (!patched) return undefined;
  try {
    return { bytes: await patched.parts.bytesLater(options.deflate), report: patched.report };
  } catch (error) {
    if (error instanceof Error) return undefined;
    throw error;
  }
}

/** A 63-unit workbook's sheets are 23 MB of text; a 700-unit one's 260 MB are not all held at once. */
const LATER_BUDGET = 64 * 1024 * 1024;

/**
 * CannotPatch, a part that does not inflate, or XML that does not decode (XmlDamage): the patch is only a
 * faster way to the exceljs path's result, so any failure takes that path, which reads the file as it always
 * has and names a damaged part in the person's words.
 */
function attempt<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof Error) return undefined;
    throw error;
  }
}

function patchParts(
  bytes: Uint8Array,
  plan: DeferredWorkbookPlan,
  log: LogLine | undefined,
  deflate: Deflate,
  inflate: Inflate | undefined,
  later?: { deflate: DeflateLater; budget: number },
  texts?: Map<string, string>,
): { parts: Parts; report: WriteReport } | undefined {
  const entries = readZip(bytes);
  if (!entries) return undefined;
  const parts = new Parts(entries, inflate, texts);
  return attempt(() => {
    if (!parts.has('[Content_Types].xml') || parts.has('EncryptedPackage')) return undefined;
    const wb = workbookParts(parts);
    const stylesPart = wb.of('styles')?.part;
    const unlocked = unlockedFormats(stylesPart ? parts.text(stylesPart) : undefined);
    const stringsPart = wb.of('sharedStrings')?.part;
    let strings: string[] | undefined;
    const sharedStrings = () => {
      strings ??= sharedStringsOf(stringsPart ? parts.text(stringsPart) : undefined);
      return strings;
    };
    const opened = new Map<string, SheetCells>();
    const open = (sheet: SheetRef) => {
      let cells = opened.get(sheet.part);
      if (!cells) {
        cells = SheetCells.open(parts.need(sheet.part), sharedStrings, parts.layout(sheet.part));
        if (!cells) throw new CannotPatch(`sheet ${sheet.name}`);
        opened.set(sheet.part, cells);
      }
      return cells;
    };
    const report: WriteReport = { cellsWritten: 0, sheetsCreated: [], refused: [] };
    const update: SheetUpdate = { formulasChanged: false };
    const charted: SheetPlan[] = [];
    for (const planned of plan.sheets) {
      const sheet = wb.sheets.find((s) => s.name === planned.name);
      if (!sheet) return undefined;
      // A deferred sheet is made here, written, and let go with its cells.
      const sheetPlan = sheetPlanOf(planned);
      if (sheetPlan.charts?.length) charted.push(sheetPlan);
      const notes = sheetPlan.cells.some((c) => c.note !== undefined) ? sheetNotes(parts, sheet) : new Set();
      const cells = open(sheet);
      updateSheet(cells, sheetPlan, unlocked, (ref) => notes.has(ref), report, update);
      // Each sheet's cells are let go once written (a 700-unit workbook has 700 of them): the log line may
      // open one again, from its new text.
      if (cells.changed) parts.replace(sheet.part, cells.xmlText());
      parts.forget(sheet.part);
      opened.delete(sheet.part);
      // Its new text deflated now rather than with the rest at the end (every sheet of a recomputed
      // workbook can change: their texts together are several times the file).
      parts.pack(sheet.part, deflate, later);
    }
    if (log) appendLogLine(parts, wb.sheets, open, log, update);
    for (const [part, cells] of opened) if (cells.changed) parts.replace(part, cells.xmlText());
    // exceljs's path puts the plan's charts back on sheets without one; a sheet's own drawing is kept.
    addPlanCharts(parts, wb.sheets, charted);
    patchNames(parts, wb.workbook, plan);
    patchProperties(parts, plan);
    const chain = wb.of('calcChain');
    if (update.formulasChanged && chain) dropCalcChain(parts, wb.workbook, chain);
    return { parts, report };
  });
}
