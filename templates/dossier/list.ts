/**
 * The nomination list (danh sách đề nghị khen thưởng) as a Word document, attached to the submission: one
 * part per kind of recipient that has proposals (no part for an empty one), awards as groups with their
 * shared legal basis printed once, official unit names, totals by recipient and by proposal.
 */
import { matchKey } from '../../core';
import { achievement } from '../official/wording';
import { roman } from '../official/layout';
import { printableBasis, splitBasis, totalsLine } from '../official/wording';
import type { DossierContext } from './context';
import { type Block, cell, type OfficialDocument, para, run, type TableCell } from './model';

const KIND_TITLE = { collective: 'TẬP THỂ', individual: 'CÁ NHÂN' } as const;

export function listBlocks(ctx: DossierContext): Block[] {
  const blocks: Block[] = [];
  const people = new Map((ctx.doc.people ?? []).map((p) => [matchKey(p.name), p]));
  const members = ctx.result.units.length;
  const kinds = (['collective', 'individual'] as const).filter((k) => ctx.groups.some((g) => g.kind === k));
  kinds.forEach((kind, k) => {
    const groups = ctx.groups.filter((g) => g.kind === kind);
    const all = groups.flatMap((g) => g.items);
    blocks.push(
      para(
        [run(`${String.fromCharCode(65 + k)}. ${KIND_TITLE[kind]} (${totalsLine(all)})`, { bold: true })],
        {
          before: 8,
        },
      ),
    );
    const individual = kind === 'individual';
    const rows: TableCell[][] = [];
    const span = individual ? 4 : 3;
    let stt = 0;
    groups.forEach((g, gi) => {
      rows.push([cell(`${roman(gi + 1)}. ${g.award} (${totalsLine(g.items)})`, { bold: true, span })]);
      const clean = printableBasis(ctx.report.ruleSet);
      const { shared, own } = splitBasis(g.items.map((n) => ({ basis: n.basis.map(clean) })));
      if (shared.length) rows.push([cell([run(shared.join('\n'), { italic: true })], { span })]);
      g.items.forEach((n, i) => {
        stt++;
        const result = kind === 'collective' ? ctx.unitResult(n.candidate) : undefined;
        const lines = [...(result ? [achievement(result, members)] : []), ...own[i]!.map((b) => `- ${b}`)];
        const unit = n.unit ?? people.get(matchKey(n.candidate))?.unit ?? '';
        rows.push([
          cell(stt, { align: 'center' }),
          cell(kind === 'collective' ? ctx.name(n.candidate) : n.candidate),
          ...(individual ? [cell(unit ? ctx.name(unit) : '')] : []),
          cell(lines.join('\n')),
        ]);
      });
    });
    blocks.push({
      type: 'table',
      widths: individual ? [8, 22, 22, 48] : [8, 28, 64],
      header: individual
        ? ['STT', 'Họ và tên', 'Đơn vị', 'Thành tích, căn cứ']
        : ['STT', 'Tên tập thể', 'Thành tích, căn cứ'],
      rows,
      size: 12,
    });
  });
  if (!kinds.length) blocks.push(para([run('Không có đề nghị khen thưởng.', { italic: true })]));
  else
    blocks.push(
      para([run(`Tổng cộng: ${totalsLine(ctx.report.nominations)}.`, { bold: true })], { before: 6 }),
    );
  const quotas = ctx.report.quotas.filter((q) => q.proposed > 0 || q.limit === 0);
  if (quotas.length) {
    blocks.push(para([run('Sử dụng hạn mức khen thưởng:', { bold: true })], { before: 6 }));
    for (const q of quotas) {
      const scope = q.scope ? ` (${ctx.name(q.scope)})` : '';
      blocks.push(para(`- ${q.award}${scope}: đề nghị ${q.proposed}/${q.limit} (${q.basis}).`, { size: 12 }));
    }
  }
  if (ctx.ruleSetText)
    blocks.push(para([run(`Văn bản áp dụng: ${ctx.ruleSetText}.`, { italic: true })], { before: 6 }));
  return blocks;
}

export function buildList(ctx: DossierContext): OfficialDocument {
  const header = ctx.header('TTr');
  delete header.number;
  return {
    file: `danh-sach-de-nghi-${ctx.year}`,
    label: 'Danh sách đề nghị khen thưởng',
    header,
    title: [
      'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG',
      `Tập thể, cá nhân có thành tích trong phong trào thi đua năm ${ctx.year}`,
      `(Kèm theo Tờ trình số        /${ctx.input.options?.symbol ?? `TTr-CTĐ${ctx.number ?? ''}`} ngày      tháng      năm ${ctx.year + 1} của ${ctx.cluster})`,
    ],
    body: listBlocks(ctx),
    signatures: [ctx.leaderSignature],
    footer: ctx.footer,
    notes: ['Danh sách có dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP): chỉ dùng trong cơ quan.'],
  };
}
