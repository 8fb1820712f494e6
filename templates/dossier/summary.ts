/**
 * The cluster's annual summary report (báo cáo tổng kết công tác thi đua, khen thưởng của Cụm), with the
 * figures the seeds' reports show: members, leader and deputy, the cluster's indicators ("121/122 chỉ tiêu
 * phát sinh – đạt tỷ lệ 99,2%"), ratings, the ranking, awards and initiatives received, the proposals and
 * next year's leader and deputy. The narrative only the cluster can write is a marked gap.
 */
import { tallyAwards } from '../../core';
import { totalsLine } from '../official/wording';
import type { DossierContext } from './context';
import { indicatorsMet, score } from './figures';
import { type Block, cell, gap, heading, type OfficialDocument, run, text } from './model';

export function buildSummary(ctx: DossierContext): OfficialDocument {
  const ci = ctx.result.clusterIndicators;
  const units = ctx.result.units;
  const tiers = new Map<string, number>();
  for (const u of units) tiers.set(u.tier, (tiers.get(u.tier) ?? 0) + 1);
  const tally = tallyAwards([ctx.doc]);
  const body: Block[] = [
    heading('I. ĐẶC ĐIỂM TÌNH HÌNH'),
    text(
      `${ctx.cluster} năm ${ctx.year} gồm ${units.length} đơn vị: ${ctx.doc.units.map((u) => ctx.name(u.name)).join(', ')}.${ctx.leader ? ` Cụm trưởng: ${ctx.leader}` : ''}${ctx.deputy ? `; Cụm phó: ${ctx.deputy}` : ''}.`,
    ),
    heading('II. KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG'),
    text([run('1. Các phong trào thi đua đã phát động: '), gap('phong trào, nội dung, hình thức')]),
    text(
      `2. Kết quả thực hiện chỉ tiêu nghiệp vụ: toàn Cụm ${ci.met}/${ci.arising} chỉ tiêu phát sinh – đạt tỷ lệ ${ci.metText}; ${ci.exceeded}/${ci.exceedable} chỉ tiêu có thể tính vượt – đạt tỷ lệ ${ci.exceededText}.`,
    ),
    text(
      `3. Xếp loại: ${[...tiers].map(([tier, n]) => `${n}/${units.length} đơn vị "${tier}"`).join('; ')}.`,
    ),
    text(
      `4. Kết quả chấm điểm, xếp hạng (điểm ${ctx.result.stage === 'verified' ? 'thẩm định' : 'tự chấm'}):`,
    ),
    {
      type: 'table',
      widths: [8, 36, 14, 14, 28],
      header: ['Hạng', 'Đơn vị', 'Điểm', 'Chỉ tiêu đạt', 'Xếp loại'],
      rows: units.map((u) => [
        cell(u.rank, { align: 'center' }),
        cell(ctx.name(u.unit)),
        cell(score((ctx.result.stage === 'verified' ? u.verified : u.self)?.total ?? u.percent), {
          align: 'right',
        }),
        cell(indicatorsMet(u), { align: 'center' }),
        cell(u.tier),
      ]),
      size: 11,
    },
  ];
  if (tally.forms.length)
    body.push(text('5. Khen thưởng đã nhận trong năm (theo số liệu các đơn vị):'), {
      type: 'table',
      widths: [60, 20, 20],
      header: ['Hình thức', 'Tập thể', 'Cá nhân'],
      rows: tally.forms.map((f) => [
        cell(f.form),
        cell(f.collective, { align: 'center' }),
        cell(f.individual, { align: 'center' }),
      ]),
      size: 11,
    });
  else
    body.push(text([run('5. Khen thưởng đã nhận trong năm: '), gap('số liệu khen thưởng của các đơn vị')]));
  body.push(
    text(
      tally.initiatives.length
        ? `6. Sáng kiến: ${tally.initiatives.map((l) => `${l.count} sáng kiến cấp ${l.level}`).join('; ')}.`
        : [run('6. Sáng kiến: '), gap('số sáng kiến được công nhận')],
    ),
    heading('III. BÌNH XÉT, ĐỀ NGHỊ KHEN THƯỞNG'),
    ...(ctx.groups.length
      ? [
          text(
            `Căn cứ kết quả thực hiện nhiệm vụ của từng đơn vị, ${ctx.cluster} đã bình xét, đề nghị (${totalsLine(ctx.report.nominations)}):`,
          ),
          ...ctx.groups.map((g) =>
            text(
              `- "${g.award}": ${g.items.map((n) => (n.kind === 'collective' ? ctx.name(n.candidate) : n.candidate)).join('; ')}.`,
            ),
          ),
        ]
      : [text('Không có đề nghị khen thưởng.')]),
    text(ctx.rotationLine ?? [gap('Cụm trưởng, Cụm phó năm sau')]),
    heading(`IV. PHƯƠNG HƯỚNG NĂM ${ctx.year + 1}`),
    text([gap('phương hướng, nhiệm vụ năm sau')]),
  );
  return {
    file: `bao-cao-tong-ket-${ctx.year}`,
    label: 'Báo cáo tổng kết của Cụm',
    header: ctx.header('BC'),
    title: ['BÁO CÁO', `Tổng kết công tác thi đua, khen thưởng năm ${ctx.year} của ${ctx.cluster}`],
    body,
    recipients: ['VKSND tối cao (Vụ Thi đua - Khen thưởng);', 'Các đơn vị trong Cụm;', 'Lưu: VT, Cụm.'],
    signatures: [ctx.leaderSignature],
    footer: ctx.footer,
  };
}
