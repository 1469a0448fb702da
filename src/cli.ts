/** Entry point of the bundle: the scripted CLI, or the console when run bare in a terminal. */
import { enableCompileCache } from './boot/compile-cache.js';

// First, so that every module imported below (all of them lazily) is cached on Node ≥ 22.
enableCompileCache(process.env);
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
const interactive = args.filter((a) => a !== '--db' && !a.startsWith('--db=')).length <= (args.includes('--db') ? 1 : 0);

// Each path imports only its own code: the console never loads commander, the CLI never loads ink.
if (interactive && process.stdin.isTTY && process.stdout.isTTY) {
  const { openConsole } = await import('./boot/console.js');
  const at = args.indexOf('--db');
  process.exitCode = await openConsole(io, { db: at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--db='))?.slice(5) });
} else {
  const { createProgram } = await import('./program.js');
  const { run } = createProgram(io);
  process.exitCode = await run(args.length === 0 ? ['--help'] : args);
}
