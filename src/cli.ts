/** Entry point of the bundle: the scripted CLI, or the console when run bare in a terminal. */
import nodeModule from 'node:module';
import { VERSION } from './version.js';

// First, so that every module imported below (all of them lazily) is cached; Node 20 loads nothing for it.
if ('enableCompileCache' in nodeModule && process.env.DESKLINE_CODE_CACHE !== '0') {
  const { enableCompileCache } = await import('./boot/compile-cache.js');
  enableCompileCache(process.env);
}
const args = process.argv.slice(2);
// `deskline … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// stdin is a getter: creating process.stdin costs a stream set-up that most commands never read.
const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  get stdin() {
    return process.stdin;
  },
  env: process.env,
};
const interactive = args.filter((a) => a !== '--db' && !a.startsWith('--db=') && a !== '--plain').length <= (args.includes('--db') ? 1 : 0);
/** Plain mode, line by line for screen readers: asked for, a dumb terminal, or the `plain` setting. */
const plain = async () =>
  args.includes('--plain') ||
  (process.stdin.isTTY &&
    process.stdout.isTTY &&
    (io.env.TERM === 'dumb' || (await import('./settings.js')).readSettings(io.env).plain === true));

// Each path imports only its own code: the console never loads commander, the CLI never loads ink.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // what commander would print, without loading it (--version is what scripts and installers run)
  process.stdout.write(`${VERSION}\n`);
} else if (interactive && (await plain())) {
  const { startPlain } = await import('./tui/plain/main.js');
  process.exitCode = await startPlain(io, { db: dbArg() });
} else if (tourOnly() && process.stdin.isTTY && process.stdout.isTTY) {
  // `deskline tour`: the console on a sandbox desk with the lessons (the real desk is never opened).
  const { openConsole } = await import('./boot/console.js');
  process.exitCode = await openConsole(io, { tour: true });
} else if (interactive && process.stdin.isTTY && process.stdout.isTTY) {
  const { openConsole } = await import('./boot/console.js');
  process.exitCode = await openConsole(io, { db: dbArg() });
} else {
  const { createProgram } = await import('./program.js');
  const { run } = createProgram(io);
  // No command and no terminal for the console (a pipe, cron, CI): the help, as for a bare `deskline`.
  process.exitCode = await run(interactive ? [...args, '--help'] : args);
}

/** The `--db` value of the command line, if any. */
function dbArg(): string | undefined {
  const at = args.indexOf('--db');
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--db='))?.slice(5);
}

/** `deskline tour` and nothing else (but a `--db`, which the tour does not use). */
function tourOnly(): boolean {
  const words = args.filter((a, i) => !a.startsWith('--db') && args[i - 1] !== '--db');
  return words.length === 1 && words[0] === 'tour';
}
