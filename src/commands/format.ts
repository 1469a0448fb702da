/** Human output for the CLI: aligned columns, short ages, times, colour that honours NO_COLOR. */
import { displayWidth } from '../domain/display-width.js';
import { styleMark } from './terminal-text.js';

const COLORS = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 } as const;
export type Color = keyof typeof COLORS;

/** Colour for ctx.out: a mark the output gate turns into an escape code after sanitising. */
export function paint(enabled: boolean, color: Color, text: string): string {
  return enabled ? `${styleMark(COLORS[color])}${text}${styleMark(0)}` : text;
}

/** Stored text on its way to the terminal: multi-line (clean) or one table cell (cleanLine). */
export { sanitizeText as clean, sanitizeLine as cleanLine } from '../domain/sanitize.js';

/** Display width (wide East Asian and emoji count as 2): the console's own measure too. */
export const width = displayWidth;

export function truncate(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export interface TableOptions {
  /** Total width to fit; the flexible column is truncated to make room. */
  maxWidth?: number;
  flexible?: number;
  /** Colours a laid-out cell (applied after padding, so escape codes never skew widths). */
  style?(row: number, column: number, cell: string): string;
}

/** Aligned columns; the last column is not padded. */
export function table(headers: string[], rows: string[][], options: TableOptions = {}): string {
  const { maxWidth = Infinity, flexible = headers.length - 1, style } = options;
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (headers.length - 1);
  if (total > maxWidth) widths[flexible] = Math.max(8, widths[flexible]! - (total - maxWidth));
  const line = (cells: string[], row: number) =>
    cells
      .map((c, i) => {
        const t = truncate(c, widths[i]!);
        const padded = i === cells.length - 1 ? t : t + ' '.repeat(widths[i]! - width(t));
        return row >= 0 && style ? style(row, i, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [line(headers, -1), ...rows.map(line)].join('\n');
}

/** `45s`, `12m`, `5h`, `3d`, `7w` — the age of a thing, or time left when negative. */
export function shortDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const s = Math.abs(ms) / 1000;
  if (s < 60) return `${sign}${Math.floor(s)}s`;
  if (s < 3600) return `${sign}${Math.floor(s / 60)}m`;
  if (s < 86400 * 2) return `${sign}${Math.floor(s / 3600)}h`;
  if (s < 86400 * 14) return `${sign}${Math.floor(s / 86400)}d`;
  return `${sign}${Math.floor(s / (86400 * 7))}w`;
}

/** `2026-11-23 09:52` in the process time zone. */
export function formatTime(ms: number | null): string {
  if (ms === null) return '—';
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** `1,234,567`. Not toLocaleString: loading Intl costs ~17 ms, a tenth of a CLI run. */
export function thousands(n: number): string {
  const [int, frac] = String(n).split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}
