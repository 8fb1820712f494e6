import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClusterDocument, parseClusterJson } from '../../../core';
import { codes, GIA_LAI, makeDoc } from './fixture';

const sampleText = readFileSync(
  new URL('../../../templates/samples/cum-7-2022.json', import.meta.url),
  'utf8',
);

describe('parseClusterJson', () => {
  it('reads the bundled sample with no problem at all', () => {
    const parsed = parseClusterJson(sampleText);
    expect(parsed.issues).toEqual([]);
    expect(parsed.doc?.units.map((u) => u.province)).toEqual(['66', '64', '62', '67', '68']);
  });

  it('gives line and column of a syntax error, and no document', () => {
    const parsed = parseClusterJson('{\n  "format": "thidua/cluster@1",\n  "year": 2022,,\n}');
    expect(parsed.doc).toBeUndefined();
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]!.code).toBe('json.syntax');
    expect(parsed.issues[0]!.message).toContain('dòng 3, cột 16');
    expect(parsed.issues[0]!.messageEn).toContain('line 3, column 16');
  });

  it('says a truncated file ends too early, at its end', () => {
    const text = JSON.stringify(makeDoc(), null, 2);
    const cut = text.slice(0, 120);
    const lines = cut.split('\n');
    const parsed = parseClusterJson(cut);
    expect(parsed.issues[0]!.code).toBe('json.syntax');
    expect(parsed.issues[0]!.message).toContain(`dòng ${lines.length}, cột`);
    expect(parsed.issues[0]!.message).toMatch(/kết thúc giữa chừng|chưa đóng/);
  });

  it('accepts a byte-order mark and reports an empty file', () => {
    expect(parseClusterJson(`\uFEFF${JSON.stringify(makeDoc())}`).issues).toEqual([]);
    const empty = parseClusterJson('  \n');
    expect(empty.issues[0]!.code).toBe('json.syntax');
    expect(empty.issues[0]!.message).toContain('tệp rỗng');
  });
});

describe('parseClusterDocument', () => {
  it('refuses what is not an object or not a cluster document', () => {
    expect(codes(parseClusterDocument([1, 2]).issues)).toEqual(['document.notObject']);
    const wrong = parseClusterDocument({ ...makeDoc(), format: 'thidua/result@1' });
    expect(wrong.doc).toBeUndefined();
    expect(codes(wrong.issues)).toEqual(['document.format']);
  });

  it('collects every missing required part at once', () => {
    const { units: _u, criteria: _c, ...rest } = makeDoc();
    const parsed = parseClusterDocument({ ...rest, year: '2022' });
    expect(parsed.doc).toBeUndefined();
    expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([
      ['document.type', 'year'],
      ['document.missing', 'units'],
      ['document.missing', 'criteria'],
    ]);
  });

  it('reports a wrong type with its JSON path, leaves that entry out and keeps the rest', () => {
    const doc = makeDoc();
    const raw = JSON.parse(JSON.stringify(doc));
    raw.scores[1].points = '9,5';
    raw.scores[3].stage = 'final';
    const parsed = parseClusterDocument(raw);
    expect(parsed.doc).toBeDefined();
    expect(parsed.doc!.scores).toHaveLength(doc.scores!.length - 2);
    const [typeIssue, valueIssue] = parsed.issues;
    expect(typeIssue).toMatchObject({
      code: 'document.type',
      path: 'scores[1].points',
      unit: GIA_LAI,
      criterion: '1.b',
      stage: 'self',
    });
    expect(typeIssue!.message).toContain('chuỗi "9,5"');
    expect(typeIssue!.message).toContain('dấu chấm thập phân');
    expect(valueIssue).toMatchObject({ code: 'document.value', path: 'scores[3].stage' });
    expect(valueIssue!.message).toContain('"self", "verified"');
  });

  it('keeps unknown keys with a warning (a misspelt "bonnus" is never silently lost)', () => {
    const raw = JSON.parse(JSON.stringify(makeDoc()));
    raw.scores[0].bonnus = 1;
    raw.note = 'x';
    const parsed = parseClusterDocument(raw);
    expect(parsed.issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ['warning', 'document.key.unknown', 'scores[0].bonnus'],
      ['warning', 'document.key.unknown', 'note'],
    ]);
    expect((parsed.doc!.scores![0] as unknown as Record<string, unknown>).bonnus).toBe(1);
  });

  it('drops a malformed optional section but keeps the document usable', () => {
    const parsed = parseClusterDocument({ ...makeDoc(), ranking: { tieBreak: 'deduction' } });
    expect(parsed.doc).toBeDefined();
    expect(parsed.doc!.ranking).toBeUndefined();
    expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([['document.type', 'ranking.tieBreak']]);
  });
});
