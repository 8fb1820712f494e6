/**
 * The pure work behind the cycle's actions (send out, merge returns, nomination sheets, cluster settings), shared
 * by the task pane's actions (./cycle-actions.ts, which load this module lazily with the core) and the CLI
 * (`new --per-unit`, `merge`). No host, no file system: plans, snapshots and documents in, plans and reports out.
 */
import {
  type Bilingual,
  type ClusterDocument,
  type Issue,
  foldDiacritics,
  isIsoDate,
  makeIssue,
  matchKey,
  parseClusterJson,
} from '../../core';
import { INFO_KEYS } from '../../templates';
import { buildClusterWorkbook } from '../../templates/build/cluster';
import { unitScorecardBuilder } from '../../templates/build/unit-scorecard';
import { HEADERS } from '../../templates/layouts/cluster';
import { a1, parseA1 } from '../../templates/layouts/a1';
import {
  NOMINATION_SHEETS,
  type NominationList,
  type NominationSheetOptions,
  buildNominationWorkbook,
} from '../../templates/nomination';
import type { CellPlan, SheetPlan, WorkbookPlan, WorkbookSnapshot } from '../../templates/plan';
import { workbookSheetNames } from '../../templates/read/sheet-names';
import type { WorkbookSources } from '../../templates/read/sources';
import { readMetaRows } from '../../templates/read/unit-meta';
import { badDateText, PERIOD_FROM, PERIOD_TO } from './date-text';
import { type ConsolidateReport, consolidate } from './merge/consolidate';
import { ACCEPT, type Loaded, isClusterFile, readClusterReturn, readReturns } from './merge/returns';

export { isClusterFile };

/* ---------- send out: one scorecard per member ---------- */

