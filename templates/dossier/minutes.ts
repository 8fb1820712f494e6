/**
 * The minutes of the evaluation meeting (biên bản họp bình xét): when, where, chair and secretary, members
 * present and absent (with written opinions), the ranking, each vote with its body, base and threshold, the
 * decisions taken, and next year's leader and deputy. What the document does not record is a marked gap.
 */
import { totalsLine } from '../official/wording';
import type { DossierContext } from './context';
import { dayText, indicatorsExceeded, indicatorsMet, score, share } from './figures';
import { cell, gap, heading, type OfficialDocument, type Run, run, text } from './model';

export function buildMinutes(ctx: DossierContext): OfficialDocument {
  const m = ctx.meeting;
  const members = ctx.result.units.map((u) => ctx.name(u.unit));
  const value = (v: string | undefined, what: string): Run => (v ? run(v) : gap(what));
  const present = m.present?.map((p) => `${ctx.name(p.unit)}${p.delegate ? ` (${p.delegate})` : ''}`);
  const absent = m.absent ?? [];
  const body = [
    text([run('Thời gian: '), m.date ? run(`ngày ${dayText(m.date)}`) : gap('giờ, ngày họp')]),
    text([run('Địa điểm: '), value(m.place, 'địa điểm họp')]),
    text([run('Chủ trì: '), value(m.chair, 'họ tên, chức vụ người chủ trì')]),
    text([run('Thư ký: '), value(m.secretary, 'họ tên, chức vụ thư ký')]),
    text([
      run(`Thành phần: đại diện các đơn vị thành viên ${ctx.cluster} (${members.length} đơn vị). Có mặt: `),
      present ? run(`${present.join('; ')}.`) : gap('đơn vị và đại biểu có mặt'),
    ]),
    text([
      run('Vắng mặt: '),
      ...(m.absent
        ? [
            run(
              absent.length
                ? `${absent.map((a) => `${ctx.name(a.unit)}${a.opinion ? ` (có ý kiến bằng văn bản: ${a.opinion})` : ' (không có ý kiến bằng văn bản)'}`).join('; ')}.`
                : 'không.',
            ),
          ]
        : [gap('đơn vị vắng mặt và ý kiến bằng văn bản')]),
    ]),
    heading(`I. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM ${ctx.year}`),
    text(
      `Xếp hạng theo điểm ${ctx.result.stage === 'verified' ? 'thẩm định' : 'tự chấm'}; bằng điểm thì phân định theo thứ tự đã thống nhất.`,
    ),
    {
      type: 'table' as const,
      widths: [9, 26, 11, 11, 10, 13, 13, 17],
      header: [
        'Hạng',
        'Đơn vị',
        'Tự chấm',
        'Thẩm định',
        '% điểm chuẩn',
        'Chỉ tiêu đạt',
        'Chỉ tiêu vượt',
        'Xếp loại',
      ],
      rows: ctx.result.units.map((u) => [
        cell(u.rank, { align: 'center' }),
        cell(ctx.name(u.unit)),
        cell(score(u.self?.total), { align: 'right' }),
        cell(score(u.verified?.total), { align: 'right' }),
        cell(score(u.percent), { align: 'right' }),
        cell(indicatorsMet(u), { align: 'center' }),
        cell(indicatorsExceeded(u), { align: 'center' }),
        cell(u.tier),
      ]),
      size: 11,
    },
    text(
      `Toàn Cụm: ${ctx.result.clusterIndicators.met}/${ctx.result.clusterIndicators.arising} chỉ tiêu phát sinh đạt (${ctx.result.clusterIndicators.metText}); ${ctx.result.clusterIndicators.exceeded}/${ctx.result.clusterIndicators.exceedable} chỉ tiêu có thể tính vượt đã vượt (${ctx.result.clusterIndicators.exceededText}).`,
    ),
    heading('II. KẾT QUẢ BIỂU QUYẾT'),
    text(
      `Cơ quan biểu quyết: các đơn vị thành viên ${ctx.cluster}. Tỷ lệ đồng ý tính trên tổng số người biểu quyết ghi trong biên bản kiểm phiếu (kể cả thành viên vắng mặt có ý kiến bằng văn bản); ngưỡng theo văn bản áp dụng${ctx.ruleSetText ? ` (${ctx.ruleSetText})` : ''}.`,
    ),
    ...(ctx.votes.length
      ? [
          {
            type: 'table' as const,
            widths: [22, 24, 9, 11, 10, 11, 13],
            header: [
              'Hình thức',
              'Đơn vị được đề nghị',
              'Đồng ý',
              'Số biểu quyết',
              'Tỷ lệ',
              'Ngưỡng',
              'Kết quả',
            ],
            rows: ctx.votes.map((v) => [
              cell(v.award),
              cell(ctx.name(v.candidate)),
              cell(v.yes, { align: 'center' }),
              cell(v.voters, { align: 'center' }),
              cell(share(v), { align: 'center' }),
              cell(v.threshold === undefined ? '—' : `${v.threshold}%`, { align: 'center' }),
              cell(v.passes === undefined ? '—' : v.passes ? 'Đạt' : 'Không đạt', { align: 'center' }),
            ]),
            size: 11,
          },
        ]
      : [text([gap('kết quả biểu quyết (nhập vào biên bản kiểm phiếu)')])]),
    heading('III. CÁC NỘI DUNG ĐÃ THỐNG NHẤT'),
    ...(ctx.groups.length
      ? ctx.groups.map((g, i) =>
          text(
            `${i + 1}. Đề nghị tặng "${g.award}" (${totalsLine(g.items).replace(/, \d+ lượt đề nghị$/, '')}): ${g.items
              .map((n) => (n.kind === 'collective' ? ctx.name(n.candidate) : n.candidate))
              .join('; ')}.`,
          ),
        )
      : [text('Không có đề nghị khen thưởng.')]),
    text(`Tổng cộng: ${totalsLine(ctx.report.nominations)}.`),
    heading(`IV. CỤM TRƯỞNG, CỤM PHÓ NĂM ${ctx.next.year}`),
    text(ctx.rotationLine ?? [gap('Cụm trưởng, Cụm phó năm sau')]),
    text([
      run('Cuộc họp kết thúc vào '),
      gap('giờ, ngày'),
      run('; biên bản đã được đọc lại và các đại biểu dự họp thống nhất thông qua.'),
    ]),
  ];
  return {
    file: `bien-ban-hop-binh-xet-${ctx.year}`,
    label: 'Biên bản họp bình xét',
    header: ctx.header('BB', m.date),
    title: ['BIÊN BẢN', `Họp bình xét thi đua, khen thưởng năm ${ctx.year} của ${ctx.cluster}`],
    body,
    signatures: [
      { position: 'THƯ KÝ', ...(m.secretary ? { name: m.secretary } : {}) },
      { position: 'CHỦ TRÌ', ...(m.chair ? { name: m.chair } : {}) },
    ],
    footer: ctx.footer,
  };
}
