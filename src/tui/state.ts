/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/** The console's state and its pure reducer: keys and data arrive as actions, the next state leaves. */
import type { TicketListRow } from '../store/ticket-list.js';
import { DEFAULT_KEYMAP, lookup, viewBindings, type Action as Command, type Binding, type Mode } from './keymap.js';
import { addPage, EMPTY_WINDOW, move, replaceRows, scrollIntoView, selected, type QueueWindow } from './queue-window.js';
import { SORTS, type View } from './views.js';
import { actCommand } from './act-commands.js';
import { overlayMode } from './act-helpers.js';
import { actData, afterSelect } from './act-reduce.js';
import { INITIAL_ACT, type ActAction, type ActState } from './act-types.js';
import { splitRead } from './key-chunks.js';
import { overlayKey } from './overlay-keys.js';
import { isKbCommand } from './kb-keymap.js';
import { kbData, kbKey, offerDraft } from './kb-reduce.js';
import { kbCommand, kbModeOf } from './kb-state.js';
import { INITIAL_KB, isKbAction, type KbAction, type KbState } from './kb-types.js';
import {
  loggedNotice,
  NO_TIMER,
  quitAfterLog,
  quitTimer,
  reduceTimer,
  toggleTimer,
  type TimerAction,
  type TimerState,
} from './timer-state.js';

export type Focus = 'queue' | 'detail' | 'filter';

/** What the data hook should load next; `gen` bumps with each request so stale answers are dropped. */
export type LoadRequest = { kind: 'none' } | { kind: 'start' } | { kind: 'end' } | { kind: 'anchor'; id: number; select?: boolean };

/** Rows loaded before the first frame (main.ts), so the first frame already shows the queue. */
export interface Preload {
  rows: TicketListRow[];
  hasAfter: boolean;
  empty: boolean;
}

export interface State {
  views: readonly View[];
  /** Keys resolve against the state they arrive in, so a key typed mid-transition reaches the right pane. */
  keymap: readonly Binding[];
  view: number;
  sort: number;
  focus: Focus;
  /** `text` is the box, `live` the filter in effect, `error` the parse error of `text`. */
  filter: { text: string; live: string; error: { message: string; column: number } | null };
  queue: QueueWindow;
  gen: number;
  request: LoadRequest;
  loaded: boolean;
  pageSize: number;
  detail: { scroll: number; max: number; page: number };
  counts: Record<string, number>;
  /** True when the database has no ticket at all (welcome screen); null until known. */
  empty: boolean | null;
  notice: string | null;
  /** The welcome screen's `d` asked for demo data and it is being written. */
  loadingDemo: boolean;
  quit: boolean;
  /** Acting on tickets: dialogs, marks, queued writes (act-types.ts). */
  act: ActState;
  /** The running timer (`T`), timer-state.ts. */
  timer: TimerState;
  /** The dashboard (`D`) fills the body. */
  dashboard: boolean;
  /** The knowledge base: the KB screen (`K`), suggestions, links and drafts (kb-types.ts). */
  kb: KbState;
}

export type StateAction =
  | { type: 'key'; name: string | null; input: string; printable: boolean }
  | { type: 'command'; command: Command; arg?: string }
  | { type: 'filterInsert'; text: string }
  | { type: 'filterSettled'; text: string; error: { message: string; column: number } | null }
  | { type: 'refresh' }
  | { type: 'rowsLoaded'; gen: number; rows: TicketListRow[]; hasBefore: boolean; hasAfter: boolean; fallback: number }
  | { type: 'pageLoaded'; gen: number; dir: 'after' | 'before'; cursorId: number; rows: TicketListRow[]; hasMore: boolean }
  | { type: 'layout'; pageSize: number; detailPage: number }
  | { type: 'detailMeasured'; max: number }
  | { type: 'counts'; counts: Record<string, number> }
  | { type: 'empty'; empty: boolean }
  | { type: 'notice'; text: string | null }
  | { type: 'demoDone'; error: string | null }
  | TimerAction
  | ActAction
  | KbAction;

export function initialState(
  views: readonly View[],
  keymap: readonly Binding[] = [...viewBindings(views), ...DEFAULT_KEYMAP],
  pageSize = 10,
  preload?: Preload,
): State {
  const queue = preload
    ? replaceRows(EMPTY_WINDOW, preload.rows, { hasBefore: false, hasAfter: preload.hasAfter }, null, 0, pageSize)
    : EMPTY_WINDOW;
  return {
    views,
    keymap,
    view: 0,
    sort: 0,
    focus: 'queue',
    filter: { text: '', live: '', error: null },
    queue,
    gen: 1,
    request: preload ? { kind: 'none' } : { kind: 'start' },
    loaded: preload !== undefined,
    pageSize,
    detail: { scroll: 0, max: 0, page: 10 },
    counts: {},
    empty: preload ? preload.empty : null,
    notice: null,
    loadingDemo: false,
    quit: false,
    act: INITIAL_ACT,
    timer: NO_TIMER,
    dashboard: false,
    kb: INITIAL_KB,
  };
}

