/**
 * `thidua dossier FILE -o DIR`: the dossier the council signs, written to DIR: ballots, the count sheet
 * (biên bản kiểm phiếu, an .xlsx the clerk fills), the minutes, the submission, the list, one achievement
 * report per proposed unit and the cluster's summary report, as .docx (and .pdf through LibreOffice when it
 * is installed). Counts typed on the count sheet in DIR (or given with --count) are read back as the votes:
 * run the command again and the minutes and the list carry them. The count sheet itself is never overwritten.
 */
import { access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { type ClusterDocument, hasErrors, type NominationReport, proposeRotation } from '../../../core';
import {
  buildDossier,
  type DossierOptions,
  type Finalisation,
  officialNamer,
  readCountSheet,
  withCountedVotes,
} from '../../../templates/dossier';
import { documentBytes } from '../../host/docx';
import { convertWorkbooks, hasLibreOffice } from '../../host/libreoffice';
import { readWorkbookFile } from '../../host/xlsx/files';
import { snapshotWorkbook } from '../../host/xlsx/snapshot';
import { planToBytes } from '../../host/xlsx/workbook-files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { type LoadedDocument, loadDocument } from '../load';
import { writeOutputFile } from '../write-output';
import {
  PLACE_OPTION,
  SIGNER_OPTION,
  dateOption,
  dateOptionValue,
  optionText,
  symbolOption,
} from '../document-options';
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
async function withCountSheet(doc: ClusterDocument, path: string | undefined, ctx: CommandContext) {
  if (!path || !(await exists(path))) return { doc, notes: [] as string[] };
  const read = readCountSheet(snapshotWorkbook(await readWorkbookFile(path), basename(path)));
  if (!read)
    throw new CliError({
      vi: `${basename(path)} không có bảng kiểm phiếu (KiemPhieu).`,
      en: `${basename(path)} has no count table (KiemPhieu).`,
    });
  const notes = read.problems.map((p) => ctx.t(p));
  notes.push(
    ctx.t({
      vi: `Lấy ${read.votes.length} kết quả biểu quyết từ ${basename(path)}.`,
      en: `Took ${read.votes.length} vote results from ${basename(path)}.`,
    }),
  );
  return { doc: withCountedVotes(doc, read.votes, officialNamer(doc)), notes };
}

export function dossierOptionsFrom(ctx: CommandContext): DossierOptions {
  const options: DossierOptions = {};
  const date = dateOptionValue(ctx, '2021-01-15');
  if (date !== undefined) options.date = date;
  for (const key of ['place', 'symbol', 'signer'] as const) {
    const v = optionText(ctx, key);
    if (v !== undefined) options[key] = v;
  }
  return options;
}

/** Everything the command writes, for the CLI and the demo. */
export async function writeDossier(
  loaded: LoadedDocument,
  dir: string,
  ctx: CommandContext,
  options: { count?: string; dossier?: DossierOptions; finalised?: Finalisation } = {},
): Promise<DossierFiles> {
  // A finalised workbook keeps its votes: a count sheet is for the meeting, before finalising.
  const seal = await sealOf(loaded.path);
  const defaultCount = join(dir, `bien-ban-kiem-phieu-${loaded.doc.year}.xlsx`);
  const countPath = options.count ? resolve(ctx.io.cwd, options.count) : defaultCount;
  const counted = seal
    ? { doc: loaded.doc, notes: [] as string[] }
    : await withCountSheet(loaded.doc, countPath, ctx);
  const { doc, result, report, fingerprint } = figuresOf(loaded, ctx, counted.doc);
  let finalised = options.finalised;
  if (seal && seal.fingerprint === fingerprint) finalised = { by: seal.by, at: seal.at };
  else if (seal)
    counted.notes.push(
      ctx.t({
        vi: `Cảnh báo: số liệu đã khác bản chốt (mã khi chốt ${seal.fingerprint}, hiện nay ${fingerprint}); hồ sơ ghi "chưa chốt". Xem thidua check.`,
        en: `Warning: the figures differ from the finalised ones (fingerprint then ${seal.fingerprint}, now ${fingerprint}); the dossier says "not finalised". See thidua check.`,
      }),
    );
  const dossier = buildDossier({
    doc,
    result,
    report,
    rotation: proposeRotation(doc),
    fingerprint,
    ...(finalised ? { finalised } : {}),
    ...(options.dossier ? { options: options.dossier } : {}),
  });
  const docx: string[] = [];
  for (const d of dossier.documents) {
    const path = join(dir, `${d.file}.docx`);
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
  return { docx, pdf, countSheet, countSheetKept, fingerprint, report, notes };
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
