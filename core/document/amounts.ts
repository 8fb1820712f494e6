/**
 * Numbers too large to compute with, where a document's list items enter: a score, standard, cap, count or
 * vote beyond ±MAX_AMOUNT (1e308, Number.MAX_VALUE, 1e20) would make a total infinite or inexact, so the
 * item is refused with an issue naming its JSON path and, in the domain's words, its unit and criterion.
 * Which fields are numbers is read from the list's schema, so a field added there is bounded too.
 */
import type { z } from 'zod';
import { isAmount } from '../exact/decimal';
import { type Bilingual, type Issue, type IssueLocation, makeIssue } from '../issues/issue';
import { STAGE_TEXT, jsonPath, tooLargeText } from '../model/words';

interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The keys of an object schema whose values are numbers, optional or not. */
export function numberKeys(schema: z.ZodType): string[] {
  const shape = defOf(schema).shape ?? {};
  return Object.keys(shape).filter((key) => {
    let def = defOf(shape[key]!);
    if (def.type === 'optional' && def.innerType) def = defOf(def.innerType);
    return def.type === 'number';
  });
}

/** "của đơn vị X, tiêu chí Y (tự chấm)": whose value it is, from the item's location. */
function whoseText(where: IssueLocation): Bilingual {
  const parts: Bilingual[] = [];
  if (where.unit) parts.push({ vi: `đơn vị ${where.unit}`, en: `unit ${where.unit}` });
  if (where.criterion) parts.push({ vi: `tiêu chí ${where.criterion}`, en: `criterion ${where.criterion}` });
  if (where.indicator) parts.push({ vi: `chỉ tiêu ${where.indicator}`, en: `indicator ${where.indicator}` });
  if (where.award) parts.push({ vi: `hình thức ${where.award}`, en: `award ${where.award}` });
  if (parts.length === 0) return { vi: '', en: '' };
  const stage = where.stage ? STAGE_TEXT[where.stage] : undefined;
  return {
    vi: ` của ${parts.map((p) => p.vi).join(', ')}${stage ? ` (${stage.vi})` : ''}`,
    en: ` of ${parts.map((p) => p.en).join(', ')}${stage ? ` (${stage.en})` : ''}`,
  };
}

/**
 * One issue per number of `item` (already read: right types) beyond ±MAX_AMOUNT; none when all are bounded.
 * `locate` is called only for a number refused (most items have none).
 */
export function tooLargeIssues(
  item: unknown,
  keys: readonly string[],
  path: readonly PropertyKey[],
  label: (key: string) => string,
  locate: () => IssueLocation,
): Issue[] {
  const record = item as Record<string, unknown>;
  const out: Issue[] = [];
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== 'number' || isAmount(value)) continue;
    const at = jsonPath([...path, key]);
    const where = locate();
    const whose = whoseText(where);
    out.push(
      makeIssue(
        'error',
        'document.number.tooLarge',
        tooLargeText({ vi: `Trường ${at}${label(key)}${whose.vi}`, en: `Field ${at}${whose.en}` }, value, {
          vi: 'mục này bị bỏ qua.',
          en: 'this entry is left out.',
        }),
        { ...where, path: at },
      ),
    );
  }
  return out;
}
