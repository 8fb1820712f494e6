/**
 * Next year's cluster document from this year's (issue 13): members mapped to their successors when the year
 * crosses a reorganisation (2025-07-01), with the lineage and a membership question where two members become
 * one; leader and deputy from the rotation or the recorded election; the same criteria (or a new table) and
 * indicators; people with this year's decided titles and awards appended to their history; this year's
 * decisions carried (the basis of later years); this year's results kept as `previousYear` for the year-over-
 * year sheet. What belongs to this year only (scores, votes, indicator results…) stays in this year's file and
 * is listed; nothing else is dropped silently.
 */
import { isAward } from '../awards/draft';
import type { AwardNomination } from '../awards/nominate';
import { proposeRotation, type RotationProposal } from '../cluster/rotation';
import type { ClusterDocument, Criterion, Person, ResultDocument } from '../model/types';
import { KNOWN_FIELDS } from '../model/fields';
import { type Bilingual, type Issue, makeIssue } from '../issues/issue';
import { attributeToSuccessor, lineageOf } from '../registry/lineage';
import { matchKey } from '../text/key';
import { type Decision, decisionText, isDecided, readDecisions } from '../decisions/decisions';
import { lineKey } from './lines';
import { NAME_THRESHOLD, nameConfidence } from './people';
import type { PreviousYear } from './compare';

export interface MemberLine {
  /** This year's name. */
  from: string;
  /** Next year's name (the successor's after a merger). */
  to: string;
  /** The unit changed (renamed or merged into another), and from when. */
  changed: boolean;
  since?: string;
}

export interface NextYearOptions {
  year?: number;
  result?: ResultDocument;
  /** This year's proposals: those not followed by a decision are listed. */
  nominations?: readonly AwardNomination[];
  /** A new criteria table; default: this year's. */
  criteria?: Criterion[];
  /** This year's file name, written as the source of carried decisions. */
  source?: string;
}

