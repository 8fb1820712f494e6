/**
 * `thidua new KIND -o OUT.xlsx [--from FILE] [--year Y] [--cluster NAME] [--units "A;B;…"]`, and (project
 * addition) the members' scorecards to send out: `--unit NAME` writes that member's scorecard to OUT.xlsx
 * instead of the cluster workbook; `--per-unit DIR` writes the cluster workbook to OUT.xlsx and one
 * scorecard per member into DIR. Each scorecard carries the cluster's information, so `thidua merge`
 * rebuilds the cluster workbook from the returned files alone.
 */
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type ClusterDocument,
  type DocumentKind,
  type Issue,
  checkDocumentUnits,
  documentDate,
  foldDiacritics,
  hasErrors,
  matchKey,
  provincialIdentity,
} from '../../../core';
import { newClusterDocument } from '../../../templates/build/new-document';
import { buildUnitScorecard } from '../../../templates/build/unit-scorecard';
import { WorkbookFileError, writeWorkbookFile } from '../../host/xlsx/files';
import { planToBytes, writeClusterWorkbook } from '../../host/xlsx/workbook-files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';

/**
 * The member a name given on the command line means: the same spelling (matchKey), else the same unit in the
 * registry on the document's date ("Dak Lak" → "VKSND tỉnh Đắk Lắk"); undefined when none or not one.
 */
export function findMember(doc: ClusterDocument, name: string): string | undefined {
  const key = matchKey(name);
  const same = doc.units.find((u) => matchKey(u.name) === key);
  if (same) return same.name;
  const identity = provincialIdentity(documentDate(doc));
  if (!identity) return undefined;
  const wanted = identity(name);
  if (wanted === undefined) return undefined;
  const hits = doc.units.filter((u) => identity(u.name) === wanted);
  return hits.length === 1 ? hits[0]!.name : undefined;
}

/** A member's scorecard file name: its number and its name without diacritics ("01-vksnd-tinh-dak-lak.xlsx"). */
export function scorecardFileName(doc: ClusterDocument, unit: string): string {
  const index = doc.units.findIndex((u) => u.name === unit);
  const slug = foldDiacritics(unit)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${String(index + 1).padStart(2, '0')}-${slug || 'don-vi'}.xlsx`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes one member's scorecard; a file already there may hold what the unit typed, so it is never replaced. */
async function writeScorecard(
  ctx: CommandContext,
  doc: ClusterDocument,
  unit: string,
  path: string,
  shown: string,
  now: string,
) {
  const { bytes } = await planToBytes(buildUnitScorecard(doc, unit, { now }));
  await writeWorkbookFile(path, bytes);
  ctx.io.out(
    ctx.t({
      vi: `Đã tạo ${shown}: bảng chấm điểm của ${unit}, ${doc.criteria.length} tiêu chí, ${Math.round(bytes.byteLength / 1024)} KB.`,
      en: `Wrote ${shown}: the scorecard of ${unit}, ${doc.criteria.length} criteria, ${Math.round(bytes.byteLength / 1024)} KB.`,
    }),
  );
}

function unknownMember(doc: ClusterDocument, name: string): CliError {
  const list = doc.units.map((u) => u.name).join('; ');
  return new CliError({
    vi: `Không có đơn vị "${name}" trong ${doc.cluster.name}. Các đơn vị thành viên: ${list}.`,
    en: `"${name}" is not a member of ${doc.cluster.name}. The members: ${list}.`,
  });
}

export const newCommand: Command = {
  name: 'new',
  usage:
    'thidua new annual|campaign -o OUT.xlsx [--from FILE] [--year Y] [--cluster NAME] [--units "A;B;…"] [--unit NAME | --per-unit DIR]\n' +
    '  --unit NAME     OUT.xlsx is the scorecard of member NAME to send out (bảng chấm điểm gửi đơn vị; project addition)\n' +
    '  --per-unit DIR  also writes one scorecard per member into DIR; OUT.xlsx is the cluster workbook (project addition)\n' +
    '  Members return their filled scorecards; "thidua merge" consolidates them, with or without the cluster workbook.',
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
    unit: { type: 'string' },
    'per-unit': { type: 'string' },
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
    const now = new Date().toISOString();
    const unitName = ctx.values.unit;
    const perUnit = ctx.values['per-unit'];
    if (typeof unitName === 'string' && typeof perUnit === 'string')
      throw new CliError({
        vi: 'Chỉ dùng một trong hai: --unit TÊN (một đơn vị) hoặc --per-unit THƯ_MỤC (mọi đơn vị).',
        en: 'Use one of --unit NAME (one member) or --per-unit DIR (every member), not both.',
      });
    if (typeof unitName === 'string') {
      const unit = findMember(doc, unitName);
      if (!unit) throw unknownMember(doc, unitName);
      const path = resolve(ctx.io.cwd, out);
      if (await exists(path))
        throw new CliError({
          vi: `${out} đã có (có thể đơn vị đã nhập điểm vào đó): không ghi đè, hãy chọn tên tệp mới.`,
          en: `${out} exists (the unit may have typed scores into it): not overwritten, choose a new file name.`,
        });
      try {
        await writeScorecard(ctx, doc, unit, path, out, now);
      } catch (error) {
        if (error instanceof WorkbookFileError) throw new CliError(error.text);
        throw error;
      }
      if (issues.length) ctx.io.err(formatIssues(issues, ctx.lang));
      return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
    }
    let scorecards: { unit: string; path: string; shown: string }[] = [];
    if (typeof perUnit === 'string') {
      scorecards = doc.units.map((u) => {
        const name = scorecardFileName(doc, u.name);
        return { unit: u.name, path: resolve(ctx.io.cwd, perUnit, name), shown: join(perUnit, name) };
      });
      const taken = [];
      for (const s of scorecards) if (await exists(s.path)) taken.push(s.shown);
      if (taken.length)
        throw new CliError({
          vi: `Đã có ${taken.length} tệp trong ${perUnit} (${taken.join(', ')}): không ghi đè bảng chấm nào; hãy chọn thư mục khác.`,
          en: `${taken.length} files already exist in ${perUnit} (${taken.join(', ')}): no scorecard is overwritten; choose another folder.`,
        });
      try {
        await mkdir(resolve(ctx.io.cwd, perUnit), { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new CliError({
          vi: `Không tạo được thư mục ${perUnit} (${code}).`,
          en: `Cannot create the folder ${perUnit} (${code}).`,
        });
      }
    }
    try {
      const { bytes, report } = await writeClusterWorkbook(resolve(ctx.io.cwd, out), doc, undefined, { now });
      ctx.io.out(
        ctx.t({
          vi: `Đã tạo ${out}: ${doc.units.length} đơn vị, ${doc.criteria.length} tiêu chí, ${report.sheetsCreated.length} sheet, ${Math.round(bytes / 1024)} KB.`,
          en: `Wrote ${out}: ${doc.units.length} units, ${doc.criteria.length} criteria, ${report.sheetsCreated.length} sheets, ${Math.round(bytes / 1024)} KB.`,
        }),
      );
      if (scorecards.length) {
        for (const s of scorecards) await writeScorecard(ctx, doc, s.unit, s.path, s.shown, now);
      }
    } catch (error) {
      if (error instanceof WorkbookFileError) throw new CliError(error.text);
      throw error;
    }
    if (issues.length) ctx.io.err(formatIssues(issues, ctx.lang));
    return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
  },
};
