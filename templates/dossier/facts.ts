/**
 * A document as named facts, for telling two versions apart: each score field, vote, indicator result,
 * person field and member, keyed by what it is about (unit, criterion, stage…), never by row order, with a
 * Vietnamese label and the JSON path its cell is recorded under. Pure.
 */
import { type ClusterDocument, formatNumberVi, matchKey } from '../../core';

export interface Fact {
  key: string;
  label: string;
  /** The value as text (numbers in Vietnamese form), "" when absent. */
  value: string;
  /** JSON path in the document, for the cell it was read from. */
  path: string;
}

const num = (v: number | undefined): string => (v === undefined ? '' : formatNumberVi(v, 3));
const STAGE = { self: 'tự chấm', verified: 'thẩm định' } as const;
const SCORE_FIELDS = [
  ['points', 'điểm'],
  ['bonus', 'điểm cộng'],
  ['deduction', 'điểm trừ'],
  ['occurrences', 'số lần trừ'],
] as const;

export function documentFacts(doc: ClusterDocument): Fact[] {
  const facts: Fact[] = [];
  const add = (key: string, label: string, value: string, path: string): void => {
    facts.push({ key, label, value, path });
  };
  doc.units.forEach((u, i) => {
    add(`unit|${matchKey(u.name)}`, `Đơn vị thành viên ${u.name}`, u.name, `units[${i}].name`);
  });
  (doc.scores ?? []).forEach((s, i) => {
    for (const [field, word] of SCORE_FIELDS)
      add(
        `score|${matchKey(s.unit)}|${matchKey(s.criterion)}|${s.stage}|${field}`,
        `${s.unit}, tiêu chí ${s.criterion}, ${STAGE[s.stage]}: ${word}`,
        num(s[field]),
        `scores[${i}].${field}`,
      );
  });
  (doc.indicatorResults ?? []).forEach((r, i) => {
    add(
      `indicator|${matchKey(r.unit)}|${matchKey(r.indicator)}`,
      `${r.unit}, chỉ tiêu ${r.indicator}: kết quả`,
      `${r.numerator}/${r.denominator}`,
      `indicatorResults[${i}].numerator`,
    );
  });
  (doc.votes ?? []).forEach((v, i) => {
    const key = `vote|${matchKey(v.award)}|${matchKey(v.candidate)}`;
    add(
      `${key}|yes`,
      `Biểu quyết "${v.award}" cho ${v.candidate}: số phiếu đồng ý`,
      String(v.yes),
      `votes[${i}].yes`,
    );
    add(
      `${key}|voters`,
      `Biểu quyết "${v.award}" cho ${v.candidate}: số người biểu quyết`,
      String(v.voters),
      `votes[${i}].voters`,
    );
  });
  (doc.people ?? []).forEach((p, i) => {
    const key = `person|${matchKey(p.name)}`;
    add(`${key}|unit`, `Cá nhân ${p.name}: đơn vị`, p.unit, `people[${i}].unit`);
    add(`${key}|gender`, `Cá nhân ${p.name}: giới tính`, p.gender ?? '', `people[${i}].gender`);
    add(
      `${key}|serviceStart`,
      `Cá nhân ${p.name}: ngày vào ngành`,
      p.serviceStart ?? '',
      `people[${i}].serviceStart`,
    );
    add(
      `${key}|recruited`,
      `Cá nhân ${p.name}: ngày tuyển dụng`,
      p.recruited ?? '',
      `people[${i}].recruited`,
    );
    add(
      `${key}|titles`,
      `Cá nhân ${p.name}: danh hiệu đã đạt`,
      (p.titles ?? []).map((t) => `${t.year}: ${t.title}`).join('; '),
      `people[${i}].titles`,
    );
    add(
      `${key}|initiatives`,
      `Cá nhân ${p.name}: sáng kiến`,
      (p.initiatives ?? []).map((t) => `${t.year}: ${t.level}`).join('; '),
      `people[${i}].initiatives`,
    );
    add(
      `${key}|discipline`,
      `Cá nhân ${p.name}: kỷ luật`,
      (p.discipline ?? []).map((t) => `${t.year}: ${t.form}`).join('; '),
      `people[${i}].discipline`,
    );
  });
  return facts;
}

export interface FactChange {
  key: string;
  label: string;
  before?: string;
  after?: string;
  /** Paths of the fact in the first and second version. */
  pathBefore?: string;
  pathAfter?: string;
}

/** What differs between two versions: changed values, facts only in one of them. Blank and absent are equal. */
export function diffFacts(before: readonly Fact[], after: readonly Fact[]): FactChange[] {
  const a = new Map(before.map((f) => [f.key, f]));
  const b = new Map(after.map((f) => [f.key, f]));
  const out: FactChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if ((x?.value ?? '') === (y?.value ?? '')) continue;
    const change: FactChange = { key, label: (y ?? x)!.label };
    if (x) {
      change.before = x.value;
      change.pathBefore = x.path;
    }
    if (y) {
      change.after = y.value;
      change.pathAfter = y.path;
    }
    out.push(change);
  }
  return out;
}

/** "…: 40 → 39,5", "…: (trống) → 7", in Vietnamese. */
export function changeText(c: FactChange): string {
  const show = (v: string | undefined) => (v === undefined || v === '' ? '(trống)' : v);
  return `${c.label}: ${show(c.before)} → ${show(c.after)}`;
}
