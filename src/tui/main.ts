/**
 * The console's entry, bundled as dist/console.cjs and run by src/boot/console.ts: opens the desk,
 * takes over the terminal (the alternate screen), runs the Ink app, and gives the terminal back as
 * it found it on any way out.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { basename } from 'node:path';
import type { Io } from '../streams.js';
import { openDesk, type Desk } from '../store/desk.js';
import { describeError, EXIT, type ExitCode } from '../errors.js';
import { resolveDbPath } from '../paths.js';
import { currentIdentity, readSettings } from '../settings.js';
import { ensureTechnician } from '../store/technicians.js';
import { ConsoleApp, type ConsoleProps } from './app.js';
import { logTimer } from './data/timer-note.js';
import { preloadRows } from './data/preload.js';
import { applyRemaps, DEFAULT_KEYMAP, viewBindings } from './keymap.js';
import { layout } from './layout.js';
import type { TimedTicket } from './timer-state.js';
import { allViews } from './views.js';

const ENTER_ALT = '\x1b[?1049h\x1b[H';
const LEAVE_ALT = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

/** `--db PATH` or `--db=PATH` among the console's arguments. */
export function dbFlag(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') return args[i + 1];
    if (a.startsWith('--db=')) return a.slice(5);
  }
  return undefined;
}

/** Everything the app needs, read before the first frame (including the first rows). */
async function prepare(io: Io, desk: Desk): Promise<ConsoleProps> {
  const settings = readSettings(io.env);
  const identity = currentIdentity(settings, io.env);
  const me = await ensureTechnician(desk.db, identity);
  const views = allViews(settings.views);
  const keymap = applyRemaps([...viewBindings(views), ...DEFAULT_KEYMAP], settings.keymap);
  const stdout = io.stdout as NodeJS.WriteStream;
  const pageSize = layout(stdout.columns || 80, stdout.rows || 24, { filter: false, error: false, detailFocused: false }).pageSize;
  const loadDemo = async (d: Desk, progress: (text: string) => void) => {
    const [{ seedDemo, DEFAULT_DEMO_TICKETS }, { starterArticles }] = await Promise.all([
      import('../demo/seed.js'),
      import('../io/kb-import.js'),
    ]);
    await seedDemo(d, {
      tickets: DEFAULT_DEMO_TICKETS,
      me: identity,
      articles: starterArticles(),
      onProgress: (done, total) => progress(`loading demo data… ${Math.round((done / total) * 100)}%`),
    });
  };
  return {
    desk,
    me,
    views,
    keymap,
    loadDemo,
    categories: settings.categories,
    env: io.env,
    dbName: basename(desk.path),
    color: !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb',
    preload: await preloadRows(desk.db, views[0]!, me.id, pageSize),
  };
}

export async function startConsole(io: Io, args: string[]): Promise<ExitCode> {
  let desk: Desk | undefined;
  let props: ConsoleProps;
  try {
    desk = await openDesk(resolveDbPath(dbFlag(args), io.env));
    props = await prepare(io, desk);
  } catch (error) {
    await desk?.close();
    const { exitCode, message } = describeError(error);
    io.stderr.write(`deskline: ${message}\n`);
    return exitCode;
  }
  return run(io, props);
}

async function run(io: Io, props: ConsoleProps): Promise<ExitCode> {
  const stdout = io.stdout as NodeJS.WriteStream;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT + SHOW_CURSOR);
  };
  process.once('exit', restore);
  stdout.write(ENTER_ALT);
  const runningTimer: { current: TimedTicket | null } = { current: null };
  const app = render(createElement(ConsoleApp, { ...props, runningTimer }), {
    stdout,
    stdin: io.stdin as NodeJS.ReadStream,
    stderr: io.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: 60,
  });
  // A kill or a closed terminal (SIGHUP) still logs a running timer, as `q` does, then leaves.
  const onSignal = () => {
    void logRunningTimer(props, runningTimer.current).finally(() => app.unmount());
  };
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
  try {
    await app.waitUntilExit();
    return EXIT.ok;
  } catch (error) {
    restore();
    io.stderr.write(`deskline: ${describeError(error).message}\n`);
    return EXIT.database;
  } finally {
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal);
    app.cleanup();
    restore();
    process.off('exit', restore);
    await props.desk.close();
  }
}

async function logRunningTimer(props: ConsoleProps, timer: TimedTicket | null): Promise<void> {
  if (timer?.startedAt == null) return;
  try {
    await logTimer(props.desk.db, props.me, { id: timer.id, startedAt: timer.startedAt }, Date.now());
  } catch {
    // leaving anyway: the signal asked for it
  }
}
