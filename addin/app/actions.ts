/**
 * The host-neutral actions the task pane and the ribbon commands call. Each action does ONE host.read()
 * and at most ONE host.write() (one Excel batch each way), runs the pure core in between, and returns a
 * plain report holding everything the UI shows. The UI never talks to Excel; it renders these reports.
 */
import type {
  Bilingual,
  ClusterDocument,
  CriterionScoreExplanation,
  DocumentKind,
  Issue,
  ResultDocument,
  TieBreakKey,
  UnitExplanation,
} from '../../core';
import type { WorkbookSnapshot } from '../../templates/plan';
import { type WorkbookSources, locateIssues } from '../../templates/read/sources';
import type { ClusterSettings } from './cycle-core';
import { badDateText, SIGNING_DATE } from './date-text';
import type { DossierOptionsInput } from './dossier';
import {
  DOCX_MIME,
  type DocumentFiles,
  XLSX_MIME,
  type FileIn,
  type FileOut,
  type WorkbookFiles,
} from './files';
import type { WorkbookHost, WriteReport } from './host';
import { keptCellText } from './kept-cells';
import type { ConflictingValue } from './merge/consolidate';
import type { NextYearSummary } from './next-year';
import type {
  BlockedCandidate,
  Computation,
  CorePorts,
  Nomination,
  QuotaUse,
  RegistryUnit,
  RuleSetDescription,
  UnitResolution,
} from './ports';

/* ---------- progress and cancellation ---------- */

export type StepId =
  | 'read'
  | 'check'
  | 'compute'
  | 'nominate'
  | 'rotate'
  | 'build'
  | 'write'
  | 'mark'
  | 'open'
  | 'merge';

export interface ProgressUpdate {
  step: StepId;
  /** Steps finished so far and the steps this action takes in all. */
  done: number;
  total: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (update: ProgressUpdate) => void;
}

/** Thrown when an action cannot run at all (no workbook of ours, nothing to compute); the UI shows `text`. */
export class ActionError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly issues: Issue[] = [],
  ) {
    super(text.en);
    this.name = 'ActionError';
  }
}

/* ---------- reports ---------- */

export interface IssueCounts {
  error: number;
  warning: number;
  info: number;
}

export interface DocumentSummary {
  kind: DocumentKind;
  year: number;
  cluster: string;
  units: string[];
  criteria: number;
  /** The tie-break the document states; absent means the format's default. */
  tieBreak?: TieBreakKey[];
  sample?: string;
}

export interface CheckReport {
  source: string;
  document?: DocumentSummary;
  issues: Issue[];
  counts: IssueCounts;
}

export interface ComputeReport {
  source: string;
  document: DocumentSummary;
  result: ResultDocument;
  /** The tie-break keys the ranking applied, in order. */
  tieBreak: TieBreakKey[];
  /** Per unit (in rank order): the "why this score" of its total, rank and tier. */
  explanations: UnitExplanation[];
  /**
   * Per unit, the criteria where something happened worth explaining: a value held to its bound, a cap,
   * a deduction by occurrences, an issue, or a verified score that differs from the self score. Each unit's
   * list is worked out when it is first read (a unit's explanation opened), then kept: a 63-unit cluster
   * has 10 000 leaf criteria to explain, and a report is mostly shown without them. Still plain data to
   * whoever reads or copies it.
   */
  criterionDetails: Record<string, CriterionScoreExplanation[]>;
  issues: Issue[];
  counts: IssueCounts;
  write: WriteReport;
}

export interface NominationReport {
  source: string;
  document: DocumentSummary;
  ruleSet?: string;
  ruleSetTitle?: string;
  /** The day service and leave were counted to. */
  referenceDate?: string;
  /** The rule set applied, in words (values, quotes, sources, standing, changes): shown by the awards view. */
  rules?: RuleSetDescription;
  nominations: Nomination[];
  quotas: QuotaUse[];
  blocked: BlockedCandidate[];
  issues: Issue[];
  counts: IssueCounts;
}

export interface RotationReport {
  source: string;
  document: DocumentSummary;
  /** The year the proposal is for (the document's year + 1). */
  year: number;
  leader?: string;
  deputy?: string;
  reason: Bilingual;
  /** The guidance the proposal follows (e.g. HD 09/HD-VKSTC) and whether leaders are elected under it. */
  guidance: { document: string; elected: boolean };
  /** Units passed over, with why (not evaluated last year, …). */
  skipped: { unit: string; reason: Bilingual }[];
  issues: Issue[];
}

export interface ExportReport {
  source: string;
  document: ClusterDocument;
  result: ResultDocument;
  nominations: Nomination[];
  /** `thidua/cluster@1` and `thidua/result@1` as text, ready to save. */
  documentJson: string;
  resultJson: string;
  issues: Issue[];
  counts: IssueCounts;
  write: WriteReport;
}

export interface CreateWorkbookInput {
  kind: DocumentKind;
  year: number;
  cluster: string;
  units: string[];
}

export interface CreateReport {
  document: DocumentSummary;
  sheets: string[];
  write: WriteReport;
}

