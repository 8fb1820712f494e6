/**
 * The one guarded write path: every file or folder the product writes on disk goes through here.
 *
 *   const out = await claimOutput('cum.xlsx', { inputs: [input], force });  // BEFORE reading the inputs
 *   …compute…
 *   await out.write(bytes);    // into a temporary file beside the target, fsynced
 *   await out.commit();        // renamed into place; or out.abort() on failure
 *
 * or `await writeOutput(path, bytes, options)` for all three at once. Guarantees:
 * - an existing output is refused unless `force` (then replaced by an atomic rename: the old file stays whole
 *   until the new one is complete; a folder is moved aside as a backup and removed after);
 * - an output that is one of `inputs` (same path, a symlink to it, a hard link to it) is refused; a link at
 *   the output path is refused, dangling or not (nothing is written through a link);
 * - concurrent writers cannot both succeed: a lock file per target (held by a live pid), and a create-exclusive
 *   commit (link(2), which fails when the name exists) when nothing is to be replaced;
 * - a failure or a kill leaves nothing or the previous file at the output path, never a partial one; what a
 *   killed run left beside a target (".NAME.thidua-PID-XXXX.tmp", its lock) is cleaned by the next claim there.
 * Writers that produce a file themselves (LibreOffice's PDF) use `stagingDir()` and `adopt(path)`.
 * Refusals and failures are OutputError with a Vietnamese/English sentence naming the file and what to do.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, unlinkSync } from 'node:fs';
import { link, lstat, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Bilingual } from '../../../core';
import { fsErrorCode, fsErrorText } from './fs-errors';
import {
  type InputFacts,
  type OutputKind,
  type PathFacts,
  decideOutput,
  leftoverAction,
  lockName,
  parseSideName,
  sideName,
} from './output-rules';

export class OutputError extends Error {
  constructor(
    readonly text: Bilingual,
    /** Why: a refusal before anything was written, or a failure while writing (nothing left behind). */
    readonly reason: 'refused' | 'failed',
  ) {
    super(text.en);
  }
}

export interface OutputOptions {
  /** The name as the user wrote it, for messages (default: the path). */
  shown?: string;
  /** Files the command reads: the output may be none of them. */
  inputs?: readonly string[];
  /** Replace an existing output. */
  force?: boolean;
  /** 'file' (default) or 'folder' (written as a whole: a temporary folder renamed into place). */
  kind?: OutputKind;
}

export interface ClaimedOutput {
  /** The resolved target path. */
  readonly path: string;
  readonly shown: string;
  /**
   * Where the content is put together until commit: the temporary file, or (kind 'folder') the temporary folder,
   * whose files a command may read back or hand to a tool before committing.
   */
  readonly workPath: string;
  /** Writes the whole file (kind 'file') into the temporary file, and fsyncs it. */
  write(data: Uint8Array | string): Promise<void>;
  /** Writes one file into the temporary folder (kind 'folder'). */
  writeInside(name: string, data: Uint8Array | string): Promise<void>;
  /** A private folder beside the target for a tool's own output (removed on commit or abort). */
  stagingDir(): Promise<string>;
  /** Takes a file a tool produced (on the same disk, e.g. in stagingDir()) as the content. */
  adopt(produced: string): Promise<void>;
  /** Puts the content in place; after this the target is complete. */
  commit(): Promise<void>;
  /** Removes everything this claim made; the target is left as it was. */
  abort(): Promise<void>;
}

/* ---------- facts from the file system ---------- */

async function factsOf(path: string): Promise<PathFacts> {
  let st: Awaited<ReturnType<typeof lstat>>;
  try {
    st = await lstat(path);
  } catch (error) {
    const code = fsErrorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    throw error;
  }
  if (st.isSymbolicLink()) {
    const dangling = await stat(path).then(
      () => false,
      () => true,
    );
    return { kind: 'link', dangling };
  }
  if (st.isFile()) return { kind: 'file', id: `${st.dev}:${st.ino}`, links: st.nlink };
  if (st.isDirectory()) return { kind: 'folder', empty: (await readdir(path)).length === 0 };
  return { kind: 'other' };
}

async function inputFacts(path: string): Promise<InputFacts> {
  const resolved = resolve(path);
  try {
    const st = await stat(resolved); // follows links: a link to the output is the output
    return { path: resolved, id: `${st.dev}:${st.ino}` };
  } catch {
    return { path: resolved };
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return fsErrorCode(error) === 'EPERM';
  }
}

