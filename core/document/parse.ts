/**
 * Reading a `thidua/cluster@1` document: JSON text or an already-parsed value → the typed document plus
 * every problem found. Each list item is checked on its own, so a bad score is reported with its JSON path
 * and left out while the rest stays usable; `doc` is undefined only when the document cannot be used at all
 * (not an object, wrong format, no units or criteria, no cluster, bad kind or year).
 */
import * as z from 'zod';
import { type Bilingual, type Issue, type IssueLocation, makeIssue } from '../issues/issue';
import { compileFastReader, type FastReader, REJECT } from './fast-shape';
import { numberKeys, tooLargeIssues } from './amounts';
import { type JsonOddity, scanJson } from './json-syntax';
import { headerSchema, listSchemas, optionalFieldSchemas, requiredLists } from './schema';
import { CLUSTER_FORMAT, type ClusterDocument } from '../model/types';
import { describeValue, expectedTypeText, jsonPath, numText } from '../model/words';

export interface ParsedCluster {
  doc?: ClusterDocument;
  issues: Issue[];
}

const FIELD_TEXT: Record<string, string> = {
  format: 'định dạng',
  kind: 'loại (annual/campaign)',
  year: 'năm',
  cluster: 'cụm',
  name: 'tên',
  units: 'danh sách đơn vị',
  criteria: 'bảng tiêu chí',
  scores: 'bảng điểm',
  indicators: 'chỉ tiêu',
  indicatorResults: 'kết quả chỉ tiêu',
  votes: 'phiếu bầu',
  people: 'cá nhân',
  code: 'mã',
  title: 'tên',
  parent: 'tiêu chí cha',
  points: 'điểm',
  bonus: 'điểm cộng',
  deduction: 'điểm trừ',
  occurrences: 'số lần',
  bonusMax: 'điểm cộng tối đa',
  deductionMax: 'điểm trừ tối đa',
  deductionEach: 'điểm trừ mỗi lần',
  unit: 'đơn vị',
  criterion: 'tiêu chí',
  stage: 'giai đoạn chấm',
  indicator: 'chỉ tiêu',
  numerator: 'tử số',
  denominator: 'mẫu số',
  target: 'mức chỉ tiêu',
  yes: 'số phiếu đồng ý',
  voters: 'số người bỏ phiếu',
  award: 'hình thức khen thưởng',
  candidate: 'người/đơn vị được bầu',
  minPercent: 'tỷ lệ tối thiểu',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function fieldLabel(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  const label = last === undefined ? undefined : FIELD_TEXT[String(last)];
  return label ? ` (${label})` : '';
}

/** Where an item is, in the domain's words, read from its raw fields when they are text. */
function itemLocation(list: string, item: unknown): IssueLocation {
  if (!isRecord(item)) return {};
  const text = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : undefined);
  const stage = text('stage');
  switch (list) {
    case 'scores':
      return {
        unit: text('unit'),
        criterion: text('criterion'),
        stage: stage === 'self' || stage === 'verified' ? stage : undefined,
      };
    case 'indicatorResults':
      return { unit: text('unit'), indicator: text('indicator') };
    case 'criteria':
      return { criterion: text('code') };
    case 'indicators':
      return { indicator: text('code') };
    case 'units':
      return { unit: text('name') };
    case 'votes':
      return { award: text('award') };
    case 'people':
      return { person: text('name'), unit: text('unit') };
    default:
      return {};
  }
}

/** A hint when a number arrives as Vietnamese text ("9,5"): JSON numbers use a dot and no quotes. */
function numberHint(expected: string, got: unknown): Bilingual {
  if (
    (expected === 'number' || expected === 'int') &&
    typeof got === 'string' &&
    /^\s*-?[\d.,]+\s*$/.test(got)
  )
    return {
      vi: ' Trong JSON, số viết không có ngoặc kép và dùng dấu chấm thập phân (ví dụ 9.5).',
      en: ' In JSON, numbers have no quotes and use a decimal point (e.g. 9.5).',
    };
  return { vi: '', en: '' };
}