export interface NextYear {
  doc: ClusterDocument;
  members: MemberLine[];
  /** Members that become one unit: the cluster's membership must be decided again. */
  merged: { into: string; from: string[]; since: string }[];
  leadership: RotationProposal;
  carried: Bilingual[];
  notCarried: Bilingual[];
  issues: Issue[];
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

const sameForm = (a: string, b: string) =>
  matchKey(a) === matchKey(b) ||
  (['advancedWorker', 'baseEmulationSoldier', 'sectorEmulationSoldier', 'procuracyMedal'] as const).some(
    (id) => isAward(a, id) && isAward(b, id),
  );

export function nextYearDocument(doc: ClusterDocument, options: NextYearOptions = {}): NextYear {
  const issues: Issue[] = [];
  const carried: Bilingual[] = [];
  const notCarried: Bilingual[] = [];
  const year = options.year ?? doc.year + 1;
  const date = `${year}-12-31`;
  const kept = (what: Bilingual) =>
    notCarried.push({
      vi: `${what.vi}: của năm ${doc.year}, vẫn nằm trong tệp năm ${doc.year}`,
      en: `${what.en}: belong to ${doc.year} and stay in its file`,
    });

  // Members and their lines.
  const members: MemberLine[] = doc.units.map((u) => {
    const a = attributeToSuccessor(u.name, doc.year, date);
    if (!a) return { from: u.name, to: u.name, changed: false };
    const changed = a.to.code !== a.from.code || a.to.validFrom !== a.from.validFrom;
    const line: MemberLine = { from: u.name, to: a.to.name, changed };
    if (changed) line.since = a.to.validFrom;
    return line;
  });
  const toName = new Map(members.map((m) => [matchKey(m.from), m.to]));
  const mapUnit = (name: string) =>
    toName.get(matchKey(name)) ?? attributeToSuccessor(name, doc.year, date)?.to.name ?? name;
  const units: ClusterDocument['units'] = [];
  const merged: NextYear['merged'] = [];
  for (const m of members) {
    const same = members.filter((x) => matchKey(x.to) === matchKey(m.to));
    if (units.some((u) => matchKey(u.name) === matchKey(m.to))) continue;
    const entry: ClusterDocument['units'][number] = { name: m.to };
    const code = attributeToSuccessor(m.from, doc.year, date)?.to.code;
    if (code) entry.province = code;
    units.push(entry);
    if (same.length > 1) merged.push({ into: m.to, from: same.map((x) => x.from), since: m.since ?? date });
  }
  for (const g of merged)
    issues.push(
      makeIssue(
        'warning',
        'years.membership.merged',
        {
          vi: `Từ ${dmy(g.since)}, ${g.from.join(' và ')} hợp nhất thành ${g.into}: ${doc.cluster.name} năm ${year} còn ${units.length} đơn vị. Cần quyết định mới về thành viên Cụm thi đua; ghi đơn vị thành viên theo quyết định đó vào sheet "Đơn vị" trước khi chấm điểm.`,
          en: `From ${dmy(g.since)}, ${g.from.join(' and ')} become ${g.into}: ${doc.cluster.name} has ${units.length} members in ${year}. The cluster's membership must be decided again; enter the members that decision names on the "Đơn vị" sheet before scoring.`,
        },
        { unit: g.into, path: 'units' },
      ),
    );
  // Units the successor also took in from outside the cluster (Phú Yên → Đắk Lắk).
  const memberCodes = new Set(
    doc.units.map((m) => attributeToSuccessor(m.name, doc.year, `${doc.year}-12-31`)?.from.code),
  );
  for (const u of units) {
    const lin = lineageOf(u.name, date);
    if (!lin) continue;
    const thisYear = `${doc.year}-12-31`;
    const others = lin.predecessors.filter(
      (p) => p.validFrom <= thisYear && (p.validTo ?? thisYear) >= thisYear && !memberCodes.has(p.code),
    );
    if (others.length)
      issues.push(
        makeIssue(
          'info',
          'years.membership.absorbed',
          {
            vi: `${u.name} năm ${year} gồm cả ${others.map((o) => o.name).join(', ')} (không thuộc ${doc.cluster.name} năm ${doc.year}); kết quả các năm trước của đơn vị đó thuộc dòng ${u.name}.`,
            en: `${u.name} in ${year} also takes in ${others.map((o) => o.name).join(', ')} (not in ${doc.cluster.name} in ${doc.year}); its earlier results belong to the line of ${u.name}.`,
          },
          { unit: u.name },
        ),
      );
  }
  if (units.length < 2)
    issues.push(
      makeIssue('error', 'years.membership.tooFew', {
        vi: `${doc.cluster.name} năm ${year} chỉ còn ${units.length} đơn vị: cần quyết định thành viên mới.`,
        en: `${doc.cluster.name} has only ${units.length} member(s) in ${year}: new membership needed.`,
      }),
    );

  // Leader and deputy.
  const leadership = proposeRotation(doc, options.result);
  issues.push(...leadership.issues);
  const cluster: ClusterDocument['cluster'] = { name: doc.cluster.name };
  const leader = leadership.leader && mapUnit(leadership.leader);
  let deputy = leadership.deputy && mapUnit(leadership.deputy);
  if (leader && deputy && matchKey(leader) === matchKey(deputy)) {
    issues.push(
      makeIssue('warning', 'years.leadership.merged', {
        vi: `Cụm trưởng và Cụm phó đề xuất (${leadership.leader}, ${leadership.deputy}) cùng thành ${leader}: cần chọn lại Cụm phó.`,
        en: `The proposed leader and deputy (${leadership.leader}, ${leadership.deputy}) both become ${leader}: choose the deputy again.`,
      }),
    );
    deputy = undefined;
  }
  if (leader) cluster.leader = leader;
  if (deputy) cluster.deputy = deputy;
  if (doc.cluster.rotation?.length) {
    const rotation: string[] = [];
    for (const r of doc.cluster.rotation) {
      const m = mapUnit(r);
      if (!rotation.some((x) => matchKey(x) === matchKey(m))) rotation.push(m);
    }
    cluster.rotation = rotation;
  }
  carried.push({
    vi: `Cụm trưởng ${leader ?? '(chưa xác định)'}, Cụm phó ${deputy ?? '(chưa xác định)'} (${leadership.source === 'election' ? 'theo kết quả bầu' : 'theo thứ tự luân phiên'})`,
    en: `Leader ${leader ?? '(undetermined)'}, deputy ${deputy ?? '(undetermined)'} (${leadership.source === 'election' ? 'as elected' : 'by rotation'})`,
  });

  // Decisions of this year, matched to the people they reward.
  const decisions = readDecisions(doc, issues);
  const decided = decisions.filter(isDecided);
  for (const d of decisions.filter((x) => !isDecided(x)))
    notCarried.push({
      vi: `${d.form} cho ${d.recipient} (năm ${d.year}): đề nghị chưa có quyết định (chưa ghi số quyết định); không ghi vào lịch sử`,
      en: `${d.form} for ${d.recipient} (${d.year}): proposed, no decision number yet; not recorded as history`,
    });
  const waiting = new Map<string, string[]>();
  for (const n of options.nominations ?? []) {
    const fits = (d: Decision) =>
      nameConfidence(d.recipient, n.candidate) >= NAME_THRESHOLD &&
      (sameForm(d.form, n.award) || isAward(d.form, n.rule));
    if (decisions.some((d) => d.year === doc.year && fits(d))) continue;
    waiting.set(n.award, [...(waiting.get(n.award) ?? []), n.candidate]);
  }
  for (const [award, who] of waiting)
    notCarried.push({
      vi: `${award}: ${who.join(', ')}: Thi đua đề nghị năm ${doc.year} nhưng sheet "Quyết định" chưa có quyết định; không ghi vào lịch sử`,
      en: `${award}: ${who.join(', ')}: proposed for ${doc.year} with no decision on the "Quyết định" sheet; not recorded as history`,
    });
  // People: units mapped, this year's decided titles and awards appended.
  const people: Person[] = (doc.people ?? []).map((p) => {
    const { rating: _rating, ...rest } = p;
    return { ...rest, unit: mapUnit(p.unit), titles: [...(p.titles ?? [])] };
  });
  const ratings = (doc.people ?? []).filter((p) => p.rating !== undefined).length;
  let appended = 0;
  let added = 0;
  for (const d of decided.filter((x) => x.kind === 'individual' && x.year <= doc.year)) {
    const fits = (doc.people ?? [])
      .map((p, i) => ({ i, c: nameConfidence(p.name, d.recipient), p }))
      .filter(
        (x) =>
          x.c >= NAME_THRESHOLD && (!d.unit || lineKey(d.unit, doc.year) === lineKey(x.p.unit, doc.year)),
      );
    const top = Math.max(0, ...fits.map((x) => x.c));
    const best = fits.filter((x) => x.c === top);
    if (best.length > 1) {
      issues.push(
        makeIssue(
          'warning',
          'years.decision.ambiguous',
          {
            vi: `${decisionText(d).vi} (${d.form}, ${d.recipient}): có ${best.length} người cùng tên trong danh sách; không ghi vào lịch sử của ai.`,
            en: `${decisionText(d).en} (${d.form}, ${d.recipient}): ${best.length} people share that name; recorded for none.`,
          },
          { person: d.recipient, path: `decisions[${d.index}]` },
        ),
      );
      notCarried.push({
        vi: `${d.form} cho ${d.recipient}: không rõ là người nào`,
        en: `${d.form} for ${d.recipient}: which person is unclear`,
      });
      continue;
    }
    let person = best[0] ? people[best[0].i]! : undefined;
    if (!person) {
      if (!d.unit) {
        notCarried.push({
          vi: `${d.form} cho ${d.recipient}: người này không có trong danh sách cá nhân và quyết định không ghi đơn vị`,
          en: `${d.form} for ${d.recipient}: not in the people list, and the decision names no unit`,
        });
        continue;
      }
      person = { name: d.recipient, unit: mapUnit(d.unit), titles: [] };
      people.push(person);
      added++;
    }
    const titles = person.titles!;
    if (titles.some((t) => t.year === d.year && sameForm(t.title, d.form))) continue;
    titles.push({ year: d.year, title: d.form });
    titles.sort((a, b) => a.year - b.year);
    appended++;
  }
  for (const p of people) if (p.titles!.length === 0) delete p.titles;
  if (people.length)
    carried.push({
      vi: `${people.length} cá nhân (${appended} danh hiệu, hình thức khen thưởng đã có quyết định được ghi thêm vào lịch sử${added ? `; ${added} người thêm từ quyết định` : ''})`,
      en: `${people.length} people (${appended} decided titles and awards appended to their history${added ? `; ${added} added from decisions` : ''})`,
    });
  if (ratings) kept({ vi: `Xếp loại cá nhân (${ratings})`, en: `Personal ratings (${ratings})` });

  // Decisions go on: next year's "Quyết định" sheet starts with every decision so far.
  const carriedDecisions = decided.map((d: Decision) => {
    const out: Record<string, unknown> = { year: d.year, form: d.form, recipient: d.recipient, kind: d.kind };
    if (d.unit)
      out.unit =
        d.kind === 'collective' && matchKey(d.unit) === matchKey(d.recipient) ? d.unit : mapUnit(d.unit);
    for (const k of ['number', 'date', 'authority'] as const) if (d[k]) out[k] = d[k];
    const source = d.source ?? options.source;
    if (source) out.source = source;
    return out;
  });
  if (carriedDecisions.length)
    carried.push({
      vi: `${carriedDecisions.length} quyết định khen thưởng (căn cứ cho các năm sau)`,
      en: `${carriedDecisions.length} award decisions (the basis for later years)`,
    });

  const next: ClusterDocument = {
    format: doc.format,
    kind: doc.kind,
    year,
    cluster,
    units,
    criteria: options.criteria ?? doc.criteria,
  };
  if (doc.title) next.title = doc.title.split(String(doc.year)).join(String(year));
  if (doc.indicators) next.indicators = doc.indicators;
  if (doc.ranking) next.ranking = doc.ranking;
  if (people.length) next.people = people;
  if (doc.sample) next.sample = doc.sample;
  if (carriedDecisions.length) next.decisions = carriedDecisions;
  if (doc.ruleOverrides !== undefined) {
    next.ruleOverrides = doc.ruleOverrides;
    carried.push({
      vi: `Giá trị quy tắc ghi đè (ruleOverrides): giữ nguyên, cần xem lại theo bộ quy tắc năm ${year}`,
      en: `Rule overrides (ruleOverrides): kept; check them against the ${year} rule set`,
    });
  }
  carried.push({
    vi: `${next.criteria.length} tiêu chí${options.criteria ? ' (bảng tiêu chí mới)' : ''}, ${count(doc.indicators)} chỉ tiêu`,
    en: `${next.criteria.length} criteria${options.criteria ? ' (the new table)' : ''}, ${count(doc.indicators)} indicators`,
  });
  // Staff counts go on per unit; a merged unit's counts cannot be added up reliably.
  if (Array.isArray(doc.unitProfiles)) {
    const profiles: Record<string, unknown>[] = [];
    for (const raw of doc.unitProfiles as Record<string, unknown>[]) {
      if (!raw || typeof raw.unit !== 'string') continue;
      const to = mapUnit(raw.unit);
      if (merged.some((g) => matchKey(g.into) === matchKey(to))) {
        notCarried.push({
          vi: `Số biên chế của ${raw.unit}: đơn vị đã hợp nhất, cần ghi lại`,
          en: `Staff counts of ${raw.unit}: merged, enter them again`,
        });
        continue;
      }
      const p: Record<string, unknown> = { unit: to };
      for (const k of ['staff', 'women', 'level'] as const) if (raw[k] !== undefined) p[k] = raw[k];
      if (Object.keys(p).length > 1) profiles.push(p);
    }
    if (profiles.length) next.unitProfiles = profiles;
    kept({
      vi: 'Xếp loại và số "Lao động tiên tiến" của đơn vị (unitProfiles)',
      en: 'Unit ratings and Advanced Worker counts (unitProfiles)',
    });
  }
  for (const [k, v] of Object.entries(doc)) if (!KNOWN_FIELDS.has(k)) next[k] = v; // the office's own fields
  if (options.result) {
    const r = options.result;
    const prev: PreviousYear = {
      year: doc.year,
      cluster: r.cluster,
      stage: r.stage,
      units: r.units.map((u) => ({
        unit: u.unit,
        line: mapUnit(u.unit),
        total: (r.stage === 'verified' ? u.verified?.total : u.self?.total) ?? 0,
        percent: u.percent,
        rank: u.rank,
        of: r.units.length,
        tier: u.tier,
        metRatio: u.indicators.metRatio,
        exceededRatio: u.indicators.exceededRatio,
        metText: u.indicators.metText,
        exceededText: u.indicators.exceededText,
      })),
    };
    if (options.source) prev.source = options.source;
    next.previousYear = prev;
    carried.push({
      vi: `Kết quả năm ${doc.year} để so sánh (sheet "So với năm trước")`,
      en: `The ${doc.year} results for comparison ("So với năm trước" sheet)`,
    });
  }
  if (doc.scores?.length)
    kept({ vi: `Điểm chấm (${doc.scores.length})`, en: `Scores (${doc.scores.length})` });
  if (doc.indicatorResults?.length)
    kept({
      vi: `Kết quả chỉ tiêu (${doc.indicatorResults.length})`,
      en: `Indicator results (${doc.indicatorResults.length})`,
    });
  if (doc.votes?.length) kept({ vi: `Biểu quyết (${doc.votes.length})`, en: `Votes (${doc.votes.length})` });
  if (count(doc.awards))
    kept({
      vi: `Khen thưởng đã thống kê (awards: ${count(doc.awards)})`,
      en: `Tallied awards (awards: ${count(doc.awards)})`,
    });
  if (count(doc.initiatives))
    kept({
      vi: `Số sáng kiến của đơn vị (${count(doc.initiatives)})`,
      en: `Unit initiative counts (${count(doc.initiatives)})`,
    });
  if (count(doc.notEvaluated))
    kept({
      vi: 'Đơn vị không được đánh giá (notEvaluated), đã dùng để đề xuất Cụm trưởng, Cụm phó',
      en: 'Units not evaluated (notEvaluated), used for the leadership proposal',
    });
  if (doc.election !== undefined)
    kept({
      vi: 'Kết quả bầu (election), đã dùng làm Cụm trưởng, Cụm phó',
      en: 'The election (election), used for leader and deputy',
    });
  if (doc.ruleSet)
    notCarried.push({
      vi: `Bộ quy tắc ${doc.ruleSet}: năm ${year} dùng bộ có hiệu lực ngày 31/12/${year}`,
      en: `Rule set ${doc.ruleSet}: ${year} uses the set in force on ${year}-12-31`,
    });
  if (doc.meeting !== undefined)
    notCarried.push({
      vi: `Cuộc họp bình xét năm ${doc.year} (meeting): ghi cuộc họp của năm ${year} khi họp`,
      en: `The ${doc.year} evaluation meeting (meeting): enter the ${year} meeting when it is held`,
    });
  if (doc.period)
    notCarried.push({
      vi: 'Thời gian phong trào (period): cần ghi cho đợt mới',
      en: "The campaign's period: enter the new one",
    });
  return { doc: next, members, merged, leadership, carried, notCarried, issues };
}
