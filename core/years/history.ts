/**
 * A cluster's yearly files read as one history (issue 13): a person's or a unit's titles, awards and decisions
 * by year, with the unit's rank and score each year; across renamed and merged units (lines.ts) and spellings
 * of a person's name (people.ts). Pure: the files come in already read, each with the name it is shown by.
 */
import { isAward } from '../awards/draft';
import type { AwardHistoryEntry, AwardHistoryInput } from '../awards/history';
import type { AwardRuleId } from '../awards/rulesets/types';
import { readAwardRecords } from '../awards/extensions';
import type { ClusterDocument, ResultDocument } from '../model/types';
import { type Bilingual, type Issue, makeIssue } from '../issues/issue';
import { matchKey } from '../text/key';
import { type Decision, decisionKey, decisionText, isDecided, readDecisions } from '../decisions/decisions';
import { lineKey } from './lines';
import { comparePeople, NAME_THRESHOLD, nameConfidence, type PersonSighting, sightingOf } from './people';

export type { AwardHistoryEntry, AwardHistoryInput };

export const HISTORY_FORMAT = 'thidua/history@1';

export interface YearFile {
  doc: ClusterDocument;
  /** How the file is named in the output (its file name). */
  source: string;
  result?: ResultDocument;
}

interface Sighting extends PersonSighting {
  file: number;
  /** Index in that file's people. */
  index: number;
}

/** A person as one identity over the files: the sightings that compare as the same person. */
export interface Identity {
  sightings: Sighting[];
  /** The lowest confidence of a sighting joined to the identity, and why it was joined. */
  confidence: number;
  reasons: Bilingual[];
}

function sightings(files: readonly YearFile[]): Sighting[] {
  return files.flatMap((f, file) =>
    (f.doc.people ?? []).map((p, index) => ({ ...sightingOf(p, f.doc.year), file, index })),
  );
}

/**
 * Groups every person of every file into identities, earliest year first. Two rows of one file are never one
 * person; a row joins the identity it compares best with, and only when the comparison says "same".
 */
export function identifyPeople(files: readonly YearFile[]): Identity[] {
  const order = sightings(files).sort((a, b) => a.year - b.year || a.file - b.file || a.index - b.index);
  const out: Identity[] = [];
  for (const s of order) {
    let best: { id: Identity; confidence: number; reason: Bilingual } | undefined;
    for (const id of out) {
      if (id.sightings.some((x) => x.file === s.file)) continue;
      const last = id.sightings[id.sightings.length - 1]!;
      const c = comparePeople(last, s);
      if (c.same && (!best || c.confidence > best.confidence))
        best = { id, confidence: c.confidence, reason: c.reason };
    }
    if (best) {
      best.id.sightings.push(s);
      best.id.confidence = Math.min(best.id.confidence, best.confidence);
      if (best.confidence < 1) best.id.reasons.push(best.reason);
    } else out.push({ sightings: [s], confidence: 1, reasons: [] });
  }
  return out;
}

export interface DecisionSeen extends Decision {
  /** Every file the decision was found in. */
  sources: string[];
}

/** Every decision of every file, one per award (decisionKey): a decision carried forward is seen once. */
export function allDecisions(files: readonly YearFile[], issues: Issue[]): DecisionSeen[] {
  const byKey = new Map<string, DecisionSeen>();
  for (const f of files)
    for (const d of readDecisions(f.doc, issues)) {
      const key = `${decisionKey(d)}|${d.number ?? ''}`;
      const seen = byKey.get(key);
      const from = d.source ?? f.source;
      if (seen) {
        if (!seen.sources.includes(from)) seen.sources.push(from);
      } else byKey.set(key, { ...d, sources: [from] });
    }
  // A decided row makes the same award's undecided rows (the proposal) redundant.
  const decided = new Set([...byKey.values()].filter(isDecided).map(decisionKey));
  return [...byKey.values()].filter((d) => isDecided(d) || !decided.has(decisionKey(d)));
}

/** Whether a decision's recipient is this identity: the name, and the unit's line of the year. */
function decisionFits(d: Decision, id: Identity): number {
  const s = id.sightings.find((x) => x.year === d.year) ?? id.sightings[id.sightings.length - 1]!;
  const conf = Math.max(...id.sightings.map((x) => nameConfidence(x.name, d.recipient)));
  if (conf < NAME_THRESHOLD) return 0;
  if (d.unit && lineKey(d.unit, d.year) !== lineKey(s.unit, s.year)) return 0;
  return conf;
}

