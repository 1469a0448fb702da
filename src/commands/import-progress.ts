/**
 * Progress of a long import or export on stderr: a bar redrawn in place on a terminal (items, items/s,
 * ETA from the bytes read), plain lines otherwise (at most one a second, none for a run under a
 * second nor before the first item is through, so a short run or a file refused at its first record,
 * however slowly read, prints only its result or its one error line).
 */
import type { Io } from '../streams.js';
import { forTerminalLine } from './terminal-text.js';

export interface Progress {
  /** Bytes of input consumed since the last call. */
  advance(bytes: number): void;
  /** Items done so far. */
  items(done: number): void;
  /** Clears the bar. */
  end(): void;
}

const REDRAW_MS = 100;
const LINE_MS = 1_000;
const BAR = 24;

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

export function progress(io: Io, label: string, totalBytes: number | null, now = () => performance.now()): Progress {
  const tty = Boolean(io.stderr.isTTY);
  const started = now();
  let bytes = 0;
  let count = 0;
  let shown = started;
  let drawn = false;

  const text = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = `${n(count / seconds)} items/s`;
    if (!totalBytes) return `${label}: ${n(count)} items, ${rate}`;
    const part = Math.min(bytes / totalBytes, 1);
    const eta = part > 0 ? clock((seconds / part) * (1 - part)) : '?';
    const bar = tty ? `[${'#'.repeat(Math.round(part * BAR)).padEnd(BAR, '-')}] ` : '';
    return `${label}: ${bar}${Math.floor(part * 100)}%  ${n(count)} items  ${rate}  ETA ${eta}`;
  };
  const maybeShow = () => {
    const at = now();
    if (tty ? at - shown < REDRAW_MS : at - shown < LINE_MS || count === 0) return;
    shown = at;
    if (tty) {
      io.stderr.write(`\r\x1b[2K${forTerminalLine(text())}`);
      drawn = true;
    } else io.stderr.write(`${forTerminalLine(text())}\n`);
  };
  return {
    advance(b) {
      bytes += b;
      maybeShow();
    },
    items(done) {
      count = done;
      if (done % 256 === 0) maybeShow();
    },
    end() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