function zodIssues(
  error: z.ZodError,
  root: unknown,
  prefix: readonly PropertyKey[],
  where: IssueLocation,
): Issue[] {
  return error.issues.map((zi) => {
    const full = [...prefix, ...zi.path];
    const path = jsonPath(full);
    const got = valueAt(root, full);
    const label = fieldLabel(full);
    const loc = { ...where, path };
    if (zi.code === 'invalid_type' && got === undefined) {
      return makeIssue(
        'error',
        'document.missing',
        { vi: `Thiếu trường bắt buộc ${path}${label}.`, en: `Required field ${path} is missing.` },
        loc,
      );
    }
    if (zi.code === 'invalid_type') {
      const want = expectedTypeText(zi.expected);
      const seen = describeValue(got);
      const hint = numberHint(zi.expected, got);
      return makeIssue(
        'error',
        'document.type',
        {
          vi: `Trường ${path}${label} phải là ${want.vi}, nhưng đang là ${seen.vi}.${hint.vi}`,
          en: `Field ${path} must be ${want.en}, but is ${seen.en}.${hint.en}`,
        },
        loc,
      );
    }
    if (zi.code === 'invalid_value') {
      const allowed = zi.values.map((v) => JSON.stringify(v)).join(', ');
      const seen = describeValue(got);
      return makeIssue(
        'error',
        'document.value',
        {
          vi: `Trường ${path}${label} phải là một trong ${allowed}, nhưng đang là ${seen.vi}.`,
          en: `Field ${path} must be one of ${allowed}, but is ${seen.en}.`,
        },
        loc,
      );
    }
    // Never the validator's own (English) wording: the bound it states, or the value seen.
    // A year is written without thousands separators ("1900", not "1.900").
    const isYear = full[full.length - 1] === 'year';
    const seen =
      isYear && typeof got === 'number' && Number.isSafeInteger(got)
        ? { vi: `năm ${Object.is(got, -0) ? '-0' : got}`, en: `the year ${Object.is(got, -0) ? '-0' : got}` }
        : describeValue(got);
    const bound =
      zi.code === 'too_big' || zi.code === 'too_small'
        ? (() => {
            const limit = Number(zi.code === 'too_big' ? zi.maximum : zi.minimum);
            const cmp =
              zi.code === 'too_big' ? { vi: 'không quá', en: 'at most' } : { vi: 'ít nhất', en: 'at least' };
            return { vi: `${cmp.vi} ${isYear ? limit : numText(limit).vi}`, en: `${cmp.en} ${limit}` };
          })()
        : { vi: 'đúng dạng', en: 'well-formed' };
    return makeIssue(
      'error',
      'document.invalid',
      {
        vi: `Trường ${path}${label} phải ${bound.vi}, nhưng đang là ${seen.vi}.`,
        en: `Field ${path} must be ${bound.en}, but is ${seen.en}.`,
      },
      loc,
    );
  });
}

/** Keys present in `value` that `schema` does not describe, walking objects, arrays and optionals. */
function unknownKeys(schema: z.ZodType, value: unknown, path: PropertyKey[], out: PropertyKey[][]): void {
  if (schema instanceof z.ZodOptional) {
    unknownKeys(schema.unwrap() as z.ZodType, value, path, out);
    return;
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((item, i) => {
      unknownKeys(schema.element as z.ZodType, item, [...path, i], out);
    });
    return;
  }
  if (schema instanceof z.ZodObject && isRecord(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const key of Object.keys(value)) {
      const field = shape[key];
      if (field) unknownKeys(field, value[key], [...path, key], out);
      else out.push([...path, key]);
    }
  }
}

function unknownKeyWarning(at: string, where: IssueLocation): Issue {
  return makeIssue(
    'warning',
    'document.key.unknown',
    {
      vi: `Trường ${at} không thuộc định dạng thidua/cluster@1: được giữ nguyên nhưng không dùng khi tính (gõ nhầm tên trường?).`,
      en: `Field ${at} is not part of thidua/cluster@1: kept but not used in any computation (a misspelt key?).`,
    },
    { ...where, path: at },
  );
}

function unknownKeyIssues(
  schema: z.ZodType,
  value: unknown,
  path: PropertyKey[],
  where: IssueLocation,
): Issue[] {
  const found: PropertyKey[][] = [];
  unknownKeys(schema, value, path, found);
  return found.map((p) => unknownKeyWarning(jsonPath(p), where));
}

