/**
 * Word-wraps one rendered line that may carry SGR styling (the Markdown renderer's colours) to a width, so
 * a scrolled view counts exactly the lines it draws and nothing is cut off. Continuation lines hang
 * under the text of a list item; styling open at a break is closed and re-opened on the next line.
 * Pure; run sgrOnly first (SGR must be the only escape left).
 */
import { sanitizeLine } from '../../domain/sanitize.js';
import { width as cells } from './text.js';

const SGR_ALL = /\x1b\[[0-9;]*m/g;
const SGR_AT = /\x1b\[[0-9;]*m/y;
const RESET = '\x1b[0m';

interface Token {
  s: string;
  /** Cells; 0 for an escape. */
  w: number;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < line.length;) {
    SGR_AT.lastIndex = i;
    const m = SGR_AT.exec(line);
    if (m) {
      out.push({ s: m[0], w: 0 });
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    out.push({ s: ch, w: cells(ch) });
    i += ch.length;
  }
  return out;
}

/** The styling in effect after `toks`, as the escapes to replay (a full reset clears it). */
function styleAfter(start: string, toks: readonly Token[]): string {
  let state = start;
  for (const t of toks) if (t.w === 0 && t.s.startsWith('\x1b')) state = t.s === RESET || t.s === '\x1b[m' ? '' : state + t.s;
  return state;
}

/** Keeps SGR styling and removes every other escape or control (an OSC 8 link, say) around it. */
export function sgrOnly(line: string): string {
  return line
    .split(/(\x1b\[[0-9;]*m)/)
    .map((part, i) => (i % 2 ? part : sanitizeLine(part)))
    .join('');
}

export function wrapAnsi(line: string, max: number): string[] {
  const plain = line.replace(SGR_ALL, '');
  if (max < 8 || cells(plain) <= max) return [line];
  const hang = Math.min(Math.floor(max / 2), /^\s*(?:(?:[*•◦▪-]|\d+\.)\s+)?/.exec(plain)![0].length);
  const lead = ' '.repeat(hang);
  const out: string[] = [];
  let style = '';
  let cur: Token[] = [];
  let used = 0;
  let first = true;
  const emit = (toks: readonly Token[]) => {
    const text = toks.map((t) => t.s).join('');
    const styled = style !== '' || toks.some((t) => t.w === 0);
    out.push(`${first ? '' : lead}${style}${text}${styled ? RESET : ''}`);
    first = false;
  };
  for (const t of tokens(line)) {
    if (t.s === ' ' && used + 1 > max && cur.some((x) => x.w > 0)) {
      // The space that overflows is the break itself.
      emit(cur);
      style = styleAfter(style, cur);
      cur = [];
      used = hang;
      continue;
    }
    if (t.w > 0 && used + t.w > max && cur.some((x) => x.w > 0)) {
      const floor = first ? hang : 0;
      let cut = -1;
      for (let i = cur.length - 1, at = used; i >= 0; i--) {
        if (cur[i]!.s === ' ' && at - 1 > 0 && at - 1 >= floor) {
          cut = i;
          break;
        }
        at -= cur[i]!.w;
      }
      const kept = cut >= 0 ? cur.slice(0, cut) : cur;
      const rest = cut >= 0 ? cur.slice(cut + 1) : [];
      emit(kept);
      style = styleAfter(style, cut >= 0 ? cur.slice(0, cut + 1) : cur);
      cur = rest;
      used = hang + rest.reduce((n, x) => n + x.w, 0);
    }
    cur.push(t);
    used += t.w;
  }
  if (cur.length) emit(cur);
  return out;
}
