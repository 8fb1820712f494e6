/**
 * The submission (tờ trình đề nghị khen thưởng) of the cluster to the sector's council. From 2025-07-01 it
 * follows Mẫu số 01 of Nghị định 152/2025/NĐ-CP, before that the submission of the period (Nghị định 98/2023,
 * Nghị định 91/2017); the forms' wording was not available to the project, which says so in the notes.
 */
import { documentDate } from '../../core';
import { totalsLine } from '../official/wording';
import type { DossierContext } from './context';
import { gap, heading, type OfficialDocument, para, run, text } from './model';

function formOf(date: string): { from2025: boolean; note: string } {
  if (date >= '2025-07-01')
    return {
      from2025: true,
      note: 'Bố cục theo Mẫu số 01 ban hành kèm Nghị định 152/2025/NĐ-CP (tờ trình đề nghị khen thưởng), áp dụng từ 01/7/2025. Nguyên văn mẫu chưa được đối chiếu trong chương trình: các mục theo thông lệ, cần soát lại trước khi ký.',
    };
  const decree = date >= '2024-01-01' ? 'Nghị định 98/2023/NĐ-CP' : 'Nghị định 91/2017/NĐ-CP';
  return {
    from2025: false,
    note: `Tờ trình của thời kỳ trước 01/7/2025 (${decree}). Nguyên văn mẫu chưa được đối chiếu trong chương trình: các mục theo thông lệ, cần soát lại trước khi ký.`,
  };
}

export function buildSubmission(ctx: DossierContext): OfficialDocument {
  const { report } = ctx;
  const form = formOf(ctx.input.options?.date ?? documentDate(ctx.doc));
  const members = ctx.result.units.length;
  const body = [
    para([run('Kính gửi: '), run('Hội đồng Thi đua - Khen thưởng ngành Kiểm sát nhân dân.')], {
      align: 'center',
      before: 6,
    }),
    ...(form.from2025 ? [heading('I. CĂN CỨ ĐỀ NGHỊ')] : []),
    ...(ctx.ruleSet
      ? ctx.ruleSet.documents.map((d) => text(`Căn cứ ${d.document};`))
      : [text([gap('văn bản quy định về thi đua, khen thưởng áp dụng')])]),
    text([
      run(
        `Căn cứ kết quả chấm điểm, xếp hạng thi đua năm ${ctx.year} của ${members} đơn vị thành viên và kết quả bình xét, biểu quyết tại cuộc họp `,
      ),
      ctx.meeting.date ? run(`ngày ${ctx.meeting.date.split('-').reverse().join('/')}`) : gap('ngày họp'),
      run(` của ${ctx.cluster},`),
    ]),
    ...(form.from2025 ? [heading('II. ĐỀ NGHỊ KHEN THƯỞNG')] : []),
    text(
      report.nominations.length
        ? `${ctx.cluster} kính trình Hội đồng Thi đua - Khen thưởng ngành Kiểm sát nhân dân xem xét, đề nghị khen thưởng (${totalsLine(report.nominations)}), cụ thể:`
        : `${ctx.cluster} không có đề nghị khen thưởng năm ${ctx.year}.`,
    ),
    ...ctx.groups.map((g, i) =>
      text(
        `${i + 1}. ${g.award}: ${totalsLine(g.items).replace(/, \d+ lượt đề nghị$/, '')} (${g.items
          .map((n) => (n.kind === 'collective' ? ctx.name(n.candidate) : n.candidate))
          .join('; ')}).`,
      ),
    ),
    ...(ctx.rotationLine ? [text(ctx.rotationLine)] : []),
    ...(form.from2025 ? [heading('III. HỒ SƠ KÈM THEO')] : []),
    text(
      'Hồ sơ kèm theo: Danh sách đề nghị khen thưởng; Biên bản họp bình xét; Biên bản kiểm phiếu; Báo cáo thành tích của các tập thể được đề nghị.',
    ),
    text(`${ctx.cluster} kính trình Hội đồng xem xét, quyết định./.`),
  ];
  return {
    file: `to-trinh-${ctx.year}`,
    label: 'Tờ trình đề nghị khen thưởng',
    header: ctx.header('TTr'),
    title: ['TỜ TRÌNH', `Về việc đề nghị khen thưởng năm ${ctx.year}`],
    body,
    recipients: ['Như trên;', 'Các đơn vị trong Cụm;', 'Lưu: VT, Cụm.'],
    signatures: [ctx.leaderSignature],
    footer: ctx.footer,
    notes: [form.note],
  };
}