export interface UnitSuggestion {
  /** The official name to put in the workbook. */
  name: string;
  code: string;
  validFrom: string;
  validTo?: string;
  /** 0..1: how sure the registry is that this is what was typed. */
  confidence: number;
  /** The unit that took over after a merger, when the suggestion no longer exists on the date. */
  successor?: RegistryUnit;
  /** "Từ 2025-07-01 thuộc VKSND tỉnh Đắk Lắk" and the like; absent when nothing needs saying. */
  note?: Bilingual;
}

export interface SendOutReport {
  source: string;
  document: DocumentSummary;
  /** One scorecard per member, in the members' order, each carrying the cluster's information. */
  files: FileOut[];
  issues: Issue[];
  counts: IssueCounts;
}

export interface MergeReport {
  source: string;
  document: DocumentSummary;
  /** True when the open workbook was the base (its typed values kept), false when the merge created it. */
  intoOpenWorkbook: boolean;
  received: { unit: string; files: string[] }[];
  missing: string[];
  duplicates: { unit: string; files: string[] }[];
  conflicts: ConflictingValue[];
  skipped: { file: string; reason: string }[];
  issues: Issue[];
  counts: IssueCounts;
  write: WriteReport;
}

/** The printed list's header and signature (what is not given keeps the official layout's blanks). */
export interface NominationSheetsInput {
  /** YYYY-MM-DD. */
  date?: string;
  place?: string;
  symbol?: string;
  attachedTo?: string;
  signer?: string;
}

export interface NominationSheetsReport {
  source: string;
  document: DocumentSummary;
  /** The sheets written into the workbook ("DS tập thể", "DS cá nhân"). */
  sheets: string[];
  nominations: number;
  ruleSet?: string;
  write: WriteReport;
  /** The same sheets as a workbook of their own, to print or send. */
  file?: FileOut;
  issues: Issue[];
  counts: IssueCounts;
}

export type { ClusterSettings };

export interface SettingsReport {
  source: string;
  document: DocumentSummary;
  settings: ClusterSettings;
  issues: Issue[];
  /**
   * The member whose scorecard is open: its copy of the cluster's settings, shown read-only (saveSettings
   * refuses to write them there; they are changed on the cluster workbook).
   */
  member?: string;
}

export interface SaveSettingsReport extends SettingsReport {
  write: WriteReport;
}

/** Next year's cluster workbook (as `thidua next`): a new file; nothing is written into this year's. */
export interface NextYearReport extends NextYearSummary {
  source: string;
  document: DocumentSummary;
  /** Next year's workbook, to save ("cum-7-2026.xlsx" from "cum-7-2025.xlsx"). */
  file: FileOut;
  issues: Issue[];
  counts: IssueCounts;
}

/** The dossier (as `thidua dossier`): its Word files, and its ballots and count sheet in the open workbook. */
export interface DossierReport {
  source: string;
  document: DocumentSummary;
  /** The fingerprint of the figures, printed in every document's footer. */
  fingerprint: string;
  /** The Word documents: ballots, minutes, submission, list, achievement reports, summary report. */
  files: FileOut[];
  /** The sheets written into the workbook (the ballots, the count sheet), and those kept as they were. */
  sheets: string[];
  kept: string[];
  /** How many counts typed on the count sheet were taken as votes (undefined: no count sheet yet). */
  counted?: number;
  /** Rows of the count sheet that could not be counted, where the votes came from, a seal the figures left. */
  notes: Bilingual[];
  /** Who finalised the figures and when, when the workbook is a finalised copy whose figures are unchanged. */
  finalised?: { by: string; at: string };
  nominations: number;
  issues: Issue[];
  counts: IssueCounts;
  write: WriteReport;
}

export interface SelectOutcome {
  selected: boolean;
  sheet?: string;
  cell?: string;
}

export interface AppActions {
  readonly hostKind: WorkbookHost['kind'];
  createWorkbook(input: CreateWorkbookInput, run?: RunOptions): Promise<CreateReport>;
  check(run?: RunOptions): Promise<CheckReport>;
  compute(run?: RunOptions): Promise<ComputeReport>;
  /** `lang`: the language of the legal basis and reasons (the nomination sheets are always Vietnamese). */
  nominate(run?: RunOptions & { lang?: 'vi' | 'en' }): Promise<NominationReport>;
  rotate(run?: RunOptions): Promise<RotationReport>;
  exportResults(run?: RunOptions): Promise<ExportReport>;
  selectIssue(issue: Issue): Promise<SelectOutcome>;
  searchUnits(query: string, date: string, run?: RunOptions): Promise<UnitSuggestion[]>;
  /**
   * The members' scorecards to send out (as `thidua new --per-unit`): nothing is written into the workbook.
   * Made from the cluster workbook only: one member's scorecard is refused.
   */
  sendOut(run?: RunOptions): Promise<SendOutReport>;
  /** Members' returned files (and at most one cluster .json/.xlsx) merged into the open workbook (as `thidua merge`). */
  mergeReturns(files: readonly FileIn[], run?: RunOptions): Promise<MergeReport>;
  /** The official nomination sheets written into the workbook (and offered as a workbook of their own). */
  nominationSheets(input?: NominationSheetsInput, run?: RunOptions): Promise<NominationSheetsReport>;
  /** Leader, deputy, rotation order and dates as the workbook holds them (a member's scorecard: its copy). */
  readSettings(run?: RunOptions): Promise<SettingsReport>;
  /** The settings typed in the pane's fields, written into their cells (refused, with the issues, when wrong). */
  saveSettings(settings: ClusterSettings, run?: RunOptions): Promise<SaveSettingsReport>;
  /** Next year's cluster workbook as a file to save (as `thidua next`); `year` defaults to the next one. */
  nextYear(input?: { year?: number }, run?: RunOptions): Promise<NextYearReport>;
  /** The dossier's Word files, its ballots and count sheet written into the workbook (as `thidua dossier`). */
  dossier(options?: DossierOptionsInput, run?: RunOptions): Promise<DossierReport>;
  /**
   * Loads the scoring code ahead of the first action (the pane calls it once it is idle, while the person
   * reads), so pressing "Tính điểm" does not wait for it to arrive. A failure is left to that action to report.
   */
  preload(): void;
}