/** Removes (or restores, for a folder's backup) what runs that are no longer alive left in `dir`. Best effort. */
export async function cleanLeftovers(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const side = parseSideName(name);
      if (side) {
        if (alive(side.pid)) continue;
        const target = join(dir, side.base);
        const action = leftoverAction(side.role, (await factsOf(target)).kind !== 'missing');
        if (action === 'restore') await rename(path, target);
        else await rm(path, { recursive: true, force: true });
        continue;
      }
      if (name.startsWith('.') && name.endsWith('.thidua.lock')) {
        const pid = Number((await readFile(path, 'utf8')).trim());
        if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) await unlink(path);
      }
    } catch {
      // Another run cleaning at the same time, or no permission: the leftover is only ignored.
    }
  }
}

/* ---------- the lock: one live writer per target ---------- */

async function acquireLock(lockPath: string, shown: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if (fsErrorCode(error) !== 'EEXIST')
        throw new OutputError(fsErrorText(error, shown, 'write'), 'failed');
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      // A lock just being written (empty) belongs to a live run; a lock of a dead pid is stale.
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        await unlink(lockPath).catch(() => undefined);
        continue;
      }
      break;
    }
  }
  throw new OutputError(
    {
      vi: `Một lần chạy Thi đua khác đang ghi ${shown}: chờ lần đó xong, hoặc chọn tên khác.`,
      en: `Another Thi đua run is writing ${shown}: wait for it to finish, or choose another name.`,
    },
    'refused',
  );
}

/* ---------- claims ---------- */

const active = new Set<Claim>();

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}

