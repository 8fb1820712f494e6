/**
 * `thidua new KIND -o OUT.xlsx [--from FILE] [--year Y] [--cluster NAME] [--units "A;B;…"]`, and (project
 * addition) the members' scorecards to send out: `--unit NAME` writes that member's scorecard to OUT.xlsx
 * instead of the cluster workbook; `--per-unit DIR` writes the cluster workbook to OUT.xlsx and one
 * scorecard per member into DIR. Each scorecard carries the cluster's information, so `thidua merge`
 * rebuilds the cluster workbook from the returned files alone.
 */
import { lstat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type ClusterDocument,
  type DocumentKind,
  type Issue,
  checkDocumentUnits,
  hasErrors,
} from '../../../core';
import { newClusterDocument } from '../../../templates/build/new-document';
import { scorecardFileName } from '../../app/cycle-core';
import { type ClaimedOutput, OutputError } from '../../host/fs/guarded-write';
import { clusterWorkbookBytes } from '../../host/xlsx/workbook-files';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';
import { formatIssues } from '../format';
import { loadDocument } from '../load';
import { refuseMemberScorecard, sendOutElsewhere } from '../member-scorecard';
import { type Helper, startHelper, stopHelper } from '../threads/pool';
import { allScorecards, scorecardWriter } from '../threads/scorecards';
import { closestMembers, findMember, parseUnitList } from '../members';
import { FORCE_OPTION, claimFor, outOption, requireOut, withClaim } from '../output';

export { scorecardFileName } from '../../app/cycle-core';

function unknownMember(doc: ClusterDocument, name: string): CliError {
  const closest = closestMembers(
    doc.units.map((u) => u.name),
    name,
  ).join('; ');
  return new CliError({
    vi: `Không có đơn vị "${name}" trong ${doc.cluster.name}. Tên gần nhất: ${closest}.`,
    en: `"${name}" is not a member of ${doc.cluster.name}. Closest members: ${closest}.`,
  });
}

function wroteScorecard(
  ctx: CommandContext,
  doc: ClusterDocument,
  unit: string,
  shown: string,
  size: number,
) {
  ctx.io.out(
    ctx.t({
      vi: `Đã tạo ${shown}: bảng chấm điểm của ${unit}, ${doc.criteria.length} tiêu chí, ${Math.round(size / 1024)} KB.`,
      en: `Wrote ${shown}: the scorecard of ${unit}, ${doc.criteria.length} criteria, ${Math.round(size / 1024)} KB.`,
    }),
  );
}

/**
 * Where the members' scorecards go: a folder that does not exist yet is written whole (a temporary folder
 * renamed into place); into an existing folder each file is claimed (an existing one refused unless --force).
 */
async function claimScorecards(
  ctx: CommandContext,
  doc: ClusterDocument,
  dir: string,
  inputs: readonly string[],
): Promise<{
  folder?: ClaimedOutput;
  files: { unit: string; name: string; shown: string; claim?: ClaimedOutput }[];
}> {
  const files = doc.units.map((u) => {
    const name = scorecardFileName(doc, u.name);
    return { unit: u.name, name, shown: join(dir, name) };
  });
  let isFolder = false;
  try {
    isFolder = (await lstat(resolve(ctx.io.cwd, dir))).isDirectory();
  } catch {}
  if (!isFolder) return { folder: await claimFor(ctx, dir, { inputs, kind: 'folder' }), files };
  const claimed: { unit: string; name: string; shown: string; claim?: ClaimedOutput }[] = [];
  const refused: string[] = [];
  for (const f of files)
    try {
      claimed.push({ ...f, claim: await claimFor(ctx, f.shown, { inputs }) });
    } catch (error) {
      if (!(error instanceof OutputError) || error.reason !== 'refused') {
        for (const c of claimed) await c.claim?.abort();
        throw error;
      }
      refused.push(f.shown);
    }
  if (refused.length) {
    for (const c of claimed) await c.claim?.abort();
    throw new CliError({
      vi: `Đã có ${refused.length} tệp trong ${dir} (${refused.join(', ')}): không ghi đè bảng chấm nào (có thể đơn vị đã nhập điểm); hãy chọn thư mục khác, hoặc thêm --force.`,
      en: `${refused.length} files already exist in ${dir} (${refused.join(', ')}): no scorecard is overwritten (a unit may have typed scores); choose another folder, or add --force.`,
    });
  }
  return { files: claimed };
}

