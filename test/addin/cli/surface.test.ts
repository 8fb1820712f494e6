/**
 * The command line as a clerk meets it: --lang anywhere, --version, every command's help in the chosen
 * language with an example, Vietnamese option errors, unit names that are not members, --units, export's
 * refusals, output piped into `head`, and no library text in anything printed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { link, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../addin/cli/commands';
import { runCli } from '../../../addin/cli/main';
import { version } from '../../../package.json';

const root = join(import.meta.dirname, '../../..');
const SAMPLE = join(root, 'templates/samples/cum-7-2022.json');
let dir: string;
const printed: string[] = [];

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  printed.push(...out, ...err);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-surface-'));
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: root, stdio: 'pipe' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('options that hold everywhere', () => {
  it('--lang en before the command, after it, or as --lang=en', async () => {
    for (const argv of [
      ['--lang', 'en', 'check', 'nope.json'],
      ['check', '--lang', 'en', 'nope.json'],
      ['check', 'nope.json', '--lang=en'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toBe('Cannot read nope.json: no such file or folder; check the name and the path.');
    }
  });

  it('an unknown language is refused in one line', async () => {
    const r = await run('--lang', 'fr', 'check', 'x.json');
    expect(r).toMatchObject({ code: 2, err: '--lang cần "vi" hoặc "en", không phải "fr".' });
  });

  it('--version prints the version', async () => {
    expect(await run('--version')).toMatchObject({ code: 0, out: `thidua ${version}` });
  });

  it('an unknown option or a missing value is a sentence naming it, not node:util text', async () => {
    const unknown = await run('compute', SAMPLE, '--ouput', 'x.xlsx');
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')[0]).toBe('Không có tuỳ chọn --ouput cho lệnh này.');
    const missing = await run('compute', SAMPLE, '--lang', 'en', '-o');
    expect(missing.err.split('\n')[0]).toBe('-o/--out needs a value (OUT.xlsx).');
  });
});

describe('help', () => {
  it('lists every command in the chosen language', async () => {
    const vi = await run('--help');
    const en = await run('--help', '--lang', 'en');
    for (const c of commands) {
      expect(vi.out).toContain(`${c.name}`);
      expect(vi.out).toContain(c.summary.vi);
      expect(en.out).toContain(c.summary.en);
    }
  });

  it.each(commands.map((c) => c.name))(
    '%s --help: usage, every option explained, an example, in vi and en',
    async (name) => {
      const entry = commands.find((c) => c.name === name)!;
      const command = await entry.load();
      expect(command.examples.length).toBeGreaterThan(0);
      for (const [option, spec] of Object.entries(command.options)) {
        expect(spec.help?.vi, `${name} --${option}`).toBeTruthy();
        expect(spec.help?.en, `${name} --${option}`).toBeTruthy();
      }
      const vi = await run(name, '--help');
      const en = await run('--lang', 'en', name, '--help');
      expect(vi.code).toBe(0);
      expect(vi.out).toContain(entry.summary.vi);
      expect(vi.out).not.toContain(entry.summary.en);
      expect(vi.out).toContain('Ví dụ:');
      expect(vi.out).toContain(command.examples[0]!.what.vi);
      expect(en.out).toContain('Examples:');
      expect(en.out).toContain(command.examples[0]!.what.en);
      for (const [option, spec] of Object.entries(command.options)) {
        expect(vi.out).toContain(`--${option}`);
        expect(vi.out).toContain(spec.help!.vi);
      }
    },
  );
});

describe('unit names', () => {
  it('tally --unit takes a member as written, and refuses a name that is no member, offering the closest', async () => {
    const ok = await run('tally', SAMPLE, '--unit', 'Dak Lak', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).unit).toBe('VKSND tỉnh Đắk Lắk');
    const typo = await run('tally', SAMPLE, '--unit', 'Kon Tom');
    expect(typo.code).toBe(2);
    expect(typo.out).toBe('');
    expect(typo.err).toMatch(
      /^"Kon Tom" không phải đơn vị thành viên của .*\. Tên gần nhất: VKSND tỉnh Kon Tum; /,
    );
    const other = await run('tally', SAMPLE, '--unit', 'Quảng Nam', '--lang', 'en');
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/^"Quảng Nam" is not a member of .*\. Closest members: VKSND tỉnh /);
  });

  it('new --units: commas are explained, the same unit twice (by registry identity) is refused', async () => {
    const commas = await run(
      'new',
      'annual',
      '-o',
      'a.xlsx',
      '--year',
      '2020',
      '--units',
      'Gia Lai, Kon Tum',
    );
    expect(commas).toMatchObject({
      code: 2,
      err: '--units ngăn cách các đơn vị bằng dấu chấm phẩy (;), không phải dấu phẩy: --units "Gia Lai;Kon Tum".',
    });
    const twins = await run(
      'new',
      'annual',
      '-o',
      'b.xlsx',
      '--year',
      '2020',
      '--units',
      'Đắk Lắk;Gia Lai;VKSND tỉnh Đăk Lăk',
    );
    expect(twins.code).toBe(2);
    expect(twins.err).toBe(
      '--units có một đơn vị hai lần: "Đắk Lắk" và "VKSND tỉnh Đăk Lăk" là cùng một đơn vị; mỗi đơn vị chỉ ghi một lần.',
    );
  });
});

describe('export', () => {
  it('refuses an existing output, and the workbook itself as output, leaving both untouched', async () => {
    const made = await run('new', 'annual', '--from', SAMPLE, '-o', 'wb.xlsx');
    expect(made.code, made.err).toBe(0);
    const before = await readFile(join(dir, 'wb.xlsx'));
    const self = await run('export', 'wb.xlsx', '-o', 'wb.xlsx', '--force');
    expect(self).toMatchObject({ code: 2, err: '-o cần tên tệp .json, không phải "wb.xlsx".' });
    await link(join(dir, 'wb.xlsx'), join(dir, 'wb-link.json'));
    const hard = await run('export', 'wb.xlsx', '-o', 'wb-link.json', '--force');
    expect(hard.code).toBe(2);
    expect(hard.err).toMatch(/^Tệp kết quả wb-link\.json chính là một tệp đầu vào/);
    await writeFile(join(dir, 'old.json'), 'OLD');
    const existing = await run('export', 'wb.xlsx', '-o', 'old.json');
    expect(existing.code).toBe(2);
    expect(existing.err).toMatch(/^old\.json đã có: Thi đua không ghi đè/);
    expect(await readFile(join(dir, 'old.json'), 'utf8')).toBe('OLD');
    expect(await run('export', 'wb.xlsx', '-o', 'old.json', '--force')).toMatchObject({ code: 0 });
    expect(JSON.parse(await readFile(join(dir, 'old.json'), 'utf8')).format).toBe('thidua/cluster@1');
    expect((await readFile(join(dir, 'wb.xlsx'))).equals(before)).toBe(true);
  });

  it('new --from wb.xlsx -o wb.xlsx is refused before the input is read', async () => {
    const r = await run('new', 'annual', '--from', 'wb.xlsx', '-o', 'wb.xlsx', '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/chính là một tệp đầu vào/);
  });
});

describe('dist/cli.js', () => {
  it.each([
    ['units', 'Đắk Lắk'],
    ['nominate', SAMPLE],
  ])('%s: output piped into a program that stopped reading ends quietly', async (...args) => {
    // The reading end is closed before the command prints (as `| head` does once it has its lines).
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('--help and units load neither exceljs nor React; reading a workbook loads no exceljs', () => {
    /** One CLI run with every module it loads written to a trace: its exit status and the modules. */
    const traced = (name: string, args: string[]) => {
      const trace = join(dir, `trace-${name}.txt`);
      const r = spawnSync(
        process.execPath,
        ['--import', './test/addin/cli/trace-loads.mjs', 'dist/cli.js', ...args],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, THIDUA_TRACE_FILE: trace },
        },
      );
      return { r, loaded: spawnSync('cat', [trace], { encoding: 'utf8' }).stdout };
    };
    // The packages but exceljs are bundled into the CLI's chunks (scripts/build.mjs): a chunk holding one says so
    // in esbuild's path comments ("// node_modules/zod/…").
    const PACKAGE_COMMENTS = /^\/\/ node_modules\/(?:jszip|react|react-dom|zod|date-fns|docx)\//gm;
    const packagesIn = (loaded: string) =>
      loaded
        .split('\n')
        .filter((url) => url.startsWith('file:') && url.includes('/dist/'))
        .flatMap((url) => readFileSync(fileURLToPath(url), 'utf8').match(PACKAGE_COMMENTS) ?? [])
        .join(' ');
    for (const args of [['--help'], ['units', 'Đắk Lắk']]) {
      const { r, loaded } = traced(args[0]!, args);
      expect(r.status, r.stderr).toBe(0);
      expect(loaded).toContain('dist/cli.js');
      expect(loaded).not.toMatch(/exceljs|jszip|react|zod|date-fns/);
      expect(packagesIn(loaded)).toBe('');
    }
    // A new workbook is written straight from its plan: no exceljs (only the theme part's text from its folder).
    const made = traced('new', [
      'new',
      'annual',
      '--from',
      'templates/samples/cum-7-2022.json',
      '-o',
      join(dir, 'moi-trace.xlsx'),
    ]);
    expect(made.r.status, made.r.stderr).toBe(0);
    expect(made.loaded).toMatch(/exceljs\/lib\/xlsx\/xml\/theme1/);
    expect(made.loaded).not.toMatch(/exceljs\/(?:excel\.js|lib\/exceljs)/);
    expect(packagesIn(made.loaded)).toMatch(/zod/);
    // Reading a workbook loads no exceljs (the direct reader, issue 15); writing a copy of it does, so the
    // trace does see packages loaded late.
    const book = join(root, 'test/fixtures/other-programs/py-cluster.xlsx');
    const reading = (name: string, args: string[]) => {
      const { r, loaded } = traced(name, args);
      expect(r.status, r.stderr).not.toBe(2);
      return loaded;
    };
    for (const command of ['check', 'compute', 'nominate'])
      expect(reading(command, [command, book]), command).not.toMatch(/exceljs/);
    expect(reading('compute-o', ['compute', book, '-o', join(dir, 'ket-qua.xlsx')])).toMatch(/exceljs/);
  });
});

it('nothing printed above holds a library text or a stack trace', () => {
  expect(printed.length).toBeGreaterThan(20);
  for (const line of printed)
    expect(line).not.toMatch(
      /\[object Object\]|Cannot read propert|TypeError|\n\s+at |\bE[A-Z]{3,}\b:|ERR_[A-Z_]+/,
    );
});
