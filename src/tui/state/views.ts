/** The console's views as data: a key, a name and a query; saved views from the settings append. */
import { OPEN_STATUSES } from '../../domain/ticket.js';

export interface View {
  key: string;
  name: string;
  query: string;
  /** Its tab shows only while the view holds tickets or is open (its key works always). */
  quiet?: boolean;
}

const OPEN = `status:${OPEN_STATUSES.join(',')}`;

/**
 * `1` My queue: mine, and my groups' tickets no one has taken. `3` Breaching soon: open tickets whose next
 * SLA target falls within 2 h, overdue included, most urgent first. `6` Follow-up: tickets with a
 * follow-up time (`F`), the soonest first.
 */
export const BUILTIN_VIEWS: readonly View[] = [
  { key: '1', name: 'My queue', query: `assignee:me,mygroups ${OPEN}` },
  { key: '2', name: 'Unassigned', query: `assignee:none ${OPEN}` },
  { key: '3', name: 'Breaching soon', query: 'status:active due:<2h sort:urgency' },
  { key: '4', name: 'All open', query: OPEN },
  { key: '5', name: 'Resolved', query: 'status:resolved,closed sort:-updated' },
  { key: '6', name: 'Follow-up', query: '-followup:none sort:followup', quiet: true },
];

/** Built-in views plus `views.<name> = query` from the settings, keyed 7–9 in name order. */
export function allViews(saved: Record<string, string> | undefined): View[] {
  const used = new Set(BUILTIN_VIEWS.map((v) => v.key));
  const free = ['6', '7', '8', '9'].filter((k) => !used.has(k));
  const extra = Object.entries(saved ?? {})
    .filter(([name, query]) => name.trim() !== '' && typeof query === 'string')
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, free.length)
    .map(([name, query], i) => ({ key: free[i]!, name, query }));
  return [...BUILTIN_VIEWS, ...extra];
}

/** Sort orders `s` cycles through; the first keeps the view's own order. */
export const SORTS: readonly { label: string; term: string }[] = [
  { label: 'view order', term: '' },
  { label: 'urgency', term: 'sort:urgency' },
  { label: 'newest', term: 'sort:-created' },
  { label: 'oldest', term: 'sort:created' },
  { label: 'recently updated', term: 'sort:-updated' },
];

/** The query text the queue runs: view, then live filter, then the sort override (later terms win). */
export function queryText(view: View, filter: string, sort: number): string {
  return [view.query, filter.trim(), SORTS[sort]?.term ?? ''].filter(Boolean).join(' ');
}

/** The views with a tab in the header, with their index: a quiet view with no tickets has none unless open. */
export function tabViews(views: readonly View[], counts: Record<string, number>, active: number): { view: View; index: number }[] {
  return views
    .map((view, index) => ({ view, index }))
    .filter(({ view, index }) => !view.quiet || index === active || (counts[view.key] ?? 0) > 0);
}
