/**
 * A page of a query whose assignee term is an OR of kinds with an index each (My queue's
 * `assignee:me,mygroups`): one "leg" per kind, each the whole query with that kind alone, so each walks
 * its own index in the sort's order and stops after a page; the page is the union of the legs' pages,
 * sorted again. As one OR, SQLite reads every ticket of either kind (all statuses) and sorts them: at
 * 1M tickets My queue's first page took 0.45–1 s that way, tens of ms by legs (bench scale-pg).
 */
import type { AssigneeValue, Filter, ParsedQuery } from '../domain/query.js';

type AssigneeFilter = Extract<Filter, { field: 'assignee' }>;

/** The values of one leg: each kind alone, and every person named in one (they share one EXISTS). */
function legValues(values: readonly AssigneeValue[]): AssigneeValue[][] {
  const people = values.filter((v) => v.kind === 'person');
  const kinds = values.filter((v) => v.kind !== 'person').map((v) => [v]);
  return people.length ? [...kinds, people] : kinds;
}

/** The query once per leg, or null when it has no such term (or it would be one leg). */
export function queryLegs(query: ParsedQuery): ParsedQuery[] | null {
  const at = query.filters.findIndex((f) => f.field === 'assignee' && !f.negated && f.values.length > 1);
  if (at < 0) return null;
  const term = query.filters[at] as AssigneeFilter;
  const legs = legValues(term.values);
  if (legs.length < 2) return null;
  return legs.map((values) => ({ ...query, filters: query.filters.map((f, i) => (i === at ? { ...term, values } : f)) }));
}
