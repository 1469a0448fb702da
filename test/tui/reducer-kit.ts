/** The console's reducer for tests: its entry points, and actions as the console's input hook and loaders send them. */
import type { TicketView } from '../../src/store/ticket-view.js';
import { decodeAll, type KeyEvent } from '../../src/tui/keys/decode.js';
import type { StateAction } from '../../src/tui/state/types.js';
import type { State } from '../../src/tui/state/types.js';
import { reducer } from '../../src/tui/state/reducer.js';

export { initialState } from '../../src/tui/state/initial.js';
export { reducer } from '../../src/tui/state/reducer.js';
export { modeOf, selectedRow } from '../../src/tui/state/select.js';
export type { State, StateAction } from '../../src/tui/state/types.js';

/** What a terminal read means (keys/decode.ts), as the input hook dispatches it. */
export const read = (...reads: string[]): StateAction => ({ type: 'input', events: decodeAll(...reads) });

/**
 * A key by the name the keymap uses (`j`, `enter`, `ctrl+s`, `meta+2`), or with `name` null a raw read
 * (`'jjj'`, `'\x7f\x7f'`): as the decoder hands them over.
 */
export function key(name: string | null, input = ''): StateAction {
  if (name === null) return read(input);
  const event: KeyEvent = name.startsWith('meta+')
    ? { kind: 'key', name: name.slice(5), alt: true }
    : [...name].length === 1
      ? { kind: 'text', text: name }
      : { kind: 'key', name, alt: false };
  return { type: 'input', events: [event] };
}

/** Text typed in one read. */
export const typed = (text: string): StateAction => ({ type: 'input', events: [{ kind: 'text', text }] });

export const run = (s: State, ...actions: StateAction[]): State => actions.reduce(reducer, s);

/** A ticket as the store's findTicket returns it, with `lines` lines of description. */
export function ticketView(id: number, version: number, lines = 1): TicketView {
  return {
    id,
    ref: `HD-${id}`,
    title: `T${id}`,
    description: Array.from({ length: lines }, (_, i) => `line ${i + 1}`).join('\n'),
    status: 'open',
    priority: 'normal',
    priority_rank: 3,
    category: 'other',
    channel: 'cli',
    tier: 'L1',
    version,
    created_at: 0,
    updated_at: 0,
    next_due_at: null,
    requester: null,
    assignee: null,
    tags: [],
    resolution: null,
  } as unknown as TicketView;
}

/** The detail loader's answer for the ticket the state asked about: its view at `version`. */
export function seen(s: State, id: number, version: number, lines = 1): State {
  return reducer(s, {
    type: 'detailLoaded',
    gen: s.detail.gen,
    id,
    view: ticketView(id, version, lines),
    events: [],
    suggestions: null,
    at: 0,
  });
}