const TOP_LEVEL_KEYS = new Set<string>([
  ...Object.keys(headerSchema.shape),
  ...Object.keys(optionalFieldSchemas),
  ...Object.keys(listSchemas),
]);

/** Per list: a reader for well-formed items, compiled once; the rest go through zod. */
const FAST_READERS = new Map<string, FastReader | undefined>(
  Object.entries(listSchemas).map(([key, schema]) => [key, compileFastReader(schema as z.ZodType)]),
);

/** Checks an already-parsed JSON value against `thidua/cluster@1`. The value is not changed nor shared. */
export function parseClusterDocument(value: unknown): ParsedCluster {
  return readClusterValue(value, true);
}

/** Per list: its number fields, bounded by tooLargeIssues. */
const NUMBER_KEYS = new Map<string, string[]>(
  Object.entries(listSchemas).map(([key, schema]) => [key, numberKeys(schema as z.ZodType)]),
);

/** `copy` false when nobody else holds `value` (fresh from JSON.parse): well-formed list items are kept as they are. */
function readClusterValue(value: unknown, copy: boolean): ParsedCluster {
  const issues: Issue[] = [];
  if (!isRecord(value)) {
    const seen = describeValue(value);
    issues.push(
      makeIssue('error', 'document.notObject', {
        vi: `Tài liệu phải là một đối tượng JSON {…} định dạng thidua/cluster@1, nhưng đang là ${seen.vi}.`,
        en: `The document must be a JSON object {…} in the thidua/cluster@1 format, but is ${seen.en}.`,
      }),
    );
    return { issues };
  }
  let usable = true;

  if (value.format !== CLUSTER_FORMAT) {
    usable = false;
    const seen = describeValue(value.format);
    issues.push(
      makeIssue(
        'error',
        'document.format',
        {
          vi: `Trường format phải là "${CLUSTER_FORMAT}" (tài liệu dữ liệu cụm thi đua), nhưng đang là ${seen.vi}.`,
          en: `Field format must be "${CLUSTER_FORMAT}" (a cluster data document), but is ${seen.en}.`,
        },
        { path: 'format' },
      ),
    );
  }

  const header = headerSchema.safeParse(value);
  if (!header.success) {
    const rest = header.error.issues.filter((zi) => zi.path[0] !== 'format');
    if (rest.length > 0) {
      usable = false;
      issues.push(...zodIssues(new z.ZodError(rest), value, [], {}));
    }
  }
  if (isRecord(value.cluster))
    issues.push(...unknownKeyIssues(headerSchema.shape.cluster, value.cluster, ['cluster'], {}));

  const doc: Record<string, unknown> = { ...value };

  for (const [key, schema] of Object.entries(optionalFieldSchemas)) {
    if (value[key] === undefined) continue;
    const got = (schema as z.ZodType).safeParse(value[key]);
    if (got.success) {
      doc[key] = got.data;
      issues.push(...unknownKeyIssues(schema as z.ZodType, value[key], [key], {}));
    } else {
      issues.push(...zodIssues(got.error, value, [key], {}));
      delete doc[key];
    }
  }

  for (const [key, schema] of Object.entries(listSchemas) as [string, z.ZodType][]) {
    const raw = value[key];
    const required = (requiredLists as readonly string[]).includes(key);
    if (raw === undefined) {
      if (required) {
        usable = false;
        issues.push(
          makeIssue(
            'error',
            'document.missing',
            {
              vi: `Thiếu trường bắt buộc ${key}${fieldLabel([key])}.`,
              en: `Required field ${key} is missing.`,
            },
            { path: key },
          ),
        );
      }
      continue;
    }
    if (!Array.isArray(raw)) {
      if (required) usable = false;
      const seen = describeValue(raw);
      issues.push(
        makeIssue(
          'error',
          'document.type',
          {
            vi: `Trường ${key}${fieldLabel([key])} phải là một danh sách [...], nhưng đang là ${seen.vi}.`,
            en: `Field ${key} must be a list [...], but is ${seen.en}.`,
          },
          { path: key },
        ),
      );
      delete doc[key];
      continue;
    }
    const kept: unknown[] = [];
    const fast = FAST_READERS.get(key);
    const numbers = NUMBER_KEYS.get(key) ?? [];
    /** A read item is kept unless one of its numbers is too large to compute with. */
    const keep = (read: unknown, item: unknown, i: number): void => {
      const tooLarge = tooLargeIssues(
        read,
        numbers,
        [key, i],
        (k) => fieldLabel([k]),
        () => itemLocation(key, item),
      );
      if (tooLarge.length === 0) kept.push(read);
      else issues.push(...tooLarge);
    };
    for (let i = 0; i < raw.length; i++) {
      if (!(i in raw)) continue; // a hole, skipped as forEach would
      const item: unknown = raw[i];
      const read = fast ? fast(item, copy) : REJECT;
      if (read !== REJECT) {
        keep(read, item, i);
        continue;
      }
      const where = itemLocation(key, item);
      const got = schema.safeParse(item);
      if (got.success) {
        keep(got.data, item, i);
        issues.push(...unknownKeyIssues(schema, item, [key, i], where));
      } else {
        issues.push(...zodIssues(got.error, value, [key, i], where));
      }
    }
    doc[key] = kept;
  }

  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.has(key)) issues.push(unknownKeyWarning(jsonPath([key]), {}));
  }

  return usable ? { doc: doc as ClusterDocument, issues } : { issues };
}

const INTERNAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What JSON.parse would accept silently, as located issues. */
function oddityIssue(odd: JsonOddity): Issue {
  const path = jsonPath(odd.path);
  const where = { path };
  switch (odd.kind) {
    case 'duplicate':
      return makeIssue(
        'error',
        'json.key.duplicate',
        {
          vi: `Trường ${path} được ghi hai lần; JSON chỉ giữ lần sau cùng, nên một giá trị bị mất. Hãy xoá một lần.`,
          en: `Field ${path} is written twice; JSON keeps only the last, so one value is lost. Delete one of them.`,
        },
        where,
      );
    case 'internal':
      return makeIssue(
        'error',
        'json.key.internal',
        {
          vi: `Trường ${path} là tên dành riêng của JavaScript, không thuộc định dạng; bị bỏ qua.`,
          en: `Field ${path} is a JavaScript internal name, not part of the format; ignored.`,
        },
        where,
      );
    case 'range':
      return makeIssue(
        'error',
        'json.number.range',
        {
          vi: `Số ${odd.written} ở ${path} quá lớn để tính.`,
          en: `The number ${odd.written} at ${path} is too large to compute with.`,
        },
        where,
      );
    case 'precision':
      return makeIssue(
        'error',
        'json.number.precision',
        {
          vi: `Số nguyên ${odd.written} ở ${path} có quá nhiều chữ số, không giữ được chính xác (tối đa ${Number.MAX_SAFE_INTEGER}).`,
          en: `The whole number ${odd.written} at ${path} has too many digits to keep exactly (at most ${Number.MAX_SAFE_INTEGER}).`,
        },
        where,
      );
  }
}

/**
 * Parses JSON text (a leading byte-order mark is allowed) and checks it against `thidua/cluster@1`. The text
 * is scanned first: a syntax error or nesting past MAX_JSON_DEPTH is a located refusal, and duplicate keys,
 * internal keys (dropped, never assigned) and numbers JSON cannot hold are located issues.
 */
export function parseClusterJson(text: string): ParsedCluster {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scanned = scanJson(body);
  let value: unknown;
  try {
    if (scanned.problem) throw scanned.problem;
    const internal = scanned.oddities.some((o) => o.kind === 'internal');
    value = JSON.parse(body, internal ? (key, v) => (INTERNAL_KEYS.has(key) ? undefined : v) : undefined);
  } catch {
    const where = scanned.problem ?? {
      line: 1,
      column: 1,
      text: { vi: 'JSON không hợp lệ', en: 'invalid JSON' },
    };
    return {
      issues: [
        makeIssue('error', 'json.syntax', {
          vi: `JSON không hợp lệ ở dòng ${where.line}, cột ${where.column}: ${where.text.vi}.`,
          en: `Invalid JSON at line ${where.line}, column ${where.column}: ${where.text.en}.`,
        }),
      ],
    };
  }
  const parsed = readClusterValue(value, false);
  if (scanned.oddities.length > 0) parsed.issues.unshift(...scanned.oddities.map(oddityIssue));
  return parsed;
}
