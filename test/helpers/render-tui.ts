/**
 * Renders an Ink tree the way a terminal would size it: ink-testing-library renders at 100 columns
 * with no rows, so this gives Ink its own stdout with `columns`/`rows` (and a `resize`), a stdin that
 * types keys, and `waitForFrame(predicate)` that waits for the next frame to satisfy it (no sleeps).
 */
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';

export class TestStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    this.emit('frame', frame);
    return true;
  };
  lastFrame = (): string => this.frames[this.frames.length - 1] ?? '';
}

export class TestStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Key sequences as a terminal sends them. */
export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  backspace: '\x7f',
  ctrlC: '\x03',
  ctrlU: '\x15',
} as const;

export interface RenderedTui {
  stdout: TestStdout;
  lastFrame(): string;
  /** Frame lines with trailing spaces removed (debug frames end without a newline). */
  lines(): string[];
  /** Types keys: each string is one read from the terminal. */
  type(...keys: string[]): void;
  resize(columns: number, rows: number): void;
  waitForFrame(predicate: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  unmount(): void;
  instance: Instance;
}

const mounted: Instance[] = [];
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount();
});

export function renderTui(element: ReactElement, size: { columns: number; rows: number } = { columns: 80, rows: 24 }): RenderedTui {
  const stdout = new TestStdout(size.columns, size.rows);
  const stdin = new TestStdin();
  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new TestStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  mounted.push(instance);
  const waitForFrame = (predicate: (frame: string) => boolean, timeoutMs = 5000) =>
    new Promise<string>((resolve, reject) => {
      if (predicate(stdout.lastFrame())) return resolve(stdout.lastFrame());
      const onFrame = (frame: string) => {
        if (!predicate(frame)) return;
        cleanup();
        resolve(frame);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no frame matched within ${timeoutMs} ms; last frame:\n${stdout.lastFrame()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        stdout.off('frame', onFrame);
      };
      stdout.on('frame', onFrame);
    });
  return {
    stdout,
    lastFrame: stdout.lastFrame,
    lines: () =>
      stdout
        .lastFrame()
        .split('\n')
        .map((l) => l.trimEnd()),
    type: (...keys) => keys.forEach((k) => stdin.write(k)),
    resize: (columns, rows) => {
      stdout.columns = columns;
      stdout.rows = rows;
      stdout.emit('resize');
    },
    waitForFrame,
    unmount: () => instance.unmount(),
    instance,
  };
}
