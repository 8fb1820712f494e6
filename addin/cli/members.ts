/**
 * Unit names typed on the command line: which member a name means (same spelling, else the same registry unit
 * on the document's date: "Dak Lak" → "VKSND tỉnh Đắk Lắk"), the closest members when it means none, and the
 * --units list of `new` (separated by ";", each unit once by registry identity).
 */
import { distance } from 'fastest-levenshtein';
import {
  type ClusterDocument,
  compactFold,
  createFuzzyIndex,
  documentDate,
  matchKey,
  provincialIdentity,
} from '../../core';
import { CliError } from './context';

/** The member `name` means in `doc`, or undefined when none or not exactly one. */
export function findMember(doc: ClusterDocument, name: string): string | undefined {
  const key = matchKey(name);
  const same = doc.units.find((u) => matchKey(u.name) === key);
  if (same) return same.name;
  const identity = provincialIdentity(documentDate(doc));
  if (!identity) return undefined;
  const wanted = identity(name);
  if (wanted === undefined) return undefined;
  const hits = doc.units.filter((u) => identity(u.name) === wanted);
  return hits.length === 1 ? hits[0]!.name : undefined;
}

/** Up to `count` member names closest to `name`: fuzzy neighbours first, then by edit distance. */
export function closestMembers(members: readonly string[], name: string, count = 3): string[] {
  const index = createFuzzyIndex(members.map((m) => ({ text: m, group: m, value: m })));
  const near = index.find(name, { maxNear: count }).near.map((h) => h.value);
  const q = compactFold(name);
  const rest = [...members]
    .filter((m) => !near.includes(m))
    .sort((a, b) => distance(q, compactFold(a)) - distance(q, compactFold(b)));
  return [...near, ...rest].slice(0, count);
}

/** The member `name` means in one of `docs`, or a CliError (exit 2) offering the closest members. */
export function memberOrError(docs: readonly ClusterDocument[], name: string): string {
  for (const doc of docs) {
    const found = findMember(doc, name);
    if (found) return found;
  }
  const members = [...new Set(docs.flatMap((d) => d.units.map((u) => u.name)))];
  const clusters = [...new Set(docs.map((d) => d.cluster.name))].join(', ');
  const closest = closestMembers(members, name).join('; ');
  throw new CliError({
    vi: `"${name}" không phải đơn vị thành viên của ${clusters}. Tên gần nhất: ${closest}.`,
    en: `"${name}" is not a member of ${clusters}. Closest members: ${closest}.`,
  });
}

/**
 * The units of `new --units "A;B;…"`: at least two, separated by ";" (a list separated by commas says so),
 * and each unit once: the same spelling or the same registry unit on 31 December of `year` is refused.
 */
export function parseUnitList(raw: string, year: number): string[] {
  const units = raw
    .split(/[;\n]/)
    .map((u) => u.trim())
    .filter(Boolean);
  if (units.length < 2 && raw.includes(','))
    throw new CliError({
      vi: `--units ngăn cách các đơn vị bằng dấu chấm phẩy (;), không phải dấu phẩy: --units "${raw
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean)
        .join(';')}".`,
      en: `--units separates the units with semicolons (;), not commas: --units "${raw
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean)
        .join(';')}".`,
    });
  if (units.length < 2)
    throw new CliError({
      vi: 'Cần ít nhất 2 đơn vị, ngăn cách bằng dấu chấm phẩy: --units "VKSND tỉnh A;VKSND tỉnh B" (hoặc --from FILE).',
      en: 'Needs at least 2 units, separated by semicolons: --units "VKSND tỉnh A;VKSND tỉnh B" (or --from FILE).',
    });
  const identity = provincialIdentity(`${year}-12-31`);
  const seen = new Map<string, string>();
  for (const unit of units) {
    const keys = [`name:${matchKey(unit)}`, ...(identity?.(unit) ? [`unit:${identity(unit)}`] : [])];
    const twin = keys.map((k) => seen.get(k)).find((v) => v !== undefined);
    if (twin !== undefined)
      throw new CliError({
        vi: `--units có một đơn vị hai lần: "${twin}" và "${unit}" là cùng một đơn vị; mỗi đơn vị chỉ ghi một lần.`,
        en: `--units names one unit twice: "${twin}" and "${unit}" are the same unit; give each unit once.`,
      });
    for (const k of keys) seen.set(k, unit);
  }
  return units;
}
