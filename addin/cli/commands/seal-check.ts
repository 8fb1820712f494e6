/**
 * What `thidua check` adds for a finalised workbook: whether its figures still give the fingerprint stamped
 * when it was finalised, and which cells changed since (each named in Vietnamese, with sheet and cell).
 */
import { changeText, diffFacts } from '../../../templates/dossier';
import type { CommandContext } from '../context';
import type { LoadedDocument } from '../load';
import { factsWithCells, figuresOf, sealOf } from './figures';

export interface SealCheck {
  fingerprint: string;
  current: string;
  by: string;
  at: string;
  matches: boolean;
  changes: { text: string; sheet?: string; cell?: string }[];
}

export async function checkSeal(loaded: LoadedDocument, ctx: CommandContext): Promise<SealCheck | undefined> {
  const seal = await sealOf(loaded.path, loaded.doc);
  if (!seal) return undefined;
  const current = figuresOf(loaded, ctx).fingerprint;
  const now = factsWithCells(loaded.doc);
  const cellOf = new Map([...seal.facts, ...now].filter((f) => f.cell).map((f) => [f.key, f]));
  const changes = diffFacts(seal.facts, now).map((c) => {
    const at = cellOf.get(c.key);
    return { text: changeText(c), ...(at?.sheet ? { sheet: at.sheet, cell: at.cell! } : {}) };
  });
  return {
    fingerprint: seal.fingerprint,
    current,
    by: seal.by,
    at: seal.at,
    matches: current === seal.fingerprint && changes.length === 0,
    changes,
  };
}

export function sealLines(s: SealCheck, ctx: CommandContext): string[] {
  const t = ctx.t;
  const head = s.matches
    ? t({
        vi: `Số liệu đã chốt (${s.by}, ${s.at}): mã kiểm chứng ${s.fingerprint} vẫn khớp.`,
        en: `Finalised figures (${s.by}, ${s.at}): fingerprint ${s.fingerprint} still matches.`,
      })
    : t({
        vi: `KHÔNG KHỚP số liệu đã chốt (${s.by}, ${s.at}): mã khi chốt ${s.fingerprint}, mã hiện nay ${s.current}. Các ô đã thay đổi (${s.changes.length}):`,
        en: `DOES NOT MATCH the finalised figures (${s.by}, ${s.at}): fingerprint then ${s.fingerprint}, now ${s.current}. Cells changed (${s.changes.length}):`,
      });
  return [head, ...s.changes.map((c) => `  - ${c.sheet ? `'${c.sheet}'!${c.cell}: ` : ''}${c.text}`)];
}
