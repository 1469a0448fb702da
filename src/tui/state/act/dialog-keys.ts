/**
 * Keys and text the keymap did not take while a dialog is open, pure: a picker's option keys, the
 * text boxes' own editing keys, typed and pasted text. Keys come decoded (keys/decode.ts).
 */
import { editorKey, insert } from '../editor.js';
import { formKey, formPaste } from '../form.js';
import { step } from '../step.js';
import type { Step } from '../types.js';
import { pick, saveCompose } from './dialog-commands.js';
import { macroQuery } from './request-dialogs.js';
import { setOverlay } from './targets.js';
import type { ActState } from './types.js';

/** A key with no binding in the dialog's mode (`name` is one character for a printable key). */
export function dialogKey(act: ActState, name: string): Step<ActState> {
  const o = act.overlay;
  if (!o || o.ask) return step(act);
  const printable = [...name].length === 1;
  switch (o.kind) {
    case 'picker':
      return printable
        ? pick(
            act,
            o,
            o.options.find((x) => x.key === name),
          )
        : step(act);
    case 'compose': {
      const field = o.field === 'minutes' && o.minutes ? 'minutes' : 'text';
      const current = field === 'minutes' ? o.minutes! : o.text;
      if (field === 'minutes' && printable && !/^\d$/.test(name)) return step(act);
      // Enter in a one-line box: from the minutes on to the text; in the tags box, save.
      if (name === 'enter' && current.single)
        return field === 'minutes' ? step(setOverlay(act, { ...o, field: 'text' })) : saveCompose(act, o);
      const next = editorKey(current, name, printable ? name : '', printable);
      return step(next && next !== current ? setOverlay(act, { ...o, [field]: next }) : act);
    }
    case 'form':
      return step(setOverlay(act, { ...o, form: formKey(o.form, name, printable ? name : '', printable) }));
    case 'macro':
      if (printable) return step(macroQuery(act, o, o.query + name));
      return step(name === 'backspace' || name === 'delete' ? macroQuery(act, o, [...o.query].slice(0, -1).join('')) : act);
    default:
      return step(act);
  }
}

/** Typed (several characters in one read) or pasted text, into the focused text field. */
export function dialogText(act: ActState, text: string): Step<ActState> {
  const o = act.overlay;
  if (!o || o.ask || text === '') return step(act);
  switch (o.kind) {
    case 'compose': {
      const field = o.field === 'minutes' && o.minutes ? 'minutes' : 'text';
      if (field === 'minutes' && !/^\d+$/.test(text)) return step(act);
      const current = field === 'minutes' ? o.minutes! : o.text;
      return step(setOverlay(act, { ...o, [field]: insert(current, text) }));
    }
    case 'form':
      return step(setOverlay(act, { ...o, form: formPaste(o.form, text) }));
    case 'macro':
      return step(macroQuery(act, o, o.query + text.replace(/\s+/g, ' ')));
    default:
      return step(act);
  }
}

/** The open dialog takes text (typing and pastes go into it). */
export function takesText(act: ActState): boolean {
  const o = act.overlay;
  return o !== null && !o.ask && (o.kind === 'compose' || o.kind === 'form' || o.kind === 'macro');
}