export interface ActionsOptions {
  /** The core and templates; by default the real ones, loaded on first use (./core-port). */
  core?: CorePorts | (() => Promise<CorePorts>);
  /** How many suggestions searchUnits returns. */
  suggestionLimit?: number;
  /** Plans to .xlsx bytes and files to snapshots (exceljs), loaded on first use: send out, merge, nomination file. */
  files?: WorkbookFiles | (() => Promise<WorkbookFiles>);
  /** Official documents to Word files (the `docx` package), loaded on first use: the dossier. */
  documents?: DocumentFiles | (() => Promise<DocumentFiles>);
  /** The clock (ISO), for stamps in what is built; tests fix it. */
  now?: () => string;
}

/* ---------- helpers ---------- */

export function countIssues(issues: readonly Issue[]): IssueCounts {
  const counts: IssueCounts = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}

export function summarize(document: ClusterDocument): DocumentSummary {
  const summary: DocumentSummary = {
    kind: document.kind,
    year: document.year,
    cluster: document.cluster.name,
    units: document.units.map((u) => u.name),
    criteria: document.criteria.length,
  };
  if (document.ranking?.tieBreak) summary.tieBreak = [...document.ranking.tieBreak];
  if (typeof document.sample === 'string') summary.sample = document.sample;
  return summary;
}

/** Issues seen twice (the reader and the checker both notice the same cell) are listed once. */
export function mergeIssues(...lists: readonly (readonly Issue[])[]): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const list of lists) {
    for (const issue of list) {
      const key = [
        issue.code,
        issue.unit,
        issue.criterion,
        issue.stage,
        issue.sheet,
        issue.cell,
        issue.message,
      ].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(issue);
    }
  }
  return out;
}

function sheetNamesWithContent(snapshot: WorkbookSnapshot): Set<string> {
  const names = new Set<string>();
  for (const sheet of snapshot.sheets) {
    if (sheet.values.some((row) => row.some((v) => v !== null && v !== ''))) names.add(sheet.name);
  }
  return names;
}

/** Steps of one action: reports progress and stops at the next step once the signal is aborted. */
class Steps {
  private done = 0;
  constructor(
    private readonly total: number,
    private readonly run: RunOptions,
  ) {}
  begin(step: StepId): void {
    this.run.signal?.throwIfAborted();
    this.run.onProgress?.({ step, done: this.done, total: this.total });
  }
  end(step: StepId): void {
    this.done += 1;
    this.run.onProgress?.({ step, done: this.done, total: this.total });
  }
  async do<T>(step: StepId, work: () => T | Promise<T>): Promise<T> {
    this.begin(step);
    const value = await work();
    this.end(step);
    return value;
  }
}

/** The leaf criteria of a unit worth a detailed explanation (see ComputeReport.criterionDetails). */
export function notableCriteria(
  computation: Computation,
  unit: UnitExplanation,
): CriterionScoreExplanation[] {
  const out: CriterionScoreExplanation[] = [];
  for (const row of unit.criteria) {
    if (!row.leaf) continue;
    const e = computation.explain(unit.unit, row.criterion);
    if (e.kind !== 'criterion') continue;
    const notable =
      row.self !== row.verified ||
      e.caps.length > 0 ||
      e.issues.length > 0 ||
      e.inputs.some((i) => i.held.length > 0 || i.occurrences !== undefined);
    if (notable) out.push(e);
  }
  return out;
}

/**
 * A port the caller gives (the file code of the host), loaded on first use and once; a failed load is tried
 * again next time. Without one, the action is refused in the caller's words.
 */
function givenPort<T>(given: T | (() => Promise<T>) | undefined, missing: Bilingual): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    if (given === undefined) return Promise.reject(new ActionError(missing));
    if (!promise) {
      promise = typeof given === 'function' ? (given as () => Promise<T>)() : Promise.resolve(given);
      promise.catch(() => {
        promise = undefined;
      });
    }
    return promise;
  };
}

/* ---------- the actions ---------- */

