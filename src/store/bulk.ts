/**
 * THE bulk-write module (DESIGN.md §3): many tickets with their people, tags and timelines, written with
 * better-sqlite3 prepared statements. Everything else writes through kysely.
 *
 * Each chunk (about 1.5 s of work) is one IMMEDIATE transaction run while kysely's own connection is
 * held (`db.connection().execute`), so queries sent through kysely meanwhile wait for the chunk instead
 * of joining it. Between chunks the write lock is let go long enough for a waiting process to take it
 * (SQLite's busy handler sleeps up to 100 ms between tries). The run is recorded (./bulk-run.ts): a
 * killed run is reported and resumed, never mistaken for a whole desk.
 */
import { sql } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import { writeBulkPg } from './bulk-pg.js';
import {
  dropIndexes,
  finishRun,
  missingIndexes,
  refuseNonEmpty,
  startRun,
  stoppedMessage,
  unfinishedRun,
  type BulkRun,
} from './bulk-run.js';
import { writePeople, writeChunk, type BatchIds } from './bulk-rows.js';
import type { BulkBatch, BulkSummary } from './bulk-types.js';
import type { Desk } from './desk.js';
import { rawSqlite } from './sqlite-raw.js';
import { CHUNK_MS, setAutocheckpoint, transaction } from './bulk-transaction.js';
import { pgSession } from './write-session-pg.js';
import { sqliteSession } from './write-session-sqlite.js';

export { stoppedMessage, type BulkRun } from './bulk-run.js';
export { CHUNK_MS } from './bulk-transaction.js';

export type { BulkBatch, BulkInteraction, BulkSummary, BulkTicket } from './bulk-types.js';

/** A bulk write that stopped half way (not one still running), as one line for `db check`: [] when there is none. */
export async function unfinishedWrites(desk: Desk): Promise<string[]> {
  const run = await interruptedBulkWrite(desk);
  return run && !run.running ? [stoppedMessage(run)] : [];
}

/** The interrupted (or still running) bulk write of this desk, if there is one. */
export async function interruptedBulkWrite(desk: Desk): Promise<BulkRun | null> {
  if (dialectOf(desk.db) === 'postgres') return unfinishedRun(pgSession(desk.db as never));
  return desk.db.connection().execute(async () => unfinishedRun(sqliteSession(rawSqlite(desk))));
}

export async function writeBulk(desk: Desk, batch: BulkBatch): Promise<BulkSummary> {
  // On PostgreSQL: multi-row inserts in transactions of their own (./bulk-pg.ts).
  if (dialectOf(desk.db) === 'postgres') return writeBulkPg(desk, batch);
  // No checkpoint after each chunk: the pages a chunk rewrites (indexes, tree interiors) would be copied
  // back to the file and synced again and again. The WAL is checkpointed once, after the last chunk.
  const autocheckpoint = await setAutocheckpoint(desk, 0);
  try {
    return await write(desk, batch);
  } finally {
    await setAutocheckpoint(desk, autocheckpoint);
  }
}

async function write(desk: Desk, batch: BulkBatch): Promise<BulkSummary> {
  const summary: BulkSummary = {
    tickets: 0,
    requesters: 0,
    technicians: 0,
    tags: 0,
    ticket_tags: 0,
    interactions: 0,
    audit_events: 0,
    first_id: null,
    last_id: null,
  };
  const resume = batch.resume;
  let runId = resume?.id ?? 0;
  let indexes = resume?.indexes ?? [];
  let ids: BatchIds | undefined;
  const tickets = batch.tickets[Symbol.iterator]();
  for (let skip = resume?.done ?? 0; skip > 0 && !tickets.next().done;) skip--;
  let done = resume?.done ?? 0;
  let more = done < batch.total;
  await transaction(desk, async (sqlite) => {
    const existing = sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    refuseNonEmpty(existing, batch.emptyOnly, resume);
    batch.onProgress?.(done, batch.total);
    ids = writePeople(sqlite, batch, summary);
    if (resume) return;
    // Into an empty desk, the ticket and timeline indexes are built once after the rows instead of row by row.
    indexes = existing === 0 ? [...dropIndexes(sqlite, 'tickets'), ...dropIndexes(sqlite, 'interactions')] : [];
    runId = await startRun(sqliteSession(sqlite), batch.actor, batch.now, {
      total: batch.total,
      label: batch.label,
      resumeWith: batch.resumeWith,
      params: batch.params,
      indexes,
    });
  });

  await writeChunks();
  summary.tickets = done - (resume?.done ?? 0);
  return summary;

  async function writeChunks(): Promise<void> {
    try {
      while (more) {
        more = await transaction(desk, async (sqlite) => {
          const chunk = await writeChunk(sqlite, ids!, tickets, { done, batch, summary, chunkMs: CHUNK_MS });
          done = chunk.done;
          return chunk.more;
        });
      }
    } catch (error) {
      // The run stays unfinished (to resume), but the desk keeps its indexes meanwhile if it can.
      await buildIndexes(desk, indexes).catch(() => undefined);
      throw error;
    }
    await buildIndexes(desk, indexes);
    await transaction(desk, (sqlite) => finishRun(sqliteSession(sqlite), runId, batch.actor, batch.now));
  }
}

/** The dropped indexes, in transactions of about CHUNK_MS each (a 300k-ticket index is a write of its own). */
async function buildIndexes(desk: Desk, indexes: readonly string[]): Promise<void> {
  for (let building = indexes.length > 0; building;) {
    building = await transaction(desk, (sqlite) => {
      const started = performance.now();
      for (const create of missingIndexes(sqlite, indexes)) {
        if (performance.now() - started >= CHUNK_MS) return true;
        sqlite.exec(create);
      }
      return false;
    });
  }
}

/** Fresh planner statistics after a bulk write, for the queue's indexes. */
export async function analyze(desk: Desk): Promise<void> {
  if (dialectOf(desk.db) === 'postgres') return void (await sql`ANALYZE`.execute(desk.db));
  await desk.db.connection().execute(async () => rawSqlite(desk).exec('PRAGMA analysis_limit = 1000; ANALYZE;'));
}
