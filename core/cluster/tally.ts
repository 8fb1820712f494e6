/**
 * Award tallies: awards received by form and by collective/individual, and initiatives by level, for one
 * unit, one cluster, or many documents together. Forms and levels are grouped by their matching key, so
 * "Chiến sỹ thi đua cơ sở" and "Chiến sĩ thi đua cơ sở" count as one form. Initiatives come from the
 * document's `initiatives` counts; a document without them counts its people's initiatives of the year.
 */
import { AWARD_NAMES, type AwardRuleId, isAward } from '../awards';
import { readAwardRecords, readInitiativeRecords } from '../awards/extensions';
import type { ClusterDocument } from '../model/types';
import type { Issue } from '../issues/issue';
import { matchKey } from '../text/key';
import { isDecided, readDecisions } from '../decisions/decisions';

export const TALLY_FORMAT = 'thidua/tally@1';

export interface FormCount {
  form: string;
  collective: number;
  individual: number;
}

export interface LevelCount {
  level: string;
  count: number;
}

export interface UnitTally {
  unit: string;
  forms: FormCount[];
  initiatives: LevelCount[];
}

export interface AwardTally {
  format: typeof TALLY_FORMAT;
  documents: number;
  years: number[];
  clusters: string[];
  /** The unit the tally is restricted to, when one was asked for. */
  unit?: string;
  forms: FormCount[];
  totals: { collective: number; individual: number };
  initiatives: LevelCount[];
  /** The same, unit by unit (awards and initiatives recorded with a unit). */
  units: UnitTally[];
  /** Awards counted from the documents' decisions (issue 13): only decided ones, each once. */
  decided: number;
  /** Decision rows without a decision number (proposals): listed, not counted. */
  proposed: number;
  issues: Issue[];
}

export interface TallyOptions {
  unit?: string;
}

/** The official name of a known award form, else the spelling first met. */
function formLabel(form: string): string {
  for (const id of Object.keys(AWARD_NAMES) as AwardRuleId[])
    if (isAward(form, id)) return AWARD_NAMES[id].vi;
  return form.trim();
}

const levelKey = (level: string) => matchKey(level).replace(/^cấp\s+/, '');

class Counter {
  readonly forms = new Map<string, FormCount>();
  readonly levels = new Map<string, LevelCount>();

  addAward(form: string, kind: 'collective' | 'individual', n: number): void {
    const label = formLabel(form);
    const key = matchKey(label);
    const row = this.forms.get(key) ?? { form: label, collective: 0, individual: 0 };
    row[kind] += n;
    this.forms.set(key, row);
  }

  addInitiatives(level: string, n: number): void {
    const key = levelKey(level);
    const row = this.levels.get(key) ?? { level: level.trim(), count: 0 };
    row.count += n;
    this.levels.set(key, row);
  }
}

export function tallyAwards(docs: readonly ClusterDocument[], options: TallyOptions = {}): AwardTally {
  const issues: Issue[] = [];
  const all = new Counter();
  const perUnit = new Map<string, { unit: string; counter: Counter }>();
  const filter = options.unit !== undefined ? matchKey(options.unit) : undefined;
  const unitCounter = (unit: string | undefined): Counter | undefined => {
    if (unit === undefined) return undefined;
    const key = matchKey(unit);
    let entry = perUnit.get(key);
    if (!entry) {
      entry = { unit, counter: new Counter() };
      perUnit.set(key, entry);
    }
    return entry.counter;
  };
  const wanted = (unit: string | undefined) =>
    filter === undefined || (unit !== undefined && matchKey(unit) === filter);

  let decided = 0;
  let proposed = 0;
  for (const doc of docs) {
    for (const r of readAwardRecords(doc, issues)) {
      const unit = r.unit ?? (r.kind === 'collective' ? r.recipient : undefined);
      if (!wanted(unit)) continue;
      const n = r.count ?? 1;
      all.addAward(r.form, r.kind, n);
      unitCounter(unit)?.addAward(r.form, r.kind, n);
    }
    // Decided awards of the document's year; an `awards` record of the same award is not counted twice.
    const recorded = new Set(
      readAwardRecords(doc, []).map(
        (r) => `${r.year ?? doc.year}|${matchKey(r.form)}|${matchKey(r.recipient ?? '')}`,
      ),
    );
    for (const d of readDecisions(doc, issues)) {
      if (d.year !== doc.year || !wanted(d.unit)) continue;
      if (!isDecided(d)) {
        proposed++;
        continue;
      }
      if (recorded.has(`${d.year}|${matchKey(d.form)}|${matchKey(d.recipient)}`)) continue;
      decided++;
      all.addAward(d.form, d.kind, 1);
      unitCounter(d.unit)?.addAward(d.form, d.kind, 1);
    }
    if (doc.initiatives !== undefined) {
      for (const r of readInitiativeRecords(doc, issues)) {
        if (!wanted(r.unit)) continue;
        all.addInitiatives(r.level, r.count);
        unitCounter(r.unit)?.addInitiatives(r.level, r.count);
      }
    } else {
      for (const p of doc.people ?? [])
        for (const i of p.initiatives ?? []) {
          if (i.year !== doc.year || !wanted(p.unit)) continue;
          all.addInitiatives(i.level, 1);
          unitCounter(p.unit)?.addInitiatives(i.level, 1);
        }
    }
  }
  const forms = [...all.forms.values()];
  const tally: AwardTally = {
    format: TALLY_FORMAT,
    documents: docs.length,
    years: [...new Set(docs.map((d) => d.year))].sort((a, b) => a - b),
    clusters: [...new Set(docs.map((d) => d.cluster.name))],
    forms,
    totals: {
      collective: forms.reduce((s, f) => s + f.collective, 0),
      individual: forms.reduce((s, f) => s + f.individual, 0),
    },
    initiatives: [...all.levels.values()],
    units: [...perUnit.values()].map(({ unit, counter }) => ({
      unit,
      forms: [...counter.forms.values()],
      initiatives: [...counter.levels.values()],
    })),
    decided,
    proposed,
    issues,
  };
  if (options.unit !== undefined) tally.unit = options.unit;
  return tally;
}