export function createActions(host: WorkbookHost, options: ActionsOptions = {}): AppActions {
  let corePromise: Promise<CorePorts> | undefined;
  const core = (): Promise<CorePorts> => {
    if (!corePromise) {
      const given = options.core;
      corePromise =
        given === undefined
          ? import('./core-port').then((m) => m.loadCore())
          : typeof given === 'function'
            ? given()
            : Promise.resolve(given);
      // A failed load may succeed next time (a chunk that did not arrive): do not cache the failure.
      corePromise.catch(() => {
        corePromise = undefined;
      });
    }
    return corePromise;
  };
  const limit = options.suggestionLimit ?? 8;
  const now = options.now ?? (() => new Date().toISOString());
  const files = givenPort(options.files, {
    vi: 'Nơi chạy này không tạo được tệp sổ tính.',
    en: 'This place cannot make workbook files.',
  });
  const documents = givenPort(options.documents, {
    vi: 'Nơi chạy này không tạo được văn bản Word.',
    en: 'This place cannot make Word documents.',
  });
  const cycle = () => import('./cycle-core');
  const years = () => import('./next-year');
  const dossierWork = () => import('./dossier');

  /** Read the workbook and rebuild the document, or refuse with the reader's issues. */
  async function readDocument(steps: Steps): Promise<{
    ports: CorePorts;
    snapshot: WorkbookSnapshot;
    document: ClusterDocument;
    issues: Issue[];
    sources?: WorkbookSources;
    member?: string;
  }> {
    const ports = await core();
    const snapshot = await steps.do('read', () => host.read());
    const read = ports.readWorkbook(snapshot);
    if (!read.document) {
      throw new ActionError(
        {
          vi: `Không đọc được dữ liệu thi đua từ ${snapshot.source}: sổ tính không theo mẫu của Thi đua hoặc có lỗi cấu trúc.`,
          en: `Could not read emulation data from ${snapshot.source}: the workbook is not a Thi đua template or its structure is broken.`,
        },
        read.issues,
      );
    }
    return {
      ports,
      snapshot,
      document: read.document,
      issues: read.issues,
      ...(read.sources ? { sources: read.sources } : {}),
      ...(read.member !== undefined ? { member: read.member } : {}),
    };
  }

  /**
   * Read, refusing one member's scorecard: a ranking, the proposals, the dossier and next year's workbook need
   * every member's scores, so the returned scorecards are merged first (as `thidua compute` says); the
   * leadership and the cluster's settings belong to the cluster workbook (`refusal` says what to open instead).
   * The refusal comes before anything is written.
   */
  async function readClusterDocument(
    steps: Steps,
    refusal: (member: string) => Bilingual = mergeFirst,
  ): ReturnType<typeof readDocument> {
    const read = await readDocument(steps);
    if (read.member !== undefined) throw new ActionError(refusal(read.member));
    return read;
  }

  /** Read, then compute: the computation's issues include every check (core/compute runs them). */
  async function computeAll(steps: Steps): Promise<{
    ports: CorePorts;
    snapshot: WorkbookSnapshot;
    document: ClusterDocument;
    computation: Computation;
    issues: Issue[];
    sources?: WorkbookSources;
  }> {
    const { ports, snapshot, document, issues: readIssues, sources } = await readClusterDocument(steps);
    const computation = await steps.do('compute', () => ports.compute(document));
    // The core's issues name the cell their value came from, so the pane can select it.
    const issues = mergeIssues(readIssues, locateIssues(computation.result.issues, sources));
    return { ports, snapshot, document, computation, issues, sources };
  }

  return {
    hostKind: host.kind,

    async createWorkbook(input, run = {}) {
      const cluster = input.cluster.trim();
      const units = input.units.map((u) => u.trim()).filter((u) => u.length > 0);
      if (!cluster)
        throw new ActionError({ vi: 'Chưa nhập tên cụm thi đua.', en: 'The cluster name is missing.' });
      if (units.length < 2) {
        throw new ActionError({
          vi: 'Cụm thi đua cần ít nhất 2 đơn vị thành viên.',
          en: 'A cluster needs at least 2 member units.',
        });
      }
      if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
        throw new ActionError({
          vi: `Năm thi đua không hợp lệ: ${input.year}.`,
          en: `The emulation year is not valid: ${input.year}.`,
        });
      }
      const steps = new Steps(3, run);
      const ports = await core();
      const snapshot = await steps.do('read', () => host.read());
      const document = await steps.do('build', () => ports.newDocument({ ...input, cluster, units }));
      const plan = ports.buildWorkbook(document);
      // Never write over a sheet someone filled: refuse and name the sheets instead.
      const filled = sheetNamesWithContent(snapshot);
      const clash = plan.sheets.map((s) => s.name).filter((name) => filled.has(name));
      if (clash.length > 0) {
        throw new ActionError({
          vi: `Sổ tính đã có trang ${clash.map((n) => `"${n}"`).join(', ')} với dữ liệu; hãy tạo trong một sổ tính mới.`,
          en: `The workbook already has sheet(s) ${clash.map((n) => `"${n}"`).join(', ')} with data; create it in a new workbook.`,
        });
      }
      const write = await steps.do('write', () => host.write(plan, 'create'));
      return { document: summarize(document), sheets: plan.sheets.map((s) => s.name), write };
    },

    async check(run = {}) {
      const steps = new Steps(3, run);
      const ports = await core();
      const snapshot = await steps.do('read', () => host.read());
      const read = ports.readWorkbook(snapshot);
      const checked = await steps.do('check', () =>
        read.document ? ports.memberIssues(read.member, ports.checkDocument(read.document)) : [],
      );
      const issues = mergeIssues(read.issues, locateIssues(checked, read.sources));
      await steps.do('mark', () => host.markIssues(issues));
      const report: CheckReport = { source: snapshot.source, issues, counts: countIssues(issues) };
      if (read.document) report.document = summarize(read.document);
      return report;
    },

    async compute(run = {}) {
      const steps = new Steps(4, run);
      const { ports, snapshot, document, computation, issues } = await computeAll(steps);
      const plan = await steps.do('build', () => ports.buildWorkbook(document, computation));
      const write = await steps.do('write', () => host.write(plan, 'update'));
      const explanations: UnitExplanation[] = [];
      for (const u of computation.result.units) {
        const e = computation.explain(u.unit);
        if (e.kind === 'unit') explanations.push(e);
      }
      const criterionDetails: Record<string, CriterionScoreExplanation[]> = {};
      for (const e of explanations)
        Object.defineProperty(criterionDetails, e.unit, {
          enumerable: true,
          configurable: true,
          get() {
            const list = notableCriteria(computation, e);
            Object.defineProperty(criterionDetails, e.unit, {
              value: list,
              enumerable: true,
              writable: false,
            });
            return list;
          },
        });
      return {
        source: snapshot.source,
        document: summarize(document),
        result: computation.result,
        tieBreak: [...computation.tieBreak],
        explanations,
        criterionDetails,
        issues,
        counts: countIssues(issues),
        write,
      };
    },

    async nominate(run = {}) {
      const steps = new Steps(3, run);
      const { ports, snapshot, document, computation, issues, sources } = await computeAll(steps);
      const outcome = await steps.do('nominate', () =>
        ports.nominate(document, computation.result, run.lang),
      );
      const all = mergeIssues(issues, locateIssues(outcome.issues, sources));
      const report: NominationReport = {
        source: snapshot.source,
        document: summarize(document),
        nominations: outcome.nominations,
        quotas: outcome.quotas,
        blocked: outcome.blocked,
        issues: all,
        counts: countIssues(all),
      };
      if (outcome.ruleSet) report.ruleSet = outcome.ruleSet;
      if (outcome.ruleSetTitle) report.ruleSetTitle = outcome.ruleSetTitle;
      if (outcome.referenceDate) report.referenceDate = outcome.referenceDate;
      const rules = outcome.ruleSet ? ports.describeRules?.(outcome.ruleSet, run.lang) : undefined;
      if (rules) report.rules = rules;
      return report;
    },

    async rotate(run = {}) {
      const steps = new Steps(2, run);
      const { ports, snapshot, document, issues, sources } = await readClusterDocument(
        steps,
        leadershipElsewhere,
      );
      const outcome = await steps.do('rotate', () => ports.rotate(document));
      const report: RotationReport = {
        source: snapshot.source,
        document: summarize(document),
        year: outcome.year,
        reason: outcome.reason,
        guidance: { document: outcome.guidance.document, elected: outcome.guidance.elected },
        skipped: outcome.skipped,
        issues: mergeIssues(issues, locateIssues(outcome.issues, sources)),
      };
      if (outcome.leader) report.leader = outcome.leader;
      if (outcome.deputy) report.deputy = outcome.deputy;
      return report;
    },

    async exportResults(run = {}) {
      const steps = new Steps(5, run);
      const { ports, snapshot, document, computation, issues, sources } = await computeAll(steps);
      const outcome = await steps.do('nominate', () => ports.nominate(document, computation.result));
      // The results and the official nomination sheets go into the workbook in one write.
      const c = await cycle();
      const plan = await steps.do('build', () =>
        c.withNominationSheets(
          ports.buildWorkbook(document, computation),
          c.nominationPlan(document, outcome, { result: computation.result }, snapshot),
        ),
      );
      const write = await steps.do('write', () => host.write(plan, 'update'));
      const all = mergeIssues(issues, locateIssues(outcome.issues, sources));
      return {
        source: snapshot.source,
        document,
        result: computation.result,
        nominations: outcome.nominations,
        documentJson: `${JSON.stringify(document, null, 2)}\n`,
        resultJson: `${JSON.stringify(computation.result, null, 2)}\n`,
        issues: all,
        counts: countIssues(all),
        write,
      };
    },

    async sendOut(run = {}) {
      const steps = new Steps(2, run);
      const fileHost = await files();
      const { snapshot, document, issues } = await readClusterDocument(steps, sendOutElsewhere);
      const made = await steps.do('build', async () => {
        const { memberScorecardBuilder } = await cycle();
        const scorecard = memberScorecardBuilder(document, now());
        const out: FileOut[] = [];
        for (const unit of document.units) {
          run.signal?.throwIfAborted();
          const card = scorecard(unit.name);
          out.push({
            name: card.name,
            unit: card.unit,
            mime: XLSX_MIME,
            bytes: await fileHost.planBytes(card.plan),
          });
        }
        return out;
      });
      return {
        source: snapshot.source,
        document: summarize(document),
        files: made,
        issues,
        counts: countIssues(issues),
      };
    },

    async mergeReturns(given, run = {}) {
      if (given.length === 0)
        throw new ActionError({
          vi: 'Chưa chọn tệp nào: hãy chọn các bảng chấm điểm đơn vị gửi về (.xlsx).',
          en: 'No file chosen: choose the scorecards the members returned (.xlsx).',
        });
      const steps = new Steps(5, run);
      const ports = await core();
      const fileHost = await files();
      const c = await cycle();
      const snapshot = await steps.do('read', () => host.read());
      const open = c.loadedWorkbook(snapshot.source, snapshot);
      const blank = sheetNamesWithContent(snapshot).size === 0;
      if (!blank && !c.isClusterFile(open))
        throw new ActionError({
          vi: `Sổ tính đang mở (${snapshot.source}) không phải sổ tổng hợp của cụm: hãy mở sổ tổng hợp, hoặc một sổ tính trống.`,
          en: `The open workbook (${snapshot.source}) is not a cluster workbook: open the cluster workbook, or an empty one.`,
        });
      const loaded = await steps.do('open', async () => {
        const out = [];
        for (const f of given) {
          run.signal?.throwIfAborted();
          if (/\.json$/i.test(f.name)) out.push(c.loadedJson(f.name, new TextDecoder().decode(f.bytes)));
          else {
            const opened = await fileHost.open(f);
            out.push(c.loadedWorkbook(f.name, opened.snapshot, opened.issues));
          }
        }
        return out;
      });
      const merged = await steps.do('merge', () => c.mergeLoaded(loaded, blank ? undefined : open));
      if (!merged.ok) throw new ActionError(merged.text, merged.issues);
      const { report, document } = merged;
      const computation = await steps.do('compute', () => ports.compute(document));
      const plan = c.clusterPlanFor(document, computation, blank ? undefined : snapshot, now());
      const write = await steps.do('write', () => host.write(plan, blank ? 'create' : 'update'));
      const issues = [...report.issues];
      for (const cell of write.refused) issues.push(keptIssue(cell));
      return {
        source: snapshot.source,
        document: summarize(document),
        intoOpenWorkbook: !blank,
        received: report.received,
        missing: report.missing,
        duplicates: report.duplicates,
        conflicts: report.conflicts,
        skipped: report.skipped,
        issues,
        counts: countIssues(issues),
        write,
      };
    },

    async nominationSheets(input = {}, run = {}) {
      const steps = new Steps(5, run);
      const { ports, snapshot, document, computation, issues, sources } = await computeAll(steps);
      const c = await cycle();
      // The sheets are official documents: always in Vietnamese, whatever the pane's language.
      const outcome = await steps.do('nominate', () => ports.nominate(document, computation.result, 'vi'));
      const sheetOptions = nominationSheetOptions(input, computation.result);
      const plan = await steps.do('build', () => c.nominationPlan(document, outcome, sheetOptions, snapshot));
      const write = await steps.do('write', () => host.write(plan, 'update'));
      const all = mergeIssues(issues, locateIssues(outcome.issues, sources));
      const report: NominationSheetsReport = {
        source: snapshot.source,
        document: summarize(document),
        sheets: plan.sheets.map((s) => s.name),
        nominations: outcome.nominations.length,
        write,
        issues: all,
        counts: countIssues(all),
      };
      if (outcome.ruleSet) report.ruleSet = outcome.ruleSet;
      if (options.files !== undefined) {
        const fileHost = await files();
        const own = c.nominationPlan(document, outcome, sheetOptions);
        report.file = {
          name: `de-nghi-khen-thuong-${document.year}.xlsx`,
          mime: XLSX_MIME,
          bytes: await fileHost.planBytes(own),
        };
      }
      return report;
    },

    async readSettings(run = {}) {
      const steps = new Steps(1, run);
      // One member's scorecard carries the cluster's settings as they were sent out: shown, read-only.
      const { snapshot, document, issues, member } = await readDocument(steps);
      const { settingsOf } = await cycle();
      return {
        source: snapshot.source,
        document: summarize(document),
        settings: settingsOf(document),
        issues,
        ...(member !== undefined ? { member } : {}),
      };
    },

    async saveSettings(settings, run = {}) {
      const steps = new Steps(3, run);
      const { snapshot, document, sources } = await readClusterDocument(steps, settingsElsewhere);
      const c = await cycle();
      const problems = await steps.do('check', () => c.checkSettings(document, settings));
      if (problems.some((i) => i.severity === 'error'))
        throw new ActionError(
          {
            vi: 'Chưa ghi: thông tin của cụm có lỗi (xem danh sách).',
            en: 'Not written: the cluster settings have errors (see the list).',
          },
          problems,
        );
      const next = c.applySettings(document, settings);
      const plan = c.settingsPlan(next, snapshot, sources, now());
      const write = await steps.do('write', () => host.write(plan, 'set'));
      return {
        source: snapshot.source,
        document: summarize(next),
        settings: c.settingsOf(next),
        issues: problems,
        write,
      };
    },

    async nextYear(input = {}, run = {}) {
      const steps = new Steps(4, run);
      const fileHost = await files();
      const { ports, snapshot, document } = await readClusterDocument(steps);
      const y = await years();
      if (input.year !== undefined && !y.isNextYear(input.year, document.year))
        throw new ActionError({
          vi: `Năm ${input.year} không dùng được: cần một năm sau năm ${document.year} của sổ (đến 2100).`,
          en: `${input.year} cannot be used: needs a year after the workbook's ${document.year} (up to 2100).`,
        });
      const computation = await steps.do('compute', () => ports.compute(document));
      const nominations = await steps.do('nominate', () =>
        document.kind === 'annual' ? ports.nominate(document, computation.result, 'vi').nominations : [],
      );
      const outcome = y.nextYearOf({
        doc: document,
        result: computation.result,
        nominations,
        source: snapshot.source,
        ...(input.year !== undefined ? { year: input.year } : {}),
        now: now(),
      });
      const bytes = await steps.do('build', () => fileHost.planBytes(y.nextYearPlan(outcome)));
      const next = outcome.next.doc;
      const issues = mergeIssues(outcome.next.issues);
      return {
        ...y.nextYearSummary(document, outcome),
        source: snapshot.source,
        document: summarize(next),
        file: {
          name: y.nextFileName(snapshot.source, document.year, next.year),
          mime: XLSX_MIME,
          bytes,
          unit: `${next.cluster.name}, năm ${next.year}`,
        },
        issues,
        counts: countIssues(issues),
      };
    },

    async dossier(input = {}, run = {}) {
      const d = await dossierWork();
      const { options: dossierOptions, badDate } = d.dossierOptionsOf(input);
      if (badDate !== undefined) throw new ActionError(badDateText(SIGNING_DATE, badDate));
      const steps = new Steps(5, run);
      const wordHost = await documents();
      const { ports, snapshot, document, issues: readIssues, sources } = await readClusterDocument(steps);
      // Counts typed on the workbook's count sheet are the votes, as `thidua dossier` reads its count sheet;
      // a finalised workbook keeps its votes.
      const seal = d.readSealStamp(snapshot);
      const counted = seal ? undefined : d.withCountSheet(document, snapshot);
      const doc = counted?.doc ?? document;
      const computation = await steps.do('compute', () => ports.compute(doc));
      // Official documents: always in Vietnamese, whatever the pane's language.
      const awards = await steps.do('nominate', () => ports.nominate(doc, computation.result, 'vi'));
      const report = { ...awards, issues: [...computation.result.issues, ...awards.issues] };
      const fingerprint = await d.fingerprintOf(doc, computation.result, report);
      const sealed = d.sealedFinalisation(seal, fingerprint);
      const { dossier, made } = await steps.do('build', async () => {
        const dossier = d.dossierOf(
          { doc, result: computation.result, report, fingerprint },
          { dossier: dossierOptions, ...(sealed.finalised ? { finalised: sealed.finalised } : {}) },
        );
        const made: FileOut[] = [];
        for (const official of dossier.documents) {
          run.signal?.throwIfAborted();
          made.push({
            name: d.documentFileName(official),
            mime: DOCX_MIME,
            bytes: await wordHost.documentBytes(official),
            unit: official.label,
          });
        }
        return { dossier, made };
      });
      // A finalised copy is not written into: its ballots were cast before it was sealed.
      const { plan, kept, stale } = d.votingSheetsPlan(dossier, snapshot);
      const write = await steps.do('write', () =>
        plan.sheets.length > 0 && !seal
          ? host.write(plan, 'update')
          : { cellsWritten: 0, sheetsCreated: [], refused: [] },
      );
      const issues = mergeIssues(readIssues, locateIssues(report.issues, sources));
      const out: DossierReport = {
        source: snapshot.source,
        document: summarize(doc),
        fingerprint,
        files: made,
        sheets: write.sheetsCreated,
        kept,
        notes: [...(counted?.notes ?? []), ...(sealed.note ? [sealed.note] : []), ...(stale ? [stale] : [])],
        nominations: report.nominations.length,
        issues,
        counts: countIssues(issues),
        write,
      };
      if (counted) out.counted = counted.votes;
      if (sealed.finalised) out.finalised = sealed.finalised;
      return out;
    },

    async selectIssue(issue) {
      if (!issue.sheet || !issue.cell) return { selected: false };
      await host.select(issue.sheet, issue.cell);
      return { selected: true, sheet: issue.sheet, cell: issue.cell };
    },

    async searchUnits(query, date, run = {}) {
      const text = query.trim();
      if (text.length < 2) return [];
      run.signal?.throwIfAborted();
      const ports = await core();
      run.signal?.throwIfAborted();
      return unitSuggestions(ports.resolveUnit(text, date), limit);
    },

    preload() {
      core().catch(() => undefined);
    },
  };
}

