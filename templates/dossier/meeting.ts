/**
 * The year-end evaluation meeting (họp bình xét), read from the document's optional `meeting` field:
 * when and where, who chaired and who took the minutes, the members present and absent (with their written
 * opinions). Everything absent stays absent: the minutes print a marked gap, never a guess.
 */
import type { ClusterDocument } from '../../core';

export interface MeetingMember {
  unit: string;
  /** Who attended for the unit, as the office writes it. */
  delegate?: string;
  /** An absent member's written opinion (ý kiến bằng văn bản), as received. */
  opinion?: string;
}

export interface Meeting {
  date?: string;
  place?: string;
  chair?: string;
  secretary?: string;
  present?: MeetingMember[];
  absent?: MeetingMember[];
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

function members(v: unknown): MeetingMember[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: MeetingMember[] = [];
  for (const item of v) {
    const unit = typeof item === 'string' ? str(item) : str((item as { unit?: unknown })?.unit);
    if (!unit) continue;
    const m: MeetingMember = { unit };
    const delegate = str((item as { delegate?: unknown })?.delegate);
    const opinion = str((item as { opinion?: unknown })?.opinion);
    if (delegate) m.delegate = delegate;
    if (opinion) m.opinion = opinion;
    out.push(m);
  }
  return out;
}

export function readMeeting(doc: ClusterDocument): Meeting {
  const raw = doc.meeting;
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const m: Meeting = {};
  for (const key of ['date', 'place', 'chair', 'secretary'] as const) {
    const v = str(r[key]);
    if (v) m[key] = v;
  }
  const present = members(r.present);
  const absent = members(r.absent);
  if (present) m.present = present;
  if (absent) m.absent = absent;
  return m;
}
