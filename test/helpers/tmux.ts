/**
 * Drives a program in tmux like a person at a terminal: a private server (`-L`), no status line,
 * `escape-time 0` (the default 500 ms swallows Esc), UTF-8, an explicit size. Waits poll the screen;
 * `pipePane` records the raw bytes the program writes, escapes and all.
 */
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
  /** The visible screen as text (`capture-pane -p`), one line per row. */
  capture(): Promise<string>;
  waitFor(match: string | RegExp | ((screen: string) => boolean | Promise<boolean>), timeoutMs?: number): Promise<string>;
  /** Appends everything the program writes from now on to `file` (raw, with escapes). */
  pipePane(file: string): Promise<void>;
  /** A tmux format value for the pane, e.g. `#{pane_dead}`, `#{alternate_on}`. */
  paneFormat(format: string): Promise<string>;
  resize(cols: number, rows: number): Promise<void>;
  kill(): Promise<void>;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function tmuxSession(options: TmuxOptions): Promise<TmuxSession> {
  const dir = tempDir('deskline-tmux-');
  const socket = `deskline-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const conf = join(dir, 'tmux.conf');
  writeFileSync(conf, ['set -g status off', 'set -g escape-time 0', 'set -g remain-on-exit on', 'set -g default-terminal "tmux-256color"', 'set -g history-limit 0'].join('\n'));
  const env: Record<string, string> = { ...options.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TERM: 'tmux-256color' };
  const tmux = (...args: string[]) => run(TMUX, ['-L', socket, ...args], { env: { PATH: env.PATH ?? '', HOME: env.HOME ?? dir, LANG: 'C.UTF-8', TMUX_TMPDIR: dir } });
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const cd = options.cwd ? `cd ${shellQuote(options.cwd)} && ` : '';
  await tmux('-f', conf, 'new-session', '-d', '-s', 'main', '-x', String(options.cols), '-y', String(options.rows), ...envArgs,
    `${cd}exec ${options.command.map(shellQuote).join(' ')}`);
  const target = 'main:0.0';

  const capture = async () => (await tmux('capture-pane', '-p', '-t', target)).stdout;
  const session: TmuxSession = {
    sendKeys: async (...keys) => void (await tmux('send-keys', '-t', target, ...keys)),
    type: async (text) => void (await tmux('send-keys', '-t', target, '-l', text)),
    capture,
    waitFor: async (match, timeoutMs = 5000) => {
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
    kill: async () => {
      try {
        await tmux('kill-server');
      } catch {
        // already gone
      }
    },
  };
  return session;
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