/* One member's scorecard (made by `thidua new --unit` or the pane's send-out): what it is, what to open instead. */

function mergeFirst(member: string): Bilingual {
  return {
    vi: `Đây là bảng chấm điểm của ${member}; hãy gộp các bảng đơn vị gửi về ở thẻ “Gửi, gộp bảng” rồi tính trên sổ tổng hợp.`,
    en: `This is the scorecard of ${member}; merge the members' returned scorecards in the “Send, merge” tab, then compute on the cluster workbook.`,
  };
}

function leadershipElsewhere(member: string): Bilingual {
  return {
    vi: `Đây là bảng chấm điểm của ${member}; Cụm trưởng, Cụm phó năm sau được đề xuất trên sổ tổng hợp của cụm: hãy mở sổ tổng hợp (gộp các bảng đơn vị gửi về ở thẻ “Gửi, gộp bảng” nếu chưa gộp) rồi xem ở thẻ “Cụm trưởng”.`,
    en: `This is the scorecard of ${member}; next year's leader and deputy are proposed on the cluster workbook: open the cluster workbook (merge the members' returned scorecards in the “Send, merge” tab if not done yet), then look in the “Leadership” tab.`,
  };
}

function settingsElsewhere(member: string): Bilingual {
  return {
    vi: `Đây là bảng chấm điểm của ${member}; chưa ghi gì. Thông tin của cụm (Cụm trưởng, Cụm phó, thứ tự luân phiên, thời gian) ghi trên sổ tổng hợp của cụm: hãy mở sổ tổng hợp rồi sửa ở thẻ “Thông tin cụm”.`,
    en: `This is the scorecard of ${member}; nothing was written. The cluster's settings (leader, deputy, rotation order, dates) are kept on the cluster workbook: open the cluster workbook and change them in the “Cluster settings” tab.`,
  };
}