async function writeSynced(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

class Claim implements ClaimedOutput {
  private staging: string | undefined;
  private written = false;
  private done = false;

  get workPath(): string {
    return this.temp;
  }

  constructor(
    readonly path: string,
    readonly shown: string,
    private readonly kind: OutputKind,
    private readonly replace: boolean,
    private readonly temp: string,
    private readonly lock: string,
  ) {}

  private fail(error: unknown): never {
    if (error instanceof OutputError) throw error;
    throw new OutputError(fsErrorText(error, this.shown, 'write'), 'failed');
  }

  async write(data: Uint8Array | string): Promise<void> {
    try {
      await writeSynced(this.temp, data);
      this.written = true;
    } catch (error) {
      await rm(this.temp, { force: true }).catch(() => undefined);
      this.fail(error);
    }
  }

  async writeInside(name: string, data: Uint8Array | string): Promise<void> {
    try {
      await writeSynced(join(this.temp, name), data);
      this.written = true;
    } catch (error) {
      this.fail(error);
    }
  }

  async stagingDir(): Promise<string> {
    if (!this.staging) {
      const dir = dirname(this.path);
      this.staging = join(dir, sideName(basename(this.path), 'tmp', process.pid, randomPart()));
      try {
        await mkdir(this.staging);
      } catch (error) {
        this.fail(error);
      }
    }
    return this.staging;
  }

  async adopt(produced: string): Promise<void> {
    try {
      await rename(produced, this.temp);
      const handle = await open(this.temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      this.written = true;
    } catch (error) {
      this.fail(error);
    }
  }

  async commit(): Promise<void> {
    if (!this.written && this.kind === 'file') throw new Error(`commit before write: ${this.path}`); // a programming error, not a user's
    try {
      if (this.kind === 'file') await this.commitFile();
      else await this.commitFolder();
      await syncDir(dirname(this.path));
    } catch (error) {
      await this.abort();
      this.fail(error);
    }
    this.done = true;
    await this.release();
  }

  private async commitFile(): Promise<void> {
    if (this.replace) {
      await rename(this.temp, this.path); // atomic: readers see the old file or the new one
      return;
    }
    try {
      await link(this.temp, this.path); // fails with EEXIST if anything took the name meanwhile
      await unlink(this.temp);
    } catch (error) {
      const code = fsErrorCode(error);
      if (code === 'EEXIST') throw this.takenMeanwhile();
      if (!code || !NO_HARD_LINKS.has(code)) throw error;
      // No hard links on this disk (FAT, some network shares): the lock is the only guard left.
      if ((await factsOf(this.path)).kind !== 'missing') throw this.takenMeanwhile();
      await rename(this.temp, this.path);
    }
  }

  private async commitFolder(): Promise<void> {
    const facts = await factsOf(this.path);
    if (facts.kind === 'missing' || (facts.kind === 'folder' && facts.empty)) {
      try {
        await rename(this.temp, this.path); // replaces an empty folder; fails on a non-empty one
      } catch (error) {
        const code = fsErrorCode(error);
        if (code === 'ENOTEMPTY' || code === 'EEXIST') throw this.takenMeanwhile();
        throw error;
      }
      return;
    }
    if (!this.replace || facts.kind !== 'folder') throw this.takenMeanwhile();
    // A folder cannot be replaced in one rename: the old one waits aside until the new one is in place.
    const backup = join(dirname(this.path), sideName(basename(this.path), 'bak', process.pid, randomPart()));
    await rename(this.path, backup);
    await rename(this.temp, this.path);
    await rm(backup, { recursive: true, force: true });
  }

  private takenMeanwhile(): OutputError {
    return new OutputError(
      {
        vi: `${this.shown} vừa được tạo bởi chương trình khác trong lúc Thi đua làm việc: không ghi đè; tệp đó được giữ nguyên.`,
        en: `${this.shown} was created by another program while Thi đua worked: not overwritten; that file is kept.`,
      },
      'refused',
    );
  }

  async abort(): Promise<void> {
    await Promise.all([
      rm(this.temp, { recursive: true, force: true }),
      this.staging ? rm(this.staging, { recursive: true, force: true }) : undefined,
    ]).catch(() => undefined);
    await this.release();
  }

  private async release(): Promise<void> {
    if (this.staging && this.done) await rm(this.staging, { recursive: true, force: true }).catch(() => 0);
    await unlink(this.lock).catch(() => undefined);
    active.delete(this);
  }

  /** For signal handlers: the same as abort, synchronously. */
  abandonSync(): void {
    for (const p of [this.temp, this.staging])
      if (p && !this.done)
        try {
          rmSync(p, { recursive: true, force: true });
        } catch {}
    try {
      unlinkSync(this.lock);
    } catch {}
    active.delete(this);
  }
}

const randomPart = (): string => randomBytes(4).toString('hex');

/**
 * Checks and reserves an output before anything is read or computed: refused (OutputError) when it exists
 * (without force), is an input, is a link, or another run holds it. Leftovers of killed runs beside it are
 * cleaned first. A folder output's parent folders are created.
 */
export async function claimOutput(path: string, options: OutputOptions = {}): Promise<ClaimedOutput> {
  const target = resolve(path);
  const shown = options.shown ?? path;
  const kind = options.kind ?? 'file';
  const dir = dirname(target);
  const base = basename(target);
  const inputs = await Promise.all((options.inputs ?? []).map(inputFacts));
  const decide = async () => {
    let facts: PathFacts;
    try {
      facts = await factsOf(target);
    } catch (error) {
      throw new OutputError(fsErrorText(error, shown, 'write'), 'failed');
    }
    const decision = decideOutput({ path: target, shown, facts }, inputs, {
      force: options.force === true,
      kind,
    });
    if (!decision.ok) throw new OutputError(decision.text, 'refused');
    return decision.replace;
  };
  await decide();
  if (kind === 'folder')
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw new OutputError(fsErrorText(error, dirname(shown), 'folder'), 'failed');
    });
  await cleanLeftovers(dir);
  const lock = join(dir, lockName(base));
  await acquireLock(lock, shown);
  const temp = join(dir, sideName(base, 'tmp', process.pid, randomPart()));
  try {
    // Checked again under the lock: another run may have finished between the first look and the lock.
    const replace = await decide();
    if (kind === 'folder') await mkdir(temp);
    const claim = new Claim(target, shown, kind, replace, temp, lock);
    active.add(claim);
    return claim;
  } catch (error) {
    await unlink(lock).catch(() => undefined);
    if (error instanceof OutputError) throw error;
    throw new OutputError(fsErrorText(error, shown, 'write'), 'failed');
  }
}

/** Several outputs claimed together (an .xlsx and its .pdf): all, or none and the first refusal. */
export async function claimOutputs(
  paths: readonly { path: string; options?: OutputOptions }[],
): Promise<ClaimedOutput[]> {
  const claimed: ClaimedOutput[] = [];
  try {
    for (const p of paths) claimed.push(await claimOutput(p.path, p.options));
    return claimed;
  } catch (error) {
    for (const c of claimed) await c.abort();
    throw error;
  }
}

/** Claim, write, commit: one whole file, or nothing (OutputError). */
export async function writeOutput(
  path: string,
  data: Uint8Array | string,
  options: OutputOptions = {},
): Promise<void> {
  const claim = await claimOutput(path, options);
  try {
    await claim.write(data);
    await claim.commit();
  } catch (error) {
    await claim.abort();
    throw error;
  }
}

/** Removes the temporary files and locks of this process's open claims (SIGINT/SIGTERM handlers). */
export function abandonOutputsSync(): void {
  for (const claim of [...active]) claim.abandonSync();
}
