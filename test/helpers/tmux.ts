/**
 * Drives a program in tmux like a person at a terminal: a private server (`-L`), no status line,
 * `escape-time 0` (the default 500 ms swallows Esc), UTF-8, an explicit size. Waits poll the screen;
 * `pipePane` records the raw bytes the program writes, escapes and all.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp.js';

const run = promisify(execFile);
export const TMUX = '/usr/bin/tmux';

export interface TmuxOptions {
  cols: number;
  rows: number;
  env: Record<string, string>;
  /** argv of the program to run in the pane. */
  command: string[];
  cwd?: string;
}

export interface TmuxSession {
  /** tmux key names (`j`, `Enter`, `Escape`, `PageDown`, `C-c`) sent as keys. */
  sendKeys(...keys: string[]): Promise<void>;
  /** Literal text typed character by character. */
  type(text: string): Promise<void>;
  /** Raw bytes as the terminal would send them (escape sequences a key never makes: colour codes, status replies). */
  sendBytes(bytes: string): Promise<void>;
  /** Pastes text the way a terminal does: bracketed (ESC[200~ … ESC[201~) when the program asked for it. */
  paste(text: string): Promise<void>;
  /** The visible screen as text (`capture-pane -p`), one line per row. */
  capture(): Promise<string>;
  waitFor(match: string | RegExp | ((screen: string) => boolean | Promise<boolean>), timeoutMs?: number): Promise<string>;
  /** Appends everything the program writes from now on to `file` (raw, with escapes). */
  pipePane(file: string): Promise<void>;
  /** A tmux format value for the pane, e.g. `#{pane_dead}`, `#{alternate_on}`. */
  paneFormat(format: string): Promise<string>;
  resize(cols: number, rows: number): Promise<void>;
  kill(): Promise<void>;
  /** Waits until the pane's program has exited and tmux has its exit status; returns the status. */
  exited(timeoutMs?: number): Promise<string>;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function tmuxSession(options: TmuxOptions): Promise<TmuxSession> {
  // Never skipped: a missing tmux fails the console tests loudly (.ci/run installs it).
  if (!hasTmux()) throw new Error(`${TMUX} is missing: the console's end-to-end tests need tmux (apt-get install tmux)`);
  const dir = tempDir('deskline-tmux-');
  const socket = `deskline-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const conf = join(dir, 'tmux.conf');
  writeFileSync(
    conf,
    [
      'set -g status off',
      'set -g escape-time 0',
      'set -g remain-on-exit on',
      'set -g default-terminal "tmux-256color"',
      'set -g history-limit 0',
    ].join('\n'),
  );
  const env: Record<string, string> = { ...options.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'tmux-256color' };
  const tmux = (...args: string[]) =>
    run(TMUX, ['-L', socket, ...args], { env: { PATH: env.PATH ?? '', HOME: env.HOME ?? dir, LANG: 'C.UTF-8', TMUX_TMPDIR: dir } });
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const cd = options.cwd ? `cd ${shellQuote(options.cwd)} && ` : '';
  await tmux(
    '-f',
    conf,
    'new-session',
    '-d',
    '-s',
    'main',
    '-x',
    String(options.cols),
    '-y',
    String(options.rows),
    ...envArgs,
    `${cd}exec ${options.command.map(shellQuote).join(' ')}`,
  );
  const target = 'main:0.0';

  const capture = async () => (await tmux('capture-pane', '-p', '-t', target)).stdout;
  const session: TmuxSession = {
    sendKeys: async (...keys) => void (await tmux('send-keys', '-t', target, ...keys)),
    type: async (text) => void (await tmux('send-keys', '-t', target, '-l', text)),
    sendBytes: async (bytes) =>
      void (await tmux('send-keys', '-t', target, '-H', ...Buffer.from(bytes, 'utf8').toString('hex').match(/../g)!)),
    paste: async (text) => {
      await tmux('set-buffer', '-b', 'deskline-paste', '--', text);
      await tmux('paste-buffer', '-p', '-d', '-b', 'deskline-paste', '-t', target);
    },
    capture,
    waitFor: async (match, timeoutMs = 10_000) => {
      const test = typeof match === 'function' ? match : (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      for (;;) {
        screen = await capture();
        if (await test(screen)) return screen;
        if (Date.now() > deadline) throw new Error(`screen never matched ${String(match)} within ${timeoutMs} ms:\n${screen}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    pipePane: async (file) => void (await tmux('pipe-pane', '-o', '-t', target, `cat >> ${shellQuote(file)}`)),
    paneFormat: async (format) => (await tmux('display-message', '-p', '-t', target, format)).stdout.trim(),
    resize: async (cols, rows) => void (await tmux('resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows))),
    exited: async (timeoutMs = 10_000) => {
      // tmux sometimes misses the SIGCHLD (seen when a pipe-pane reader exits at the same moment):
      // the pane reads dead with no status and the program stays a zombie. Running any child makes
      // tmux's SIGCHLD handler reap it, and the status appears.
      await session.waitFor(async () => {
        const [dead, status] = (await session.paneFormat('#{pane_dead}|#{pane_dead_status}#{pane_dead_signal}')).split('|');
        if (dead === '1' && !status) await tmux('run-shell', 'true');
        return dead === '1' && Boolean(status);
      }, timeoutMs);
      return session.paneFormat('#{pane_dead_status}');
    },
    kill: async () => {
      // The program may still be exiting after tmux has gone (a SIGHUP handler, the code cache it writes):
      // wait for it, so the test's folders are not removed while it writes into them.
      const pid = Number(
        await session.paneFormat('#{pane_dead}:#{pane_pid}').then(
          (f) => (f.startsWith('0:') ? f.slice(2) : '0'),
          () => '0',
        ),
      );
      try {
        await tmux('kill-server');
      } catch {
        // already gone
      }
      if (pid > 0) await gone(pid);
    },
  };
  return session;
}

/** Waits until process `pid` has exited (a zombie counts as exited), for at most 10 s, then kills it. */
async function gone(pid: number): Promise<void> {
  const alive = () => {
    try {
      return !/^\d+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + 10_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (alive()) process.kill(pid, 'SIGKILL');
}

/** True when tmux can run here (tests skip otherwise). */
export function hasTmux(): boolean {
  try {
    execFileSync(TMUX, ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
