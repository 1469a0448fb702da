/**
 * Text charts, pure: horizontal bars in eighths of a cell and sparklines in eight levels. Block
 * characters read without colour and are one cell wide everywhere (text.ts measures them fast).
 */

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A bar `n / max` of `width` cells; any non-zero value shows at least a sliver. */
export function bar(n: number, max: number, width: number): string {
  if (width <= 0 || n <= 0 || max <= 0) return '';
  const eighths = Math.max(1, Math.round((Math.min(n, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** One character per value (repeated `cells` times), scaled to `max`: zero is a blank, anything else ▁…█. */
export function sparkline(values: readonly number[], max: number, cells = 1): string {
  return values
    .map((v) => {
      if (v <= 0 || max <= 0) return ' '.repeat(cells);
      const level = Math.min(8, Math.max(1, Math.round((v / max) * 8)));
      return LEVELS[level - 1]!.repeat(cells);
    })
    .join('');
}

/** 1234567 → `1,234,567`. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `92.3%`, or `—` when nothing was decided. */
export function percent(p: number | null): string {
  return p === null ? '—' : `${p.toFixed(1)}%`;
}
