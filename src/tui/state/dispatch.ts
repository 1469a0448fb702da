/** A bound key's action, sent to the part of the state it belongs to (keys/actions.ts says which). */
import { familyOf, type Action, type ActCommand, type KbCommand, type QueueCommand } from '../keys/actions.js';
import { helpScrollMax } from '../text/help-layout.js';
import { helpLines } from '../text/help-lines.js';
import { actCommand } from './act/commands.js';
import type { ActCtx } from './act/types.js';
import { kbCommand } from './kb/commands.js';
import { apply } from './messages.js';
import { queueCommand } from './commands.js';
import { selectedRow } from './select.js';
import { layoutOf } from './settle.js';
import type { State } from './types.js';

/** The help fills the body below its title bar (components/overlay.tsx, help-overlay.tsx). */
function helpMax(s: State): number {
  const lay = layoutOf(s);
  return helpScrollMax(helpLines(s.keymap), lay.columns, Math.max(1, lay.height - 3));
}

export function actCtx(s: State): ActCtx {
  return {
    row: selectedRow(s),
    helpMax: s.act.overlay?.kind === 'help' ? helpMax(s) : 0,
    suggest: s.kb.suggest,
    subject: s.detail.view && s.detail.view.id === s.detail.id ? s.detail.view : null,
    checklist: s.detail.view && s.detail.view.id === s.detail.id ? s.detail.checklist : null,
  };
}

export function runCommand(s: State, action: Action, arg?: string): State {
  switch (familyOf(action)) {
    case 'act':
      return apply(s, 'act', actCommand(s.act, action as ActCommand, actCtx(s)));
    case 'kb':
      return apply(s, 'kb', kbCommand(s.kb, action as KbCommand, selectedRow(s)));
    default:
      return queueCommand(s, action as QueueCommand, arg);
  }
}
