/**
 * Type-ahead: keys pressed while a view loads from scratch (`4` then `x j x` at once) wait for its
 * rows and then act on them, in the order typed. Without this they acted on no rows (`x`: "no ticket
 * selected") while a slow load was on its way, so what a technician typed depended on the machine's
 * speed. Keys wait only in the queue with no dialog open; quit never waits; a failed load drops them.
 */
import type { KeyEvent } from '../keys/decode.js';
import { lookup } from '../keys/keymap.js';
import { reduceInput } from './input.js';
import { modeOf, takesTyping } from './select.js';
import type { State } from './types.js';

/** More than this many keys ahead of a load is a stuck key or a cat on the keyboard: the oldest go. */
const MAX_AHEAD = 64;

function holds(s: State): boolean {
  return s.ahead.length > 0 || (!s.loaded && s.waiting && modeOf(s) === 'queue');
}

function quits(s: State, e: KeyEvent): boolean {
  const name = e.kind === 'key' ? e.name : e.text;
  return e.kind !== 'paste' && lookup(s.keymap, 'queue', name)?.action === 'quit';
}

/** One terminal read: each key runs now, or waits for the rows of the view that is loading. */
export function typeAhead(s: State, events: readonly KeyEvent[]): State {
  let next = s;
  const pending = [...events];
  while (pending.length > 0) {
    const e = pending.shift()!;
    const chars = e.kind === 'text' ? [...e.text] : [];
    if (chars.length > 1 && !takesTyping(next)) {
      // Several keys in one read: one at a time, since the first may start a load (`4xjx`).
      pending.unshift({ kind: 'text', text: chars[0]! }, { kind: 'text', text: chars.slice(1).join('') });
      continue;
    }
    next = holds(next) && !quits(next, e) ? { ...next, ahead: [...next.ahead, e].slice(-MAX_AHEAD) } : reduceInput(next, [e]);
  }
  return next;
}

/** The rows arrived: the keys that waited run on them (and wait again behind a load one of them starts). */
export function runAhead(s: State): State {
  return s.ahead.length === 0 ? s : typeAhead({ ...s, ahead: [] }, s.ahead);
}
