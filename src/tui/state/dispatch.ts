/** A bound key's action, sent to the part of the state it belongs to (keys/actions.ts says which). */
import { familyOf, type Action, type ActCommand, type KbCommand, type QueueCommand } from '../keys/actions.js';
import { helpLines } from '../text/help-lines.js';
import { actCommand } from './act/commands.js';
import type { ActCtx } from './act/types.js';
import { kbCommand } from './kb/commands.js';
import { apply } from './messages.js';
import { queueCommand } from './commands.js';
import { selectedRow } from './select.js';
import type { State } from './types.js';

export function actCtx(s: State): ActCtx {
  return {
    row: selectedRow(s),
    inQueue: s.focus === 'queue',
    helpLength: s.act.overlay?.kind === 'help' ? helpLines(s.keymap).length : 0,
    suggest: s.kb.suggest,
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
