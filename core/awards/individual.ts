/**
 * Individual awards from the document's `people`: Lao động tiên tiến, Chiến sĩ thi đua cơ sở (with its cap per
 * unit, where a rule set has one), Chiến sĩ thi đua ngành KSND and the "Vì sự nghiệp Kiểm sát" medal. Dates
 * with date-fns, evaluated on the year's reference date (`principles.referenceDate`, 31 December unless the
 * document states another; the medal: on the rule set's day of the year). Nobody is proposed while a
 * discipline procedure, investigation or inspection is pending (Nghị định 98/2023, Điều 4, khoản 4).
 */
// One module per function: the package's index loads hundreds of files (about 1 s at the CLI's start-up).
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { differenceInYears } from 'date-fns/differenceInYears';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { Person, PersonDiscipline } from '../model/types';
import { type Bilingual, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';
import { formatCitations } from './citation';
import { type AwardContext, awardNames, isAward, levelIndex } from './draft';
import { isWoman, profileOf } from './extensions';
import { earlierAward, heldTitle, historyBasis } from './history';
import { capShortfall, pickWithinQuota, quotaLimit } from './quota';
import type { AwardRuleId } from './rulesets/types';
import { judgeVote, type VoteVerdict, voteRule } from './ballot';
import { leaveReason, pendingReason } from './person-checks';
import { compareShares, findVote, type VoteTally } from './votes';
import { basisOf, quotaText, voteText, withCitation } from './wording';

interface PersonCase {
  person: Person;
  index: number;
  rating?: string;
  advanced: boolean;
  base: boolean;
}

function parseDate(ctx: AwardContext, value: string, path: string, person: string): Date | undefined {
  const d = parseISO(value);
  if (isValid(d) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return d;
  ctx.issues.push(
    makeIssue(
      'error',
      'person.date.invalid',
      /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? {
            vi: `${person}: ngày "${value}" ở ${path} không có thật trên lịch.`,
            en: `${person}: date "${value}" at ${path} is not a real calendar date.`,
          }
        : {
            vi: `${person}: ngày "${value}" ở ${path} không đúng dạng YYYY-MM-DD.`,
            en: `${person}: date "${value}" at ${path} is not YYYY-MM-DD.`,
          },
      { person, path },
    ),
  );
  return undefined;
}

const dmy = (d: Date) =>
  `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

/** Why `rating` falls short of `levels[min]` (levels best first), or undefined when it does not. */
function ratingShortfall(levels: readonly string[], rating: string, min: number): Bilingual | undefined {
  const idx = levelIndex(levels, rating);
  if (idx >= 0 && idx <= min) return undefined;
  return {
    vi: `Xếp loại "${rating}", chưa "${levels[min]}"`,
    en: `Rating "${rating}", not "${levels[min]}"`,
  };
}

export function nominateIndividuals(ctx: AwardContext): void {
  const people = ctx.doc.people ?? [];
  if (people.length === 0) return;
  const { book } = ctx;
  const year = ctx.doc.year;
  const refIso = book.referenceDate(year);
  const yearEnd = parseISO(refIso);
  const refText = dmy(yearEnd);
  const tieBasis = formatCitations(book.ruleSet.tiePreference?.basis ?? []);
  const womenLine: Bilingual = {
    vi: `Ưu tiên khi bằng nhau: nữ (${tieBasis.vi})`,
    en: `Preferred among equals: woman (${tieBasis.en})`,
  };

  const nominate = (ruleId: AwardRuleId, c: PersonCase, basis: Bilingual[]) => {
    const rule = book.rule(ruleId);
    ctx.nominations.push({
      ruleId,
      candidate: c.person.name,
      kind: 'individual',
      unit: c.person.unit,
      basis: [...basis, basisOf(rule)],
    });
  };
  const block = (ruleId: AwardRuleId, c: PersonCase, reasons: Bilingual[], quota = false) => {
    const rule = book.rule(ruleId);
    ctx.blocked.push({
      ruleId,
      candidate: c.person.name,
      kind: 'individual',
      unit: c.person.unit,
      reasons: reasons.map((r) => withCitation(r, rule, quota)),
    });
  };

  const levels = book.ruleSet.ratingLevels;
  const cases: PersonCase[] = people.map((person, index) => {
    const rating = (person as Person & { rating?: unknown }).rating;
    const c: PersonCase = { person, index, advanced: false, base: false };
    if (typeof rating === 'string') c.rating = rating;
    return c;
  });

  // Discipline counts in the year of the act (Thông tư 02/2024), or the decision's where a rule set says so.
  const countsIn = (d: PersonDiscipline) =>
    d.actYear !== undefined || d.decided !== undefined
      ? book.str('advancedWorker', 'disciplineCountsIn')
      : 'act';
  const decisionYear = (d: PersonDiscipline) => (d.decided ? Number(d.decided.slice(0, 4)) : d.year);
  const disciplineYear = (d: PersonDiscipline) =>
    countsIn(d) === 'decision' ? decisionYear(d) : (d.actYear ?? d.year);
  const disciplineWhen = (d: PersonDiscipline) =>
    d.decided
      ? `(hành vi năm ${d.actYear ?? d.year}, quyết định ngày ${dmy(parseISO(d.decided))})`
      : `năm ${d.actYear ?? d.year}`;
  const disciplineWhenEn = (d: PersonDiscipline) =>
    d.decided ? `(act in ${d.actYear ?? d.year}, decided on ${d.decided})` : `in ${d.actYear ?? d.year}`;

  // Lao động tiên tiến.
  const minMonths = book.num('advancedWorker', 'minMonthsSinceRecruitment');
  const forms = book.ruleSet.disciplineForms;
  const blocksFrom = levelIndex(forms, book.str('advancedWorker', 'disciplineBlocksFrom'));
  const advRating = levelIndex(levels, book.str('advancedWorker', 'minRating'));
  for (const c of cases) {
    const p = c.person;
    const reasons: Bilingual[] = [];
    const basis: Bilingual[] = [];
    const field = p.recruited ? 'recruited' : 'serviceStart';
    const startText = p.recruited ?? p.serviceStart;
    const start = startText ? parseDate(ctx, startText, `people[${c.index}].${field}`, p.name) : undefined;
    if (start) {
      const months = differenceInMonths(yearEnd, start);
      if (start > yearEnd)
        reasons.push({
          vi: `Tuyển dụng ngày ${dmy(start)}, sau năm ${year}`,
          en: `Recruited on ${dmy(start)}, after ${year}`,
        });
      else if (months < minMonths)
        reasons.push({
          vi: `Tuyển dụng ngày ${dmy(start)}: ${months} tháng đến ${refText}, dưới ${minMonths} tháng`,
          en: `Recruited on ${dmy(start)}: ${months} months to ${refText}, under ${minMonths}`,
        });
      else
        basis.push({
          vi: `Công tác ${months} tháng đến ${refText} (từ đủ ${minMonths} tháng)`,
          en: `${months} months of service to ${refText} (at least ${minMonths})`,
        });
    } else if (!startText) {
      ctx.issues.push(
        makeIssue(
          'warning',
          'person.recruited.missing',
          {
            vi: `${p.name}: không có ngày tuyển dụng; chưa kiểm tra được thời gian công tác tối thiểu ${minMonths} tháng.`,
            en: `${p.name}: no recruitment date; the minimum ${minMonths} months of service is not checked.`,
          },
          { person: p.name, path: `people[${c.index}]` },
        ),
      );
      basis.push({ vi: 'Chưa có ngày tuyển dụng: cần kiểm tra', en: 'No recruitment date: to be checked' });
    }
    for (const d of p.discipline ?? []) {
      if (disciplineYear(d) !== year) continue;
      const idx = levelIndex(forms, d.form);
      if (idx < 0) {
        ctx.issues.push(
          makeIssue(
            'warning',
            'person.discipline.unknown',
            {
              vi: `${p.name}: hình thức kỷ luật "${d.form}" không nhận ra; coi là từ khiển trách trở lên.`,
              en: `${p.name}: disciplinary form "${d.form}" not recognised; treated as a reprimand or worse.`,
            },
            { person: p.name },
          ),
        );
      }
      if (idx < 0 || idx >= blocksFrom)
        reasons.push({
          vi: `Bị kỷ luật "${d.form}" ${disciplineWhen(d)} (từ ${forms[blocksFrom]} trở lên)`,
          en: `Disciplined ("${d.form}") ${disciplineWhenEn(d)} (${forms[blocksFrom]} or worse)`,
        });
    }
    const leave = leaveReason(ctx, p, c.index, year);
    if (leave?.blocks) reasons.push(leave.line);
    else if (leave) basis.push(leave.line);
    const pending = pendingReason(ctx, p);
    if (pending) reasons.push(pending);
    if (c.rating !== undefined) {
      const short = ratingShortfall(levels, c.rating, advRating);
      if (short) reasons.push(short);
      else basis.push({ vi: `Xếp loại: ${c.rating}`, en: `Rating: ${c.rating}` });
    }
    if (reasons.length) block('advancedWorker', c, reasons);
    else {
      c.advanced = true;
      basis.push({ vi: `Không bị kỷ luật trong năm ${year}`, en: `Not disciplined in ${year}` });
      nominate('advancedWorker', c, basis);
    }
  }

  // Chiến sĩ thi đua cơ sở: an Advanced Worker with a recognised initiative (from 2024 also an excellent
  // rating or a research project: Luật 06/2022, Điều 23), the council's vote where the rule set needs one,
  // within the cap of the unit where there is one (Nghị định 91/2017, Điều 9, khoản 3, until 2023).
  const levelsOk = new Set(book.list('baseEmulationSoldier', 'initiativeLevels').map(matchKey));
  const ratingQualifies = book.bool('baseEmulationSoldier', 'excellentRatingQualifies');
  const baseNames = awardNames('baseEmulationSoldier');
  const baseVote = voteRule(ctx, 'baseEmulationSoldier');
  type BaseEntry = { c: PersonCase; vote?: VoteTally; achievement: Bilingual; verdict?: VoteVerdict };
  const eligible: BaseEntry[] = [];
  for (const c of cases) {
    if (!c.advanced) continue;
    const initiative = (c.person.initiatives ?? []).find(
      (i) => i.year === year && levelsOk.has(matchKey(i.level)),
    );
    const excellentRating =
      ratingQualifies && c.rating !== undefined && levelIndex(levels, c.rating) === 0 ? c.rating : undefined;
    const voted = findVote(ctx.votes, baseNames, c.person.name);
    if (!initiative && !excellentRating) {
      // Without an achievement an Advanced Worker is simply not a candidate, unless someone voted for them.
      if (!voted) continue;
      block('baseEmulationSoldier', c, [
        ratingQualifies
          ? {
              vi: `Không "${levels[0]}" và không có sáng kiến, đề tài khoa học được công nhận năm ${year}`,
              en: `Neither rated "${levels[0]}" nor an initiative or research recognised in ${year}`,
            }
          : {
              vi: `Không có sáng kiến (hoặc đề tài) được công nhận năm ${year}`,
              en: `No initiative (or research) recognised in ${year}`,
            },
      ]);
      continue;
    }
    const achievement: Bilingual = initiative
      ? {
          vi: `Sáng kiến cấp ${initiative.level} năm ${year}`,
          en: `Initiative (${initiative.level}) in ${year}`,
        }
      : { vi: `Xếp loại "${excellentRating}" năm ${year}`, en: `Rated "${excellentRating}" in ${year}` };
    const entry: BaseEntry = { c, achievement };
    if (baseVote) {
      const verdict = judgeVote(ctx, 'baseEmulationSoldier', baseVote, c.person.name);
      if (!verdict.passes) {
        block('baseEmulationSoldier', c, [verdict.line]);
        continue;
      }
      entry.verdict = verdict;
      if (verdict.tally) entry.vote = verdict.tally;
    } else if (voted) entry.vote = voted;
    eligible.push(entry);
  }
  const capPercent = book.numOrNull('baseEmulationSoldier', 'capPercent');
  const capMinimum = capPercent === null ? null : book.numOrNull('baseEmulationSoldier', 'capMinimum');
  if (capPercent !== null) book.str('baseEmulationSoldier', 'capRounding');
  const baseRule = book.rule('baseEmulationSoldier');
  const byUnit = new Map<string, typeof eligible>();
  for (const e of eligible) {
    const k = matchKey(e.c.person.unit);
    byUnit.set(k, [...(byUnit.get(k) ?? []), e]);
  }
  const preferred = book.prefersWomen()
    ? (e: (typeof eligible)[number]) => isWoman(e.c.person.gender)
    : undefined;
  for (const group of byUnit.values()) {
    const unit = group[0]!.c.person.unit;
    const profile = profileOf(ctx.profiles, unit);
    // The base of the cap is the unit's number of Advanced Workers, which a list of nominees does not give:
    // without `unitProfiles[].advancedWorkers` the cap cannot be checked, and the output says so.
    const base = profile?.advancedWorkers;
    const capped = capPercent !== null && base !== undefined;
    const limit = capped
      ? quotaLimit({ percent: capPercent, minimum: capMinimum }, base)
      : Number.POSITIVE_INFINITY;
    const capLine =
      capPercent === null
        ? { vi: 'Không áp dụng giới hạn tỷ lệ', en: 'No percentage cap applied' }
        : base === undefined
          ? {
              vi: `Giới hạn ${capPercent}% chưa kiểm tra: tài liệu chưa ghi số "Lao động tiên tiến" của ${unit} (unitProfiles)`,
              en: `The ${capPercent}% cap is not checked: the document does not state the Advanced Workers of ${unit} (unitProfiles)`,
            }
          : quotaText(limit, base, capPercent, capMinimum, {
              vi: `"Lao động tiên tiến" của ${unit}`,
              en: `Advanced Workers of ${unit}`,
            });
    if (capPercent !== null && base === undefined)
      ctx.issues.push(
        makeIssue('warning', 'awards.cap.baseMissing', capLine, { unit, award: baseRule.award }),
      );
    // Order: higher vote share first (when voted), then as listed.
    const ordered = [...group].sort((a, b) => {
      if (a.vote && b.vote)
        return -compareShares(a.vote.yes, a.vote.voters, b.vote.yes, b.vote.voters) || a.c.index - b.c.index;
      if (a.vote || b.vote) return a.vote ? -1 : 1;
      return a.c.index - b.c.index;
    });
    const same = (a: (typeof group)[number], b: (typeof group)[number]) =>
      !!a.vote && !!b.vote && compareShares(a.vote.yes, a.vote.voters, b.vote.yes, b.vote.voters) === 0;
    let proposed = 0;
    for (const pick of pickWithinQuota(ordered, limit, same, preferred)) {
      const e = pick.item;
      if (pick.outcome === 'within' || pick.outcome === 'preferred') {
        proposed++;
        e.c.base = true;
        const lines: Bilingual[] = [
          { vi: 'Đạt tiêu chuẩn "Lao động tiên tiến"', en: 'Meets the Advanced Worker standard' },
          e.achievement,
        ];
        if (e.verdict) lines.push(e.verdict.line);
        else if (e.vote) lines.push(voteText(e.vote.yes, e.vote.voters));
        if (capPercent !== null) lines.push(withCitation(capLine, baseRule, true));
        if (pick.outcome === 'preferred') lines.push(womenLine);
        nominate('baseEmulationSoldier', e.c, lines);
      } else {
        const why = capShortfall(pick.outcome, capLine, { vi: 'Bằng phiếu', en: 'Tied' });
        block('baseEmulationSoldier', e.c, [why], true);
      }
    }
    ctx.quotas.push({
      ruleId: 'baseEmulationSoldier',
      scope: unit,
      limit: Number.isFinite(limit) ? limit : null,
      base: base ?? 0,
      proposed,
      basis: [withCitation(capLine, baseRule, capPercent !== null)],
    });
  }

  // Chiến sĩ thi đua ngành KSND: consecutive base-level titles, a sector initiative, the council's vote.
  const run = book.num('sectorEmulationSoldier', 'consecutiveYears');
  const sectorLevels = new Set(book.list('sectorEmulationSoldier', 'sectorInitiativeLevels').map(matchKey));
  const sectorVote = voteRule(ctx, 'sectorEmulationSoldier')!;
  const sectorNames = awardNames('sectorEmulationSoldier');
  const years = Array.from({ length: run }, (_, k) => year - run + 1 + k);
  const thisYearProposed = { vi: 'đề nghị trong danh sách này', en: 'proposed in this list' };
  for (const c of cases) {
    const p = c.person;
    const held = years.filter(
      (y) => (y === year && c.base) || heldTitle(ctx, c.index, p, 'baseEmulationSoldier', y),
    );
    const vote = findVote(ctx.votes, sectorNames, p.name);
    if (held.length < run && !vote) continue;
    const reasons: Bilingual[] = [];
    if (held.length < run) {
      const missing = years.filter((y) => !held.includes(y)).join(', ');
      reasons.push({
        vi: `Chưa đủ ${run} năm liên tục "Chiến sĩ thi đua cơ sở" (${years[0]}–${year}); thiếu năm ${missing}`,
        en: `Not ${run} consecutive years as Grassroots Emulation Fighter (${years[0]}–${year}); missing ${missing}`,
      });
    }
    const initiative = (p.initiatives ?? []).find(
      (i) => years.includes(i.year) && sectorLevels.has(matchKey(i.level)),
    );
    if (!initiative)
      reasons.push({
        vi: `Không có sáng kiến cấp Ngành được công nhận trong ${years[0]}–${year}`,
        en: `No sector-level initiative recognised in ${years[0]}–${year}`,
      });
    const verdict = judgeVote(ctx, 'sectorEmulationSoldier', sectorVote, p.name);
    if (!verdict.passes) reasons.push(verdict.line);
    const pending = pendingReason(ctx, p);
    if (pending) reasons.push(pending);
    if (reasons.length) {
      block('sectorEmulationSoldier', c, reasons);
      continue;
    }
    nominate('sectorEmulationSoldier', c, [
      {
        vi: `"Chiến sĩ thi đua cơ sở" ${run} năm liên tục (${years[0]}–${year})`,
        en: `Grassroots Emulation Fighter ${run} years running (${years[0]}–${year})`,
      },
      ...historyBasis(ctx, c.index, 'baseEmulationSoldier', years, thisYearProposed),
      {
        vi: `Sáng kiến cấp Ngành năm ${initiative!.year}`,
        en: `Sector-level initiative in ${initiative!.year}`,
      },
      verdict.line,
    ]);
  }

  // Kỷ niệm chương "Vì sự nghiệp Kiểm sát": continuous service, once per person.
  const serviceYears = book.num('procuracyMedal', 'serviceYears');
  const cutoff = parseISO(`${year}-${book.str('procuracyMedal', 'serviceCountedTo')}`);
  const medalRating = levelIndex(levels, book.str('procuracyMedal', 'minRating'));
  for (const c of cases) {
    const p = c.person;
    const startText = p.serviceStart ?? p.recruited;
    if (!startText) continue;
    const start = parseDate(
      ctx,
      startText,
      `people[${c.index}].${p.serviceStart ? 'serviceStart' : 'recruited'}`,
      p.name,
    );
    if (!start || start > cutoff) continue;
    const served = differenceInYears(cutoff, start);
    if (served < serviceYears) continue;
    const reasons: Bilingual[] = [];
    const title =
      (p.titles ?? []).find((t) => isAward(t.title, 'procuracyMedal')) ??
      earlierAward(ctx, c.index, 'procuracyMedal');
    const record = ctx.records.find(
      (r) =>
        r.kind === 'individual' &&
        r.recipient !== undefined &&
        matchKey(r.recipient) === matchKey(p.name) &&
        isAward(r.form, 'procuracyMedal'),
    );
    if (title || record) {
      const when = title ? ` (${title.year})` : record?.year ? ` (${record.year})` : '';
      reasons.push({
        vi: `Đã được tặng${when}; chỉ tặng một lần`,
        en: `Already awarded${when}; given once only`,
      });
    }
    const short = c.rating === undefined ? undefined : ratingShortfall(levels, c.rating, medalRating);
    if (short) reasons.push(short);
    const pending = pendingReason(ctx, p);
    if (pending) reasons.push(pending);
    if (reasons.length) {
      block('procuracyMedal', c, reasons);
      continue;
    }
    nominate('procuracyMedal', c, [
      {
        vi: `Công tác liên tục từ ${dmy(start)}: ${served} năm đến ${dmy(cutoff)} (từ đủ ${serviceYears} năm)`,
        en: `Continuous service since ${dmy(start)}: ${served} years to ${dmy(cutoff)} (at least ${serviceYears})`,
      },
      { vi: 'Chưa được tặng', en: 'Not awarded before' },
    ]);
  }
}