/** The identity each individual decision belongs to; a decision two identities fit equally is reported, not given. */
function assignDecisions(decisions: readonly DecisionSeen[], ids: readonly Identity[], issues: Issue[]) {
  const out = new Map<Identity, DecisionSeen[]>();
  for (const d of decisions) {
    if (d.kind !== 'individual') continue;
    const fits = ids.map((id) => ({ id, c: decisionFits(d, id) })).filter((x) => x.c > 0);
    if (fits.length === 0) continue;
    const top = Math.max(...fits.map((x) => x.c));
    const best = fits.filter((x) => x.c === top);
    if (best.length > 1) {
      issues.push(
        makeIssue(
          'warning',
          'history.decision.ambiguous',
          {
            vi: `${decisionText(d).vi} (${d.form}, ${d.recipient}, năm ${d.year}): có ${best.length} người cùng tên${d.unit ? ` ở ${d.unit}` : ''}; không gán cho ai. Ghi đơn vị hoặc ngày sinh để phân biệt.`,
            en: `${decisionText(d).en} (${d.form}, ${d.recipient}, ${d.year}): ${best.length} people share that name; given to none. Add the unit or date of birth.`,
          },
          { person: d.recipient },
        ),
      );
      continue;
    }
    const id = best[0]!.id;
    out.set(id, [...(out.get(id) ?? []), d]);
  }
  return out;
}

export interface HistoryItem {
  form: string;
  /** "decided", "proposed" (a decision row without number), "typed" (in a people list only). */
  status: 'decided' | 'proposed' | 'typed';
  decision?: { number?: string; date?: string; authority?: string; text: string };
  sources: string[];
}

export interface HistoryYear {
  year: number;
  /** The unit as written that year. */
  unit: string;
  source?: string;
  rank?: number;
  of?: number;
  total?: number;
  percent?: number;
  tier?: string;
  items: HistoryItem[];
}

export interface PersonHistory {
  names: string[];
  units: string[];
  confidence: number;
  matchedBy: string[];
  years: HistoryYear[];
}

export interface UnitHistory {
  unit: string;
  /** Names the line had over the files, when more than one. */
  names: string[];
  years: HistoryYear[];
}

export interface HistoryReport {
  format: typeof HISTORY_FORMAT;
  query: { person?: string; unit?: string };
  files: { source: string; year: number; cluster: string }[];
  people: PersonHistory[];
  units: UnitHistory[];
  issues: Issue[];
}

function unitRow(f: YearFile | undefined, unit: string, year: number): HistoryYear {
  const row: HistoryYear = { year, unit, items: [] };
  if (!f) return row;
  row.source = f.source;
  const r = f.result?.units.find((u) => matchKey(u.unit) === matchKey(unit));
  if (r && f.result) {
    row.rank = r.rank;
    row.of = f.result.units.length;
    row.total = (f.result.stage === 'verified' ? r.verified?.total : r.self?.total) ?? 0;
    row.percent = r.percent;
    row.tier = r.tier;
  }
  return row;
}

const itemOf = (d: DecisionSeen, lang: 'vi' | 'en'): HistoryItem => {
  const item: HistoryItem = {
    form: d.form,
    status: isDecided(d) ? 'decided' : 'proposed',
    sources: d.sources,
  };
  if (isDecided(d)) {
    const decision: NonNullable<HistoryItem['decision']> = { text: decisionText(d)[lang] };
    if (d.number) decision.number = d.number;
    if (d.date) decision.date = d.date;
    if (d.authority) decision.authority = d.authority;
    item.decision = decision;
  }
  return item;
};

const INDIVIDUAL_RULES: readonly AwardRuleId[] = [
  'advancedWorker',
  'baseEmulationSoldier',
  'sectorEmulationSoldier',
  'procuracyMedal',
];
const sameForm = (a: string, b: string) =>
  matchKey(a) === matchKey(b) || INDIVIDUAL_RULES.some((id) => isAward(a, id) && isAward(b, id));

