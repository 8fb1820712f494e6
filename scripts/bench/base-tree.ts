/**
 * A base commit checked out in a temporary git worktree beside the working tree (the project's node_modules
 * linked in), for the benches that compare a build of the working tree with the same build of an older
 * commit made by that commit's own build scripts. The worktree is removed when `use` ends.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** The commit benches compare with by default (BENCH_BASE): the build before issue 15's work. */
export const BASE_COMMIT = process.env.BENCH_BASE || 'ed58fd0';

export async function withBaseTree<T>(
  commit: string,
  work: string,
  use: (tree: string, sha: string) => Promise<T>,
): Promise<T> {
  const tree = join(work, 'base-src');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const sha = git('rev-parse', '--verify', `${commit}^{commit}`);
  git('worktree', 'add', '--detach', tree, sha);
  try {
    await symlink(realpathSync(join(root, 'node_modules')), join(tree, 'node_modules'), 'dir');
    return await use(tree, sha.slice(0, 7));
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}
