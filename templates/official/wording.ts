/**
 * The wording the nomination list and the dossier share: a member's standing as one line of achievement, the
 * totals line, and the basis lines as a signed document prints them.
 */
import { type UnitResult, formatNumberVi, matchKey } from '../../core';

/** Where a cluster member sits in the computed result, as one line of achievement text. */
export function achievement(unit: UnitResult, members: number): string {
  const ind = unit.indicators;
  const parts = [
    `Xếp thứ ${unit.rank}/${members} trong Cụm, ${formatNumberVi(unit.percent, 2)}% điểm chuẩn; ${unit.tier}`,
  ];
  if (ind.arising > 0) parts.push(`chỉ tiêu đạt ${ind.met}/${ind.arising} (${ind.metText})`);
  if (ind.exceedable > 0) parts.push(`vượt ${ind.exceeded}/${ind.exceedable} (${ind.exceededText})`);
  return `${parts.join('; ')}.`;
}

/** "6 tập thể, 14 lượt đề nghị": recipients counted once, proposals each. */
export function totalsLine(
  items: readonly { candidate: string; kind: 'collective' | 'individual' }[],
): string {
  const parts: string[] = [];
  for (const kind of ['collective', 'individual'] as const) {
    const mine = items.filter((i) => i.kind === kind);
    if (!mine.length) continue;
    const who = new Set(mine.map((i) => matchKey(i.candidate))).size;
    parts.push(`${who} ${kind === 'collective' ? 'tập thể' : 'cá nhân'}`);
  }
  parts.push(`${items.length} lượt đề nghị`);
  return parts.join(', ');
}

/**
 * A basis line as a signed document prints it: the program's rule-set id ("Bộ quy tắc vn-2019-tt01 …")
 * becomes a reference to the documents applied, which the list names once at its end.
 */
export function printableBasis(ruleSetId: string | undefined): (line: string) => string {
  if (!ruleSetId) return (line) => line;
  const id = `Bộ quy tắc ${ruleSetId}`;
  return (line) => line.split(id).join('Các văn bản áp dụng');
}

/** Lines every proposal of a group shares (printed once under the award), and each one's own lines. */
export function splitBasis(items: readonly { basis: readonly string[] }[]): {
  shared: string[];
  own: string[][];
} {
  const first = items[0]?.basis ?? [];
  // One proposal alone keeps its figures in its row; its legal basis still goes under the award.
  const shared =
    items.length > 1
      ? first.filter((line) => items.every((i) => i.basis.includes(line)))
      : first.filter((line) => /^Căn cứ/u.test(line));
  return { shared, own: items.map((i) => i.basis.filter((line) => !shared.includes(line))) };
}
