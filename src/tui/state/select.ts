/** Reading the state: the keymap mode right now, the selected ticket, whether keys go into a text box. */
import type { TicketListRow } from '../../store/ticket-list.js';
import type { Mode } from '../keys/actions.js';
import { takesText } from './act/dialog-keys.js';
import { overlayMode } from './act/targets.js';
import { kbModeOf } from './kb/commands.js';
import { selected } from './queue-window.js';
import type { State } from './types.js';

export function modeOf(s: State): Mode {
  if (s.act.overlay) return overlayMode(s.act.overlay);
  // The KB screen opens from the welcome screen too (`K`), and has the keys while it shows.
  const kb = kbModeOf(s.kb);
  if (s.empty) return kb && kb !== 'kbOffer' ? kb : s.askDemo ? 'welcomeAsk' : 'welcome';
  return kb ?? (s.dashboard ? 'dashboard' : s.requesterOf !== null ? 'requester' : s.focus);
}

export function selectedRow(s: State): TicketListRow | undefined {
  return s.loaded ? selected(s.queue) : undefined;
}

/** Typed characters are text here (the filter box, the KB search box, a dialog's text field), not keys. */
export function takesTyping(s: State, mode: Mode = modeOf(s)): boolean {
  return mode === 'filter' || mode === 'kbSearch' || ((mode === 'compose' || mode === 'form' || mode === 'macro') && takesText(s.act));
}