export const newCommand: Command = {
  name: 'new',
  usage:
    'thidua new annual|campaign -o OUT.xlsx [--from FILE] [--year Y] [--cluster NAME] [--units "A;B;…"] [--unit NAME | --per-unit DIR] [--force]',
  options: {
    out: outOption('OUT.xlsx', {
      vi: 'sổ tính sẽ tạo (sổ tổng hợp của cụm, hoặc bảng chấm của đơn vị với --unit)',
      en: "the workbook to create (the cluster workbook, or the member's scorecard with --unit)",
    }),
    from: {
      type: 'string',
      value: 'FILE',
      help: {
        vi: 'điền sổ từ một tài liệu .json hoặc sổ .xlsx',
        en: 'fills the workbook from a .json or .xlsx file',
      },
    },
    year: { type: 'string', value: 'Y', help: { vi: 'năm thi đua', en: 'the year' } },
    cluster: { type: 'string', value: 'NAME', help: { vi: 'tên cụm thi đua', en: "the cluster's name" } },
    units: {
      type: 'string',
      value: '"A;B;…"',
      help: {
        vi: 'các đơn vị thành viên, ngăn cách bằng dấu chấm phẩy; mỗi đơn vị một lần',
        en: 'the members, separated by semicolons; each unit once',
      },
    },
    unit: {
      type: 'string',
      value: 'NAME',
      help: {
        vi: 'OUT.xlsx là bảng chấm điểm của đơn vị NAME để gửi đi',
        en: 'OUT.xlsx is the scorecard of member NAME, to send out',
      },
    },
    'per-unit': {
      type: 'string',
      value: 'DIR',
      help: {
        vi: 'ghi thêm bảng chấm điểm của mọi đơn vị vào thư mục DIR',
        en: "also writes every member's scorecard into the folder DIR",
      },
    },
    force: FORCE_OPTION,
  },
  notes: [
    {
      vi: 'Các đơn vị nhập điểm vào bảng chấm rồi gửi lại; "thidua merge" gộp các bảng, có hoặc không kèm sổ tổng hợp.',
      en: 'Members fill in their scorecards and return them; "thidua merge" consolidates them, with or without the cluster workbook.',
    },
  ],
  examples: [
    {
      line: 'thidua new annual -o cum-8-2020.xlsx --year 2020 --cluster "Cụm thi đua số 8" --units "VKSND tỉnh Gia Lai;VKSND tỉnh Kon Tum"',
      what: { vi: 'sổ tổng hợp trống của cụm', en: "the cluster's empty workbook" },
    },
    {
      line: 'thidua new annual --from cum-8-2020.xlsx -o cum-8-2021.xlsx --year 2021 --per-unit gui-don-vi',
      what: {
        vi: 'sổ năm sau, và bảng chấm điểm của từng đơn vị trong thư mục gui-don-vi',
        en: "next year's workbook, and each member's scorecard in the folder gui-don-vi",
      },
    },
  ],
  async run(ctx) {
    const kind = ctx.positionals[0];
    if (kind !== 'annual' && kind !== 'campaign')
      throw new CliError({
        vi: `Loại sổ phải là "annual" (hằng năm) hoặc "campaign" (phong trào ngắn hạn), không phải "${kind ?? ''}".`,
        en: `KIND must be "annual" or "campaign", not "${kind ?? ''}".`,
      });
    const out = requireOut(ctx, 'out', 'OUT.xlsx', '.xlsx');
    let year: number | undefined;
    if (typeof ctx.values.year === 'string') {
      year = Number(ctx.values.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new CliError({
          vi: `Năm "${ctx.values.year}" không hợp lệ.`,
          en: `Year "${ctx.values.year}" is not valid.`,
        });
    }
    const unitName = ctx.values.unit;
    const perUnit = ctx.values['per-unit'];
    if (typeof unitName === 'string' && typeof perUnit === 'string')
      throw new CliError({
        vi: 'Chỉ dùng một trong hai: --unit TÊN (một đơn vị) hoặc --per-unit THƯ_MỤC (mọi đơn vị).',
        en: 'Use one of --unit NAME (one member) or --per-unit DIR (every member), not both.',
      });
    // The second thread of --per-unit starts compiling while --from is read.
    const helper = typeof perUnit === 'string' ? startHelper(undefined, 'scorecards') : undefined;
    // Outputs are claimed before --from is read: an output that is the input is refused first.
    const inputs = typeof ctx.values.from === 'string' ? [ctx.values.from] : [];
    const main = await claimFor(ctx, out, { inputs });
    let cards: Awaited<ReturnType<typeof claimScorecards>> | undefined;
    try {
      return await withClaim(main, async () => {
        const sendingOut = typeof unitName === 'string' || typeof perUnit === 'string';
        const doc = await newDocument(ctx, kind, year, sendingOut);
        const issues = doc.issues;
        if (typeof perUnit === 'string') cards = await claimScorecards(ctx, doc.doc, perUnit, inputs);
        return await writeAll(
          ctx,
          doc.doc,
          issues,
          main,
          cards,
          typeof unitName === 'string' ? unitName : undefined,
          helper,
        );
      });
    } catch (error) {
      await cards?.folder?.abort();
      for (const f of cards?.files ?? []) await f.claim?.abort();
      throw error;
    } finally {
      stopHelper(helper);
    }
  },
};

async function newDocument(
  ctx: CommandContext,
  kind: DocumentKind,
  year: number | undefined,
  sendingOut: boolean,
): Promise<{ doc: ClusterDocument; issues: Issue[] }> {
  const docKind: DocumentKind = kind;
  let doc: ClusterDocument;
  let issues: Issue[];
  if (typeof ctx.values.from === 'string') {
    const loaded = await loadDocument(ctx.values.from, ctx);
    // The members' scorecards are made from the cluster workbook, as the pane's send-out makes them.
    if (sendingOut) refuseMemberScorecard(loaded.doc, sendOutElsewhere);
    doc = { ...loaded.doc, kind: docKind };
    if (year !== undefined) doc.year = year;
    if (typeof ctx.values.cluster === 'string') doc.cluster = { ...doc.cluster, name: ctx.values.cluster };
    issues = loaded.issues;
  } else {
    const y = year ?? new Date().getFullYear();
    const units = parseUnitList(typeof ctx.values.units === 'string' ? ctx.values.units : '', y);
    doc = newClusterDocument({
      kind,
      year: y,
      cluster: typeof ctx.values.cluster === 'string' ? ctx.values.cluster : 'Cụm thi đua',
      units,
    });
    issues = checkDocumentUnits(doc);
  }
  return { doc, issues };
}

/** The workbook (or the one member's scorecard) and the scorecards, each committed only when complete. */
async function writeAll(
  ctx: CommandContext,
  doc: ClusterDocument,
  issues: Issue[],
  main: ClaimedOutput,
  cards: Awaited<ReturnType<typeof claimScorecards>> | undefined,
  unitName: string | undefined,
  helper: Helper | undefined,
): Promise<number> {
  const now = new Date().toISOString();
  if (unitName !== undefined) {
    const unit = findMember(doc, unitName);
    if (!unit) throw unknownMember(doc, unitName);
    const bytes = await scorecardWriter(doc, now)(unit);
    await main.write(bytes);
    await main.commit();
    wroteScorecard(ctx, doc, unit, main.shown, bytes.byteLength);
  } else {
    const files = cards?.files ?? [];
    const made = await allScorecards(
      doc,
      now,
      files.map((f) => f.unit),
      () => clusterWorkbookBytes(doc, undefined, { now, coresBusy: true }),
      helper ? { helper } : {},
    );
    const { bytes, report } = made.first;
    // Written side by side: each file is fsynced, and 64 fsyncs one after another were a tenth of the command.
    const [, written] = await Promise.all([
      main.write(bytes),
      Promise.all(
        files.map(async (f, i) => {
          const card = made.results[i]!;
          if (f.claim) await f.claim.write(card);
          else await cards!.folder!.writeInside(f.name, card);
          return { unit: f.unit, shown: f.shown, size: card.byteLength };
        }),
      ),
    ]);
    // Everything is complete on disk before anything is put in place.
    await cards?.folder?.commit();
    for (const f of cards?.files ?? []) await f.claim?.commit();
    await main.commit();
    ctx.io.out(
      ctx.t({
        vi: `Đã tạo ${main.shown}: ${doc.units.length} đơn vị, ${doc.criteria.length} tiêu chí, ${report.sheetsCreated.length} sheet, ${Math.round(bytes.byteLength / 1024)} KB.`,
        en: `Wrote ${main.shown}: ${doc.units.length} units, ${doc.criteria.length} criteria, ${report.sheetsCreated.length} sheets, ${Math.round(bytes.byteLength / 1024)} KB.`,
      }),
    );
    for (const w of written) wroteScorecard(ctx, doc, w.unit, w.shown, w.size);
  }
  if (issues.length) ctx.io.err(formatIssues(issues, ctx.lang));
  return hasErrors(issues) ? EXIT_DATA_ERRORS : EXIT_OK;
}