/** The settings' ticket categories, for the new-ticket form. */
export function withCategories(s: State, categories: readonly string[] | undefined): State {
  return categories?.length ? { ...s, act: { ...s.act, categories } } : s;
}

/** The keymap mode right now. */
export function modeOf(s: State): Mode {
  return s.act.overlay ? overlayMode(s.act.overlay) : s.empty ? 'welcome' : (kbModeOf(s.kb) ?? (s.dashboard ? 'dashboard' : s.focus));
}

export function selectedRow(s: State): TicketListRow | undefined {
  return s.loaded ? selected(s.queue) : undefined;
}

function reload(s: State, request: LoadRequest): State {
  return { ...s, gen: s.gen + 1, request, loaded: request.kind === 'anchor' ? s.loaded : false };
}

/** Reload keeping the selected ticket where possible. */
function reloadHere(s: State): State {
  const row = selectedRow(s);
  return reload(s, row ? { kind: 'anchor', id: row.id } : { kind: 'start' });
}

function scrollDetail(s: State, to: number): State {
  return { ...s, detail: { ...s.detail, scroll: Math.max(0, Math.min(s.detail.max, to)) } };
}

function command(s: State, c: Command, arg: string | undefined): State {
  const inDetail = s.focus === 'detail';
  const q = s.queue;
  switch (c) {
    case 'down':
      return inDetail ? scrollDetail(s, s.detail.scroll + 1) : { ...s, queue: move(q, 1, s.pageSize) };
    case 'up':
      return inDetail ? scrollDetail(s, s.detail.scroll - 1) : { ...s, queue: move(q, -1, s.pageSize) };
    case 'pageDown':
      return inDetail ? scrollDetail(s, s.detail.scroll + s.detail.page) : { ...s, queue: move(q, s.pageSize, s.pageSize, true) };
    case 'pageUp':
      return inDetail ? scrollDetail(s, s.detail.scroll - s.detail.page) : { ...s, queue: move(q, -s.pageSize, s.pageSize, true) };
    case 'top':
      if (inDetail) return scrollDetail(s, 0);
      return q.hasBefore || !s.loaded ? reload(s, { kind: 'start' }) : { ...s, queue: move(q, -q.sel, s.pageSize) };
    case 'bottom':
      if (inDetail) return scrollDetail(s, s.detail.max);
      return q.hasAfter || !s.loaded ? reload(s, { kind: 'end' }) : { ...s, queue: move(q, q.rows.length - 1 - q.sel, s.pageSize) };
    case 'focusDetail':
      return selectedRow(s) ? { ...s, focus: 'detail' } : s;
    case 'back':
      return { ...s, focus: 'queue' };
    case 'view': {
      const index = s.views.findIndex((v) => v.key === arg);
      if (index < 0) return s;
      return reload({ ...s, view: index, focus: 'queue', detail: { ...s.detail, scroll: 0 } }, { kind: 'start' });
    }
    case 'openFilter':
      return { ...s, focus: 'filter', filter: { ...s.filter, text: s.filter.live, error: null } };
    case 'cycleSort':
      return reload({ ...s, sort: (s.sort + 1) % SORTS.length }, { kind: 'start' });
    case 'filterKeep':
      if (s.filter.error) return s;
      return settle({ ...s, focus: 'queue' }, s.filter.text);
    case 'filterClear': {
      const cleared = { ...s, focus: 'queue' as const, filter: { text: '', live: '', error: null } };
      return s.filter.live ? reloadHere(cleared) : cleared;
    }
    case 'filterBackspace':
      return { ...s, filter: { ...s.filter, text: [...s.filter.text].slice(0, -1).join('') } };
    case 'filterErase':
      return { ...s, filter: { ...s.filter, text: '' } };
    case 'quit': {
      const timer = quitTimer(s.timer);
      return timer ? { ...s, timer, notice: 'logging the timer before quitting…' } : { ...s, quit: true };
    }
    case 'toggleTimer':
      return { ...s, timer: toggleTimer(s.timer, selectedRow(s)) };
    case 'dashboard':
      return { ...s, dashboard: true };
    case 'closeDashboard':
      return { ...s, dashboard: false };
    case 'loadDemo':
      return s.loadingDemo ? s : { ...s, loadingDemo: true, notice: 'loading demo data…' };
    default:
      return isKbCommand(c) ? kbCommand(s, c) : actCommand(s, c, arg);
  }
}

/** The filter text takes effect (it parsed): reload from the top when it changed. */
function settle(s: State, text: string): State {
  if (text.trim() === s.filter.live.trim()) return { ...s, filter: { ...s.filter, live: text } };
  return reload({ ...s, filter: { ...s.filter, live: text, error: null } }, { kind: 'start' });
}

