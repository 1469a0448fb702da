/**
 * A Markdown table for a terminal of a given width. It keeps its box lines whole: columns as wide as
 * their text when that fits; otherwise each column is first as wide as its longest word, and what is
 * left goes to the columns that want more (max-min fair), their cells wrapping at spaces. When that
 * would leave a wrapped column narrower than MIN_WRAPPED, the table is printed as a list instead,
 * one `Header: value` line per cell. Pure.
 */
import type { Tokens } from 'marked';
import { inline } from './markdown-inline.js';
import { lineWidth, longestWord, pad, prefix, seg, wrap, type Line, type Seg } from './styled-text.js';

/** A wrapped column narrower than this reads as a stack of words: the list form is used instead. */
const MIN_WRAPPED = 12;

type Align = 'left' | 'right' | 'center';
type Cells = Seg[][];

const BOX = {
  top: ['┌', '┬', '┐'],
  middle: ['├', '┼', '┤'],
  bottom: ['└', '┴', '┘'],
} as const;

/**
 * Max-min fair widths: a column that wants no more than an equal share gets what it wants; the
 * others split what is left equally.
 */
function fairWidths(natural: readonly number[], room: number): number[] {
  const widths = natural.map(() => 0);
  let open = natural.map((_, i) => i);
  let left = room;
  for (;;) {
    const share = Math.floor(left / Math.max(1, open.length));
    const small = open.filter((i) => natural[i]! <= share);
    if (small.length === 0 || open.length === 0) break;
    for (const i of small) {
      widths[i] = natural[i]!;
      left -= natural[i]!;
    }
    open = open.filter((i) => natural[i]! > share);
  }
  const share = Math.floor(left / Math.max(1, open.length));
  open.forEach((i, k) => (widths[i] = share + (k < left - share * open.length ? 1 : 0)));
  return widths;
}

/** Widths that cut no word when the words fit side by side; otherwise fair shares of the whole. */
function columnWidths(natural: readonly number[], words: readonly number[], room: number): number[] {
  const floor = natural.map((n, i) => Math.min(n, words[i]!));
  const spare = room - floor.reduce((a, b) => a + b, 0);
  if (spare < 0) return fairWidths(natural, room);
  const extra = fairWidths(
    natural.map((n, i) => n - floor[i]!),
    spare,
  );
  return floor.map((f, i) => f + extra[i]!);
}

function border(widths: readonly number[], [l, m, r]: readonly string[]): Line {
  return [seg(l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r)];
}

function row(cells: Cells, widths: readonly number[], align: readonly Align[]): Line[] {
  const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
  const height = Math.max(1, ...wrapped.map((w) => w.length));
  return Array.from({ length: height }, (_, k) => [
    seg('│ '),
    ...wrapped.flatMap((w, i) => [...(i ? [seg(' │ ')] : []), ...pad(w[k] ?? [], widths[i]!, align[i])]),
    seg(' │'),
  ]);
}

function boxed(header: Cells, body: Cells[], widths: readonly number[], align: readonly Align[]): Line[] {
  const rows = body.map((r) => row(r, widths, align));
  const ruled = rows.some((r) => r.length > 1);
  return [
    border(widths, BOX.top),
    ...row(header, widths, align),
    border(widths, BOX.middle),
    ...rows.flatMap((r, i) => (ruled && i > 0 ? [border(widths, BOX.middle), ...r] : r)),
    border(widths, BOX.bottom),
  ];
}

/** One cell as `Header: value`, the value wrapped under itself (under the header when that is long). */
function field(label: readonly Seg[], cell: readonly Seg[], width: number): Line[] {
  const tag = [...label, seg(': ')];
  const hang = lineWidth(tag);
  if (hang > width / 3) return [...wrap(tag, width), ...prefix(wrap(cell, width - 2), [seg('  ')], [seg('  ')])];
  const lines = wrap(cell, width - hang);
  return prefix(lines.length ? lines : [[]], tag, [seg(' '.repeat(hang))]);
}

/** Each row as its `Header: value` lines, rows apart by a blank line (no rows: the headers). */
function listed(header: Cells, body: Cells[], width: number): Line[] {
  if (body.length === 0)
    return wrap(
      header.flatMap((h, i) => [...(i ? [seg(' · ')] : []), ...h]),
      width,
    );
  return body.flatMap((r, n) => [...(n ? [[]] : []), ...r.flatMap((cell, i) => field(header[i]!, cell, width))]);
}

export function renderTable(token: Tokens.Table, width: number): Line[] {
  const header = token.header.map((c) => inline(c.tokens, ['bold']));
  const body = token.rows.map((r) => header.map((_, i) => inline(r[i]?.tokens ?? [])));
  const align = token.align.map((a) => a ?? 'left');
  const all = [header, ...body];
  const natural = header.map((_, i) => Math.max(1, ...all.map((r) => Math.max(0, ...wrap(r[i]!, 1e9).map(lineWidth)))));
  const room = width - (3 * header.length + 1);
  const words = header.map((_, i) => Math.max(1, ...all.map((r) => longestWord(r[i]!))));
  const widths = columnWidths(natural, words, room);
  const readable = widths.every((w, i) => w >= Math.min(natural[i]!, MIN_WRAPPED));
  return readable ? boxed(header, body, widths, align) : listed(header, body, width);
}
