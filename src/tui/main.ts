/**
 * The console's entry, bundled as dist/console.cjs and run by src/boot/console.ts: opens the desk
 * through the store, takes over the terminal (session/terminal.ts), runs the Ink app, and gives the
 * terminal back as it found it on any way out: `q`, a signal, or an error nobody expected (then what
 * can be saved is saved first, session/rescue.ts).
 */
import { render, type Instance } from 'ink';
import { createElement } from 'react';
import { basename } from 'node:path';
import type { Io } from '../streams.js';
import { describeError, EXIT, type ExitCode } from '../errors.js';
import { resolveDbPath } from '../paths.js';
import { currentIdentity, readSettings } from '../settings.js';
import { consoleChat, consoleIntake, consoleMail } from './session/mail-settings.js';
import { openDesk, type Desk } from '../store/desk.js';
import { chatRulesOf, maintainAtStart, maintainHourly } from './session/maintenance.js';
import { ensureTechnician } from '../store/technicians.js';
import { ConsoleApp, type ConsoleProps } from './app.js';
import { preloadRows } from './hooks/preload.js';
import { logTimer } from './hooks/timer-note.js';
import { applyRemaps, DEFAULT_KEYMAP, viewBindings } from './keys/keymap.js';
import { demoLoader } from './session/demo.js';
import { takeDrafts } from './session/drafts.js';
import { rescue, type Rescued } from './session/rescue.js';
import { holdTerminal } from './session/terminal.js';
import { layout } from './state/layout.js';
import type { TimedTicket } from './state/timer.js';
import type { State } from './state/types.js';
import { allViews } from './state/views.js';
import { openSandbox, TOUR_KEYS, tourProps, type Sandbox } from './tour/sandbox.js';

export interface ConsoleOptions {
  /** `--db` as the command line gave it (src/cli.ts reads argv once). */
  db?: string;
  /** `deskline tour`: the console on a sandbox desk, with the lessons under it. */
  tour?: boolean;
}

/** Everything the app needs, read before the first frame (including the first rows). */
async function prepare(io: Io, desk: Desk, tour: boolean): Promise<ConsoleProps> {
  const settings = readSettings(io.env);
  const identity = currentIdentity(settings, io.env);
  const me = await ensureTechnician(desk.db, identity);
  await maintainAtStart(desk, settings);
  const views = allViews(settings.views);
  const bindings = [...(tour ? TOUR_KEYS : []), ...viewBindings(views), ...DEFAULT_KEYMAP];
  // In the tour, `t` in the help would open a tour inside the tour.
  const keymap = applyRemaps(tour ? bindings.filter((b) => b.action !== 'takeTour') : bindings, settings.keymap);
  const stdout = io.stdout as NodeJS.WriteStream;
  const pageSize = layout(stdout.columns || 80, stdout.rows || 24, { filter: false, error: false, detailFocused: false }).pageSize;
  return {
    desk,
    me,
    views,
    keymap,
    demo: demoLoader(identity),
    categories: settings.categories,
    mail: consoleMail(settings),
    chat: tour ? null : consoleChat(settings, identity.email),
    intake: consoleIntake(settings),
    env: io.env,
    dbName: basename(desk.path),
    color: !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb',
    preload: await preloadRows(desk.db, views[0]!, me.id, pageSize),
    ...(tour ? { tour: tourProps(io.env) } : { reopened: takeDrafts(io.env, desk.path) }),
  };
}

/** The console; `?` then `t` leaves it for the tour, and the tour's end comes back to the desk. */
export async function startConsole(io: Io, options: ConsoleOptions = {}): Promise<ExitCode> {
  for (;;) {
    const after: After = { next: null };
    const code = await openOnce(io, options, after);
    if (after.next !== 'tour' || options.tour || code !== EXIT.ok) return code;
    const toured = await openOnce(io, { tour: true }, { next: null });
    if (toured !== EXIT.ok) return toured;
  }
}

interface After {
  next: State['next'];
}

async function openOnce(io: Io, options: ConsoleOptions, after: After): Promise<ExitCode> {
  let desk: Desk | undefined;
  let sandbox: Sandbox | undefined;
  let props: ConsoleProps;
  try {
    if (options.tour) sandbox = await openSandbox(currentIdentity(readSettings(io.env), io.env));
    desk = sandbox?.desk ?? (await openDesk(resolveDbPath(options.db, io.env), { chat: chatRulesOf(io.env) }));
    props = await prepare(io, desk, Boolean(options.tour));
  } catch (error) {
    await (sandbox ? sandbox.dispose() : desk?.close());
    const { exitCode, message } = describeError(error);
    io.stderr.write(`deskline: ${message}\n`);
    return exitCode;
  }
  const stopMaintaining = maintainHourly(props.desk.path, readSettings(io.env));
  try {
    return await runConsole(io, props, after);
  } finally {
    stopMaintaining();
    await (sandbox ? sandbox.dispose() : props.desk.close());
  }
}

/** Runs the app on the terminal until it quits; the exit code. Exported for tests (with test streams). */
export async function runConsole(io: Io, props: ConsoleProps, after?: After): Promise<ExitCode> {
  const stdout = io.stdout as NodeJS.WriteStream;
  const stdin = io.stdin as NodeJS.ReadStream;
  const held = holdTerminal(stdout, stdin);
  const runningTimer: { current: TimedTicket | null } = { current: null };
  const snapshot: { current: State | null } = { current: null };
  let app: Instance | null = null;
  let crashed: Promise<Rescued> | null = null;
  const onCrash = (error: unknown) => {
    crashed ??= rescue(error, { desk: props.desk, me: props.me, env: io.env, state: snapshot.current }).finally(() => {
      try {
        app?.unmount();
      } catch {
        // the tree is broken: the terminal is restored below all the same
      }
    });
  };
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  // A kill or a closed terminal (SIGHUP) still logs a running timer, as `q` does, then leaves. The
  // listener stays until the end: Ink's signal-exit re-raises a signal that has no other listener.
  let leaving = false;
  const onSignal = () => {
    if (leaving) return;
    leaving = true;
    void logRunningTimer(props, runningTimer.current).finally(() => app?.unmount());
  };
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  try {
    app = render(createElement(ConsoleApp, { ...props, runningTimer, snapshot, onCrash }), {
      stdout,
      stdin,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      // A stray console.log would tear the frame; only the process's own terminal needs guarding.
      patchConsole: stdout === process.stdout,
      maxFps: 60,
    });
    await app.waitUntilExit();
  } catch (error) {
    onCrash(error);
  } finally {
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal);
  }
  const crash = crashed ? await (crashed as Promise<Rescued>) : null;
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  app?.cleanup();
  held.restore();
  if (after) after.next = snapshot.current?.next ?? null;
  if (!crash) return EXIT.ok;
  io.stderr.write(`${crash.line}\n`);
  return crash.exitCode;
}

async function logRunningTimer(props: ConsoleProps, timer: TimedTicket | null): Promise<void> {
  if (timer?.startedAt == null) return;
  try {
    await logTimer(props.desk.db, props.me, { id: timer.id, startedAt: timer.startedAt }, Date.now());
  } catch {
    // leaving anyway: the signal asked for it
  }
}
