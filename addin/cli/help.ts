/** `thidua --help` (from the registry alone) and `thidua COMMAND --help` (from the command's module), in vi or en. */
import { COMMON_OPTIONS } from './args';
import type { Command, CommandEntry, Lang, OptionSpec } from './context';

const pick = (lang: Lang, text: { vi: string; en: string }) => (lang === 'en' ? text.en : text.vi);

export function generalHelp(entries: readonly CommandEntry[], lang: Lang, version: string): string {
  const width = Math.max(...entries.map((e) => e.name.length)) + 2;
  return [
    `thidua ${version}: ${pick(lang, { vi: 'thi đua, khen thưởng của Viện kiểm sát nhân dân', en: "emulation and commendation work of the People's Procuracy" })}`,
    '',
    pick(lang, { vi: 'Cách dùng: thidua LỆNH [tuỳ chọn]', en: 'Usage: thidua COMMAND [options]' }),
    '',
    pick(lang, { vi: 'Lệnh:', en: 'Commands:' }),
    ...entries.map((e) => `  ${e.name.padEnd(width)}${pick(lang, e.summary)}`),
    '',
    pick(lang, {
      vi: 'thidua LỆNH --help: cách dùng và ví dụ của từng lệnh. --lang en: tiếng Anh. --version: phiên bản.',
      en: 'thidua COMMAND --help: usage and examples of each command. --lang vi: Vietnamese. --version: the version.',
    }),
    pick(lang, {
      vi: 'Mã thoát: 0 xong, dữ liệu không có lỗi; 1 xong nhưng dữ liệu có lỗi; 2 không chạy được.',
      en: 'Exit codes: 0 done, no data errors; 1 done but the data has errors; 2 could not run.',
    }),
  ].join('\n');
}

function optionLine(name: string, spec: OptionSpec): string {
  const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'X'}` : ''}`;
  return flag;
}

export function commandHelp(entry: CommandEntry, command: Command, lang: Lang): string {
  const options = Object.entries({ ...command.options, ...COMMON_OPTIONS });
  const flags = options.map(([n, s]) => optionLine(n, s));
  const width = Math.min(34, Math.max(...flags.map((f) => f.length)) + 2);
  const lines = [
    `thidua ${entry.name}: ${pick(lang, entry.summary)}`,
    '',
    `${pick(lang, { vi: 'Cách dùng', en: 'Usage' })}: ${command.usage}`,
    '',
    pick(lang, { vi: 'Tuỳ chọn:', en: 'Options:' }),
    ...options.map(([, s], i) => {
      const f = flags[i]!;
      const help = s.help ? pick(lang, s.help) : '';
      return f.length + 2 > width ? `  ${f}\n  ${' '.repeat(width)}${help}` : `  ${f.padEnd(width)}${help}`;
    }),
  ];
  for (const note of command.notes ?? []) lines.push('', pick(lang, note));
  lines.push('', pick(lang, { vi: 'Ví dụ:', en: 'Examples:' }));
  for (const e of command.examples) lines.push(`  ${e.line}`, `      ${pick(lang, e.what)}`);
  return lines.join('\n');
}
