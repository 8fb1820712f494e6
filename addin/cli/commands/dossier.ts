/**
 * `thidua dossier FILE -o DIR`: the dossier the council signs, written to DIR: ballots, the count sheet
 * (biên bản kiểm phiếu, an .xlsx the clerk fills), the minutes, the submission, the list, one achievement
 * report per proposed unit and the cluster's summary report, as .docx (and .pdf through LibreOffice when it
 * is installed). Counts typed on the count sheet in DIR (or given with --count) are read back as the votes:
 * run the command again and the minutes and the list carry them. The count sheet itself is never overwritten.
 */
import { access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type ClusterDocument, hasErrors, type NominationReport } from '../../../core';
import {
  type DossierOptions,
  documentFileName,
  dossierOf,
  dossierOptionsOf,
  type Finalisation,
  sealedFinalisation,
  withCountSheet,
} from '../../app/dossier';
import { documentBytes } from '../../host/docx';
import { convertWorkbooks, hasLibreOffice } from '../../host/libreoffice';
import { readWorkbookSnapshotFile } from '../../host/xlsx/files';
import { planToBytes } from '../../host/xlsx/workbook-files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { type LoadedDocument, loadDocument } from '../load';
import { writeOutputFile } from '../write-output';
import { PLACE_OPTION, SIGNER_OPTION, dateOption, dateOptionValue, symbolOption } from '../document-options';
import { figuresOf, sealOf } from './figures';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

export interface DossierFiles {
  docx: string[];
  pdf: string[];
  countSheet: string;
  countSheetKept: boolean;
  fingerprint: string;
  report: NominationReport;
  notes: string[];
}

/** The typed counts of a count sheet, or the document as it is when there is none. */
async function countedFrom(doc: ClusterDocument, path: string | undefined, ctx: CommandContext) {
  if (!path || !(await exists(path))) return { doc, notes: [] as string[] };
  const counted = withCountSheet(doc, {
    ...(await readWorkbookSnapshotFile(path)).snapshot,
    source: basename(path),
  });
  if (!counted)
    throw new CliError({
      vi: `${basename(path)} không có bảng kiểm phiếu (KiemPhieu).`,
      en: `${basename(path)} has no count table (KiemPhieu).`,
    });
  return { doc: counted.doc, notes: counted.notes.map((n) => ctx.t(n)) };
}

export function dossierOptionsFrom(ctx: CommandContext): DossierOptions {
  // A --date that is not a real day is refused in the pane's sentence, naming the flag; the rest as the pane
  // reads its fields.
  dateOptionValue(ctx);
  return dossierOptionsOf(ctx.values).options;
}

/** Everything the command writes, for the CLI and the demo. */
export async function writeDossier(
  loaded: LoadedDocument,
  dir: string,
  ctx: CommandContext,
  options: { count?: string; dossier?: DossierOptions; finalised?: Finalisation } = {},
): Promise<DossierFiles> {
  // A finalised workbook keeps its votes (see sealedFinalisation).
  const seal = await sealOf(loaded.path, loaded.doc);
  const defaultCount = join(dir, `bien-ban-kiem-phieu-${loaded.doc.year}.xlsx`);
  const countPath = options.count ? resolve(ctx.io.cwd, options.count) : defaultCount;
  const counted = seal
    ? { doc: loaded.doc, notes: [] as string[] }
    : await countedFrom(loaded.doc, countPath, ctx);
  const figures = figuresOf(loaded, ctx, counted.doc);
  const { fingerprint } = figures;
  const sealed = sealedFinalisation(seal, fingerprint);
  const finalised = sealed.finalised ?? options.finalised;
  if (sealed.note) counted.notes.push(ctx.t(sealed.note));
  const dossier = dossierOf(figures, {
    ...(finalised ? { finalised } : {}),
    ...(options.dossier ? { dossier: options.dossier } : {}),
  });
  const docx: string[] = [];
  for (const d of dossier.documents) {
    const path = join(dir, documentFileName(d));
    await writeOutputFile(path, await documentBytes(d), { replace: true });
    docx.push(path);
  }
  const countSheet = join(dir, `${dossier.countSheetFile}.xlsx`);
  const countSheetKept = await exists(countSheet);
  if (!countSheetKept) await writeOutputFile(countSheet, (await planToBytes(dossier.countSheet)).bytes);
  const notes = [...counted.notes];
  let pdf: string[] = [];
  if (hasLibreOffice()) {
    try {
      pdf = await convertWorkbooks(
        docx,
        dir,
        { ext: '.pdf', filter: 'pdf:writer_pdf_Export' },
        { recalculate: false },
      );
    } catch (error) {
      // LibreOffice's errors carry the product's sentence; anything else is said without its library text.
      const text = (error as { text?: { vi: string; en: string } }).text;
      notes.push(
        ctx.t(
          text ?? {
            vi: 'Không chuyển được hồ sơ sang PDF bằng LibreOffice; các tệp .docx đã ghi đầy đủ, hãy mở và in bằng Word hoặc LibreOffice.',
            en: 'The dossier could not be converted to PDF with LibreOffice; the .docx files are complete: open and print them in Word or LibreOffice.',
          },
        ),
      );
    }
  } else
    notes.push(
      ctx.t({
        vi: 'Không có LibreOffice: chỉ ghi .docx, không có bản PDF (cài bằng npm run setup).',
        en: 'LibreOffice is not installed: .docx only, no PDF (install it with npm run setup).',
      }),
    );
  return { docx, pdf, countSheet, countSheetKept, fingerprint, report: figures.report, notes };
}

