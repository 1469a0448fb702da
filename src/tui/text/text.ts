/** Display-width text helpers (CJK and emoji take two cells): truncate, pad, wrap. Input is sanitised text. */
import { displayWidth, NARROW } from '../../domain/display-width.js';

/** Display width: the one function the CLI's tables use too (domain/display-width.ts). */
export const width = displayWidth;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return NARROW.test(text) ? [...text] : Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Cuts `text` to at most `max` cells, ending with `mark` (`…`) when something was cut. */
export function truncate(text: string, max: number, mark = '…'): string {
  if (max <= 0) return '';
  if (width(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = width(g);
    if (used + w > max - 1) break;
    out += g;
    used += w;
  }
  return out + mark;
}

/** Truncates (marking the cut with `mark`), then pads with spaces to exactly `size` cells. */
export function fit(text: string, size: number, align: 'left' | 'right' = 'left', mark = '…'): string {
  const cut = truncate(text, size, mark);
  const pad = ' '.repeat(Math.max(0, size - width(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

/** Word-wraps multi-line text to `max` cells per line; words longer than a line are split. */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (width(line) <= max) {
      out.push(line);
      continue;
    }
    let current = '';
    let used = 0;
    for (const word of line.split(/(?<= )/)) {
      const w = width(word);
      if (used + w > max && used > 0) {
        out.push(current.trimEnd());
        current = '';
        used = 0;
      }
      if (w > max) {
        for (const g of graphemes(word)) {
          const gw = width(g);
          if (used + gw > max) {
            out.push(current);
            current = '';
            used = 0;
          }
          current += g;
          used += gw;
        }
      } else {
        current += word;
        used += w;
      }
    }
    out.push(current.trimEnd());
  }
  return out;
}
