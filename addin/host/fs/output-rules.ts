/**
 * The pure decisions of the guarded write path (guarded-write.ts does the file-system calls): may this output
 * be written, given what is at its path and which files the command reads; and the names of the temporary,
 * backup and lock files kept beside a target, so a later run can recognise what a killed run left.
 */
import type { Bilingual } from '../../../core';

/** What lstat found at a path (links are described, never followed). */
export type PathFacts =
  | { kind: 'missing' }
  | { kind: 'file'; id: string; links: number }
  | { kind: 'folder'; empty: boolean }
  | { kind: 'link'; dangling: boolean }
  | { kind: 'other' };

/** An input the command reads: its resolved path and, when it exists, its file identity ("dev:ino"). */
export interface InputFacts {
  path: string;
  id?: string;
}

export type OutputKind = 'file' | 'folder';

export type OutputDecision =
  | { ok: true; replace: boolean }
  | { ok: false; reason: 'exists' | 'input' | 'link' | 'notFile' | 'notFolder'; text: Bilingual };

/**
 * May `target` (resolved path, facts from lstat) be written? An input is never an output, by path or by file
 * identity (a hard link, or a symlink to it); a link at the output path is refused, dangling or not, since
 * writing there would write through it; an existing output is replaced only with `force`.
 */
export function decideOutput(
  target: { path: string; shown: string; facts: PathFacts },
  inputs: readonly InputFacts[],
  options: { force: boolean; kind: OutputKind },
): OutputDecision {
  const { facts, shown } = target;
  const isInput = inputs.some(
    (i) => i.path === target.path || (facts.kind === 'file' && i.id !== undefined && i.id === facts.id),
  );
  if (isInput)
    return {
      ok: false,
      reason: 'input',
      text: {
        vi: `Tệp kết quả ${shown} chính là một tệp đầu vào (cùng đường dẫn, liên kết hoặc liên kết cứng): Thi đua không ghi đè tệp đang đọc; hãy chọn tên khác.`,
        en: `The output ${shown} is one of the inputs (same path, link or hard link): Thi đua never overwrites a file it reads; choose another name.`,
      },
    };
  if (facts.kind === 'link')
    return {
      ok: false,
      reason: 'link',
      text: {
        vi: `${shown} là một liên kết (symlink${facts.dangling ? ', trỏ tới tệp không tồn tại' : ''}): Thi đua không ghi qua liên kết; hãy ghi tên một tệp thật.`,
        en: `${shown} is a symbolic link${facts.dangling ? ' to nothing' : ''}: Thi đua does not write through links; give a real file name.`,
      },
    };
  if (options.kind === 'file' && (facts.kind === 'folder' || facts.kind === 'other'))
    return {
      ok: false,
      reason: 'notFile',
      text: {
        vi: `${shown} là một thư mục hoặc không phải tệp thường: hãy ghi rõ tên tệp kết quả.`,
        en: `${shown} is a folder or not a regular file: give the output file's name.`,
      },
    };
  if (options.kind === 'folder' && (facts.kind === 'file' || facts.kind === 'other'))
    return {
      ok: false,
      reason: 'notFolder',
      text: {
        vi: `${shown} đã có và không phải thư mục: hãy chọn tên thư mục khác.`,
        en: `${shown} exists and is not a folder: choose another folder name.`,
      },
    };
  const exists = facts.kind === 'file' || (facts.kind === 'folder' && !facts.empty);
  if (exists && !options.force)
    return {
      ok: false,
      reason: 'exists',
      text: {
        vi: `${shown} đã có: Thi đua không ghi đè (tệp có thể đã được sửa hoặc ký); hãy chọn tên khác, hoặc thêm --force để thay (tệp cũ được giữ đến khi tệp mới ghi xong).`,
        en: `${shown} exists: Thi đua does not overwrite it (it may have been edited or signed); choose another name, or add --force to replace it (the old file is kept until the new one is complete).`,
      },
    };
  return { ok: true, replace: exists || facts.kind === 'folder' };
}

/* ---------- names kept beside a target ---------- */

export type LeftoverRole = 'tmp' | 'bak';

/** ".cum.xlsx.thidua-1234-k3f9.tmp": hidden (no `*.xlsx` glob matches it), the writer's pid, a random part. */
export function sideName(base: string, role: LeftoverRole, pid: number, random: string): string {
  return `.${base}.thidua-${pid}-${random}.${role}`;
}

/** ".cum.xlsx.thidua.lock": one per target; it holds the pid of the run writing the target. */
export const lockName = (base: string): string => `.${base}.thidua.lock`;

const SIDE = /^\.(.+)\.thidua-(\d+)-([0-9a-z]+)\.(tmp|bak)$/;

/** A leftover's target name, writer pid and role; undefined for every other name. */
export function parseSideName(name: string): { base: string; pid: number; role: LeftoverRole } | undefined {
  const m = SIDE.exec(name);
  if (!m) return undefined;
  return { base: m[1]!, pid: Number(m[2]), role: m[4] as LeftoverRole };
}

/**
 * What to do with a leftover whose writer is gone: a temporary file is removed; a backup goes back to its
 * target's name when the target is missing (a folder replacement killed between its two renames), else removed.
 */
export function leftoverAction(role: LeftoverRole, targetExists: boolean): 'remove' | 'restore' {
  return role === 'bak' && !targetExists ? 'restore' : 'remove';
}
