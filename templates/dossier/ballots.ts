/**
 * Ballots (phiếu bầu) for the cluster's votes: one page per award that needs the cluster's vote, listing the
 * candidates the rules would propose if that award's vote passed for every member (the other awards' votes as
 * recorded), plus any candidate already in the recorded votes. The same list seeds the count sheet.
 */
import {
  AWARD_NAMES,
  type ClusterDocument,
  matchKey,
  nominateAwards,
  type ResultDocument,
  ruleSetById,
  type Vote,
} from '../../core';
import { clusterVoteRules, type DossierContext } from './context';
import { cell, gap, type OfficialDocument, para, run, text } from './model';

export interface BallotAward {
  award: string;
  candidates: string[];
}

export function ballotCandidates(
  doc: ClusterDocument,
  result: ResultDocument,
  ruleSetId: string | undefined,
): BallotAward[] {
  const ruleSet = ruleSetId ? ruleSetById(ruleSetId) : undefined;
  const ids = clusterVoteRules(ruleSet);
  if (!ids.length) return [];
  const voters = doc.units.length;
  const options = ruleSetId ? { ruleSet: ruleSetId } : {};
  return ids.map((id) => {
    const award = AWARD_NAMES[id].vi;
    // This award's vote passed for every member, the other awards' votes as recorded: a unit the recorded
    // votes already propose for a higher flag is not a candidate for a lower one.
    const others = (doc.votes ?? []).filter((v) => matchKey(v.award) !== matchKey(award));
    const unanimous: Vote[] = doc.units.map((u) => ({ award, candidate: u.name, yes: voters, voters }));
    const trial = nominateAwards({ ...doc, votes: [...others, ...unanimous] }, result, options);
    const names = trial.nominations.filter((n) => n.award === award).map((n) => n.candidate);
    for (const v of doc.votes ?? [])
      if (matchKey(v.award) === matchKey(award) && !names.some((n) => matchKey(n) === matchKey(v.candidate)))
        names.push(v.candidate);
    return { award, candidates: names };
  });
}

export function buildBallots(ctx: DossierContext, awards: readonly BallotAward[]): OfficialDocument {
  const body = awards.flatMap((a, i) => [
    para([run('PHIẾU BẦU', { bold: true })], {
      align: 'center',
      size: 14,
      pageBreak: i > 0,
      before: i > 0 ? 0 : 6,
    }),
    para([run(`Đề nghị tặng "${a.award}" năm ${ctx.year}`, { bold: true })], { align: 'center' }),
    text([run('Đơn vị bỏ phiếu: '), gap('tên đơn vị thành viên')]),
    text(
      'Cách bầu: đánh dấu (X) vào cột "Đồng ý" hoặc "Không đồng ý" cho từng đơn vị; phiếu đánh dấu cả hai cột hoặc không đánh dấu ở một đơn vị là phiếu không hợp lệ đối với đơn vị đó.',
    ),
    {
      type: 'table' as const,
      widths: [8, 52, 20, 20],
      header: ['STT', 'Đơn vị được đề nghị', 'Đồng ý', 'Không đồng ý'],
      rows: a.candidates.length
        ? a.candidates.map((c, k) => [
            cell(k + 1, { align: 'center' }),
            cell(ctx.name(c)),
            cell(''),
            cell(''),
          ])
        : [[cell(''), cell([run('Không có đơn vị đủ điều kiện.', { italic: true })]), cell(''), cell('')]],
    },
    para([run('Người bỏ phiếu ký, ghi rõ họ tên', { italic: true })], { align: 'right', before: 12 }),
  ]);
  const header = ctx.header('BB', ctx.meeting.date);
  delete header.number;
  return {
    file: `phieu-bau-${ctx.year}`,
    label: 'Phiếu bầu',
    header,
    title: [],
    body,
    footer: ctx.footer,
  };
}
