/**
 * Decoded input (keys/decode.ts) to the reducer, pure: a key runs its binding in the current mode;
 * unbound, it edits the text box that has the focus. Typed text is text in a text box and keys
 * elsewhere, one character at a time (`/prio:high` typed fast opens the filter and fills it). A paste
 * goes into a text box whole and is ignored anywhere else. ESC then a key in one read is Alt+key when
 * that is bound, else the two keys.
 */
import type { KeyEvent } from '../keys/decode.js';
import { lookup } from '../keys/keymap.js';
import { dialogKey, dialogText } from './act/dialog-keys.js';
import { runCommand } from './dispatch.js';
import { insertFilter } from './filter.js';
import { kbInsert } from './kb/commands.js';
import { apply } from './messages.js';
import { modeOf, takesTyping } from './select.js';
import type { State } from './types.js';

/** Text into the text box that has the focus (takesTyping). */
function typeText(s: State, text: string): State {
  const mode = modeOf(s);
  if (mode === 'filter') return { ...s, filter: insertFilter(s.filter, text) };
  if (mode === 'kbSearch') return { ...s, kb: kbInsert(s.kb, text) };
  return apply(s, 'act', dialogText(s.act, text));
}

/** A key no binding took in the current mode. */
function unbound(s: State, name: string): State {
  const mode = modeOf(s);
  const printable = [...name].length === 1;
  if (printable && takesTyping(s, mode)) return typeText(s, name);
  if (mode === 'picker' || mode === 'compose' || mode === 'form' || mode === 'macro') return apply(s, 'act', dialogKey(s.act, name));
  // The draft question gives way to any other key, which then does what it does.
  if (mode === 'kbOffer' && s.kb.offer) return press({ ...s, kb: { ...s.kb, offer: null }, notice: s.kb.offer.said }, name, false);
  return s;
}

export function press(s: State, name: string, alt: boolean): State {
  const mode = modeOf(s);
  if (alt) {
    const bound = lookup(s.keymap, mode, `meta+${name}`);
    return bound ? runCommand(s, bound.action, bound.arg) : press(press(s, 'escape', false), name, false);
  }
  const binding = lookup(s.keymap, mode, name);
  return binding ? runCommand(s, binding.action, binding.arg) : unbound(s, name);
}

/** Several characters typed in one read: text in a text box, else one key each (the mode may change on the way). */
function typed(s: State, text: string): State {
  let next = s;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (takesTyping(next)) return typeText(next, chars.slice(i).join(''));
    next = press(next, chars[i]!, false);
  }
  return next;
}

function pasted(s: State, text: string): State {
  if (takesTyping(s)) return typeText(s, text);
  return { ...s, notice: 'paste ignored: not in a text box', act: { ...s.act, loud: false } };
}

export function reduceInput(s: State, events: readonly KeyEvent[]): State {
  return events.reduce(
    (st, e) => (e.kind === 'key' ? press(st, e.name, e.alt) : e.kind === 'text' ? typed(st, e.text) : pasted(st, e.text)),
    s,
  );
}
