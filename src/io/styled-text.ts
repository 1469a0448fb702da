/**
 * Styled text for a terminal, as data: runs of text with named styles (a `Seg`), lines of runs,
 * measured in cells, word-wrapped at spaces, and written with SGR colour or as plain text. The
 * Markdown renderer builds everything from these, so no escape code ever skews a width. Pure.
 */
import { displayWidth } from '../domain/display-width.js';

/** What a run of text is; each name maps to one SGR code (STYLE_CODES). */
export type Style = 'bold' | 'italic' | 'underline' | 'strike' | 'dim' | 'code' | 'link' | 'heading';

const STYLE_CODES: Record<Style, string> = {
  bold: '1',
  italic: '3',
  underline: '4',
  strike: '9',
  dim: '2',
  code: '33',
  link: '34;4',
  heading: '1;35',
};

export interface Seg {
  text: string;
  styles: readonly Style[];
}

export type Line = Seg[];

export const seg = (text: string, ...styles: Style[]): Seg => ({ text, styles });

export const lineWidth = (line: readonly Seg[]): number => line.reduce((n, s) => n + displayWidth(s.text), 0);

export const plain = (line: readonly Seg[]): string => line.map((s) => s.text).join('');

/** The line as the terminal gets it: each styled run opened and reset on its own. */
export function write(line: readonly Seg[], color: boolean): string {
  if (!color) return plain(line);
  const runs: Seg[] = [];
  for (const s of line) {
    const last = runs.at(-1);
    if (last && last.styles.join() === s.styles.join()) last.text += s.text;
    else runs.push(seg(s.text, ...s.styles));
  }
  return runs
    .map((s) => (s.styles.length && s.text ? `\x1b[${s.styles.map((st) => STYLE_CODES[st]).join(';')}m${s.text}\x1b[0m` : s.text))
    .join('');
}

/** Pads a line with spaces to `size` cells, text to the left, right or centre. */
export function pad(line: readonly Seg[], size: number, align: 'left' | 'right' | 'center' = 'left'): Line {
  const room = Math.max(0, size - lineWidth(line));
  const before = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
  return [seg(' '.repeat(before)), ...line, seg(' '.repeat(room - before))];
}

/** `first` on the first line, `rest` on the others (a list marker and its hanging indent). */
export function prefix(lines: readonly Line[], first: readonly Seg[], rest: readonly Seg[]): Line[] {
  return lines.map((l, i) => [...(i === 0 ? first : rest), ...l]);
}

type Word = Seg[];
const BREAK = null;

/** Words (runs between spaces, which may change style mid-word) and hard breaks (`\n`). */
function words(segs: readonly Seg[]): (Word | typeof BREAK)[] {
  const out: (Word | typeof BREAK)[] = [];
  let word: Word = [];
  const end = () => {
    if (word.length) out.push(word);
    word = [];
  };
  for (const s of segs)
    for (const part of s.text.split(/(\n| +)/)) {
      if (part === '') continue;
      if (part === '\n') {
        end();
        out.push(BREAK);
      } else if (part.startsWith(' ')) end();
      else word.push(seg(part, ...s.styles));
    }
  end();
  return out;
}

/** The widest word in the runs: what a column must hold to wrap without cutting a word. */
export function longestWord(segs: readonly Seg[]): number {
  return Math.max(0, ...words(segs).map((w) => (w === BREAK ? 0 : lineWidth(w))));
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A word wider than a line, cut into pieces of at most `max` cells (a long URL, say). */
function split(word: Word, max: number): Word[] {
  const pieces: Word[] = [];
  let cur: Word = [];
  let used = 0;
  for (const s of word)
    for (const { segment } of segmenter.segment(s.text)) {
      const w = displayWidth(segment);
      if (used + w > max && used > 0) {
        pieces.push(cur);
        cur = [];
        used = 0;
      }
      const last = cur.at(-1);
      if (last && last.styles.join() === s.styles.join()) last.text += segment;
      else cur.push(seg(segment, ...s.styles));
      used += w;
    }
  if (cur.length) pieces.push(cur);
  return pieces;
}

/**
 * Word-wraps runs to lines of at most `max` cells: breaks at spaces only (runs of spaces become
 * one), `\n` breaks the line, and only a word longer than a whole line is cut.
 */
export function wrap(segs: readonly Seg[], max: number): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let used = 0;
  const flush = () => {
    lines.push(line);
    line = [];
    used = 0;
  };
  for (const word of words(segs)) {
    if (word === BREAK) {
      flush();
      continue;
    }
    const w = lineWidth(word);
    if (used > 0 && used + 1 + w <= max) {
      // The space between two words of one style (a link's, say) carries it.
      const before = line.at(-1)!.styles;
      line.push(seg(' ', ...(before.join() === word[0]!.styles.join() ? before : [])), ...word);
      used += 1 + w;
      continue;
    }
    if (used > 0) flush();
    const pieces = w > max ? split(word, Math.max(1, max)) : [word];
    pieces.forEach((p, i) => {
      if (i > 0) flush();
      line.push(...p);
      used = lineWidth(p);
    });
  }
  if (line.length) lines.push(line);
  return lines;
}