function sendOutElsewhere(member: string): Bilingual {
  return {
    vi: `Đây là bảng chấm điểm của ${member}; chưa tạo bảng nào. Bảng chấm điểm gửi các đơn vị được tạo từ sổ tổng hợp của cụm: hãy mở sổ tổng hợp rồi gửi ở thẻ “Gửi, gộp bảng”.`,
    en: `This is the scorecard of ${member}; no scorecard was made. The members' scorecards are made from the cluster workbook: open the cluster workbook and send them out in the “Send, merge” tab.`,
  };
}

function keptIssue(cell: WriteReport['refused'][number]): Issue {
  const text = cell.reason
    ? keptCellText(cell)
    : {
        vi: `Sheet "${cell.sheet}", ô ${cell.cell}: giữ giá trị đã nhập trong sổ cụm, không ghi đè.`,
        en: `Sheet "${cell.sheet}", cell ${cell.cell}: the value typed in the cluster workbook is kept, not overwritten.`,
      };
  return {
    severity: 'warning',
    code: 'merge.cell.kept',
    message: text.vi,
    messageEn: text.en,
    sheet: cell.sheet,
    cell: cell.cell,
  };
}

function nominationSheetOptions(input: NominationSheetsInput, result: ResultDocument) {
  const text = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
  const options: {
    result: ResultDocument;
    date?: string;
    place?: string;
    symbol?: string;
    attachedTo?: string;
    signature?: { name: string };
  } = { result };
  const date = text(input.date);
  if (date !== undefined) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== date
    )
      throw new ActionError(badDateText(SIGNING_DATE, date));
    options.date = date;
  }
  const place = text(input.place);
  if (place) options.place = place;
  const symbol = text(input.symbol);
  if (symbol) options.symbol = symbol;
  const attachedTo = text(input.attachedTo);
  if (attachedTo) options.attachedTo = attachedTo;
  const signer = text(input.signer);
  if (signer) options.signature = { name: signer };
  return options;
}

