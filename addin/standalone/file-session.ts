/**
 * The standalone page's workbook, in this browser's memory. An opened file is held as its bytes: read by the
 * direct reader, and results patched into its package (../host/xlsx/patch) as the command line's compute -o
 * does, so the file keeps the form the program that saved it gave it. exceljs (large, loaded lazily) takes
 * the workbook over from its bytes only for what the patch does not do: a new workbook, the pane's settings,
 * notes on cells, a sheet the workbook lacks; from then on it holds the workbook, as before.
 */
import type { Bilingual, Issue } from '../../core';
import type { WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';
import { createActions } from '../app/actions';
import type { WorkbookHost, WriteMode, WriteReport } from '../app/host';
import { addPlanCharts } from '../host/xlsx/chart';
import { WorkbookFileError } from '../host/xlsx/file-error';
import { XlsxHost } from '../host/xlsx/host';
import { xlsxFiles } from '../host/xlsx/workbook-bytes';
import { checkXlsxBytes } from '../host/xlsx/check-bytes';
import { normalisedNotice } from '../host/xlsx/normalised';
import { patchResults } from '../host/xlsx/patch';
import { type Inflate, fflateInflate, heldInflate } from '../host/xlsx/patch/zip';
import { type KeptTexts, readSnapshotBytes } from '../host/xlsx/read/direct-read';
import { SheetTexts } from '../host/xlsx/read/row-layout';
import { inflateAhead, nativeChunked } from './native-inflate';
import { type FileSession, type SessionOpener, XLSX_MIME } from './session';

/**
 * exceljs (a megabyte of script) loaded when an action first needs it: opening a file and computing its
 * results patch the bytes without it (parsing it was a tenth of the page's opening of a 63-unit workbook).
 */
const loadExceljs = () => import('./exceljs-workbooks');

/** The file host, remembering the last plan that drew charts: exceljs neither keeps nor writes charts. */
class ChartKeepingHost implements WorkbookHost {
  readonly kind = 'file' as const;
  chartPlan: WorkbookPlan | undefined;
  constructor(readonly inner: XlsxHost) {}
  read() {
    return this.inner.read();
  }
  async write(plan: WorkbookPlan, mode: Parameters<WorkbookHost['write']>[1]) {
    const report = await this.inner.write(plan, mode);
    if (plan.sheets.some((s) => (s.charts?.length ?? 0) > 0)) this.chartPlan = plan;
    return report;
  }
  markIssues(issues: Parameters<WorkbookHost['markIssues']>[0]) {
    return this.inner.markIssues(issues);
  }
  select(sheet: string, cell: string) {
    return this.inner.select(sheet, cell);
  }
  /** What was normalised in the package the workbook was loaded from (nothing for a new one). */
  get notice(): Bilingual | undefined {
    return normalisedNotice(this.inner.workbook);
  }
  /** The workbook as it is now, its plan's chart put back. */
  async save(): Promise<Uint8Array> {
    const written = new Uint8Array(await this.inner.workbook.xlsx.writeBuffer());
    return this.chartPlan ? addPlanCharts(written, this.chartPlan) : written;
  }
}

/**
 * An opened file as its bytes, until an action needs what only exceljs does: then the bytes are loaded into
 * an exceljs workbook (repaired first, as any file another program saved) and that workbook is the host.
 */
class PackageHost implements WorkbookHost {
  readonly kind = 'file' as const;
  selected?: { sheet: string; cell: string };
  private held: ChartKeepingHost | undefined;
  private snapshot: WorkbookSnapshot | undefined;
  /** The worksheets' texts the reader decoded from `bytes`, for the next patch (decoding them is a tenth of it). */
  private texts: Map<string, string> | undefined;

  /** Parts of `bytes` inflated already (by the check when opened): given to the reader and to the patch. */
  private inflate: Inflate | undefined;

  constructor(
    private bytes: Uint8Array,
    readonly name: string,
    kept?: Map<number, Uint8Array>,
  ) {
    if (kept?.size) this.inflate = heldInflate(bytes, kept, fflateInflate, false);
  }

  /** What the reader and the patch inflate `bytes` with: the parts held, or the browser's, ahead of each. */
  private async inflater(): Promise<Inflate | undefined> {
    return this.inflate ?? (await inflateAhead(this.bytes));
  }

  /** The exceljs host over the workbook, made from the bytes the first time it is needed. */
  async exceljs(): Promise<ChartKeepingHost> {
    this.texts = undefined;
    this.held ??= new ChartKeepingHost(
      new XlsxHost(await (await loadExceljs()).loadWorkbookBytes(this.bytes, this.name), this.name),
    );
    return this.held;
  }

  /** What exceljs normalised in the package to write it; nothing while the bytes are patched as they are. */
  get notice(): Bilingual | undefined {
    return this.held?.notice;
  }

  async read(): Promise<WorkbookSnapshot> {
    if (this.held) return this.held.read();
    // The check has inflated every part to its stated size, and kept the large ones for the reader.
    if (!this.snapshot) {
      const keep: KeptTexts = { texts: new SheetTexts(), budget: KEEP_TEXTS_FOR_PATCH };
      this.snapshot = readSnapshotBytes(this.bytes, this.name, await this.inflater(), keep).snapshot;
      this.texts = keep.texts.size ? keep.texts : undefined;
    }
    return this.snapshot;
  }

  async write(plan: WorkbookPlan, mode: WriteMode): Promise<WriteReport> {
    if (!this.held && mode === 'update') {
      const inflate = await this.inflater();
      // The patch takes the texts over (and lets them go as it goes): they are the old bytes' after it.
      const texts = this.texts;
      this.texts = undefined;
      const patched = patchResults(this.bytes, plan, undefined, {
        ...(inflate ? { inflate } : {}),
        ...(texts ? { texts } : {}),
      });
      if (patched) {
        this.bytes = patched.bytes;
        // The parts held were the old bytes' (the patched ones are inflated ahead by each read or patch).
        this.inflate = undefined;
        this.snapshot = undefined;
        return patched.report;
      }
    }
    return (await this.exceljs()).write(plan, mode);
  }

  async markIssues(issues: readonly Issue[]): Promise<void> {
    // Notes go on single cells only; without one to mark, the bytes stay as they are.
    if (!issues.some((i) => i.sheet && i.cell && !i.cell.includes(':'))) return;
    await (await this.exceljs()).markIssues(issues);
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
  }

  save(): Promise<Uint8Array> {
    return this.held ? this.held.save() : Promise.resolve(this.bytes);
  }
}

/** The writer's own text names nothing a person can act on. */
const unwritable = (name: string) =>
  new WorkbookFileError({
    vi: `sổ tính có phần Thi đua không ghi được; hãy mở ${name} bằng Excel, lưu lại rồi thử lại`,
    en: `the workbook holds a part Thi đua cannot write; open ${name} in Excel, re-save it and try again`,
  });

function session(host: PackageHost | ChartKeepingHost, name: string, blank: boolean): FileSession {
  return {
    name,
    blank,
    // docx (the dossier's Word files) loads on first use only.
    actions: createActions(host, {
      files: xlsxFiles,
      documents: () => import('../host/docx').then((m) => m.docxFiles),
    }),
    // Said while the file is open, once exceljs has had to normalise its package (read at each render).
    get notice() {
      return host.notice;
    },
    async save() {
      let bytes: Uint8Array;
      try {
        bytes = await host.save();
      } catch {
        throw unwritable(name);
      }
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
    },
  };
}

/** The check's inflate: the browser's stream where there is one (fflate's otherwise). */
const native = nativeChunked ? { chunked: nativeChunked } : {};

/**
 * What the check keeps inflated for the page's reads and patches while the file is open (a 63-unit
 * workbook's parts are 23 MB; a larger one's are inflated ahead again by the browser for each).
 */
const KEEP_FOR_PAGE = 64 * 1024 * 1024;

/**
 * The worksheets' texts are kept from the reading to the next patch when they are this many bytes or fewer in
 * all (a 63-unit workbook's are 23 MB), as the command line's compute -o keeps them.
 */
const KEEP_TEXTS_FOR_PATCH = 32 * 1024 * 1024;

export const fileSessions: SessionOpener = {
  async open(file) {
    // The command line's limits first (too large, a zip bomb, a DTD); a damaged file names its part when it
    // is read (../host/xlsx/read/direct-read.ts), before the page shows it.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { kept, complete } = await checkXlsxBytes(bytes, file.name, {}, { keep: KEEP_FOR_PAGE, ...native });
    // Some large parts left out by the budget: the browser inflates them all ahead of each read and patch.
    const host = new PackageHost(bytes, file.name, complete ? kept : undefined);
    await host.read();
    return session(host, file.name, false);
  },
  async blank() {
    return session(
      new ChartKeepingHost(new XlsxHost(await (await loadExceljs()).blankWorkbook(), 'thi-dua.xlsx')),
      'thi-dua.xlsx',
      true,
    );
  },
};
