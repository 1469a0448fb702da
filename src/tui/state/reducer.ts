/**
 * The console's reducer, pure: `(state, action) => state`. Input is decoded keys (state/input.ts);
 * data arrives as answers to requests; each slice's part goes to its own reducer (act/, kb/, timer,
 * queue, detail) and what a slice asks of the others comes back as messages (messages.ts). What
 * follows from the result (query, layout, detail request, sizes) is worked out once in settle.ts.
 */
import { actData, afterSelect, seen } from './act/results.js';
import { isKbAction } from './kb/types.js';
import { kbData } from './kb/results.js';
import { runCommand } from './dispatch.js';
import { loaded } from './detail.js';
import { apply, deliver } from './messages.js';
import { pageLoaded, pickQueue, reload, rowsLoaded } from './queue.js';
import { selectedRow } from './select.js';
import { settle } from './settle.js';
import { runAhead, typeAhead } from './type-ahead.js';
import { filterTakesEffect } from './commands.js';
import { reduceLink } from './link.js';
import { loggedNotice, quitAfterLog, reduceTimer } from './timer.js';
import type { State, StateAction } from './types.js';

export type { State, StateAction } from './types.js';

function reduce(s: State, a: StateAction): State {
  switch (a.type) {
    case 'input':
      return typeAhead(s, a.events);
    case 'command':
      return runCommand(s, a.command, a.arg);
    case 'filterSettled':
      if (a.text !== s.filter.text || s.focus !== 'filter') return s;
      return a.error
        ? { ...s, filter: { ...s.filter, error: a.error } }
        : filterTakesEffect({ ...s, filter: { ...s.filter, error: null } }, a.text);
    case 'refresh':
      return deliver(s, [{ kind: 'changed' }, { kind: 'reloadHere' }]);
    case 'resize':
      return a.columns === s.size.columns && a.rows === s.size.rows ? s : { ...s, size: { columns: a.columns, rows: a.rows } };
    case 'rowsLoaded': {
      if (a.gen !== s.gen) return s;
      const next = { ...s, ...rowsLoaded(pickQueue(s), a) };
      return runAhead(a.empty !== undefined ? reduce(next, { type: 'empty', empty: a.empty }) : next);
    }
    case 'rowsFailed':
      return { ...s, ahead: [], notice: a.text };
    case 'pageLoaded':
      return { ...s, ...pageLoaded(pickQueue(s), a) };
    case 'detailLoaded': {
      const detail = loaded(s.detail, a);
      if (detail === s.detail) return s;
      const act = a.view ? seen(s.act, a.id, a.view.version) : s.act;
      const next = { ...s, detail, act };
      return a.suggestions
        ? apply(next, 'kb', kbData(next.kb, { type: 'kbSuggestions', ticketId: a.id, items: a.suggestions }, false))
        : next;
    }
    case 'counts':
      return { ...s, counts: a.counts };
    case 'empty':
      return a.empty === s.empty ? s : { ...s, empty: a.empty, notice: a.empty ? s.notice : null };
    case 'notice':
      return { ...s, notice: a.text };
    case 'link':
      return reduceLink(s, a.lost);
    case 'demoDone':
      return {
        ...s,
        ...reload(pickQueue(s), { kind: 'start' }),
        version: s.version + 1,
        loadingDemo: false,
        notice: a.error ? `demo data failed: ${a.error}` : null,
      };
    case 'timerStamp':
      return { ...s, timer: reduceTimer(s.timer, a) };
    case 'timerLogged': {
      const next = { ...s, timer: reduceTimer(s.timer, a), notice: loggedNotice(a), quit: s.quit || quitAfterLog(s.timer, a) };
      return a.error ? next : deliver(next, [{ kind: 'changed' }, { kind: 'reloadHere' }]);
    }
    default:
      if (isKbAction(a)) return apply(s, 'kb', kbData(s.kb, a, s.act.overlay !== null));
      return apply(s, 'act', actData(s.act, a, selectedRow(s)?.id));
  }
}

export function reducer(s: State, a: StateAction): State {
  const reduced = reduce(s, a);
  if (reduced === s) return s;
  let next = reduced;
  // After a key: a new selection drops the kept ticket and the last action's message.
  const id = selectedRow(next)?.id;
  if ((a.type === 'input' || a.type === 'command') && id !== undefined && id !== selectedRow(s)?.id) {
    const after = afterSelect(next.act, id);
    if (after.act !== next.act) next = { ...next, act: after.act, notice: after.clearNotice ? null : next.notice };
  }
  return settle(s, next);
}
