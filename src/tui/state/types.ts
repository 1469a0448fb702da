/**
 * The console's state and the actions that change it, as types. The slices (act/, kb/, timer.ts, queue-window.ts) keep
 * their own types beside their reducers; this file gathers them and is imported by the reducers, never the other way round.
 */
import type { ChecklistItem } from '../../domain/checklist.js';
import type { ParsedQuery } from '../../domain/query.js';
import type { InteractionRow } from '../../store/interactions.js';
import type { Suggestion } from '../../store/kb-links.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import type { TicketView } from '../../store/ticket-view.js';
import type { Action, Binding } from '../keys/actions.js';
import type { KeyEvent } from '../keys/decode.js';
import type { ActAction, ActState, Overlay } from './act/types.js';
import type { KbAction, KbJob, KbState } from './kb/types.js';
import type { QueueWindow } from './queue-window.js';
import type { TimerAction, TimerState } from './timer.js';
import type { View } from './views.js';
import type { DetailTriage } from './triage.js';
import type { AssetChoices } from '../../store/asset-links.js';
import type { TicketLink } from '../../store/ticket-links.js';

/** `related`: the detail pane's list of related tickets has the keys (state/related.ts). */
export type Focus = 'queue' | 'detail' | 'filter' | 'related';

/** The related list's highlighted entry, and the tickets followed from (Esc goes back to each in turn). */
export interface RelatedState {
  index: number;
  history: readonly { id: number; index: number }[];
}

/** What the queue's loader should fetch next; `gen` bumps with each request so stale answers are dropped. */
export type LoadRequest = { kind: 'none' } | { kind: 'start' } | { kind: 'end' } | { kind: 'anchor'; id: number; select?: boolean };

/** Rows loaded before the first frame (main.ts), so the first frame already shows the queue. */
export interface Preload {
  rows: TicketListRow[];
  hasAfter: boolean;
  empty: boolean;
}

export interface Size {
  columns: number;
  rows: number;
}

/** The queue's part: the cached window of rows and the load protocol (hooks/use-queue-data.ts answers). */
export interface QueueSlice {
  queue: QueueWindow;
  gen: number;
  request: LoadRequest;
  /** The rows shown belong to the current view (false while a view loads from scratch). */
  loaded: boolean;
  /** A request of the current `gen` is unanswered (a reload keeps showing the old rows meanwhile). */
  waiting: boolean;
  /** Visible queue rows, from the layout. */
  pageSize: number;
}

/** The view's query: parsed once here, run by the loader, its error shown in the status bar. */
export interface QueryState {
  text: string;
  parsed: ParsedQuery | null;
  error: string | null;
}

/** The selected ticket's details, loaded by request and answer like the queue (hooks/use-detail.ts answers). */
export interface DetailState {
  /** The selected ticket, and the request's generation (answers of another generation are dropped). */
  id: number | null;
  gen: number;
  /** What arrived for it (null while loading), and when it was read (lines are measured as of then). */
  view: TicketView | null;
  events: InteractionRow[] | null;
  /** A service request's checklist (empty for other tickets). */
  checklist: ChecklistItem[] | null;
  at: number;
  /** Triage suggestions and similar tickets (null until looked up; state/triage.ts). */
  triage: DetailTriage | null;
  /** The assets the ticket is about and the requester's others (null while loading). */
  assets: AssetChoices | null;
  /** Links, parent and children (store/ticket-relations.ts; null while loading). */
  related: TicketLink[] | null;
  scroll: number;
  /** Lines below the first screen: computed here from the lines and the pane's size (settle.ts). */
  max: number;
  /** Lines a page scrolls, the width lines wrap to, and the lines the pane shows below its title. */
  page: number;
  width: number;
  body: number;
}

/** The `/` box: `text` is typed, `live` the filter in effect, `error` the parse error of `text` (state/filter.ts). */
export interface FilterState {
  text: string;
  live: string;
  error: { message: string; column: number } | null;
}

