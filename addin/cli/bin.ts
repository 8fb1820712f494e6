/**
 * The process around runCli: output piped into a program that stops reading (`| head`) ends quietly (the
 * command still finishes its files; nothing more is printed), and an interrupted run (Ctrl+C, kill) removes
 * the temporary files of its outputs before it exits. A SIGKILL cannot be caught: the next run cleans up.
 */
import { setFlagsFromString } from 'node:v8';
import { abandonOutputsSync } from '../host/fs/guarded-write';
import { runCli } from './main';

// V8's optimizing compiler without inlining, and called on a function after four times the default work
// (process-wide: the worker thread too). A command runs a second or two, and compiling, on the same two cores
// as the work, cost about as much CPU as the work itself. Side by side at 63 units, 9 runs each: without
// inlining `new --per-unit` 1,60 → 1,42 s (CPU 2,95 → 2,59 s), `merge` 1,77 → 1,61 s, the year's first
// merge 1,74 → 1,52 s; the later tier-up then 1,67 → 1,45, 1,30 → 1,21 and 1,49 → 1,42 s (eight times the
// budget no better, and once 3 s slower at 700 units). At 700 units `new`, `compute -o` and `check` stay
// within the noise. Only the compiler's choices change, never a result.
setFlagsFromString('--no-turbo-inlining --interrupt-budget=270336');

const closed = { out: false, err: false };
for (const [key, stream] of [
  ['out', process.stdout],
  ['err', process.stderr],
] as const)
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that went away is not a failure of the command; anything else on a standard stream is not ours.
    closed[key] = true;
    if (error.code !== 'EPIPE') process.exitCode = 2;
  });

const io = {
  out: (text: string) => {
    if (!closed.out) process.stdout.write(`${text}\n`);
  },
  err: (text: string) => {
    if (!closed.err) process.stderr.write(`${text}\n`);
  },
  cwd: process.cwd(),
};

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)
  process.on(signal, () => {
    abandonOutputsSync();
    process.exit(code);
  });

runCli(process.argv.slice(2), io).then(
  (code) => {
    if (process.exitCode === undefined || process.exitCode === 0) process.exitCode = code;
  },
  () => {
    io.err('Lỗi không mong đợi / Unexpected failure.');
    process.exitCode = 2;
  },
);
