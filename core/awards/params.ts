/**
 * Reading a rule set's values, with the document's overrides (`ruleOverrides: { "<rule>.<param>": value }`),
 * and remembering every value read, so the output can list each unconfirmed or overridden value actually used.
 */
import { type Bilingual, type Issue, makeIssue } from '../issues/issue';
import type {
  AwardRule,
  AwardRuleId,
  ParamValue,
  RuleId,
  RuleParam,
  RuleSet,
  Standing,
} from './rulesets/types';

export interface RuleValueUse {
  /** "<rule>.<param>", e.g. "excellentCollective.quotaPercent". */
  key: string;
  value: ParamValue;
  /** The value used is the rule set's own and its source is confirmed. */
  confirmed: boolean;
  /** The standing of the rule set's value (rulesets/types Standing). */
  standing: Standing;
  overridden: boolean;
  /** The rule set's value, when a document overrode it. */
  defaultValue?: ParamValue;
  note?: Bilingual;
}

function sameType(a: ParamValue, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && b.every((x) => typeof x === 'string');
  if (a === null) return typeof b === 'number' || b === null;
  return typeof a === typeof b;
}

/** Parameters whose string value is one of a few words, or a day of the year. */
const CHOICES: Record<string, readonly string[]> = {
  voteBody: ['cluster', 'council'],
  voteBase: ['voters', 'members'],
  leaveUnit: ['workingDays', 'months'],
  disciplineCountsIn: ['act', 'decision'],
};

function validWord(key: string, value: unknown): boolean {
  const name = key.slice(key.indexOf('.') + 1);
  if (typeof value !== 'string') return true;
  const choices = CHOICES[name];
  if (choices) return choices.includes(value);
  if (name === 'referenceDate' || name === 'serviceCountedTo') {
    const m = /^(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(2024, Number(m[1]) - 1, Number(m[2])));
    return d.getUTCMonth() === Number(m[1]) - 1 && d.getUTCDate() === Number(m[2]);
  }
  return true;
}

function display(v: ParamValue): string {
  return Array.isArray(v) ? v.join(', ') : v === null ? '—' : String(v);
}

export class RuleBook {
  private readonly overrides = new Map<string, ParamValue>();
  private readonly read = new Set<string>();

  constructor(
    readonly ruleSet: RuleSet,
    overrides: unknown,
    readonly issues: Issue[],
  ) {
    if (overrides === undefined) return;
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
      issues.push(
        makeIssue(
          'error',
          'rules.override.shape',
          {
            vi: '"ruleOverrides" phải là một đối tượng { "<quy tắc>.<tham số>": giá trị }.',
            en: '"ruleOverrides" must be an object { "<rule>.<param>": value }.',
          },
          { path: 'ruleOverrides' },
        ),
      );
      return;
    }
    for (const [key, value] of Object.entries(overrides)) {
      const path = `ruleOverrides.${key}`;
      const spec = this.spec(key);
      if (!spec) {
        issues.push(
          makeIssue(
            'error',
            'rules.override.unknown',
            {
              vi: `Ghi đè "${key}": bộ quy tắc ${ruleSet.id} không có tham số này.`,
              en: `Override "${key}": rule set ${ruleSet.id} has no such parameter.`,
            },
            { path },
          ),
        );
        continue;
      }
      const ok =
        value === null ? spec.nullable === true : sameType(spec.value, value) && validWord(key, value);
      if (!ok || (typeof value === 'number' && (!Number.isFinite(value) || value < 0))) {
        issues.push(
          makeIssue(
            'error',
            'rules.override.type',
            {
              vi: `Ghi đè "${key}": giá trị ${JSON.stringify(value)} không hợp lệ (mặc định ${display(spec.value)}).`,
              en: `Override "${key}": value ${JSON.stringify(value)} is not valid (default ${display(spec.value)}).`,
            },
            { path },
          ),
        );
        continue;
      }
      this.overrides.set(key, value as ParamValue);
      issues.push(
        makeIssue(
          'info',
          'rules.override.applied',
          {
            vi: `Tài liệu ghi đè "${key}": ${display(value as ParamValue)} thay cho ${display(spec.value)} của bộ quy tắc ${ruleSet.id}.`,
            en: `The document overrides "${key}": ${display(value as ParamValue)} instead of ${display(spec.value)} of rule set ${ruleSet.id}.`,
          },
          { path },
        ),
      );
    }
  }

  private spec(key: string): RuleParam | undefined {
    const dot = key.indexOf('.');
    if (dot < 0) return undefined;
    const ruleId = key.slice(0, dot);
    const name = key.slice(dot + 1);
    if (ruleId === 'tiePreference') return this.ruleSet.tiePreference?.params[name];
    if (ruleId === 'principles') return this.ruleSet.principles.params[name];
    const rule = (this.ruleSet.rules as Record<string, AwardRule | undefined>)[ruleId];
    return rule?.params[name];
  }

  rule(id: AwardRuleId): AwardRule {
    return this.ruleSet.rules[id];
  }

  has(id: RuleId, name: string): boolean {
    return this.spec(`${id}.${name}`) !== undefined;
  }

  value(id: RuleId, name: string): ParamValue {
    const key = `${id}.${name}`;
    const spec = this.spec(key);
    if (!spec) throw new Error(`Rule set ${this.ruleSet.id} has no parameter ${key}`);
    this.read.add(key);
    return this.overrides.has(key) ? (this.overrides.get(key) as ParamValue) : spec.value;
  }

  num(id: RuleId, name: string): number {
    const v = this.value(id, name);
    if (typeof v !== 'number') throw new Error(`${id}.${name} is not a number`);
    return v;
  }

  numOrNull(id: RuleId, name: string): number | null {
    const v = this.value(id, name);
    return typeof v === 'number' ? v : null;
  }

  bool(id: RuleId, name: string): boolean {
    return this.value(id, name) === true;
  }

  str(id: RuleId, name: string): string {
    return String(this.value(id, name));
  }

  list(id: RuleId, name: string): string[] {
    const v = this.value(id, name);
    return Array.isArray(v) ? v : [];
  }

  /** The year's reference date (YYYY-MM-DD) for counting service: the rule set's, or the document's override. */
  referenceDate(year: number): string {
    return `${String(year).padStart(4, '0')}-${this.str('principles', 'referenceDate')}`;
  }

  /** Whether the tie preference of Nghị định 98/2023 and 152/2025, Điều 4 applies in this rule set. */
  prefersWomen(): boolean {
    return this.ruleSet.tiePreference !== undefined && this.bool('tiePreference', 'preferWomen');
  }

  /** Every value read that is unconfirmed or overridden, in the order of the rule set. */
  used(): RuleValueUse[] {
    const out: RuleValueUse[] = [];
    for (const key of this.read) {
      const spec = this.spec(key)!;
      const overridden = this.overrides.has(key);
      if (spec.confirmed && !overridden) continue;
      const use: RuleValueUse = {
        key,
        value: overridden ? (this.overrides.get(key) as ParamValue) : spec.value,
        confirmed: spec.confirmed && !overridden,
        standing: spec.standing,
        overridden,
      };
      if (overridden) use.defaultValue = spec.value;
      if (spec.note) use.note = spec.note;
      out.push(use);
    }
    return out;
  }
}
