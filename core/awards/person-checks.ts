/**
 * Two checks on a person before any award: a discipline procedure, investigation or inspection in progress
 * (`people[].pending`; Nghị định 98/2023, Điều 4, khoản 4), and the leave taken in the year
 * (`people[].leave`; TT 01/2019: 40 working days, TT 02/2024: 03 months; maternity leave counts as work).
 */
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  differenceInMonths,
  isValid,
  max,
  min,
  parseISO,
} from 'date-fns';
import type { Person } from '../model/types';
import { type Bilingual, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';
import { formatCitations } from './citation';
import type { AwardContext } from './draft';

const PENDING: Record<string, Bilingual> = {
  discipline: { vi: 'đang bị xem xét kỷ luật', en: 'a discipline procedure is pending' },
  investigation: { vi: 'đang bị điều tra', en: 'under investigation' },
  inspection: { vi: 'đang bị thanh tra, kiểm tra', en: 'under inspection' },
};

/** Why the person cannot be proposed while a procedure is pending, or undefined. */
export function pendingReason(ctx: AwardContext, p: Person): Bilingual | undefined {
  const pending = Array.isArray(p.pending) ? p.pending : [];
  if (pending.length === 0 || !ctx.book.bool('principles', 'pendingBlocks')) return undefined;
  const what = pending.map((x) => PENDING[x.kind] ?? { vi: x.kind, en: x.kind });
  const note = pending.map((x) => x.note).filter(Boolean);
  const c = formatCitations(
    ctx.book.ruleSet.principles.params.pendingBlocks?.cites
      ? [ctx.book.ruleSet.principles.params.pendingBlocks.cites]
      : ctx.book.ruleSet.principles.basis,
  );
  const tail = note.length ? ` (${note.join('; ')})` : '';
  return {
    vi: `Chưa xét khen thưởng: ${what.map((w) => w.vi).join(', ')}${tail} (${c.vi})`,
    en: `Not considered: ${what.map((w) => w.en).join(', ')}${tail} (${c.en})`,
  };
}

const MATERNITY = new Set(['maternity', 'thai san', 'nghi thai san']);

/** Monday to Friday between two dates, both included. */
function workingDays(from: Date, to: Date): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = d.getDay();
    if (day !== 0 && day !== 6) n++;
  }
  return n;
}

export interface LeaveVerdict {
  blocks: boolean;
  line: Bilingual;
}

/** The leave counted in the year against the rule set's limit; undefined when the person has none. */
export function leaveReason(
  ctx: AwardContext,
  p: Person,
  index: number,
  year: number,
): LeaveVerdict | undefined {
  const leave = Array.isArray(p.leave) ? p.leave : [];
  if (leave.length === 0) return undefined;
  const { book } = ctx;
  const limit = book.numOrNull('advancedWorker', 'leaveBlocksFrom');
  const unit = book.str('advancedWorker', 'leaveUnit');
  const yearStart = parseISO(`${year}-01-01`);
  const yearEnd = parseISO(`${year}-12-31`);
  let days = 0;
  let months = 0;
  let rest = 0;
  let maternity = 0;
  leave.forEach((l, i) => {
    const from = parseISO(l.from);
    const to = parseISO(l.to);
    if (!isValid(from) || !isValid(to) || to < from) {
      ctx.issues.push(
        makeIssue(
          'error',
          'person.leave.invalid',
          {
            vi: `${p.name}: kỳ nghỉ "${l.from}" – "${l.to}" không hợp lệ (cần hai ngày YYYY-MM-DD, ngày cuối không trước ngày đầu).`,
            en: `${p.name}: leave "${l.from}" – "${l.to}" is not valid (two YYYY-MM-DD dates, the end not before the start).`,
          },
          { person: p.name, path: `people[${index}].leave[${i}]` },
        ),
      );
      return;
    }
    const a = max([from, yearStart]);
    const b = min([to, yearEnd]);
    if (b < a) return;
    if (l.kind !== undefined && MATERNITY.has(matchKey(l.kind))) {
      maternity += differenceInCalendarDays(b, a) + 1;
      return;
    }
    days += workingDays(a, b);
    // Whole calendar months of the period, then its odd days (added up over periods at 30 a month).
    const end = addDays(b, 1);
    const whole = differenceInMonths(end, a);
    months += whole;
    rest += differenceInCalendarDays(end, addMonths(a, whole));
  });
  const totalMonths = months + Math.floor(rest / 30);
  const counted =
    unit === 'months'
      ? { n: totalMonths, vi: `${totalMonths} tháng`, en: `${totalMonths} months` }
      : { n: days, vi: `${days} ngày làm việc`, en: `${days} working days` };
  const limitText =
    unit === 'months'
      ? { vi: `${limit} tháng`, en: `${limit} months` }
      : { vi: `${limit} ngày làm việc`, en: `${limit} working days` };
  const mat =
    maternity > 0
      ? {
          vi: `; nghỉ thai sản ${maternity} ngày tính là thời gian làm việc`,
          en: `; ${maternity} days of maternity leave count as work`,
        }
      : { vi: '', en: '' };
  if (limit === null)
    return {
      blocks: false,
      line: {
        vi: `Nghỉ ${counted.vi} trong năm${mat.vi}`,
        en: `${counted.en} of leave in the year${mat.en}`,
      },
    };
  const blocks = counted.n >= limit;
  return {
    blocks,
    line: blocks
      ? {
          vi: `Nghỉ ${counted.vi} trong năm ${year}, từ ${limitText.vi} trở lên${mat.vi}`,
          en: `${counted.en} of leave in ${year}, ${limitText.en} or more${mat.en}`,
        }
      : {
          vi: `Nghỉ ${counted.vi} trong năm ${year}, dưới ${limitText.vi}${mat.vi}`,
          en: `${counted.en} of leave in ${year}, under ${limitText.en}${mat.en}`,
        },
  };
}
