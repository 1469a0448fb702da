/** The console's first state: views, keymap and terminal size from main.ts, and the first rows when preloaded. */
import { DEFAULT_KEYMAP, viewBindings, type Binding } from '../keys/keymap.js';
import { INITIAL_ACT } from './act/types.js';
import { INITIAL_KB } from './kb/types.js';
import { NO_FILTER } from './filter.js';
import { settle } from './settle.js';
import { EMPTY_WINDOW, replaceRows } from './queue-window.js';
import { NO_TIMER } from './timer.js';
import type { Preload, Size, State } from './types.js';
import type { View } from './views.js';

export function initialState(
  views: readonly View[],
  keymap: readonly Binding[] = [...viewBindings(views), ...DEFAULT_KEYMAP],
  size: Size = { columns: 80, rows: 24 },
  preload?: Preload,
): State {
  const blank: State = {
    views,
    keymap,
    size,
    view: 0,
    sort: 0,
    query: { text: '', parsed: null, error: null },
    focus: 'queue',
    filter: NO_FILTER,
    queue: EMPTY_WINDOW,
    gen: 1,
    request: preload ? { kind: 'none' } : { kind: 'start' },
    loaded: preload !== undefined,
    waiting: preload === undefined,
    pageSize: 1,
    detail: {
      id: null,
      gen: 0,
      view: null,
      events: null,
      checklist: null,
      at: 0,
      triage: null,
      assets: null,
      related: null,
      scroll: 0,
      max: 0,
      page: 1,
      width: 10,
      body: 1,
    },
    counts: {},
    empty: preload ? preload.empty : null,
    notice: null,
    link: null,
    askDemo: false,
    loadingDemo: false,
    quit: false,
    next: null,
    version: 0,
    act: INITIAL_ACT,
    timer: NO_TIMER,
    dashboard: false,
    requesterOf: null,
    kb: INITIAL_KB,
    related: { index: 0, history: [] },
    ahead: [],
  };
  // The query, the layout and the first selection's detail request follow from the rest (settle.ts).
  const sized = settle(null, blank);
  if (!preload) return sized;
  const queue = replaceRows(EMPTY_WINDOW, preload.rows, { hasBefore: false, hasAfter: preload.hasAfter }, null, 0, sized.pageSize);
  return settle(sized, { ...sized, queue });
}

/** The settings' ticket categories, for the new-ticket form. */
export function withCategories(s: State, categories: readonly string[] | undefined): State {
  return categories?.length ? { ...s, act: { ...s.act, categories } } : s;
}
