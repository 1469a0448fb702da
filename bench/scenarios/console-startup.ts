/**
 * Console cold start: spawn `deskline` under a pseudo-terminal (`script`, 80×24) over a seeded
 * 100k-ticket desk (20k with --quick) and time until the first frame with queue rows reaches the
 * terminal, against `node -e 0` under the same `script` wrapper, interleaved. Target: ≤ 4×.
 * Also exports the PTY driver and the seeded desks the other console-* scenarios share.
 * DESKLINE_BENCH_CONSOLE_DB=<file> reuses an already seeded big desk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemo } from '../../src/demo/seed.js';
import { openDesk } from '../../src/store/desk.js';
import { benchDesk, BIN, type BenchDesk } from '../lib/env.js';
import type { Scenario } from '../lib/scenario.js';

/** The first frame with rows: the selection marker in front of a ticket reference. */
export const ROWS_ON_SCREEN = /▸\S* HD-\d+/;

export class PtySession {
  private chunks: { at: number; text: string }[] = [];
  private waiters = new Set<() => void>();
  readonly started = performance.now();
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) => {
      this.chunks.push({ at: performance.now(), text });
      for (const w of this.waiters) w();
    });
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  }

  /** Runs argv in a pseudo-terminal of the given size; stdin writes are keystrokes. */
  static start(argv: readonly string[], env: NodeJS.ProcessEnv, cols = 80, rows = 24): PtySession {
    const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-q', '-f', '-e', '-c', `stty cols ${cols} rows ${rows}; exec ${quoted}`, '/dev/null'], {
      env: { ...env, TERM: 'xterm-256color', SHELL: '/bin/sh' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    return new PtySession(child);
  }

  get output(): string {
    return this.chunks.map((c) => c.text).join('');
  }

  /** Number of chunks received so far: a mark to wait after. */
  mark(): number {
    return this.chunks.length;
  }

  /** Resolves with the arrival time of the first chunk after `mark` for which the output since `mark` matches. */
  waitFor(test: (since: string) => boolean, mark = 0, timeoutMs = 30_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let text = '';
        for (let i = mark; i < this.chunks.length; i++) {
          text += this.chunks[i]!.text;
          if (test(text)) {
            cleanup();
            return resolve(this.chunks[i]!.at);
          }
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching output in ${timeoutMs} ms; last: ${JSON.stringify(this.output.slice(-300))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves once no output has arrived for `quietMs`. */
  async idle(quietMs: number): Promise<void> {
    for (;;) {
      const last = this.chunks[this.chunks.length - 1]?.at ?? this.started;
      const wait = last + quietMs - performance.now();
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  /** The program's own pid (the child `script` runs it in). */
  programPid(): number | null {
    const tasks = `/proc/${this.child.pid}/task`;
    if (!existsSync(tasks)) return null;
    for (const t of readdirSync(tasks)) {
      const children = readFileSync(join(tasks, t, 'children'), 'utf8').trim();
      if (children) return Number(children.split(' ')[0]);
    }
    return null;
  }

  /** Sends `q` and waits for the exit; kills it if it does not go. */
  async quit(): Promise<number | null> {
    this.type('q');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}

/** VmRSS / VmHWM of a process in MB (Linux). */
export function residentMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export const BENCH_ME = { name: 'bench', email: 'bench@localhost', tier: 'L1' };

const desks = new Map<number, Promise<{ env: NodeJS.ProcessEnv; tickets: number }>>();
const made: BenchDesk[] = [];
process.once('exit', () => made.forEach((d) => d.dispose()));

/** A demo desk of `tickets` tickets (seeded once per run) whose technician at the keyboard is BENCH_ME. */
export function seededDesk(tickets: number): Promise<{ env: NodeJS.ProcessEnv; tickets: number }> {
  let found = desks.get(tickets);
  if (!found) {
    found = (async () => {
      const desk = benchDesk('deskline-bench-console-');
      made.push(desk);
      const env = { ...desk.env, USER: 'bench' }; // identity bench <bench@localhost> = BENCH_ME
      const reuse = tickets >= 20_000 ? process.env.DESKLINE_BENCH_CONSOLE_DB : undefined;
      if (reuse) return { env: { ...env, DESKLINE_DB: reuse }, tickets };
      const opened = await openDesk(env.DESKLINE_DB!);
      try {
        await seedDemo(opened, { tickets, me: BENCH_ME });
      } finally {
        await opened.close();
      }
      return { env, tickets };
    })();
    desks.set(tickets, found);
  }
  return found;
}

export function bigDeskSize(quick: boolean): number {
  return quick ? 20_000 : 100_000;
}

/** Spawns the console and resolves with ms from spawn to the first frame with rows. */
export async function timeToRows(env: NodeJS.ProcessEnv): Promise<number> {
  const s = PtySession.start([process.execPath, BIN], env);
  try {
    const at = await s.waitFor((out) => ROWS_ON_SCREEN.test(out));
    return at - s.started;
  } finally {
    const code = await s.quit();
    // eslint-disable-next-line no-unsafe-finally -- a console that did not exit cleanly voids the measurement
    if (code !== 0) throw new Error(`console exited with ${code}: ${JSON.stringify(s.output.slice(-300))}`);
  }
}

/** `node -e 0` under the same pseudo-terminal wrapper: spawn to exit. */
export async function timeBareNode(env: NodeJS.ProcessEnv): Promise<number> {
  const s = PtySession.start([process.execPath, '-e', '0'], env);
  const code = await s.exited;
  if (code !== 0) throw new Error(`node -e 0 exited with ${code}`);
  return performance.now() - s.started;
}

const consoleStartup: Scenario = {
  name: 'console-startup',
  async run({ quick }) {
    const size = bigDeskSize(quick);
    const { env } = await seededDesk(size);
    const rounds = quick ? 8 : 25;
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 2; i++) {
      await timeToRows(env);
      await timeBareNode(env);
    }
    for (let i = 0; i < rounds; i++) {
      // Alternate who goes first so drift hits both alike.
      if (i % 2) {
        ours.push(await timeToRows(env));
        base.push(await timeBareNode(env));
      } else {
        base.push(await timeBareNode(env));
        ours.push(await timeToRows(env));
      }
    }
    return [
      {
        label: `first frame with rows, ${size.toLocaleString('en-US')} tickets (80×24 pty)`,
        unit: 'ms',
        samples: ours,
        baseline: { label: 'node -e 0 (same pty)', samples: base },
        target: { op: '<=', value: 4 },
      },
    ];
  },
};

export default consoleStartup;
