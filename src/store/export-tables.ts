/**
 * Tickets and timelines as flat rows for `export csv`, streamed a page at a time (keyset on id) inside
 * one read transaction: people as names and emails, tags joined with commas, times as ms.
 */
import type { Desk } from './desk.js';
import type { Dialect } from '../db/dialect.js';
import { inReadTransaction } from './read-transaction.js';

const PAGE = 1_000;

/** Tags joined with commas, in the order they were linked. */
const TAG_LIST: Readonly<Record<Dialect, string>> = {
  sqlite: "group_concat(g.name, ',')",
  postgres: "string_agg(g.name, ',' ORDER BY tt.tag_id)",
};

const QUERIES = {
  tickets: `SELECT t.id, t.title, t.description, t.status, t.priority, t.category, t.channel, t.tier, t.external_id,
      t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.next_due_at, t.resolution,
      r.name AS requester, r.email AS requester_email, a.name AS assignee,
      (SELECT @TAGS@ FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = t.id) AS tags
    FROM tickets t LEFT JOIN requesters r ON r.id = t.requester_id LEFT JOIN technicians a ON a.id = t.assignee_id
    WHERE t.id > ? ORDER BY t.id LIMIT ${PAGE}`,
  interactions: `SELECT i.id, i.ticket_id, i.kind, i.author_name, i.body, i.minutes, i.created_at
    FROM interactions i WHERE i.id > ? ORDER BY i.id LIMIT ${PAGE}`,
} as const;

export type FlatTable = keyof typeof QUERIES;
export type FlatRow = Record<string, string | number | null>;

export async function exportFlat(desk: Desk, table: FlatTable, sink: (row: FlatRow) => void | Promise<void>): Promise<number> {
  let n = 0;
  await inReadTransaction(desk, async (session) => {
    const page = QUERIES[table].replace('@TAGS@', TAG_LIST[session.dialect]);
    for (let after = 0; ;) {
      const rows = await session.all<FlatRow>(page, after);
      for (const row of rows) {
        const waiting = sink(row);
        if (waiting) await waiting;
      }
      n += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id as number;
    }
  });
  return n;
}
