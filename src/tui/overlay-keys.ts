/**
 * Keys while a dialog is open, pure: bindings of the dialog's mode first (keymap), then the dialog's
 * own editing. A read of several characters is a paste, except for control characters inside it,
 * which are keys (fast typing can put `text` and Ctrl+S in one read).
 */
import { ACT_COMMANDS, type ActCommand } from './act-keymap.js';
import { overlayMode, setOverlay } from './act-helpers.js';
import { editorKey, insert } from './editor-state.js';
import { formKey, formPaste } from './form-state.js';
import { lookup } from './keymap.js';
import { isKbCommand } from './kb-keymap.js';
import { key, splitRead, type KeyAction } from './key-chunks.js';
import { kbCommand } from './kb-state.js';
import { overlayCommand, pick } from './overlay-commands.js';
import type { State } from './state.js';

/** The focused text of the dialog is a multi-line editor. */
function multiline(s: State): boolean {
  const o = s.act.overlay;
  if (o?.kind === 'compose') return o.field === 'text' && !o.text.single;
  return o?.kind === 'form' && o.form.focus === 'description';
}

function typed(s: State, a: KeyAction, paste: boolean): State {
  const o = s.act.overlay!;
  if (o.ask) return s;
  switch (o.kind) {
    case 'picker': {
      const option = a.printable && !paste ? o.options.find((x) => x.key === a.input) : undefined;
      return option ? pick(s, o, option) : s;
    }
    case 'compose': {
      const field = o.field === 'minutes' && o.minutes ? 'minutes' : 'text';
      const current = field === 'minutes' ? o.minutes! : o.text;
      if (field === 'minutes' && a.printable && !/^\d+$/.test(a.input)) return s;
      const next = paste ? insert(current, a.input) : editorKey(current, a.name, a.input, a.printable);
      return next && next !== current ? setOverlay(s, { ...o, [field]: next }) : s;
    }
    case 'form':
      return setOverlay(s, { ...o, form: paste ? formPaste(o.form, a.input) : formKey(o.form, a.name, a.input, a.printable) });
    default:
      return s;
  }
}

/** `rest` handles keys that arrive after the dialog closed (the console's own key handling). */
export function overlayKey(s: State, a: KeyAction, rest: (s: State, a: KeyAction) => State): State {
  if (a.name === null && a.printable && [...a.input].length > 1) {
    // Split as the dialog is when the read starts; a multi-line box keeps its tabs and newlines.
    return splitRead(a.input, multiline(s)).reduce(
      (st, k) => (!st.act.overlay ? rest(st, k) : k.printable ? typed(st, k, true) : overlayKey(st, k, rest)),
      s,
    );
  }
  const o = s.act.overlay!;
  const binding = lookup(s.keymap, overlayMode(o), a.name);
  if (binding && ACT_COMMANDS.has(binding.action)) return overlayCommand(s, binding.action as ActCommand, binding.arg);
  if (binding && isKbCommand(binding.action)) return kbCommand(s, binding.action);
  // Esc and the next key in one read arrive as Alt+key: unbound, they are two keys.
  if (a.name?.startsWith('meta+') && a.input) {
    const afterEscape = overlayKey(s, key('escape', '', false), rest);
    const next = key([...a.input].length === 1 ? a.input : null, a.input, true);
    return afterEscape.act.overlay ? overlayKey(afterEscape, next, rest) : rest(afterEscape, next);
  }
  return typed(s, a, false);
}
