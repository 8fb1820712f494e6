/** `thidua new KIND -o OUT.xlsx [--from FILE] [--year Y] [--cluster NAME] [--units "A;B;…"]`. */
import { resolve } from 'node:path';
import {
  type ClusterDocument,
  type DocumentKind,
  type Issue,
  checkDocumentUnits,
  hasErrors,
} from '../../../core';
import { newClusterDocument } from '../../../templates/build/new-document';
import { WorkbookFileError } from '../../host/xlsx/files';
import { writeClusterWorkbook } from '../../host/xlsx/workbook-files';
import { CliError, type Command, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';

export const newCommand: Command = {
  name: 'new',
  usage: 'thidua new annual|campaign -o OUT.xlsx [--from FILE] [--year Y] [--cluster NAME] [--units "A;B;…"]',
  summary: {
    vi: 'tạo sổ tính từ mẫu (hoặc từ một tài liệu với --from)',
    en: 'builds a workbook from the template (or from a document with --from)',
  },
  options: {
    out: { type: 'string', short: 'o' },
    from: { type: 'string' },
    year: { type: 'string' },
    cluster: { type: 'string' },
    units: { type: 'string' },
  },
  async run(ctx) {
    const kind = ctx.positionals[0];
    if (kind !== 'annual' && kind !== 'campaign')
      throw new CliError({
        vi: `Loại sổ phải là "annual" (hằng năm) hoặc "campaign" (phong trào ngắn hạn), không phải "${kind ?? ''}".`,
        en: `KIND must be "annual" or "campaign", not "${kind ?? ''}".`,
      });
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out.toLowerCase().endsWith('.xlsx'))
      throw new CliError({
        vi: 'Cần -o OUT.xlsx (tệp sổ tính sẽ tạo).',
        en: 'Needs -o OUT.xlsx (the workbook to write).',
      });
    let year: number | undefined;
    if (typeof ctx.values.year === 'string') {
      year = Number(ctx.values.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new CliError({
          vi: `Năm "${ctx.values.year}" không hợp lệ.`,
          en: `Year "${ctx.values.year}" is not valid.`,
        });
    }
    const docKind: DocumentKind = kind;
    let doc: ClusterDocument;
    let issues: Issue[];
    if (typeof ctx.values.from === 'string') {
      const loaded = await loadDocument(ctx.values.from, ctx);
      doc = { ...loaded.doc, kind: docKind };
      if (year !== undefined) doc.year = year;
      if (typeof ctx.values.cluster === 'string') doc.cluster = { ...doc.cluster, name: ctx.values.cluster };
      issues = loaded.issues;
    } else {
      const units =
        typeof ctx.values.units === 'string'
          ? ctx.values.units
              .split(/[;\n]/)
              .map((u) => u.trim())
              .filter(Boolean)
          : [];
      if (units.length < 2)
        throw new CliError({
          vi: 'Cần ít nhất 2 đơn vị: --units "VKSND tỉnh A;VKSND tỉnh B;…" (hoặc --from FILE).',
          en: 'Needs at least 2 units: --units "VKSND tỉnh A;VKSND tỉnh B;…" (or --from FILE).',
        });
      doc = newClusterDocument({
        kind,
        year: year ?? new Date().getFullYear(),
        cluster: typeof ctx.values.cluster === 'string' ? ctx.values.cluster : 'Cụm thi đua',
        units,
      });
      issues = checkDocumentUnits(doc);
    }
    try {
      const { bytes, report } = await writeClusterWorkbook(resolve(ctx.io.cwd, out), doc, undefined, {
        now: new Date().toISOString(),
      });
      ctx.io.out(
        ctx.t({
          vi: `Đã tạo ${out}: ${doc.units.length} đơn vị, ${doc.criteria.length} tiêu chí, ${report.sheetsCreated.length} sheet, ${Math.round(bytes / 1024)} KB.`,
          en: `Wrote ${out}: ${doc.units.length} units, ${doc.criteria.length} criteria, ${report.sheetsCreated.length} sheets, ${Math.round(bytes / 1024)} KB.`,
        }),
      );
    } catch (error) {
      if (error instanceof WorkbookFileError) throw new CliError(error.text);
      throw error;
    }
    if (issues.length) ctx.io.err(formatIssues(issues, ctx.lang));
    return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