export interface State extends QueueSlice {
  views: readonly View[];
  /** Keys resolve against the state they arrive in, so a key typed mid-transition reaches the right pane. */
  keymap: readonly Binding[];
  size: Size;
  view: number;
  sort: number;
  query: QueryState;
  focus: Focus;
  filter: FilterState;
  detail: DetailState;
  counts: Record<string, number>;
  /** True when the database has no ticket at all (welcome screen); null until known. */
  empty: boolean | null;
  notice: string | null;
  /** The desk's server connection was lost and is being retried (link.ts): the status bar says so. */
  link: 'lost' | null;
  /** The welcome screen's `d` asks before loading demo data: the question is open. */
  askDemo: boolean;
  /** The question had a yes: demo data is being written. */
  loadingDemo: boolean;
  quit: boolean;
  /** What opens once the console has quit: the tour (`?` then `t`). */
  next: 'tour' | null;
  /** The one data-version counter: bumps when another process commits or after a write of ours. */
  version: number;
  /** Acting on tickets: dialogs, marks, queued writes (act/types.ts). */
  act: ActState;
  /** The running timer (`T`), timer.ts. */
  timer: TimerState;
  /** The dashboard (`D`) fills the body. */
  dashboard: boolean;
  /** `u`: the requester of this ticket (its id) fills the body; null when closed. */
  requesterOf: number | null;
  /** The knowledge base: the KB screen (`K`), suggestions, links and drafts (kb/types.ts). */
  kb: KbState;
  /** The detail pane's related list: its cursor and the way back (related.ts). */
  related: RelatedState;
  /** Keys typed while a view loads from scratch, run on its rows when they arrive (type-ahead.ts). */
  ahead: readonly KeyEvent[];
}

/**
 * What a slice's reducer asks of the rest of the state, as data; the root reducer applies them in
 * order (state/messages.ts). Slices take and return their own part and never see the whole state.
 */
export type Out =
  /** The status bar's message; `loud` ones take the full width and clear when the selection moves (unset: as it was). */
  | { kind: 'notice'; text: string | null; loud?: boolean }
  /** Reload the queue around a ticket (`select`: select it even though another row is selected). */
  | { kind: 'reloadAround'; id: number; select: boolean }
  /** Written tickets show their new values at once. */
  | { kind: 'patchRows'; rows: TicketListRow[] }
  /** Reload the queue keeping the selected ticket. */
  | { kind: 'reloadHere' }
  /** The data changed by a write of ours: reload what shows it. */
  | { kind: 'changed' }
  | { kind: 'kbJob'; job: KbJob }
  | { kind: 'overlay'; overlay: Overlay }
  /** A single ticket was resolved: offer to draft a KB article from it. */
  | { kind: 'resolved'; ticketId: number; ref: string; said: string };

export interface Step<S> {
  next: S;
  out: readonly Out[];
}

export type StateAction =
  /** Keys, text and pastes from one terminal read (keys/decode.ts). */
  | { type: 'input'; events: readonly KeyEvent[] }
  | { type: 'command'; command: Action; arg?: string }
  | { type: 'filterSettled'; text: string; error: { message: string; column: number } | null }
  /** Another process committed (data_version moved): reload what is shown. */
  | { type: 'refresh' }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'rowsLoaded'; gen: number; rows: TicketListRow[]; hasBefore: boolean; hasAfter: boolean; fallback: number; empty?: boolean }
  | { type: 'rowsFailed'; text: string }
  | { type: 'pageLoaded'; gen: number; dir: 'after' | 'before'; cursorId: number; rows: TicketListRow[]; hasMore: boolean }
  | {
      type: 'detailLoaded';
      gen: number;
      id: number;
      view: TicketView | null;
      events: InteractionRow[];
      checklist?: ChecklistItem[];
      /** Suggested KB articles for the ticket (null: not looked up). */
      suggestions: Suggestion[] | null;
      /** Triage suggestions and similar tickets (null: not looked up). */
      triage?: DetailTriage | null;
      assets?: AssetChoices | null;
      related?: TicketLink[] | null;
      at: number;
    }
  | { type: 'counts'; counts: Record<string, number> }
  | { type: 'empty'; empty: boolean }
  | { type: 'notice'; text: string | null }
  /** The desk's change feed lost its connection, or has it back (hooks/use-desk-changes.ts). */
  | { type: 'link'; lost: boolean }
  | { type: 'demoDone'; error: string | null }
  | TimerAction
  | ActAction
  | KbAction;
