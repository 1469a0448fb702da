/**
 * The one key decoder, pure: a read from the terminal in, keys, typed text, a paste, or nothing out.
 *
 * - Named keys: arrows, Home/End, PgUp/PgDn, Delete, Shift+Tab (CSI and SS3 forms), Enter, Tab,
 *   Backspace/DEL, Esc, Ctrl+letter.
 * - ESC followed by a key in one read is that key with `alt` set: the reducer decides whether it is
 *   Alt+key (when bound) or Esc then the key (typed fast).
 * - A bracketed paste (`ESC[200~ … ESC[201~`, possibly over several reads) is ONE paste event, its
 *   text cleaned by the sanitiser (colour codes and other escapes gone, CR/LF normalised).
 * - Every other escape sequence (CSI such as `ESC[32m` or the status reply `ESC[0n`, OSC, DCS, APC,
 *   PM, SOS, SS3 we do not name) is dropped whole; a string (OSC …) ends at BEL, ST or a control
 *   character. Nothing here throws.
 * A sequence cut off at the end of a read waits in the state for the next read.
 */
import { sanitizeText } from '../../domain/sanitize.js';

export type KeyEvent =
  /** A named key (`enter`, `up`, `ctrl+s`) or one character with `alt` (ESC then the character). */
  | { kind: 'key'; name: string; alt: boolean }
  /** Printable characters typed in one read (one or several keys, or text for a box). */
  | { kind: 'text'; text: string }
  /** A bracketed paste, whole. */
  | { kind: 'paste'; text: string };

export interface DecoderState {
  /** An escape sequence cut off at the end of the last read. */
  pending: string;
  /** Inside a bracketed paste: the raw text so far. */
  paste: string | null;
}

export const FRESH_DECODER: DecoderState = { pending: '', paste: null };

const ESC = '\x1b';
/** Bracketed paste: the terminal wraps pasted text in these while mode 2004 is on (session/terminal.ts). */
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';
/** A paste longer than this keeps its first MAX_PASTE characters (the end marker is still found). */
export const MAX_PASTE = 1_000_000;
/** An unterminated string sequence (OSC …) longer than this is dropped rather than waited for. */
const MAX_PENDING = 4096;

/** CSI (after `ESC[`, without parameters) and SS3 (after `ESCO`) finals, and `ESC[n~` numbers. */
const CSI_FINAL: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift+tab' };
const SS3_FINAL: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const TILDE: Record<string, string> = { '1': 'home', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown', '7': 'home', '8': 'end' };

/** A C0 control or DEL as the key it is (as Ink names them: DEL is `delete`, BS `backspace`). */
function controlKey(code: number): string | null {
  if (code === 0x0d || code === 0x0a) return 'enter';
  if (code === 0x09) return 'tab';
  if (code === 0x7f) return 'delete';
  if (code === 0x08) return 'backspace';
  if (code === 0x1b) return 'escape';
  if (code >= 0x01 && code <= 0x1a) return `ctrl+${String.fromCharCode(code + 96)}`;
  return null;
}

type Parsed = { end: number; key: string | null; alt: boolean; paste?: true } | 'incomplete';

/** The escape sequence starting at `i` (s[i] is ESC). */
function parseEscape(s: string, i: number): Parsed {
  const next = s[i + 1];
  if (next === undefined) return { end: i + 1, key: 'escape', alt: false };
  if (next === '[') {
    let j = i + 2;
    while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x3f) j++;
    if (j >= s.length) return 'incomplete';
    if (s.charCodeAt(j) < 0x40 || s.charCodeAt(j) > 0x7e) return { end: j, key: null, alt: false };
    const params = s.slice(i + 2, j);
    const final = s[j]!;
    if (params === '200' && final === '~') return { end: j + 1, key: null, alt: false, paste: true };
    const modified = /^1;\d+$/.test(params);
    const key = final === '~' ? TILDE[params.split(';')[0]!] : params === '' || modified ? CSI_FINAL[final] : undefined;
    return { end: j + 1, key: key ?? null, alt: false };
  }
  if (next === 'O') {
    if (i + 2 >= s.length) return 'incomplete';
    return { end: i + 3, key: SS3_FINAL[s[i + 2]!] ?? null, alt: false };
  }
  if (next === ']' || 'P_^X'.includes(next)) {
    // A string (OSC, or DCS/APC/PM/SOS): up to BEL or ST (ESC \\). A terminal sends one only as a reply.
    for (let j = i + 2; j < s.length; j++) {
      if (s[j] === '\x07') return { end: j + 1, key: null, alt: false };
      if (s[j] === ESC) return s[j + 1] === '\\' ? { end: j + 2, key: null, alt: false } : { end: j, key: null, alt: false };
      if (s.charCodeAt(j) < 0x20) return { end: j, key: null, alt: false };
    }
    // Unterminated in this read: an OSC waits for the rest (Ink hands `ESC ]` over on its own); ESC with
    // P, X, ^ or _ is far more often Alt+letter (or Esc then a capital, typed fast) than a reply.
    if (next !== ']') return { end: i + 2, key: next, alt: true };
    return s.length - i > MAX_PENDING ? { end: s.length, key: null, alt: false } : 'incomplete';
  }
  if (next === ESC) {
    // ESC ESC: Alt with an escape sequence (Alt+↑), or Esc pressed twice.
    if (i + 2 >= s.length) return { end: i + 2, key: 'escape', alt: true };
    const inner = parseEscape(s, i + 1);
    return inner === 'incomplete' ? inner : { end: inner.end, key: inner.key, alt: true };
  }
  const cp = s.codePointAt(i + 1)!;
  const ch = String.fromCodePoint(cp);
  if (cp < 0x20 || cp === 0x7f) return { end: i + 2, key: controlKey(cp), alt: true };
  if (cp >= 0x80 && cp <= 0x9f) return { end: i + 2, key: null, alt: false };
  return { end: i + 1 + ch.length, key: ch, alt: true };
}