/** A member's scorecard file name: its number and its name without diacritics ("01-vksnd-tinh-dak-lak.xlsx"). */
export function scorecardFileName(doc: ClusterDocument, unit: string): string {
  const index = doc.units.findIndex((u) => u.name === unit);
  const slug = foldDiacritics(unit)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${String(index + 1).padStart(2, '0')}-${slug || 'don-vi'}.xlsx`;
}

export interface MemberScorecard {
  unit: string;
  name: string;
  plan: WorkbookPlan;
}

/** One member's scorecard at a time, from one computation of the cluster (files written one by one). */
export function memberScorecardBuilder(doc: ClusterDocument, now: string): (unit: string) => MemberScorecard {
  const plan = unitScorecardBuilder(doc, { now });
  return (unit) => ({ unit, name: scorecardFileName(doc, unit), plan: plan(unit) });
}

/* ---------- merge: the returned files into the cluster's document ---------- */

/** A .json file given among the returns (the cluster's document as the base). */
export function loadedJson(file: string, text: string): Loaded {
  const parsed = parseClusterJson(text);
  return { file, meta: new Map(), ...(parsed.doc ? { json: parsed.doc } : {}), issues: parsed.issues };
}

/** A workbook snapshot given among the returns (or the open workbook as the base). */
export function loadedWorkbook(file: string, snapshot: WorkbookSnapshot, issues: Issue[] = []): Loaded {
  return { file, snapshot, meta: readMetaRows(snapshot), issues };
}

export type MergeOutcome =
  | { ok: true; report: ConsolidateReport; document: ClusterDocument; base?: Loaded }
  | { ok: false; text: Bilingual; issues: Issue[]; report?: ConsolidateReport };

/**
 * The consolidation of `loaded` (members' returns, and at most one cluster workbook or .json as the base).
 * `base`: the cluster workbook already open (the task pane), used when no other cluster file is given.
 */
export function mergeLoaded(loaded: readonly Loaded[], openBase?: Loaded): MergeOutcome {
  const bases = loaded.filter(isClusterFile);
  if (bases.length > 1 || (bases.length === 1 && openBase)) {
    const all = [...(openBase ? [openBase] : []), ...bases];
    return {
      ok: false,
      text: {
        vi: `Chỉ được một sổ tổng hợp của cụm, có ${all.length}: ${all.map((b) => b.file).join(', ')}.`,
        en: `Only one cluster workbook may be given, got ${all.length}: ${all.map((b) => b.file).join(', ')}.`,
      },
      issues: [],
    };
  }
  const baseLoaded = openBase ?? bases[0];
  const base = baseLoaded && readClusterReturn(baseLoaded);
  if (base && !base.document)
    return {
      ok: false,
      text: {
        vi: `Không đọc được sổ tổng hợp ${base.file}.`,
        en: `The cluster workbook ${base.file} cannot be read.`,
      },
      issues: base.issues,
    };
  const returns = readReturns(
    loaded.filter((l) => l !== baseLoaded),
    base?.document,
  );
  const report = consolidate({ ...(base ? { base } : {}), returns, accept: ACCEPT });
  if (!report.document)
    return {
      ok: false,
      text: { vi: 'Không có tệp nào dùng được để gộp.', en: 'No file could be used for the merge.' },
      issues: report.issues,
      report,
    };
  return { ok: true, report, document: report.document, ...(baseLoaded ? { base: baseLoaded } : {}) };
}

/** The cluster workbook's plan for a document, writing where the open workbook has its sheets. */
export function clusterPlanFor(
  document: ClusterDocument,
  computation: Parameters<typeof buildClusterWorkbook>[1],
  snapshot: WorkbookSnapshot | undefined,
  now: string,
): WorkbookPlan {
  return buildClusterWorkbook(document, computation, {
    now,
    ...(snapshot ? { sheetNames: workbookSheetNames(snapshot) } : {}),
  });
}

/* ---------- nomination sheets in the open workbook ---------- */

export { NOMINATION_SHEETS };

/**
 * The official nomination sheets as a plan for the open workbook. Cells an earlier list left beyond the new one
 * are cleared (a shorter list must not keep last time's rows); merges of an earlier list stay.
 */
export function nominationPlan(
  document: ClusterDocument,
  list: NominationList,
  options: NominationSheetOptions,
  snapshot?: WorkbookSnapshot,
): WorkbookPlan {
  const built = buildNominationWorkbook(document, list, options);
  if (!snapshot) return built;
  // Into the open workbook: its own title and author stay.
  const { properties: _own, ...plan } = built;
  const sheets = plan.sheets.map((sheet) => {
    const held = snapshot.sheets.find((s) => s.name === sheet.name);
    if (!held) return sheet;
    const named = new Set(sheet.cells.map((c) => c.ref));
    const clear: CellPlan[] = [];
    held.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const ref = a1(r + 1, c + 1);
        if (!named.has(ref)) clear.push({ ref, value: '' });
      });
    });
    return clear.length ? { ...sheet, cells: [...sheet.cells, ...clear] } : sheet;
  });
  return { ...plan, sheets };
}

/** A cluster plan and the nomination sheets in one plan (one write batch). */
export function withNominationSheets(cluster: WorkbookPlan, nominations: WorkbookPlan): WorkbookPlan {
  const taken = new Set(cluster.sheets.map((s) => s.name));
  return {
    ...cluster,
    sheets: [...cluster.sheets, ...nominations.sheets.filter((s) => !taken.has(s.name))],
    names: [...cluster.names, ...nominations.names],
  };
}

/* ---------- cluster settings: leader, deputy, rotation order, campaign dates ---------- */

export interface ClusterSettings {
  leader?: string;
  deputy?: string;
  /** Every member once, in the order they take the lead. */
  rotation: string[];
  /** The campaign's dates (YYYY-MM-DD), for a campaign; an annual year may have them too. */
  period?: { from: string; to: string };
}

export function settingsOf(document: ClusterDocument): ClusterSettings {
  const settings: ClusterSettings = { rotation: [...(document.cluster.rotation ?? [])] };
  if (document.cluster.leader) settings.leader = document.cluster.leader;
  if (document.cluster.deputy) settings.deputy = document.cluster.deputy;
  if (document.period) settings.period = { ...document.period };
  return settings;
}

/** The settings checked against the members: each problem an issue, Vietnamese first. */
export function checkSettings(document: ClusterDocument, settings: ClusterSettings): Issue[] {
  const issues: Issue[] = [];
  const members = new Map(document.units.map((u) => [matchKey(u.name), u.name]));
  const member = (name: string | undefined, what: Bilingual, code: string) => {
    if (name === undefined || name.trim() === '') return;
    if (!members.has(matchKey(name)))
      issues.push(
        makeIssue(
          'error',
          code,
          {
            vi: `${what.vi} "${name}" không phải đơn vị thành viên của ${document.cluster.name}.`,
            en: `${what.en} "${name}" is not a member of ${document.cluster.name}.`,
          },
          {},
        ),
      );
  };
  member(settings.leader, { vi: 'Cụm trưởng', en: 'The leader' }, 'settings.leader.unknown');
  member(settings.deputy, { vi: 'Cụm phó', en: 'The deputy' }, 'settings.deputy.unknown');
  if (settings.leader && settings.deputy && matchKey(settings.leader) === matchKey(settings.deputy))
    issues.push(
      makeIssue(
        'error',
        'settings.deputy.same',
        { vi: 'Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.', en: 'Leader and deputy must differ.' },
        {},
      ),
    );
  if (settings.rotation.length > 0) {
    const seen = new Set<string>();
    for (const name of settings.rotation) {
      const key = matchKey(name);
      member(
        name,
        { vi: 'Trong thứ tự luân phiên, đơn vị', en: 'In the rotation order, unit' },
        'settings.rotation.unknown',
      );
      if (seen.has(key))
        issues.push(
          makeIssue(
            'error',
            'settings.rotation.twice',
            {
              vi: `Đơn vị "${name}" có hai lần trong thứ tự luân phiên.`,
              en: `"${name}" appears twice in the rotation order.`,
            },
            {},
          ),
        );
      seen.add(key);
    }
    const left = document.units.filter((u) => !seen.has(matchKey(u.name))).map((u) => u.name);
    if (left.length)
      issues.push(
        makeIssue(
          'error',
          'settings.rotation.missing',
          {
            vi: `Thứ tự luân phiên thiếu ${left.length} đơn vị: ${left.join(', ')}.`,
            en: `The rotation order leaves out ${left.length} members: ${left.join(', ')}.`,
          },
          {},
        ),
      );
  }
  const p = settings.period;
  if (p) {
    // The one sentence for a bad date, naming the pane's field (its label is the same name).
    for (const [value, what] of [
      [p.from, PERIOD_FROM],
      [p.to, PERIOD_TO],
    ] as const)
      if (!isIsoDate(value))
        issues.push(makeIssue('error', 'settings.period.date', badDateText(what, value), {}));
    if (isIsoDate(p.from) && isIsoDate(p.to) && p.from > p.to)
      issues.push(
        makeIssue(
          'error',
          'settings.period.order',
          {
            vi: `Ngày bắt đầu ${p.from} sau ngày kết thúc ${p.to}.`,
            en: `The start ${p.from} is after the end ${p.to}.`,
          },
          {},
        ),
      );
  } else if (document.kind === 'campaign') {
    issues.push(
      makeIssue(
        'warning',
        'settings.period.missing',
        {
          vi: 'Phong trào ngắn hạn chưa có ngày bắt đầu và kết thúc.',
          en: 'The campaign has no start and end dates.',
        },
        {},
      ),
    );
  }
  return issues;
}

/** The document with the settings in, names as the members spell them. */
export function applySettings(document: ClusterDocument, settings: ClusterSettings): ClusterDocument {
  const members = new Map(document.units.map((u) => [matchKey(u.name), u.name]));
  const official = (name: string | undefined) =>
    name === undefined || name.trim() === '' ? undefined : (members.get(matchKey(name)) ?? name.trim());
  const cluster = { ...document.cluster };
  const leader = official(settings.leader);
  const deputy = official(settings.deputy);
  if (leader) cluster.leader = leader;
  else delete cluster.leader;
  if (deputy) cluster.deputy = deputy;
  else delete cluster.deputy;
  if (settings.rotation.length) cluster.rotation = settings.rotation.map((n) => official(n)!);
  else delete cluster.rotation;
  const next: ClusterDocument = { ...document, cluster };
  if (settings.period) next.period = { ...settings.period };
  else delete next.period;
  return next;
}

/**
 * Only the cells the settings change, where the open workbook has them (the reader's sources), with the
 * template's value and format: a plan for the 'set' write (values entered in the pane's fields).
 */
export function settingsPlan(
  document: ClusterDocument,
  snapshot: WorkbookSnapshot,
  sources: WorkbookSources | undefined,
  now: string,
): WorkbookPlan {
  const full = clusterPlanFor(document, undefined, snapshot, now);
  const members = full.sheets.find((s) => s.role === 'members');
  if (!members) return { ...full, sheets: [], names: [] };
  const at = new Map(members.cells.map((c) => [c.ref, c]));
  const out = new Map<string, { sheet: string; cell: CellPlan }>();
  const put = (sheet: string, ref: string, planned: CellPlan | undefined) => {
    const cell: CellPlan = { ...(planned ?? { ref }), ref };
    if (cell.value === undefined && cell.formula === undefined) cell.value = '';
    if (cell.value === null) cell.value = '';
    out.set(`${sheet}!${ref}`, { sheet, cell });
  };
  // The information rows: the value cell right of its key.
  const infoPaths: [string, string][] = [
    [INFO_KEYS.leader, 'cluster.leader'],
    [INFO_KEYS.deputy, 'cluster.deputy'],
    [INFO_KEYS.from, 'period.from'],
    [INFO_KEYS.to, 'period.to'],
  ];
  for (const [key, path] of infoPaths) {
    const keyCell = members.cells.find((c) => c.value === key);
    const pos = keyCell && parseA1(keyCell.ref);
    if (!pos) continue;
    const planned = at.get(a1(pos.row, pos.column + 1));
    const source =
      sources?.cells.get(path) ?? (path === 'period.from' ? sources?.cells.get('period') : undefined);
    put(source?.sheet ?? members.name, source?.cell ?? a1(pos.row, pos.column + 1), planned);
  }
  // The rotation column of each member's row.
  const header = members.cells.find((c) => c.value === HEADERS.units[3]);
  const headerPos = header && parseA1(header.ref);
  if (headerPos) {
    document.units.forEach((u, i) => {
      const plannedRef = a1(headerPos.row + 1 + i, headerPos.column);
      const nameSource = sources?.cells.get(`units[${i}].name`);
      const namePos = nameSource && parseA1(nameSource.cell);
      const rotationSource = sources?.cells.get('cluster.rotation[0]');
      const rotationPos = rotationSource && parseA1(rotationSource.cell);
      const ref = namePos ? a1(namePos.row, rotationPos?.column ?? headerPos.column) : plannedRef;
      put(nameSource?.sheet ?? members.name, ref, at.get(plannedRef));
      void u;
    });
  }
  const bySheet = new Map<string, CellPlan[]>();
  for (const { sheet, cell } of out.values()) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), cell]);
  const sheets: SheetPlan[] = [...bySheet].map(([name, cells]) => ({
    name,
    role: 'members',
    cells,
    ...(members.protect ? { protect: true } : {}),
  }));
  return { template: full.template, sheets, names: [] };
}
