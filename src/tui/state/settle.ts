/**
 * What follows from the rest of the state after every action, pure and in one place: the view's
 * query (parsed once), the layout for the terminal size and focus, the detail pane's request when the
 * selection moves, and how far the detail pane and a KB article scroll. Computed here, so no component measures
 * itself and reports back (one render per key).
 */
import { parseQuery } from '../../domain/query.js';
import { suggestionLines } from '../text/kb-lines.js';
import { checklistLines } from '../text/request-lines.js';
import { triageLines } from '../text/triage-lines.js';
import { assetLines } from '../text/asset-lines.js';
import { relatedLines } from '../text/related-lines.js';
import { measureArticle } from './kb/commands.js';
import { follow, measured, resized } from './detail.js';
import { layout } from './layout.js';
import { fitPage, pickQueue } from './queue.js';
import { selectedRow } from './select.js';
import type { QueryState, State } from './types.js';
import { queryText } from './views.js';

function queryOf(s: State): QueryState {
  const text = queryText(s.views[s.view]!, s.filter.live, s.sort);
  if (text === s.query.text && (s.query.parsed || s.query.error)) return s.query;
  try {
    return { text, parsed: parseQuery(text), error: null };
  } catch (error) {
    return { text, parsed: null, error: `view query: ${(error as Error).message}` };
  }
}

/** The layout for the state's terminal size, focus and filter (app.tsx draws with the same). */
export function layoutOf(s: State) {
  const editing = s.focus === 'filter';
  return layout(s.size.columns, s.size.rows, {
    filter: editing || s.filter.live !== '',
    error: editing && s.filter.error !== null,
    detailFocused: s.focus === 'detail' || s.focus === 'related' || s.act.overlay !== null,
  });
}

export function settle(prev: State | null, s: State): State {
  let next = s;
  const query = queryOf(next);
  if (query !== next.query) next = { ...next, query };
  const lay = layoutOf(next);
  const q = fitPage(pickQueue(next), lay.pageSize);
  if (q.pageSize !== next.pageSize || q.queue !== next.queue) next = { ...next, ...q };
  const detailSize = {
    page: Math.max(1, lay.detailHeight - 2),
    width: Math.max(10, lay.detailWidth - 1),
    body: Math.max(0, lay.detailHeight - 1),
  };
  const row = selectedRow(next);
  let detail = follow(resized(next.detail, detailSize), row?.id ?? null);
  const prevRow = prev ? selectedRow(prev) : undefined;
  const relatedMoved = next.related !== prev?.related || next.focus !== prev?.focus;
  if (detail !== prev?.detail || row !== prevRow || next.kb.suggest !== prev?.kb.suggest || relatedMoved) {
    detail = measured(
      detail,
      row,
      row
        ? [
            ...checklistLines(detail.checklist),
            ...suggestionLines(next.kb.suggest, row.id),
            ...assetLines(detail.assets ?? undefined),
            ...triageLines(detail.triage, row),
          ]
        : [],
      relatedLines(detail.related, next.focus === 'related' ? next.related.index : null, detail.width),
    );
  }
  if (detail !== next.detail) next = { ...next, detail };
  // An article read full screen: the KB screen's body less its title and meta lines.
  const kb = measureArticle(next.kb, Math.max(0, lay.height - 4));
  return kb === next.kb ? next : { ...next, kb };
}
