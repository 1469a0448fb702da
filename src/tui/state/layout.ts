/**
 * Where everything goes for a terminal size, pure: the frame is at most `rows − 1` lines (Ink clears
 * the whole screen when a frame is as tall as the terminal). Wide terminals put the detail pane on
 * the right; narrow ones below the queue, bigger while it has the focus.
 */
export interface Layout {
  columns: number;
  /** Lines the frame uses, never more than rows − 1. */
  height: number;
  wide: boolean;
  filterLines: number;
  queueWidth: number;
  /** Visible queue rows (below the queue's column header). */
  pageSize: number;
  detailWidth: number;
  /** Lines of the detail pane, its title line included. */
  detailHeight: number;
}

export const WIDE_FROM = 120;

export function layout(columns: number, rows: number, opts: { filter: boolean; error: boolean; detailFocused: boolean }): Layout {
  const cols = Math.max(20, columns);
  const height = Math.max(6, rows - 1);
  const filterLines = (opts.filter ? 1 : 0) + (opts.filter && opts.error ? 1 : 0);
  const body = Math.max(3, height - 2 - filterLines); // header line and status bar
  const wide = cols >= WIDE_FROM;
  if (wide) {
    const queueWidth = Math.max(80, Math.floor(cols * 0.6));
    return {
      columns: cols,
      height,
      wide,
      filterLines,
      queueWidth,
      pageSize: Math.max(1, body - 1),
      detailWidth: cols - queueWidth - 3,
      detailHeight: body,
    };
  }
  const share = opts.detailFocused ? 0.3 : 0.5;
  const pageSize = Math.max(2, Math.floor((body - 1) * share));
  return {
    columns: cols,
    height,
    wide,
    filterLines,
    queueWidth: cols,
    pageSize,
    detailWidth: cols,
    detailHeight: Math.max(1, body - 1 - pageSize),
  };
}