/** The registry's answer as a list of suggestions, best first, each official name once. */
export function unitSuggestions(resolution: UnitResolution, limit: number): UnitSuggestion[] {
  const out: UnitSuggestion[] = [];
  const seen = new Set<string>();
  const add = (unit: RegistryUnit, confidence: number, successor?: RegistryUnit, notes: Bilingual[] = []) => {
    const key = `${unit.code}|${unit.name}`;
    if (seen.has(key) || out.length >= limit) return;
    seen.add(key);
    const suggestion: UnitSuggestion = {
      name: unit.name,
      code: unit.code,
      validFrom: unit.validFrom,
      confidence,
    };
    if (unit.validTo) suggestion.validTo = unit.validTo;
    const lines: Bilingual[] = [...notes];
    if (successor && (successor.name !== unit.name || successor.code !== unit.code)) {
      suggestion.successor = successor;
      lines.push(
        successor.name !== unit.name
          ? {
              vi: `Từ ${successor.validFrom} thuộc ${successor.name} (mã ${successor.code})`,
              en: `From ${successor.validFrom} part of ${successor.name} (code ${successor.code})`,
            }
          : {
              vi: `Từ ${successor.validFrom} sáp nhập, mã mới ${successor.code}`,
              en: `Merged from ${successor.validFrom}, new code ${successor.code}`,
            },
      );
    }
    if (lines.length > 0) {
      suggestion.note = { vi: lines.map((l) => l.vi).join('; '), en: lines.map((l) => l.en).join('; ') };
    }
    out.push(suggestion);
  };
  if (resolution.match) add(resolution.match, resolution.confidence, resolution.successor, resolution.notes);
  for (const alt of resolution.alternatives) add(alt, alt.confidence);
  return out;
}
