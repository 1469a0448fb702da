/** `--by`: which ticket field groups a report's rows, and the order groups are shown in. Pure. */
import type { Parsed } from './sla/calendar.js';
import { PRIORITIES, TIERS } from './ticket.js';

export const GROUPINGS = ['category', 'priority', 'assignee', 'tier'] as const;
export type By = (typeof GROUPINGS)[number];

/** The label of tickets with no assignee. */
export const UNASSIGNED = 'unassigned';

export function parseBy(text: string | undefined, allowed: readonly By[]): Parsed<By | null> {
  if (text === undefined) return { ok: true, value: null };
  const t = text.trim().toLowerCase();
  const found = allowed.find((b) => b === t);
  if (!found) return { ok: false, error: `--by: '${text}' is not one of ${allowed.join(', ')}` };
  return { ok: true, value: found };
}

/** A group as stored (its key) and as shown (its label). */
export interface Group {
  key: string | number | null;
  label: string;
}

const ORDER: Partial<Record<By, readonly string[]>> = { priority: PRIORITIES, tier: TIERS };

/** Priority and tier in their natural order, the rest by label; `unassigned` last. */
export function compareGroups(by: By | null): (a: Group, b: Group) => number {
  const order = by ? ORDER[by] : undefined;
  return (a, b) => {
    if (by === 'assignee' && (a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    if (order) {
      const [i, j] = [order.indexOf(a.label), order.indexOf(b.label)];
      if (i !== j) return (i < 0 ? Infinity : i) - (j < 0 ? Infinity : j);
    }
    return a.label.localeCompare(b.label) || String(a.key).localeCompare(String(b.key));
  };
}