function personYears(
  files: readonly YearFile[],
  id: Identity,
  decisions: readonly DecisionSeen[],
  lang: 'vi' | 'en',
) {
  const byYear = new Map<number, HistoryYear>();
  const yearRow = (year: number): HistoryYear => {
    let row = byYear.get(year);
    if (!row) {
      const s = id.sightings.find((x) => x.year === year);
      const fi = s ? s.file : files.findIndex((f) => f.doc.year === year);
      const unit = s?.unit ?? id.sightings[id.sightings.length - 1]!.unit;
      row = unitRow(s ? files[s.file] : undefined, unit, year);
      if (!s && fi >= 0) row.source = files[fi]!.source;
      byYear.set(year, row);
    }
    return row;
  };
  for (const s of id.sightings) yearRow(s.year);
  for (const d of decisions) yearRow(d.year).items.push(itemOf(d, lang));
  for (const s of id.sightings) {
    const p = files[s.file]!.doc.people![s.index]!;
    for (const t of p.titles ?? []) {
      const row = yearRow(t.year);
      const same = row.items.find((i) => sameForm(i.form, t.title));
      if (same) {
        if (same.status === 'typed' && !same.sources.includes(files[s.file]!.source))
          same.sources.push(files[s.file]!.source);
        continue;
      }
      row.items.push({ form: t.title, status: 'typed', sources: [files[s.file]!.source] });
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function personHistory(
  files: readonly YearFile[],
  query: string,
  lang: 'vi' | 'en' = 'vi',
): HistoryReport {
  const issues: Issue[] = [];
  const ids = identifyPeople(files);
  const decisions = allDecisions(files, issues);
  const assigned = assignDecisions(decisions, ids, issues);
  const wanted = ids.filter((id) =>
    id.sightings.some((s) => nameConfidence(s.name, query) >= NAME_THRESHOLD),
  );
  const people = wanted.map(
    (id): PersonHistory => ({
      names: [...new Set(id.sightings.map((s) => s.name))],
      units: [...new Set(id.sightings.map((s) => s.unit))],
      confidence: Math.min(id.confidence, ...id.sightings.map((s) => nameConfidence(s.name, query))),
      matchedBy: id.reasons.map((r) => r[lang]),
      years: personYears(files, id, assigned.get(id) ?? [], lang),
    }),
  );
  if (people.length > 1)
    issues.push(
      makeIssue('info', 'history.person.several', {
        vi: `Có ${people.length} người mang tên "${query}" (khác đơn vị hoặc ngày sinh, ngày vào ngành): mỗi người một lịch sử, không gộp.`,
        en: `${people.length} people are named "${query}" (other unit, date of birth or service start): one history each, not merged.`,
      }),
    );
  if (people.length === 0)
    issues.push(
      makeIssue('warning', 'history.person.none', {
        vi: `Không thấy "${query}" trong danh sách cá nhân của các tệp.`,
        en: `"${query}" is in no file's people list.`,
      }),
    );
  return {
    format: HISTORY_FORMAT,
    query: { person: query },
    files: fileList(files),
    people,
    units: [],
    issues,
  };
}

const fileList = (files: readonly YearFile[]) =>
  files.map((f) => ({ source: f.source, year: f.doc.year, cluster: f.doc.cluster.name }));

export function unitHistory(
  files: readonly YearFile[],
  query: string,
  lang: 'vi' | 'en' = 'vi',
): HistoryReport {
  const issues: Issue[] = [];
  const latest = Math.max(...files.map((f) => f.doc.year));
  const line = lineKey(query, latest);
  const decisions = allDecisions(files, issues).filter(
    (d) => d.kind === 'collective' && lineKey(d.unit ?? d.recipient, d.year) === line,
  );
  const years: HistoryYear[] = [];
  const names: string[] = [];
  for (const f of [...files].sort((a, b) => a.doc.year - b.doc.year)) {
    const members = f.doc.units.filter((u) => lineKey(u.name, f.doc.year) === line);
    for (const m of members) {
      if (!names.includes(m.name)) names.push(m.name);
      const row = unitRow(f, m.name, f.doc.year);
      for (const d of decisions)
        if (
          d.year === f.doc.year &&
          lineKey(d.unit ?? d.recipient, d.year) === lineKey(m.name, f.doc.year) &&
          matchKey(d.unit ?? d.recipient) === matchKey(m.name)
        )
          row.items.push(itemOf(d, lang));
      for (const a of readAwardRecords(f.doc, issues))
        if (
          a.kind === 'collective' &&
          matchKey(a.unit ?? a.recipient ?? '') === matchKey(m.name) &&
          (a.recipient === undefined || matchKey(a.recipient) === matchKey(m.name))
        )
          row.items.push({
            form: a.count && a.count > 1 ? `${a.form} (${a.count})` : a.form,
            status: 'typed',
            sources: [f.source],
          });
      years.push(row);
    }
  }
  if (years.length === 0)
    issues.push(
      makeIssue('warning', 'history.unit.none', {
        vi: `"${query}" không là thành viên trong tệp nào (kể cả theo đơn vị trước sáp nhập).`,
        en: `"${query}" is a member in no file (nor by its units before a merger).`,
      }),
    );
  return {
    format: HISTORY_FORMAT,
    query: { unit: query },
    files: fileList(files),
    people: [],
    units: years.length ? [{ unit: query, names, years }] : [],
    issues,
  };
}

/* ---------- earlier years for nominate (core/awards/history.ts) ---------- */

const ruleOf = (form: string) => INDIVIDUAL_RULES.find((id) => isAward(form, id));

/**
 * Each person of `current` with their titles over the years: decided ones from every file's decisions (the
 * current one's too), typed ones from the people lists. A typed title of a year whose decisions are recorded
 * (some file holds decided awards of that year) but that no decision bears out is a conflict: reported and not
 * counted. Earlier files missing between the first and the current year are reported as a gap.
 */
export function buildAwardHistory(
  current: YearFile,
  earlier: readonly YearFile[],
): {
  history: AwardHistoryInput;
  serviceStarts: Map<number, { date: string; source: string }>;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const serviceStarts = new Map<number, { date: string; source: string }>();
  const files = [current, ...earlier];
  const ids = identifyPeople(files);
  const decisions = allDecisions(files, issues);
  const assigned = assignDecisions(decisions, ids, issues);
  const recorded = new Set(decisions.filter(isDecided).map((d) => d.year));
  const history = new Map<number, AwardHistoryEntry[]>();
  for (const id of ids) {
    const me = id.sightings.find((s) => s.file === 0);
    if (!me) continue;
    const entries: AwardHistoryEntry[] = [];
    for (const d of assigned.get(id) ?? []) {
      if (!isDecided(d) || d.year > current.doc.year) continue;
      entries.push({ year: d.year, title: d.form, decision: decisionText(d), source: d.sources[0]! });
    }
    for (const s of id.sightings) {
      const f = files[s.file]!;
      for (const t of f.doc.people![s.index]!.titles ?? []) {
        if (entries.some((e) => e.year === t.year && sameForm(e.title, t.title))) continue;
        const entry: AwardHistoryEntry = { year: t.year, title: t.title, source: f.source };
        const rule = ruleOf(t.title);
        if (rule && recorded.has(t.year)) {
          entry.conflict = {
            vi: `${s.name}: danh hiệu "${t.title}" năm ${t.year} ghi trong danh sách cá nhân (${f.source}) nhưng không có quyết định nào của năm ${t.year} trong các tệp; không tính. Hãy ghi quyết định vào sheet "Quyết định" hoặc sửa danh sách.`,
            en: `${s.name}: "${t.title}" ${t.year} is typed in the people list (${f.source}) but no decision of ${t.year} in the files bears it out; not counted. Record the decision on the "Quyết định" sheet or correct the list.`,
          };
          issues.push(makeIssue('warning', 'history.title.undecided', entry.conflict, { person: s.name }));
        }
        entries.push(entry);
      }
    }
    history.set(
      me.index,
      entries.sort((a, b) => a.year - b.year),
    );
    // The medal counts continuous years from the service start: an earlier file may hold it.
    if (!files[0]!.doc.people![me.index]!.serviceStart) {
      const found = id.sightings.find((x) => x.file !== 0 && x.serviceStart);
      if (found)
        serviceStarts.set(me.index, { date: found.serviceStart!, source: files[found.file]!.source });
    }
  }
  if (earlier.length === 0) return { history, serviceStarts, issues };
  const years = new Set(files.map((f) => f.doc.year));
  const first = Math.min(...years);
  for (let y = first + 1; y < current.doc.year; y++)
    if (!years.has(y))
      issues.push(
        makeIssue('warning', 'history.year.gap', {
          vi: `Không có tệp năm ${y} trong các tệp lịch sử (${first}–${current.doc.year}): danh hiệu năm đó chỉ lấy từ danh sách đã ghi.`,
          en: `No file for ${y} among the history files (${first}–${current.doc.year}): that year's titles come from the typed lists only.`,
        }),
      );
  return { history, serviceStarts, issues };
}

/** The document with the service starts only earlier files hold filled in, each said (info) with its file. */
export function withHistoryDates(
  doc: ClusterDocument,
  serviceStarts: ReadonlyMap<number, { date: string; source: string }>,
  issues: Issue[],
): ClusterDocument {
  if (serviceStarts.size === 0 || !doc.people) return doc;
  const people = doc.people.map((p, i) => {
    const found = serviceStarts.get(i);
    if (!found) return p;
    issues.push(
      makeIssue(
        'info',
        'history.serviceStart.earlier',
        {
          vi: `${p.name}: ngày vào ngành ${found.date} lấy từ ${found.source} (danh sách năm nay không ghi).`,
          en: `${p.name}: service start ${found.date} taken from ${found.source} (this year's list lacks it).`,
        },
        { person: p.name, path: `people[${i}].serviceStart` },
      ),
    );
    return { ...p, serviceStart: found.date };
  });
  return { ...doc, people };
}
