/**
 * The process around runCli: output piped into a program that stops reading (`| head`) ends quietly (the
 * command still finishes its files; nothing more is printed), and an interrupted run (Ctrl+C, kill) removes
 * the temporary files of its outputs before it exits. A SIGKILL cannot be caught: the next run cleans up.
 */
import { abandonOutputsSync } from '../host/fs/guarded-write';
import { runCli } from './main';

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
