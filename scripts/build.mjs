// Builds the bundles with esbuild: `node scripts/build.mjs [cli|addin]` (no argument: all).
// The CLI bundles its npm packages but exceljs (installed beside it); the add-in bundles everything.
// The CLI is split: dist/cli.js holds the dispatcher, each command is a chunk in dist/cli-chunks/ loaded by a
// dynamic import when it runs, so `thidua --help` and `thidua units` never load exceljs.
import { build } from 'esbuild';
import { chmod, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const only = process.argv[2];

async function buildCli() {
  await mkdir('dist', { recursive: true });
  const { metafile, outputFiles } = await build({
    metafile: true,
    // Written below, each file only when it changed and then by a rename: tests build the CLI while others
    // run it, and a chunk rewritten in place could be read half written by a command starting beside it.
    write: false,
    // The CLI's worker thread is its own entry beside it (addin/cli/threads/pool.ts).
    entryPoints: { cli: 'addin/cli/bin.ts', 'thread-worker': 'addin/cli/threads/worker.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // exceljs stays installed beside the CLI (loaded only by the commands that write through it); the other
    // packages are bundled: Node loading date-fns, zod and jszip file by file (500 files) took half a second
    // of every command's and worker's start.
    external: ['exceljs'],
    sourcemap: true,
    // Bundled CommonJS (jszip) requires Node's own modules: an ES module has no `require` of its own.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __thiduaRequire } from 'node:module';\nconst require = __thiduaRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  for (const file of outputFiles) await writeIfChanged(file.path, file.contents);
  await chmod('dist/cli.js', 0o755);
  // Chunks of earlier builds go; the others are left in place (names are content hashes), so a CLI started by
  // a test running beside this build still finds its chunks.
  const current = new Set(Object.keys(metafile.outputs));
  for (const name of await readdir('dist/cli-chunks'))
    if (!current.has(`dist/cli-chunks/${name}`) && !name.endsWith('.tmp'))
      await rm(`dist/cli-chunks/${name}`, { force: true });
}

/** `path` holding `contents`: left as it is when it holds them already, else replaced whole (a rename). */
async function writeIfChanged(path, contents) {
  const held = await readFile(path).catch(() => undefined);
  if (held && Buffer.compare(held, contents) === 0) return;
  await mkdir(dirname(path), { recursive: true });
  // Another build beside this one writes the same names: each its own temporary file (left by the cleanup).
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, contents);
  await rename(temp, path);
}

const targets = { cli: buildCli };
// The add-in build registers itself here once it exists (scripts/build-addin.mjs).
try {
  const addin = await import('./build-addin.mjs');
  targets.addin = addin.buildAddin;
} catch (error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}

for (const [name, run] of Object.entries(targets)) {
  if (!only || only === name) await run();
}
