/**
 * The help overlay laid out for the space it has, pure. Nothing is cut: a description longer than
 * its column wraps under itself. Side by side when the lines fit the height in two or three columns
 * (two to four: the fewest that fit, so descriptions wrap least), a group kept in one column when it can be;
 * otherwise one column that j/k scroll.
 */
import { type HelpLine } from './help-lines.js';
import { width, wrap } from './text.js';

/** Narrowest column worth showing side by side. */
const MIN_COLUMN = 40;

export type HelpPage = { kind: 'columns'; columns: HelpLine[][]; columnWidth: number } | { kind: 'scroll'; lines: HelpLine[] };

/** A line wrapped to `max` cells; an entry's continuation lines start under its description. */
export function wrapHelpLine(line: HelpLine, max: number): HelpLine[] {
  if (width(line.text) <= max) return [line];
  const indent = line.indent && line.indent < max - 10 ? line.indent : 0;
  const head = line.text.slice(0, indent);
  const [first, ...rest] = wrap(line.text.slice(indent), max - indent);
  return [{ ...line, text: head + (first ?? '') }, ...rest.map((text) => ({ ...line, text: ' '.repeat(indent) + text }))];
}

/** The groups, each a list of units that stay together: the heading, then each entry with its wrapped lines. */
function blocks(lines: readonly HelpLine[], max: number): HelpLine[][][] {
  const out: HelpLine[][][] = [];
  for (const l of lines) {
    if (l.bold || out.length === 0) out.push([]);
    if (l.text !== '') out[out.length - 1]!.push(wrapHelpLine(l, max));
  }
  return out;
}

/**
 * Fills at most `n` columns of `rows` lines, top to bottom; a group that does not fit the room left is
 * split between two entries (an entry's wrapped lines stay together), never leaving its heading alone
 * at a column's foot. Groups are a blank line apart.
 */
function flow(groups: readonly HelpLine[][][], rows: number, n: number): HelpLine[][] | null {
  const columns: HelpLine[][] = [[]];
  for (const g of groups) {
    const size = g.reduce((k, u) => k + u.length, 0);
    let col = columns[columns.length - 1]!;
    const gap = col.length ? 1 : 0;
    const room = rows - col.length - gap;
    if (col.length && size > room && room < 1 + (g[1]?.length ?? 0)) columns.push((col = []));
    if (col.length) col.push({ text: '' });
    for (const unit of g) {
      if (col.length + unit.length > rows) columns.push((col = []));
      if (unit.length > rows) return null;
      col.push(...unit);
    }
    if (columns.length > n) return null;
  }
  return columns;
}

export function helpPage(lines: readonly HelpLine[], columns: number, rows: number): HelpPage {
  const most = Math.min(4, Math.floor(columns / MIN_COLUMN));
  for (let n = 2; n <= most; n++) {
    const columnWidth = Math.floor(columns / n);
    const placed = flow(blocks(lines, columnWidth - 1), rows, n);
    if (placed) return { kind: 'columns', columns: placed, columnWidth };
  }
  return { kind: 'scroll', lines: lines.flatMap((l) => wrapHelpLine(l, columns)) };
}

/** How far the help scrolls at this size (its last screen's first line); 0 when it fits side by side. */
export function helpScrollMax(lines: readonly HelpLine[], columns: number, rows: number): number {
  const page = helpPage(lines, columns, rows);
  return page.kind === 'scroll' ? Math.max(0, page.lines.length - rows) : 0;
}