export const dossierCommand: Command = {
  name: 'dossier',
  usage:
    'thidua dossier FILE -o DIR [--count KIEM-PHIEU.xlsx] [--date YYYY-MM-DD] [--place NAME] [--symbol TTr-…] [--signer NAME] [--lang en]',
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      help: { vi: 'thư mục ghi hồ sơ', en: 'the folder to write the dossier into' },
    },
    count: {
      type: 'string',
      value: 'KIEM-PHIEU.xlsx',
      help: { vi: 'biên bản kiểm phiếu đã nhập số phiếu', en: 'the count sheet with the typed counts' },
    },
    date: dateOption({ vi: 'ngày ghi trên văn bản', en: 'the date printed on the documents' }),
    place: PLACE_OPTION,
    symbol: symbolOption({ vi: 'số, ký hiệu tờ trình', en: "the submission's number and symbol" }),
    signer: SIGNER_OPTION,
  },
  examples: [
    {
      line: 'thidua dossier cum-8-2020.xlsx -o ho-so-2020',
      what: {
        vi: 'ghi toàn bộ hồ sơ vào thư mục ho-so-2020',
        en: 'writes the whole dossier into ho-so-2020',
      },
    },
  ],
  async run(ctx) {
    if (typeof ctx.values.out !== 'string')
      throw new CliError({
        vi: 'Thiếu -o DIR (thư mục ghi hồ sơ).',
        en: 'Missing -o DIR (the dossier folder).',
      });
    const loaded = await loadDocument(ctx.positionals[0], ctx);
    const dir = resolve(ctx.io.cwd, ctx.values.out);
    const dossier = dossierOptionsFrom(ctx);
    const files = await writeDossier(loaded, dir, ctx, {
      ...(typeof ctx.values.count === 'string' ? { count: ctx.values.count } : {}),
      dossier,
    });
    const t = ctx.t;
    ctx.io.out(
      t({
        vi: `Mã kiểm chứng số liệu: ${files.fingerprint}`,
        en: `Fingerprint of the figures: ${files.fingerprint}`,
      }),
    );
    for (const f of [...files.docx, ...files.pdf])
      ctx.io.out(t({ vi: `Đã ghi ${basename(f)}`, en: `Wrote ${basename(f)}` }));
    ctx.io.out(
      files.countSheetKept
        ? t({
            vi: `Giữ nguyên ${basename(files.countSheet)} (thư ký đã nhập)`,
            en: `Kept ${basename(files.countSheet)} (the clerk's entries)`,
          })
        : t({ vi: `Đã ghi ${basename(files.countSheet)}`, en: `Wrote ${basename(files.countSheet)}` }),
    );
    for (const n of files.notes) ctx.io.out(n);
    ctx.io.out(formatIssues(files.report.issues, ctx.lang));
    return hasErrors(files.report.issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
