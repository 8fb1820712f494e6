/**
 * A fast structural reading of list items, compiled from the same zod schemas (./schema.ts), for the common
 * case of an item that is entirely well-formed: every field of the right type and no unknown key. It gives
 * exactly what zod's parse would (a copy with the schema's keys first, in the schema's order) at a fraction of
 * the cost; any item it does not accept goes through zod, so problems are reported by zod as before.
 * It is conservative: a schema part it does not understand makes the whole schema slow-path only.
 */
import type { z } from 'zod';

/** Returned by a reader for a value it does not accept (zod then decides). */
export const REJECT: unique symbol = Symbol('reject');

/**
 * `copy` false: the caller owns the value (e.g. fresh from JSON.parse), so an item already in zod's shape is
 * returned as it is instead of copied.
 */
export type FastReader = (value: unknown, copy: boolean) => unknown;

interface Def {
  type: string;
  checks?: unknown[];
  format?: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const noChecks = (def: Def) => def.checks === undefined || def.checks.length === 0;

/** A reader for `schema`, or undefined when the schema uses something this reader does not handle. */
export function compileFastReader(schema: z.ZodType): FastReader | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return noChecks(def) ? (v) => (typeof v === 'string' ? v : REJECT) : undefined;
    case 'boolean':
      return noChecks(def) ? (v) => (typeof v === 'boolean' ? v : REJECT) : undefined;
    case 'number':
      if (!noChecks(def)) return undefined;
      if (def.format === undefined) return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : REJECT);
      if (def.format === 'safeint') return (v) => (Number.isSafeInteger(v) ? v : REJECT);
      return undefined;
    case 'unknown':
      return (v) => v;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (v) => (allowed.has(v) ? v : REJECT);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (v) => (allowed.has(v) ? v : REJECT);
    }
    case 'optional': {
      const inner = def.innerType && compileFastReader(def.innerType);
      return inner && ((v, copy) => (v === undefined ? v : inner(v, copy)));
    }
    case 'array': {
      const element = def.element && compileFastReader(def.element);
      if (!element) return undefined;
      return (v, copy) => {
        if (!Array.isArray(v)) return REJECT;
        const out: unknown[] = new Array(v.length);
        let same = true;
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return REJECT;
          const got = element(v[i], copy);
          if (got === REJECT) return REJECT;
          if (got !== v[i]) same = false;
          out[i] = got;
        }
        return copy || !same ? out : v;
      };
    }
    case 'object':
      return compileObjectReader(def);
    default:
      return undefined;
  }
}

/** Loose objects only (unknown keys allowed by the schema, but sent to zod so that they are reported). */
function compileObjectReader(def: Def): FastReader | undefined {
  if (!def.shape || !def.catchall || defOf(def.catchall).type !== 'unknown') return undefined;
  const keys = Object.keys(def.shape);
  const readers: FastReader[] = [];
  const required: boolean[] = [];
  for (const key of keys) {
    const field = def.shape[key]!;
    const reader = compileFastReader(field);
    if (!reader) return undefined;
    readers.push(reader);
    required.push(defOf(field).type !== 'optional');
  }
  const index = new Map(keys.map((k, i) => [k, i]));
  /** Any own keys in any order: a copy built key by key, in the schema's order. */
  const general = (record: Record<string, unknown>): unknown => {
    let present = 0;
    for (const key in record) {
      if (!Object.hasOwn(record, key) || !index.has(key)) return REJECT;
      present++;
    }
    const out: Record<string, unknown> = {};
    let seen = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!Object.hasOwn(record, key)) {
        if (required[i]) return REJECT;
        continue;
      }
      const got = readers[i]!(record[key], true);
      if (got === REJECT) return REJECT;
      out[key] = got;
      seen++;
    }
    return seen === present ? out : REJECT;
  };
  return (v, copy) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return REJECT;
    const record = v as Record<string, unknown>;
    // Usual case: keys already in the schema's order, so a spread copy has zod's key order.
    let j = 0;
    let replaced: [string, unknown][] | undefined;
    for (const key in record) {
      while (j < keys.length && keys[j] !== key) {
        if (required[j]) return general(record);
        j++;
      }
      if (j === keys.length || !Object.hasOwn(record, key)) return general(record);
      const value = record[key];
      const got = readers[j]!(value, copy);
      if (got === REJECT) return REJECT;
      if (got !== value) {
        replaced ??= [];
        replaced.push([key, got]);
      }
      j++;
    }
    for (; j < keys.length; j++) if (required[j]) return REJECT;
    if (!copy && !replaced) return record;
    const out = { ...record };
    if (replaced) for (const [key, got] of replaced) out[key] = got;
    return out;
  };
}
