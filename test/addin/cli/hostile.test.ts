/**
 * The hostile corpus (test/fixtures/hostile/, made by scripts/hostile/make-fixtures.ts) through the built
 * command line, as a clerk runs it: each file's exit code, its issue codes or its one-line Vietnamese
 * refusal naming the file and the reason, never a library's or Node's text, the input byte-identical
 * afterwards, and `check` reporting every error and warning `nominate` reports about the data.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const dir = join(root, 'test/fixtures/hostile');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/cli.js', ...args],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        const code = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, out, err });
      },
    );
  });
}

/** What a file must give: exit 1 with these issue codes from check, or exit 2 with a refusal matching `refusal`. */
type Expectation = { exit: 1; codes: string[] } | { exit: 2; refusal: RegExp };

const E = {
  codes: (...codes: string[]): Expectation => ({ exit: 1, codes }),
  refused: (refusal: RegExp): Expectation => ({ exit: 2, refusal }),
};

const expected: Record<string, Expectation> = {
  // check reports what nominate reports about the data.
  'unknown-rule-set.json': E.codes('rules.ruleSet.unknown'),
  'bad-rule-overrides.json': E.codes('rules.override.unknown'),
  'bad-unit-profiles.json': E.codes('document.extension.invalid'),
  'impossible-date.json': E.codes('person.date.invalid'),
  'date-not-iso.json': E.codes('person.date.invalid'),
  // Hostile JSON.
  'proto-keys.json': E.codes('json.key.internal'),
  'proto-in-score.json': E.codes('json.key.internal'),
  'duplicate-key.json': E.codes('json.key.duplicate'),
  'deep-nesting.json': E.refused(/JSON không hợp lệ ở dòng 5, cột \d+: lồng nhau quá 64 cấp/),
  'number-1e400.json': E.codes('json.number.range'),
  'year-minus-zero.json': E.refused(
    /không dùng được: Trường year \(năm\) phải ít nhất 1900, nhưng đang là năm -0/,
  ),
  'year-20-digits.json': E.refused(/Số nguyên 12345678901234567890 ở year có quá nhiều chữ số/),
  'huge-unit-name.json': E.codes('ref.unit.unknown'),
  'syntax-error.json': E.refused(/JSON không hợp lệ ở dòng 4, cột 16/),
  'windows-1258.json': E.refused(/không phải văn bản UTF-8 \(byte thứ \d+ .*Windows-1258/),
  'utf8-invalid-byte.json': E.refused(/không phải văn bản UTF-8 \(byte thứ 61 /),
  'xls-as-json.json': E.refused(/là một sổ Excel kiểu cũ \.xls .*không phải tài liệu JSON/),
  // Hostile text: a twin or a look-alike never matches silently.
  'twin-lrm.json': E.codes('text.hidden', 'unit.duplicate'),
  'cyrillic-a.json': E.codes('text.lookalike'),
  'bidi-override.json': E.codes('text.hidden'),
  'zero-width.json': E.codes('text.hidden'),
  'control-char.json': E.codes('text.hidden'),
  'twin-lrm-cluster.xlsx': E.codes('text.hidden', 'unit.duplicate'),
  'cyrillic-a-cluster.xlsx': E.codes('text.lookalike'),
  // Hostile files: told by their bytes, not their name.
  'xls-renamed.xlsx': E.refused(/không mở: nội dung là một sổ Excel kiểu cũ \.xls/),
  'encrypted.xlsx': E.refused(/không mở: sổ được đặt mật khẩu \(mã hoá\)/),
  'ods-renamed.xlsx': E.refused(/không mở: nội dung là một sổ \.ods/),
  'xlsm-renamed.xlsx': E.refused(/không mở: sổ có macro \(xl\/vbaProject\.bin/),
  'pdf-renamed.xlsx': E.refused(/không mở: nội dung là một tệp PDF/),
  'zip-bomb-ratio.xlsx': E.refused(
    /phần "xl\/media\/padding\.bin" giải nén ra hơn [\d.]+ lần kích thước nén/,
  ),
  'zip-bomb-lying-size.xlsx': E.refused(/phần "xl\/media\/padding\.bin" giải nén ra hơn [\d.]+ lần/),
  'zip-declares-300mb.xlsx': E.refused(/khi giải nén lớn hơn 300,0 MB, quá giới hạn 270,0 MB/),
  'many-entries.xlsx': E.refused(/gói nén có hơn 5\.000 phần/),
  'path-traversal.xlsx': E.refused(/phần tên "\.\.\/\.\.\/\.\.\/tmp\/thidua-escaped\.txt" trỏ ra ngoài gói/),
  'dtd-external-entity.xlsx': E.refused(/phần "xl\/workbook\.xml" có khai báo DTD/),
  'dtd-billion-laughs.xlsx': E.refused(/phần "docProps\/app\.xml" có khai báo DTD/),
  'external-link.xlsx': E.refused(/sổ có liên kết tới sổ khác \(xl\/externalLinks\/externalLink1\.xml\)/),
  'truncated.xlsx': E.refused(/bị hỏng, không đọc được/),
};

/** Text of a library, of Node or of a validator: never in what a person reads. */
const LIBRARY_TEXT =
  /Cannot read|\[object Object\]|^\s+at |\bat \S+ \(|Error:|ENOENT|EISDIR|EACCES|ENOSPC|EPERM|EMFILE|\bundefined\b|\bNaN\b|Invalid input|Expected |Unexpected token|zod|jszip|exceljs|sax/im;

const files = readdirSync(dir).sort();
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

type Printed = { issues: { code: string; severity: string; message: string }[] };

describe('hostile corpus through dist/cli.js', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: root, stdio: 'pipe' });
  });

  it('has an expectation for every file, and a file for every expectation', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', async (name) => {
    const file = join(dir, name);
    const before = hash(file);
    const want = expected[name]!;
    const shown = `test/fixtures/hostile/${name}`;
    const [check, checkText, nominate] = await Promise.all([
      cli(['check', shown, '--json']),
      cli(['check', shown]),
      cli(['nominate', shown, '--json']),
    ]);
    expect(check.code, check.err).toBe(want.exit);
    expect(checkText.code).toBe(want.exit);
    if (want.exit === 2) {
      for (const r of [check, checkText, nominate]) {
        expect(r.code, `${r.err}`).toBe(2);
        expect(r.out).toBe('');
        const lines = r.err.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        // Names the file and says why.
        expect(lines[0]).toContain(name);
        expect(lines[0]).toMatch(want.refusal);
        expect(lines[0]).not.toMatch(LIBRARY_TEXT);
      }
    } else {
      expect(check.err).toBe('');
      const printed = JSON.parse(check.out) as Printed;
      const codes = printed.issues.map((i) => i.code);
      for (const code of want.codes) expect(codes, code).toContain(code);
      for (const issue of printed.issues) expect(issue.message).not.toMatch(LIBRARY_TEXT);
      expect(checkText.out).not.toMatch(LIBRARY_TEXT);
      // A huge name is cut in messages, never echoed whole.
      for (const line of checkText.out.split('\n')) expect(line.length).toBeLessThan(2000);
      // check reports every error and warning that nominate reports (nominate exits 1 the same).
      expect(nominate.code, nominate.err).toBe(1);
      const nominated = (JSON.parse(nominate.out) as Printed).issues.filter((i) => i.severity !== 'info');
      const checked = new Set(printed.issues.map((i) => `${i.code}\u0000${i.message}`));
      for (const issue of nominated)
        expect(checked, issue.message).toContain(`${issue.code}\u0000${issue.message}`);
    }
    expect(hash(file), 'the input is unchanged').toBe(before);
  });
});

describe('limits not worth a committed file', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'thidua-hostile-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a file over the size limit (67 MB, from the memory bound: addin/host/xlsx/read-limits.ts) is refused by its size before it is read', async () => {
    const big = join(work, 'lon.xlsx');
    const bytes = readFileSync(join(root, 'test/fixtures/other-programs/py-member.xlsx'));
    writeFileSync(big, Buffer.concat([bytes, Buffer.alloc(68 * 1024 * 1024 - bytes.length)]));
    const r = await cli(['check', big]);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd()).toBe(
      'Tệp lon.xlsx lớn 68,0 MB, quá giới hạn 67,0 MB; không mở. Nếu đây là sổ thật, hãy tách thành các sổ ít đơn vị hơn, hoặc xoá các trang tính và hình ảnh không cần rồi lưu lại.',
    );
  });

  it('a folder, a missing file and an unreadable name are one Vietnamese line each', async () => {
    for (const args of [
      ['check', work],
      ['check', join(work, 'khong-co.json')],
      ['check', join(work, 'khong-co.xlsx')],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(LIBRARY_TEXT);
    }
  });
});