/** One character of a read as a key; a Tab is the Tab key where one is bound (`Tab j j` at once on the KB screen). */
const charKey = (ch: string): StateAction => ({ type: 'key', name: ch === '\t' ? 'tab' : ch, input: ch, printable: true });

function reduce(s: State, a: StateAction): State {
  switch (a.type) {
    case 'key': {
      if (s.act.overlay) return overlayKey(s, a, reduce);
      // Several characters in one read (fast typing, key repeat, paste) are several keys: control
      // characters as the keys they are (a held Backspace is DEL DEL DEL), the text one character at a time.
      if (a.name === null && a.printable && [...a.input].length > 1) {
        return splitRead(a.input, true)
          .flatMap((k) => (k.printable ? [...k.input].map(charKey) : [k]))
          .reduce((st, k) => reduce(st, k), s);
      }
      const binding = lookup(s.keymap, modeOf(s), a.name);
      if (binding) return command(s, binding.action, binding.arg);
      // Esc and the next key in one read arrive as Alt+key: when Alt+key means nothing, they are two keys.
      if (a.name?.startsWith('meta+') && a.input) {
        const afterEscape = reduce(s, { type: 'key', name: 'escape', input: '', printable: false });
        return reduce(afterEscape, { type: 'key', name: [...a.input].length === 1 ? a.input : null, input: a.input, printable: true });
      }
      return modeOf(s) === 'filter' && a.printable ? reduce(s, { type: 'filterInsert', text: a.input }) : kbKey(s, modeOf(s), a, reduce);
    }
    case 'command':
      return command(s, a.command, a.arg);
    case 'filterInsert':
      return { ...s, filter: { ...s.filter, text: s.filter.text + a.text.replace(/[\r\n\t]/g, ' ') } };
    case 'filterSettled':
      if (a.text !== s.filter.text || s.focus !== 'filter') return s;
      return a.error ? { ...s, filter: { ...s.filter, error: a.error } } : settle({ ...s, filter: { ...s.filter, error: null } }, a.text);
    case 'refresh':
      return reloadHere(s);
    case 'rowsLoaded': {
      if (a.gen !== s.gen) return s;
      // `select`: a ticket just created is selected even though another row still is.
      const keep =
        s.request.kind === 'anchor' && s.request.select
          ? s.request.id
          : (selectedRow(s)?.id ?? (s.request.kind === 'anchor' ? s.request.id : null));
      const queue = replaceRows(s.queue, a.rows, a, keep, a.fallback, s.pageSize);
      return { ...s, queue, loaded: true };
    }
    case 'pageLoaded': {
      const edge = a.dir === 'after' ? s.queue.rows[s.queue.rows.length - 1] : s.queue.rows[0];
      if (a.gen !== s.gen || !s.loaded || edge?.id !== a.cursorId) return s;
      return { ...s, queue: addPage(s.queue, a.dir, a.rows, a.hasMore, s.pageSize) };
    }
    case 'layout':
      return {
        ...s,
        pageSize: Math.max(1, a.pageSize),
        detail: { ...s.detail, page: Math.max(1, a.detailPage) },
        queue: scrollIntoView(s.queue, Math.max(1, a.pageSize)),
      };
    case 'detailMeasured':
      return a.max === s.detail.max ? s : { ...s, detail: { ...s.detail, max: a.max, scroll: Math.min(s.detail.scroll, a.max) } };
    case 'counts':
      return { ...s, counts: a.counts };
    case 'empty':
      return a.empty === s.empty ? s : { ...s, empty: a.empty, notice: a.empty ? s.notice : null };
    case 'notice':
      return { ...s, notice: a.text };
    case 'demoDone':
      return reload({ ...s, loadingDemo: false, notice: a.error ? `demo data failed: ${a.error}` : null }, { kind: 'start' });
    case 'timerStamp':
      return { ...s, timer: reduceTimer(s.timer, a) };
    case 'timerLogged':
      return { ...s, timer: reduceTimer(s.timer, a), notice: loggedNotice(a), quit: s.quit || quitAfterLog(s.timer, a) };
    default:
      return isKbAction(a) ? kbData(s, a) : actData(s, a);
  }
}

/** The reducer: a new selection starts the detail pane at its top. */
export function reducer(s: State, a: StateAction): State {
  const reduced = offerDraft(s, a, reduce(s, a));
  const next = a.type === 'key' || a.type === 'command' ? afterSelect(s, reduced) : reduced;
  if (next !== s && selectedRow(next)?.id !== selectedRow(s)?.id && next.detail.scroll !== 0) {
    return { ...next, detail: { ...next.detail, scroll: 0 } };
  }
  return next;
}
