/** The first view's first rows, read before the first frame so it already shows the queue. */
import { parseQuery } from '../../domain/query.js';
import type { Executor } from '../../store/executor.js';
import { pageLimit } from '../state/queue-window.js';
import type { Preload } from '../state/types.js';
import { queryText, type View } from '../state/views.js';
import { loadStart } from './queue-fetch.js';
import { isDeskEmpty } from './use-queue-data.js';

/** Undefined when the view's query does not parse (the console then shows the error). */
export async function preloadRows(db: Executor, view: View, meId: number | null, pageSize: number): Promise<Preload | undefined> {
  let query;
  try {
    query = parseQuery(queryText(view, '', 0));
  } catch {
    return undefined;
  }
  const loaded = await loadStart({ db, query, ctx: () => ({ meId, now: Date.now() }) }, pageLimit(pageSize) * 2);
  return { rows: loaded.rows, hasAfter: loaded.hasAfter, empty: loaded.rows.length === 0 && (await isDeskEmpty(db)) };
}
