/**
 * Hostile JSON and hostile text in the core (issue 10): keys naming object internals never pollute,
 * duplicate keys are located issues, deep nesting and out-of-range numbers are refused with a place,
 * impossible dates are reported by check, and names with hidden characters or look-alike letters are
 * reported and never an exact match of a unit. The documents are the committed corpus in
 * test/fixtures/hostile/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkAwardInputs,
  checkCluster,
  computeCluster,
  decodeJsonBytes,
  inspectHostileText,
  matchKey,
  nominateAwards,
  parseClusterJson,
  resolveUnit,
  sniffFileKind,
} from '../../../core';

const dir = join(import.meta.dirname, '../../fixtures/hostile');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Every own property of Object.prototype and of the prototypes a document's values have, by name. */
const prototypeState = () =>
  [Object.prototype, Array.prototype, String.prototype, Function.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );

describe('prototype pollution', () => {
  it.each(['proto-keys.json', 'proto-in-score.json'])(
    '%s: Object.prototype is unchanged after parse, check, compute and nominate',
    (name) => {
      const before = prototypeState();
      const parsed = parseClusterJson(text(name));
      expect(parsed.doc).toBeDefined();
      const doc = parsed.doc!;
      const issues = [...parsed.issues, ...checkCluster(doc), ...checkAwardInputs(doc)];
      const { result } = computeCluster(doc);
      nominateAwards(doc, result);
      expect(prototypeState()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      // The document keeps no internal key as its own data.
      expect(Object.hasOwn(doc, '__proto__')).toBe(false);
      expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
      for (const s of doc.scores ?? []) expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
      const internal = issues.filter((i) => i.code === 'json.key.internal');
      expect(internal.length).toBeGreaterThan(0);
      for (const i of internal) expect(i.path).toMatch(/__proto__|constructor|prototype/);
    },
  );
});

describe('hostile JSON', () => {
  it('a duplicate key is an error at its place, not the last value silently', () => {
    const parsed = parseClusterJson(text('duplicate-key.json'));
    const dup = parsed.issues.find((i) => i.code === 'json.key.duplicate');
    expect(dup?.severity).toBe('error');
    expect(dup?.path).toBe('year');
  });

  it('deep nesting is refused with its line and column, before anything walks it', () => {
    const parsed = parseClusterJson(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(parsed.doc).toBeUndefined();
    expect(parsed.issues[0]!.code).toBe('json.syntax');
    expect(parsed.issues[0]!.message).toMatch(/dòng 1, cột 65: lồng nhau quá 64 cấp/);
  });

  it('1e400, 20-digit integers and -0 are located issues, never Infinity or a crash', () => {
    expect(parseClusterJson(text('number-1e400.json')).issues.map((i) => i.code)).toContain(
      'json.number.range',
    );
    const twenty = parseClusterJson(text('year-20-digits.json'));
    expect(twenty.doc).toBeUndefined();
    expect(twenty.issues.map((i) => i.code)).toContain('json.number.precision');
    const zero = parseClusterJson(text('year-minus-zero.json'));
    expect(zero.doc).toBeUndefined();
    expect(zero.issues[0]!.message).toContain('phải ít nhất 1900');
  });

  it('an impossible date (2023-02-30) is reported by the checks nominate shares', () => {
    const doc = parseClusterJson(text('impossible-date.json')).doc!;
    const found = checkAwardInputs(doc).find((i) => i.code === 'person.date.invalid');
    expect(found?.message).toContain('"2023-02-30" ở people[0].serviceStart không có thật trên lịch');
  });

  it('Windows-1258 and other non-UTF-8 bytes are refused; spreadsheets are told by their bytes', () => {
    const cp = decodeJsonBytes(readFileSync(join(dir, 'windows-1258.json')), 'a.json');
    expect(cp.refusal?.vi).toMatch(/không phải văn bản UTF-8.*Windows-1258/);
    expect(sniffFileKind(readFileSync(join(dir, 'xls-renamed.xlsx')))).toBe('xls');
    expect(sniffFileKind(readFileSync(join(dir, 'encrypted.xlsx')))).toBe('encrypted');
    expect(sniffFileKind(readFileSync(join(dir, 'ods-renamed.xlsx')))).toBe('ods');
    expect(sniffFileKind(readFileSync(join(dir, 'pdf-renamed.xlsx')))).toBe('pdf');
    expect(sniffFileKind(readFileSync(join(dir, 'external-link.xlsx')))).toBe('zip');
    expect(sniffFileKind(new TextEncoder().encode('{"format": "thidua/cluster@1"}'))).toBeUndefined();
  });
});

describe('hostile text never matches a unit silently', () => {
  const cases: [string, string][] = [
    ['VKSND tỉnh Gia Lai\u200E', 'U+200E'],
    ['VKSND tỉnh Gi\u0430 Lai', 'U+0430'],
    ['VKSND tỉnh Đắk L\u0430k', 'U+0430'],
    ['VKSND tỉnh \u202EKon Tum', 'U+202E'],
    ['VKSND tỉnh Gia\u200B Lai', 'U+200B'],
    ['VKSND tỉnh Gia\u0007 Lai', 'U+0007'],
  ];

  it.each(cases)(
    '%j is inspected, resolved as a variant with a note, and its twin collides',
    (name, code) => {
      const found = inspectHostileText(name)!;
      expect([...found.hidden, ...found.lookalikes].map((h) => h.code)).toContain(code);
      const resolved = resolveUnit(name, '2022-12-31');
      expect(resolved.quality).not.toBe('exact');
      expect(resolved.confidence).toBeLessThan(1);
      expect(resolved.notes.map((n) => n.vi).join(' ')).toContain(code);
      // The twin's matching key is the key of the unit it imitates: a duplicate, never a second unit.
      const plain = name.replace(/[\u200E\u202E\u200B\u0007]/g, '').replace('\u0430', 'a');
      expect(matchKey(name)).toBe(matchKey(plain));
    },
  );

  it('plain names are untouched', () => {
    expect(inspectHostileText('VKSND tỉnh Đắk Lắk')).toBeUndefined();
    expect(resolveUnit('VKSND tỉnh Đắk Lắk', '2022-12-31').quality).toBe('exact');
    // Cyrillic text on its own (no Latin letters to imitate) is not a look-alike.
    expect(inspectHostileText('Москва')).toBeUndefined();
  });
});
