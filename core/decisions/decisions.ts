/**
 * Decisions (quyết định khen thưởng): the awards actually given for a year, each with its decision number,
 * date and issuing authority. Optional document field `decisions` (README, docs/years.md):
 * `[{ form, recipient, kind?, unit?, number?, date?, authority?, year?, source? }]`. A row without a number is
 * a proposal still waiting for its decision: shown as such, never counted as an award.
 */
import type { ClusterDocument } from '../model/types';
import { type Bilingual, type Issue, makeIssue } from '../issues/issue';
import { isIsoDate } from '../registry/units';
import { matchKey } from '../text/key';

export interface Decision {
  /** The emulation year the award is for (default: the document's year). */
  year: number;
  form: string;
  recipient: string;
  kind: 'individual' | 'collective';
  /** The recipient's unit (a collective: itself unless written). */
  unit?: string;
  /** Số quyết định, e.g. "45/QĐ-VKSTC". */
  number?: string;
  /** Ngày quyết định, YYYY-MM-DD. */
  date?: string;
  /** Cơ quan (người) quyết định. */
  authority?: string;
  /** The file a carried decision was first recorded in. */
  source?: string;
  /** Position in the document's `decisions`. */
  index: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A decision exists once its number is written; the date and authority complete it. */
export const isDecided = (d: Pick<Decision, 'number'>): boolean => d.number !== undefined;

function bad(issues: Issue[], path: string, text: Bilingual, severity: 'error' | 'warning' = 'error') {
  issues.push(makeIssue(severity, 'decision.invalid', text, { path }));
}

export function readDecisions(doc: ClusterDocument, issues: Issue[]): Decision[] {
  const raw = doc.decisions;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    bad(issues, 'decisions', {
      vi: '"decisions" (quyết định khen thưởng) phải là một danh sách.',
      en: '"decisions" must be a list.',
    });
    return [];
  }
  const members = new Set(doc.units.map((u) => matchKey(u.name)));
  const out: Decision[] = [];
  raw.forEach((item, index) => {
    const path = `decisions[${index}]`;
    const form = isObj(item) ? str(item.form) : undefined;
    const recipient = isObj(item) ? str(item.recipient) : undefined;
    if (!isObj(item) || !form || !recipient) {
      bad(issues, path, {
        vi: `${path}: cần { "form": hình thức, "recipient": người hoặc tập thể được khen, … }; bỏ qua.`,
        en: `${path}: expected { "form", "recipient", … }; skipped.`,
      });
      return;
    }
    const kind =
      item.kind === 'individual' || item.kind === 'collective'
        ? item.kind
        : members.has(matchKey(recipient))
          ? 'collective'
          : 'individual';
    const year = item.year === undefined ? doc.year : item.year;
    if (typeof year !== 'number' || !Number.isInteger(year)) {
      bad(issues, `${path}.year`, {
        vi: `${path}: năm "${String(item.year)}" không phải số năm; bỏ qua.`,
        en: `${path}: year "${String(item.year)}" is not a year; skipped.`,
      });
      return;
    }
    const d: Decision = { year, form, recipient, kind, index };
    const unit = str(item.unit) ?? (kind === 'collective' ? recipient : undefined);
    if (unit) d.unit = unit;
    const number = str(item.number);
    if (number) d.number = number;
    const date = str(item.date);
    if (date && isIsoDate(date)) d.date = date;
    else if (date)
      bad(issues, `${path}.date`, {
        vi: `${path}: ngày quyết định "${date}" không đúng dạng YYYY-MM-DD.`,
        en: `${path}: decision date "${date}" is not YYYY-MM-DD.`,
      });
    const authority = str(item.authority);
    if (authority) d.authority = authority;
    const source = str(item.source);
    if (source) d.source = source;
    if (number && (!d.date || !authority))
      bad(
        issues,
        path,
        {
          vi: `Quyết định số ${number} (${form}, ${recipient}) thiếu ${!d.date ? 'ngày' : 'cơ quan quyết định'}.`,
          en: `Decision ${number} (${form}, ${recipient}) lacks its ${!d.date ? 'date' : 'authority'}.`,
        },
        'warning',
      );
    out.push(d);
  });
  return out;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** "QĐ số 45/QĐ-VKSTC ngày 15/01/2022 của Viện trưởng VKSND tối cao", or "đề nghị, chưa có quyết định". */
export function decisionText(d: Pick<Decision, 'number' | 'date' | 'authority'>): Bilingual {
  if (!isDecided(d)) return { vi: 'đề nghị, chưa có quyết định', en: 'proposed, no decision yet' };
  const date = d.date ? { vi: ` ngày ${dmy(d.date)}`, en: ` of ${dmy(d.date)}` } : { vi: '', en: '' };
  const by = d.authority ? { vi: ` của ${d.authority}`, en: ` by ${d.authority}` } : { vi: '', en: '' };
  return {
    vi: `QĐ số ${d.number}${date.vi}${by.vi}`,
    en: `Decision ${d.number}${date.en}${by.en}`,
  };
}

/** The identity of one award for de-duplication: a decision seen in two files is one award. */
export const decisionKey = (d: Pick<Decision, 'year' | 'form' | 'recipient' | 'unit'>): string =>
  `${d.year}|${matchKey(d.form)}|${matchKey(d.recipient)}|${matchKey(d.unit ?? '')}`;
