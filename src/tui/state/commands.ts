/**
 * The queue's, the filter's and the console's own commands, pure: moving, views, sorting, the filter
 * box, the timer, the dashboard, quitting. Acting on tickets (act/) and the KB (kb/) have their own.
 */
import type { QueueCommand } from '../keys/actions.js';
import { scrollTo } from './detail.js';
import { backspaceFilter, eraseFilter, NO_FILTER, openFilter, settleFilter } from './filter.js';
import { backRelated, moveRelated, pickRelated } from './related.js';
import { moveBy, pickQueue, reload, reloadHere, toBottom, toTop } from './queue.js';
import { selectedRow } from './select.js';
import { quitTimer, toggleTimer } from './timer.js';
import type { QueueSlice, State } from './types.js';
import { SORTS } from './views.js';

const withQueue = (s: State, q: QueueSlice): State => ({ ...s, ...q });

/** The filter text takes effect (it parsed): the queue loads from the top when it changed. */
export function filterTakesEffect(s: State, text: string): State {
  const { filter, changed } = settleFilter(s.filter, text);
  return changed ? withQueue({ ...s, filter }, reload(pickQueue(s), { kind: 'start' })) : { ...s, filter };
}

function moveOrScroll(s: State, rows: number, page: boolean): State {
  if (s.focus === 'related') return moveRelated(s, Math.sign(rows));
  if (s.focus === 'detail') return { ...s, detail: scrollTo(s.detail, s.detail.scroll + rows) };
  return withQueue(s, moveBy(pickQueue(s), rows, page));
}

export function queueCommand(s: State, c: QueueCommand, arg: string | undefined): State {
  const inDetail = s.focus === 'detail';
  switch (c) {
    case 'down':
      return moveOrScroll(s, 1, false);
    case 'up':
      return moveOrScroll(s, -1, false);
    case 'pageDown':
      return moveOrScroll(s, inDetail ? s.detail.page : s.pageSize, true);
    case 'pageUp':
      return moveOrScroll(s, -(inDetail ? s.detail.page : s.pageSize), true);
    case 'top':
      return inDetail ? { ...s, detail: scrollTo(s.detail, 0) } : withQueue(s, toTop(pickQueue(s)));
    case 'bottom':
      return inDetail ? { ...s, detail: scrollTo(s.detail, s.detail.max) } : withQueue(s, toBottom(pickQueue(s)));
    case 'focusDetail':
      return selectedRow(s) ? { ...s, focus: 'detail' } : s;
    case 'back':
      return backRelated(s);
    case 'relatedPick':
      return pickRelated(s);
    case 'toQueue':
      return { ...s, focus: 'queue', related: { index: 0, history: [] } };
    case 'view': {
      const index = s.views.findIndex((v) => v.key === arg);
      if (index < 0) return s;
      const related = { index: 0, history: [] };
      return withQueue(
        { ...s, view: index, focus: 'queue', related, detail: scrollTo(s.detail, 0) },
        reload(pickQueue(s), { kind: 'start' }),
      );
    }
    case 'openFilter':
      return { ...s, focus: 'filter', filter: openFilter(s.filter) };
    case 'cycleSort':
      return withQueue({ ...s, sort: (s.sort + 1) % SORTS.length }, reload(pickQueue(s), { kind: 'start' }));
    case 'filterKeep':
      return s.filter.error ? s : filterTakesEffect({ ...s, focus: 'queue' }, s.filter.text);
    case 'filterClear': {
      const cleared: State = { ...s, focus: 'queue', filter: NO_FILTER };
      return s.filter.live ? withQueue(cleared, reloadHere(pickQueue(s))) : cleared;
    }
    case 'filterBackspace':
      return { ...s, filter: backspaceFilter(s.filter) };
    case 'filterErase':
      return { ...s, filter: eraseFilter(s.filter) };
    case 'quit': {
      const timer = quitTimer(s.timer);
      return timer ? { ...s, timer, notice: 'logging the timer before quitting…' } : { ...s, quit: true };
    }
    case 'takeTour': {
      // Quits as `q` does (a running timer is logged first); main.ts then opens the tour.
      const timer = quitTimer(s.timer);
      const leaving = { ...s, next: 'tour' as const, act: { ...s.act, overlay: null } };
      return timer ? { ...leaving, timer, notice: 'logging the timer before the tour…' } : { ...leaving, quit: true };
    }
    case 'toggleTimer':
      return { ...s, timer: toggleTimer(s.timer, selectedRow(s)) };
    case 'dashboard':
      return { ...s, dashboard: true };
    case 'closeDashboard':
      // Closes whichever screen fills the body: the dashboard or the requester (`u`).
      return { ...s, dashboard: false, requesterOf: null };
    case 'requester': {
      const row = selectedRow(s);
      return row ? { ...s, requesterOf: row.id } : s;
    }
    case 'loadDemo':
      return s.loadingDemo ? s : { ...s, askDemo: true };
    case 'demoYes':
      return s.loadingDemo ? s : { ...s, askDemo: false, loadingDemo: true, notice: 'loading demo data…' };
    case 'demoNo':
      return { ...s, askDemo: false, notice: 'no demo data loaded' };
  }
}
