/**
 * `thidua units NAME [--date YYYY-MM-DD] [--json]`: a unit or province name as written → the official unit
 * on that date (default: today), its successor after a merger, the confidence and the alternatives.
 * Exit 0 when the name matches a unit, 1 when it does not, 2 for bad arguments.
 */
// From the concept folders, not core/index: units loads neither the document schema (zod) nor the award rules.
import { isIsoDate, resolveUnit, type UnitRef, type UnitResolution } from '../../../core/registry';
import { badDateText, DATE_FLAG } from '../../app/date-text';
import { CliError, type Command, type CommandContext, EXIT_DATA_ERRORS, EXIT_OK } from '../context';

const USAGE = 'thidua units NAME [--date YYYY-MM-DD] [--json]';

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What `units --json` prints (cli.md): exactly these keys. */
export function unitsJson(r: UnitResolution): Record<string, unknown> {
  const out: Record<string, unknown> = { input: r.input, match: r.match, confidence: r.confidence };
  if (r.successor) out.successor = r.successor;
  out.alternatives = r.alternatives;
  return out;
}

const dayVi = (iso: string): string => iso.split('-').reverse().join('/');

function describeUnit(u: UnitRef, ctx: CommandContext): string {
  return ctx.lang === 'en'
    ? `${u.name} (code ${u.code}, ${u.validTo ? `${u.validFrom} to ${u.validTo}` : `from ${u.validFrom}`})`
    : `${u.name} (mã ${u.code}, ${u.validTo ? `từ ${dayVi(u.validFrom)} đến ${dayVi(u.validTo)}` : `từ ${dayVi(u.validFrom)}`})`;
}

// A whole percent reads the same in both languages; no Intl number format (its ICU data costs ~0,25 s at start).
const percent = (confidence: number): string => `${Math.round(confidence * 100)}%`;

function readable(r: UnitResolution, date: string, ctx: CommandContext): string[] {
  const on = ctx.t({ vi: `ngày ${dayVi(date)}`, en: `on ${date}` });
  const lines = [`"${r.input}" ${on}:`];
  if (r.match) {
    lines.push(
      ctx.t({
        vi: `  Đơn vị: ${describeUnit(r.match, ctx)}, độ tin cậy ${percent(r.confidence)}`,
        en: `  Unit: ${describeUnit(r.match, ctx)}, confidence ${percent(r.confidence)}`,
      }),
    );
    if (r.validity === 'expired')
      lines.push(ctx.t({ vi: `  Không còn hiệu lực ${on}.`, en: `  Not in force ${on}.` }));
    if (r.validity === 'future') {
      lines.push(ctx.t({ vi: `  Chưa có hiệu lực ${on}.`, en: `  Not yet in force ${on}.` }));
      for (const p of r.predecessors ?? [])
        lines.push(
          ctx.t({ vi: `  Khi đó là: ${describeUnit(p, ctx)}`, en: `  Then it was: ${describeUnit(p, ctx)}` }),
        );
    }
    if (r.successor) {
      const s = r.successor;
      lines.push(
        ctx.t({
          vi: `  Đơn vị kế thừa: ${s.name} (mã ${s.code}, từ ${dayVi(s.validFrom)})`,
          en: `  Successor: ${s.name} (code ${s.code}, from ${s.validFrom})`,
        }),
      );
    }
  } else {
    lines.push(
      ctx.t({
        vi: `  Không khớp đơn vị nào${r.quality === 'ambiguous' ? ' (gần với nhiều đơn vị, không đoán)' : ''}.`,
        en: `  No matching unit${r.quality === 'ambiguous' ? ' (close to several units; no guess made)' : ''}.`,
      }),
    );
  }
  for (const note of r.notes) lines.push(`  · ${ctx.t(note)}`);
  if (r.alternatives.length > 0) {
    lines.push(ctx.t({ vi: '  Có thể là:', en: '  Alternatives:' }));
    for (const a of r.alternatives) lines.push(`    - ${describeUnit(a, ctx)}`);
  }
  return lines;
}

export const unitsCommand: Command = {
  name: 'units',
  usage: USAGE,
  options: {
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      help: { vi: 'ngày tra cứu (mặc định hôm nay)', en: 'the date to resolve on (default today)' },
    },
    json: { type: 'boolean', help: { vi: 'in kết quả dạng JSON', en: 'prints the result as JSON' } },
  },
  examples: [
    {
      line: 'thidua units "Dak Lak" --date 2024-12-31',
      what: {
        vi: 'VKSND tỉnh Đắk Lắk trước sáp nhập, kèm đơn vị kế thừa từ 01/7/2025',
        en: 'the Đắk Lắk procuracy before the merger, with its successor from 2025-07-01',
      },
    },
  ],
  async run(ctx) {
    const name = ctx.positionals.join(' ').trim();
    if (!name) throw new CliError({ vi: `Thiếu tên đơn vị.\n${USAGE}`, en: `Missing unit name.\n${USAGE}` });
    const dateOption = ctx.values.date;
    const date = typeof dateOption === 'string' ? dateOption.trim() : today();
    // The one sentence for a bad date (addin/app/date-text.ts), naming the flag; the example is a merger's day.
    if (!isIsoDate(date)) throw new CliError(badDateText(DATE_FLAG, date, '2025-07-01'));
    const resolved = resolveUnit(name, date);
    if (ctx.values.json) ctx.io.out(JSON.stringify(unitsJson(resolved), null, 2));
    else ctx.io.out(readable(resolved, date, ctx).join('\n'));
    return resolved.match ? EXIT_OK : EXIT_DATA_ERRORS;
  },
};
