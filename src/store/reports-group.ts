/** Shared pieces of the report queries: the `--by` column, the period filter, group labels. */
import { sql, type RawBuilder } from 'kysely';
import { UNASSIGNED, compareGroups, type By, type Group } from '../domain/report-group.js';
import type { Executor } from './executor.js';

const COLUMN: Readonly<Record<By, string>> = { category: 'category', priority: 'priority', assignee: 'assignee_id', tier: 'tier' };

/** The grouping expression over `tickets` (a constant when ungrouped, so GROUP BY keeps one group). */
export function groupKey(by: By | null): RawBuilder<string | number | null> {
  return by === null ? sql<null>`NULL` : sql<string | number | null>`${sql.ref(`tickets.${COLUMN[by]}`)}`;
}

/** `[since, until)` on one ticket column; a null `since` means from the beginning. */
export function inPeriod(column: string, since: number | null, until: number): RawBuilder<boolean> {
  const ref = sql.ref(column);
  return since === null ? sql<boolean>`${ref} < ${until}` : sql<boolean>`${ref} >= ${since} AND ${ref} < ${until}`;
}

/** Labels for group keys (technician names for `assignee`), sorted for display. */
export async function labelGroups(db: Executor, by: By | null, keys: Iterable<string | number | null>): Promise<Group[]> {
  const unique = [...new Set(keys)];
  let names = new Map<number, string>();
  if (by === 'assignee') {
    const ids = unique.filter((k): k is number => typeof k === 'number');
    if (ids.length) {
      const rows = await db.selectFrom('technicians').select(['id', 'name']).where('id', 'in', ids).execute();
      names = new Map(rows.map((r) => [r.id, r.name]));
    }
  }
  const label = (k: string | number | null): string => {
    if (by === null) return 'all';
    if (by === 'assignee') return k === null ? UNASSIGNED : (names.get(k as number) ?? `#${k}`);
    return String(k);
  };
  return unique.map((key) => ({ key, label: label(key) })).sort(compareGroups(by));
}
