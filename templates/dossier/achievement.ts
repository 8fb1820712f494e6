/**
 * The collective achievement report (báo cáo thành tích) of each proposed unit, with the figures the program
 * holds filled in: scores, rank, rating, indicators met and exceeded (each indicator's result), initiatives,
 * awards recorded. What only the unit can write (its situation, its measures, last year's figures when the
 * document has none) is a marked gap. The headings follow the usual report of achievements for a collective;
 * the decree's form text was not available to the project (said in the notes).
 */
import {
  type ClusterDocument,
  type Issue,
  formatPercentVi,
  matchKey,
  readAwardRecords,
  readInitiativeRecords,
  readUnitProfiles,
} from '../../core';
import { upper } from '../official/layout';
import type { DossierContext } from './context';
import { indicatorsExceeded, indicatorsMet, score } from './figures';
import { type Block, cell, gap, heading, type OfficialDocument, para, run, text } from './model';

function indicatorRows(doc: ClusterDocument, unit: string) {
  const byCode = new Map((doc.indicators ?? []).map((i) => [matchKey(i.code), i]));
  return (doc.indicatorResults ?? [])
    .filter((r) => matchKey(r.unit) === matchKey(unit) && r.denominator > 0)
    .map((r) => {
      const ind = byCode.get(matchKey(r.indicator));
      const target = ind ? formatPercentVi(Math.round(ind.target * 1000), 1000) : '—';
      return [
        cell(ind?.title ?? r.indicator),
        cell(target, { align: 'center' }),
        cell(`${r.numerator}/${r.denominator}`, { align: 'center' }),
        cell(formatPercentVi(r.numerator, r.denominator), { align: 'center' }),
      ];
    });
}

export function buildAchievement(ctx: DossierContext, unit: string): OfficialDocument {
  const doc = ctx.doc;
  const official = ctx.name(unit);
  const u = ctx.unitResult(unit);
  const issues: Issue[] = [];
  const profile = readUnitProfiles(doc, issues).find((p) => matchKey(p.unit) === matchKey(unit));
  const initiatives = readInitiativeRecords(doc, issues).filter((r) => matchKey(r.unit) === matchKey(unit));
  const awards = readAwardRecords(doc, issues).filter(
    (r) => r.kind === 'collective' && matchKey(r.unit ?? r.recipient ?? '') === matchKey(unit),
  );
  const proposed = ctx.report.nominations.filter(
    (n) => n.kind === 'collective' && matchKey(n.candidate) === matchKey(unit),
  );
  const members = ctx.result.units.length;
  const body: Block[] = [
    heading('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'),
    text([run('1. Đặc điểm, tình hình: '), gap('đặc điểm, tình hình của đơn vị, cơ cấu tổ chức')]),
    text(
      profile?.staff !== undefined
        ? `Tổng số cán bộ, công chức, người lao động: ${profile.staff}${profile.women !== undefined ? ` (nữ: ${profile.women})` : ''}.`
        : [run('Tổng số cán bộ, công chức, người lao động: '), gap('số người')],
    ),
    text([run('2. Chức năng, nhiệm vụ: '), gap('chức năng, nhiệm vụ được giao')]),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    text(
      `1. Kết quả thực hiện nhiệm vụ năm ${ctx.year} (theo kết quả chấm điểm, xếp hạng của ${ctx.cluster}):`,
    ),
  ];
  if (u) {
    body.push({
      type: 'table',
      widths: [55, 45],
      header: ['Nội dung', 'Kết quả'],
      rows: [
        [cell('Điểm tự chấm'), cell(score(u.self?.total))],
        [cell('Điểm thẩm định'), cell(score(u.verified?.total))],
        [
          cell('Tỷ lệ so với điểm chuẩn'),
          cell(`${score(u.percent)}% (điểm chuẩn ${score(u.standardTotal)})`),
        ],
        [cell('Xếp hạng trong Cụm'), cell(`${u.rank}/${members}`)],
        [cell('Xếp loại'), cell(u.tier)],
        [cell('Chỉ tiêu phát sinh đạt'), cell(indicatorsMet(u))],
        [cell('Chỉ tiêu có thể tính vượt đã vượt'), cell(indicatorsExceeded(u))],
      ],
    });
    const rows = indicatorRows(doc, unit);
    if (rows.length)
      body.push({
        type: 'table',
        widths: [52, 14, 17, 17],
        header: ['Chỉ tiêu nghiệp vụ', 'Yêu cầu', 'Kết quả', 'Tỷ lệ'],
        rows,
        size: 11,
      });
  } else body.push(text([gap('kết quả chấm điểm của đơn vị')]));
  body.push(
    text([
      run('So với năm trước: '),
      gap(`kết quả năm ${ctx.year - 1} (tài liệu không có số liệu năm trước)`),
    ]),
    text([run('2. Các giải pháp, biện pháp đã thực hiện: '), gap('biện pháp, mô hình mới của đơn vị')]),
  );
  const initiativeText = initiatives
    .filter((r) => r.year === undefined || r.year === ctx.year)
    .map((r) => `${r.count} sáng kiến cấp ${r.level}`);
  body.push(
    text(
      initiativeText.length
        ? `3. Sáng kiến năm ${ctx.year}: ${initiativeText.join('; ')}.`
        : [run(`3. Sáng kiến năm ${ctx.year}: `), gap('sáng kiến được công nhận')],
    ),
    heading('III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN'),
  );
  if (awards.length)
    body.push({
      type: 'table',
      widths: [18, 52, 30],
      header: ['Năm', 'Hình thức khen thưởng', 'Số lượng'],
      rows: awards.map((a) => [
        cell(a.year === undefined ? 'không ghi năm' : String(a.year), { align: 'center' }),
        cell(a.recipient && matchKey(a.recipient) !== matchKey(unit) ? `${a.form} (${a.recipient})` : a.form),
        cell(a.count ?? 1, { align: 'center' }),
      ]),
    });
  else body.push(text([gap('các hình thức khen thưởng những năm trước')]));
  body.push(
    para([run(`Đề nghị: ${proposed.map((n) => `"${n.award}"`).join(', ')}.`, { bold: true })], {
      before: 6,
      align: 'justify',
    }),
  );
  return {
    file: `bao-cao-thanh-tich-${ctx.year}-${slug(official)}`,
    label: `Báo cáo thành tích — ${official}`,
    header: {
      parentBody: 'VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO',
      issuingBody: upper(official),
      dateLine: ctx.header('BC').dateLine,
    },
    title: [
      'BÁO CÁO THÀNH TÍCH',
      `Đề nghị tặng ${proposed.map((n) => n.award).join(', ')}`,
      `Tên tập thể: ${official}`,
    ],
    body,
    signatures: [{ on: 'THỦ TRƯỞNG ĐƠN VỊ', position: 'VIỆN TRƯỞNG' }],
    footer: ctx.footer,
    notes: [
      'Các mục theo báo cáo thành tích tập thể thường dùng; nguyên văn mẫu của Nghị định chưa được đối chiếu trong chương trình. Số liệu điểm, xếp hạng, chỉ tiêu lấy từ sổ chấm điểm của Cụm.',
    ],
  };
}

/** "VKSND tỉnh Phú Yên" → "vksnd-tinh-phu-yen" for a file name. */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
