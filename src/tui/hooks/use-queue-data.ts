/**
 * Feeds the queue: answers the reducer's load requests (first rows, last rows, rows around the
 * selection) with the view's query as the reducer parsed it, and fetches a keyset page whenever the
 * selection comes within a screen of a loaded edge that has more behind it. Each answer carries the
 * generation it was asked for.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Executor } from '../../store/executor.js';
import { listTickets, planText, type Correction } from '../../store/ticket-list.js';
import { pageLimit } from '../state/queue-window.js';
import type { State, StateAction } from '../state/types.js';
import { useDesk } from './desk-context.js';
import { loadAround, loadEnd, loadPage, loadStart, type Source } from './queue-fetch.js';

type Dispatch = (a: StateAction) => void;

export async function isDeskEmpty(db: Executor): Promise<boolean> {
  const rows = await listTickets(db, { query: { filters: [], sort: 'id' }, ctx: { meId: null, now: Date.now() }, limit: 1 });
  return rows.length === 0;
}

/** `showing 'printer' for 'prnter'` (short: the status bar gives a notice half its width), or null when nothing was corrected. */
export function correctionNotice(corrections: readonly Correction[]): string | null {
  if (corrections.length === 0) return null;
  return `showing ${corrections.map((c) => `'${c.to}' for '${c.from}'`).join(', ')}`;
}

export function useQueueData(state: State, dispatch: Dispatch): void {
  const { desk, me } = useDesk();
  const db = desk.db;
  const query = state.query.parsed;
  const source = useMemo<Source | null>(
    () => (query ? { db, query, ctx: () => ({ meId: me.id, now: Date.now() }) } : null),
    [db, query, me],
  );
  const latest = useRef({ state, source });
  latest.current = { state, source };
  const { gen, loaded, pageSize } = state;

  useEffect(() => {
    const { state: s, source: src } = latest.current;
    if (!src) return dispatch({ type: 'rowsLoaded', gen, rows: [], hasBefore: false, hasAfter: false, fallback: 0 });
    const limit = pageLimit(s.pageSize) * 2;
    const req = s.request;
    if (req.kind === 'none') return;
    const load =
      req.kind === 'start'
        ? loadStart(src, limit)
        : req.kind === 'end'
          ? loadEnd(src, limit)
          : loadAround(src, req.id, Math.max(s.queue.sel - s.queue.top, 0) + pageLimit(s.pageSize), limit, s.act.keep === req.id);
    load
      .then(async (rows) => {
        // An empty answer (or a desk that was empty) asks whether the desk has any ticket at all.
        const empty = rows.rows.length === 0 || latest.current.state.empty ? await isDeskEmpty(db) : undefined;
        dispatch({ type: 'rowsLoaded', gen, ...rows, ...(empty === undefined ? {} : { empty }) });
        // A new filter whose free text matched nothing as typed says which word it used instead.
        if (req.kind === 'start') {
          const said = correctionNotice((await planText(db, src.query)).corrections);
          if (said) dispatch({ type: 'notice', text: said });
        }
      })
      .catch((error: Error) => dispatch({ type: 'rowsFailed', text: `cannot load the queue: ${error.message.split('\n')[0]}` }));
  }, [db, gen, dispatch]);

  const q = state.queue;
  const margin = pageSize;
  const firstId = q.rows[0]?.id;
  const lastId = q.rows[q.rows.length - 1]?.id;
  const needAfter = loaded && q.hasAfter && (q.rows.length - 1 - q.sel < margin || q.pending > 0);
  const needBefore = loaded && q.hasBefore && (q.sel < margin || q.pending < 0);
  const inflight = useRef(new Set<string>());

  useEffect(() => {
    const src = latest.current.source;
    const w = latest.current.state.queue;
    for (const [need, dir, cursor] of [
      [needAfter, 'after', w.rows[w.rows.length - 1]],
      [needBefore, 'before', w.rows[0]],
    ] as const) {
      if (!need || !cursor || !src) continue;
      const key = `${gen}:${dir}:${cursor.id}`;
      if (inflight.current.has(key)) continue;
      inflight.current.add(key);
      loadPage(src, dir, cursor, pageLimit(pageSize))
        .then((page) => dispatch({ type: 'pageLoaded', gen, dir, cursorId: cursor.id, ...page }))
        .catch((error: Error) => dispatch({ type: 'notice', text: `cannot load more tickets: ${error.message.split('\n')[0]}` }))
        .finally(() => inflight.current.delete(key));
    }
  }, [needAfter, needBefore, firstId, lastId, gen, pageSize, dispatch]);
}
