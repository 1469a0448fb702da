/** Entry point of the bundle: the scripted CLI, or the console when run bare in a terminal. */
import { createProgram } from './program.js';

const args = process.argv.slice(2);
// `deskline … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
const interactive = args.filter((a) => a !== '--db' && !a.startsWith('--db=')).length <= (args.includes('--db') ? 1 : 0);

if (interactive && process.stdin.isTTY && process.stdout.isTTY) {
  const { startConsole } = await import('./tui/main.js');
  process.exitCode = await startConsole(io, args);
} else {
  const { run } = createProgram(io);
  process.exitCode = await run(args.length === 0 ? ['--help'] : args);
}
