/**
 * Plain mode's state, one object a line-oriented session carries from command to command: the view,
 * the filter, the listed tickets and the one selected, the marks. Rows come from the same store
 * calls as the console's queue (keyset pages of listTickets).
 */
import { parseQuery } from '../../domain/query.js';
import type { SlaSettings } from '../../domain/sla-badge.js';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { countTickets, listTickets, type TicketListRow } from '../../store/ticket-list.js';
import type { Binding } from '../keys/keymap.js';
import type { Mark } from '../state/act/types.js';
import { queryText, SORTS, type View } from '../state/views.js';

/** How many tickets `list` reads out at once, and a page of `next`. */
export const PAGE = 10;

export interface PlainSession {
  desk: Desk;
  me: Actor;
  views: readonly View[];
  keymap: readonly Binding[];
  sla: SlaSettings;
  view: View;
  filter: string;
  sort: number;
  rows: TicketListRow[];
  /** Where `next` goes on from: the selected row's place in `rows` (-1 before the first). */
  index: number;
  hasAfter: boolean;
  total: number;
  /** The ticket commands act on (it may have left the list since). */
  current: TicketListRow | null;
  marks: Mark[];
  /** The last KB search's articles, for `link 2`. */
  kbResults: { id: number; title: string }[];
  /** Prints one sentence (the face sanitises ticket text before it gets here). */
  say(line: string): void;
  /** Reads the next line of input; null at the end of input. */
  ask(question: string): Promise<string | null>;
  now(): number;
}

function query(s: PlainSession) {
  return parseQuery(queryText(s.view, s.filter, s.sort));
}

const ctx = (s: PlainSession) => ({ meId: s.me.id, now: s.now() });

/** Loads the first page of the view with the filter and sort; the selection goes before the first row. */
export async function reload(s: PlainSession): Promise<void> {
  const q = query(s);
  const rows = await listTickets(s.desk.db, { query: q, ctx: ctx(s), limit: PAGE + 1 });
  s.total = await countTickets(s.desk.db, q, ctx(s));
  s.rows = rows.slice(0, PAGE);
  s.hasAfter = rows.length > PAGE;
  s.index = -1;
}

/** The row after the selection, reading the next page when the list runs out; null at the end. */
export async function step(s: PlainSession, by: 1 | -1): Promise<TicketListRow | null> {
  const at = s.index + by;
  if (by === 1 && at >= s.rows.length && s.hasAfter) {
    const more = await listTickets(s.desk.db, { query: query(s), ctx: ctx(s), limit: PAGE + 1, after: s.rows[s.rows.length - 1] });
    s.rows.push(...more.slice(0, PAGE));
    s.hasAfter = more.length > PAGE;
  }
  const row = s.rows[at];
  if (!row) return null;
  s.index = at;
  s.current = row;
  return row;
}

/** Keeps a written ticket's fresh values in the list and the selection. */
export function refresh(s: PlainSession, rows: readonly TicketListRow[]): void {
  for (const row of rows) {
    s.rows = s.rows.map((r) => (r.id === row.id ? row : r));
    if (s.current?.id === row.id) s.current = row;
    s.marks = s.marks.map((m) => (m.id === row.id ? { ...m, status: row.status } : m));
  }
}

/** Selects a ticket (found through the store), placing the list's cursor on it when it is listed. */
export function select(s: PlainSession, row: TicketListRow): void {
  s.current = row;
  const at = s.rows.findIndex((r) => r.id === row.id);
  if (at >= 0) s.index = at;
}

export const sortLabel = (s: PlainSession) => SORTS[s.sort]?.label ?? 'view order';
