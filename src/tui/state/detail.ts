/**
 * The detail pane's part of the state, pure: which ticket to load (a request with a generation, as
 * the queue's), the answer, scrolling, and its size computed here from its lines, so the pane never
 * measures itself and reports back.
 */
import type { TicketListRow } from '../../store/ticket-list.js';
import { detailLines, type Line } from '../text/detail-lines.js';
import { RELATED_CURSOR } from '../text/related-lines.js';
import type { DetailState, StateAction } from './types.js';

/** The selection moved (or went): ask for the new ticket, from the top. */
export function follow(d: DetailState, id: number | null): DetailState {
  if (id === d.id) return d;
  return {
    ...d,
    id,
    gen: d.gen + 1,
    view: null,
    events: null,
    checklist: null,
    triage: null,
    assets: null,
    related: null,
    scroll: 0,
    max: 0,
  };
}

/** The data changed: ask again for the same ticket, keeping what shows meanwhile. */
export function again(d: DetailState): DetailState {
  return d.id === null ? d : { ...d, gen: d.gen + 1 };
}

export function loaded(d: DetailState, a: Extract<StateAction, { type: 'detailLoaded' }>): DetailState {
  if (a.gen !== d.gen || a.id !== d.id) return d;
  return {
    ...d,
    view: a.view,
    events: a.events,
    checklist: a.checklist ?? [],
    at: a.at,
    triage: a.triage ?? null,
    assets: a.assets ?? null,
    related: a.related ?? null,
  };
}

export function scrollTo(d: DetailState, to: number): DetailState {
  return { ...d, scroll: Math.max(0, Math.min(d.max, to)) };
}

/** A new size for the pane (the layout changed). */
export function resized(d: DetailState, size: { page: number; width: number; body: number }): DetailState {
  return d.page === size.page && d.width === size.width && d.body === size.body ? d : { ...d, ...size };
}

/**
 * How far the pane scrolls: its lines (as the pane draws them) below the first screen. `head` goes
 * above the description (the related tickets); a highlighted related ticket is scrolled into view.
 */
export function measured(d: DetailState, row: TicketListRow | undefined, extra: readonly Line[], head: readonly Line[] = []): DetailState {
  const lines = row ? detailLines(row, d.view, d.events, d.width, d.at, extra, null, head) : [];
  const max = Math.max(0, lines.length - d.body);
  let scroll = Math.min(d.scroll, max);
  const focused = head.some((l) => l.text.startsWith(RELATED_CURSOR));
  const cursor = focused ? lines.findIndex((l) => l.text.startsWith(RELATED_CURSOR)) : -1;
  if (cursor >= 0 && cursor < scroll) scroll = Math.max(0, cursor - 1);
  if (cursor >= 0 && cursor >= scroll + d.body) scroll = Math.min(max, cursor - d.body + 1);
  return max === d.max && scroll === d.scroll ? d : { ...d, max, scroll };
}