/** How many characters at the end of `s` could begin the paste's end marker (it may be cut between reads). */
function partialMarker(s: string): number {
  for (let k = Math.min(PASTE_END.length - 1, s.length); k > 0; k--) if (s.endsWith(PASTE_END.slice(0, k))) return k;
  return 0;
}

const capped = (text: string) => (text.length > MAX_PASTE ? text.slice(0, MAX_PASTE) : text);

interface Run {
  events: KeyEvent[];
  text: string;
}

function flush(run: Run): void {
  if (run.text) run.events.push({ kind: 'text', text: run.text });
  run.text = '';
}

/** Decodes one read; the state carries a cut-off sequence or an open paste to the next read. */
export function decode(state: DecoderState, read: string): { state: DecoderState; events: KeyEvent[] } {
  const run: Run = { events: [], text: '' };
  let s = state.pending + read;
  let paste = state.paste;
  let i = 0;
  for (;;) {
    if (paste !== null) {
      const rest = s.slice(i);
      const at = rest.indexOf(PASTE_END);
      if (at < 0) {
        const keep = partialMarker(rest);
        return {
          state: { pending: rest.slice(rest.length - keep), paste: capped(paste + rest.slice(0, rest.length - keep)) },
          events: run.events,
        };
      }
      run.events.push({ kind: 'paste', text: sanitizeText(capped(paste + rest.slice(0, at))) });
      s = rest.slice(at + PASTE_END.length);
      i = 0;
      paste = null;
    }
    if (i >= s.length) break;
    const code = s.charCodeAt(i);
    if (code === 0x1b) {
      flush(run);
      const parsed = parseEscape(s, i);
      if (parsed === 'incomplete') return { state: { pending: s.slice(i), paste: null }, events: run.events };
      if (parsed.paste) paste = '';
      else if (parsed.key) run.events.push({ kind: 'key', name: parsed.key, alt: parsed.alt });
      i = parsed.end;
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      flush(run);
      const name = controlKey(code);
      if (name) run.events.push({ kind: 'key', name, alt: false });
      i += code === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      continue;
    }
    if (code < 0x80 || code > 0x9f) run.text += s[i];
    i++;
  }
  flush(run);
  return { state: FRESH_DECODER, events: run.events };
}

/** Decodes reads one after another from a fresh state (tests, and reads known to be whole). */
export function decodeAll(...reads: string[]): KeyEvent[] {
  let state = FRESH_DECODER;
  const out: KeyEvent[] = [];
  for (const r of reads) {
    const d = decode(state, r);
    state = d.state;
    out.push(...d.events);
  }
  return out;
}
