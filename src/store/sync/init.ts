/**
 * `sync init`: an empty local desk becomes a replica of a server's desk. The server is read in one
 * REPEATABLE READ transaction (a snapshot: tickets and the log's last sequence agree), the local desk
 * written in one transaction (all or nothing), table by table in batches, reporting progress.
 * Copied: people, groups, tickets, tags, timelines, attachments (and their bytes: ./blob-transfer.ts),
 * links, requests with their checklists and identity checks, the fields' agreed stamps and the conflicts.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { withImmediate } from '../../db/immediate.js';
import { EXIT, fail } from '../../errors.js';
import type { Executor } from '../executor.js';
import { lastSeq } from './server.js';
import type { Progress } from './replica.js';
import { downloadBlobs } from './blob-transfer.js';

/** In the order they are written (a table after those it points at); the key each is read by. */
const TABLES = [
  ['technicians', 'id'],
  ['requesters', 'id'],
  ['groups', 'id'],
  ['tickets', 'id'],
  ['tags', 'id'],
  ['ticket_tags', 'ticket_id'],
  ['interactions', 'id'],
  ['attachments', 'id'],
  ['ticket_links', 'ticket_id'],
  ['ticket_requests', 'ticket_id'],
  ['ticket_checklist_items', 'ticket_id'],
  ['identity_verifications', 'id'],
  ['sync_fields', 'ticket_id'],
  ['sync_conflicts', 'id'],
] as const;
const BATCH = 2000;

export interface Replicated {
  device: string;
  seq: number;
  rows: Record<string, number>;
}

export async function initReplica(local: Executor, server: Executor, shownServer: string, progress?: Progress): Promise<Replicated> {
  const tickets = await local.selectFrom('tickets').select('id').limit(1).execute();
  if (tickets.length) fail(EXIT.conflict, 'sync init: this desk has tickets; a replica starts empty (move them to the server first)');
  if (await local.selectFrom('sync_state').select('id').executeTakeFirst())
    fail(EXIT.conflict, 'sync init: this desk is a replica already');
  const device = await freshDevice(server);
  return server
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (snap) => {
      const seq = await lastSeq(snap);
      const counts = await Promise.all(TABLES.map(([t]) => countOf(snap, t)));
      const total = counts.reduce((a, b) => a + b, 0);
      const rows: Record<string, number> = {};
      let done = 0;
      await withImmediate(local, async (trx) => {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        for (const [table] of [...TABLES].reverse()) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
        for (const [table, key] of TABLES) {
          rows[table] = 0;
          for (let after = -Infinity; ;) {
            const some = await sql<
              Record<string, unknown>
            >`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(key)} > ${after === -Infinity ? -1e15 : after}
              ORDER BY ${sql.ref(key)} LIMIT ${BATCH}`.execute(snap);
            // A key shared by several rows (ticket_tags) is read whole: the batch stops before the last key, unless it is all one key.
            let batch = some.rows;
            const last = batch.at(-1)?.[key] as number | undefined;
            if (batch.length === BATCH && batch[0]![key] !== last) batch = batch.filter((r) => r[key] !== last);
            else if (batch.length === BATCH)
              batch = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE ${sql.ref(key)} = ${last}`.execute(snap))
                .rows;
            if (batch.length === 0) break;
            await insertRows(trx, table, batch);
            rows[table] += batch.length;
            done += batch.length;
            progress?.(done, total);
            after = batch.at(-1)![key] as number;
          }
          if (rows[table] !== counts[TABLES.findIndex(([t]) => t === table)])
            fail(
              EXIT.delivery,
              `sync init: copied ${rows[table]} rows of ${table}, the server has ${counts[TABLES.findIndex(([t]) => t === table)]}`,
            );
        }
        // The attachments' bytes, from the same snapshot (those already here, by hash, are not fetched again).
        const files = await trx.selectFrom('attachments').select('sha256').distinct().execute();
        await downloadBlobs(
          trx,
          snap,
          files.map((f) => f.sha256),
        );
        await trx.insertInto('sync_state').values({ id: 1, server: shownServer, device, pulled_seq: seq }).execute();
      });
      return { device, seq, rows };
    });
}

async function countOf(db: Executor, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]!.n);
}

async function insertRows(trx: Executor, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const per = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const values = rows.slice(i, i + per).map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES ${sql.join(values)}`.execute(trx);
  }
}

/** Four hex digits no device has used on this server (they also name its provisional tickets). */
async function freshDevice(server: Executor): Promise<string> {
  for (;;) {
    const device = randomBytes(2).toString('hex');
    const used = await server.selectFrom('sync_ops').select('seq').where('device', '=', device).limit(1).execute();
    if (used.length === 0) return device;
  }
}
