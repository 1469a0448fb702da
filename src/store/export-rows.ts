/**
 * Every row of a desk, table by table in the order an import writes them back (./import-row-tables.ts),
 * read inside one read transaction (./read-transaction.ts: a consistent copy while others write, either dialect) a page at a time by each
 * table's unique key, so memory stays flat however big the desk. Attachments come with their bytes.
 */
import type { Desk } from './desk.js';
import { readBytes } from './attachment-blobs.js';
import { ROW_TABLES } from './import-row-tables.js';
import { inReadTransaction } from './read-transaction.js';

export { LATEST_VERSION as SCHEMA_VERSION } from '../db/migrations/index.js';

const PAGE = 1_000;

export type RowSink = (table: string, row: Record<string, unknown>) => void | Promise<void>;

/** Calls `sink` with every row; returns rows per table. `sink` may return a promise (to wait for a drain). */
export async function exportRows(desk: Desk, sink: RowSink): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await inReadTransaction(desk, async (session) => {
    for (const spec of ROW_TABLES) {
      const order = spec.order ?? ['id'];
      const list = order.map((c) => `"${c}"`).join(', ');
      // The columns both dialects have, named: a PostgreSQL generated column is not the desk's data.
      const columns = [...(await session.columns(spec.table))].map((c) => `"${c}"`).join(', ');
      const first = `SELECT ${columns} FROM "${spec.table}" ORDER BY ${list} LIMIT ${PAGE}`;
      const next = `SELECT ${columns} FROM "${spec.table}" WHERE (${list}) > (${order.map(() => '?').join(', ')}) ORDER BY ${list} LIMIT ${PAGE}`;
      let n = 0;
      for (let page = await session.all(first); page.length > 0;) {
        for (const row of page) {
          // On a server desk a file this machine lacks comes from the server's table (./attachment-blobs.ts).
          if (spec.table === 'attachments') row.data = (await readBytes(desk, String(row.sha256))).toString('base64');
          if (spec.table === 'audit_events') {
            delete row.digest;
            delete row.chain;
          }
          const waiting = sink(spec.table, row);
          if (waiting) await waiting;
          n++;
        }
        if (page.length < PAGE) break;
        const last = page[page.length - 1]!;
        page = await session.all(next, ...order.map((c) => last[c]));
      }
      counts[spec.table] = n;
    }
  });
  return counts;
}
