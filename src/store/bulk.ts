/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * THE bulk-write module (DESIGN.md §3): demo data written with better-sqlite3 prepared statements
 * on the desk's raw handle, in one IMMEDIATE transaction: all of it lands or none of it does.
 * Everything else writes through kysely.
 *
 * The transaction yields to the event loop between batches so a console can draw progress; do not
 * write through the same desk until the promise settles (those writes would join this transaction).
 */
import { auditAppender } from './audit-chain.js';
import { loadStarterKb } from './kb-import.js';
import type { Desk } from './desk.js';
import { rawSqlite } from './sqlite-raw.js';
import type Database from 'better-sqlite3';
import { DEFAULT_SEED, demoData, type DemoPerson } from '../domain/demo-data.js';
import { EXIT, fail } from '../errors.js';

export const DEFAULT_DEMO_TICKETS = 2_000;
export const MAX_DEMO_TICKETS = 1_000_000;
/** The actor named in the demo tickets' audit trail. */
export const DEMO_ACTOR = 'demo';

export interface SeedOptions {
  tickets: number;
  seed?: number;
  /** The moment the demo desk is seen from (default: now). */
  now?: number;
  /** Add to a desk that already has tickets. */
  append?: boolean;
  /** The technician at the keyboard: included, and given ~10% of the open tickets ("My queue"). */
  me?: DemoPerson | null;
  /** Called with 0 first, every batch, and with `total` last. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows written per table (people that already existed are not counted), ids and time taken. */
export interface SeedSummary {
  tickets: number;
  requesters: number;
  technicians: number;
  tags: number;
  ticket_tags: number;
  interactions: number;
  audit_events: number;
  /** Starter KB articles added or updated (fixtures/kb). */
  articles: number;
  first_id: number | null;
  last_id: number | null;
  seed: number;
  ms: number;
}

/** Tickets between progress reports (and turns of the event loop). */
const BATCH = 2_000;
const TICKET_COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'priority_rank',
  'category',
  'channel',
  'requester_id',
  'assignee_id',
  'tier',
  'created_at',
  'updated_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'first_response_due_at',
  'resolution_due_at',
  'next_due_at',
  'resolution',
  'version',
] as const;

/**
 * Seeds a deterministic demo desk (same seed and `now` → same data). Refuses, with nothing
 * written, when the desk already has tickets unless `append` is set. The console's welcome screen
 * calls this too: `seedDemo(desk, { tickets: DEFAULT_DEMO_TICKETS, me, onProgress })`.
 */
export async function seedDemo(desk: Desk, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const sqlite = rawSqlite(desk);
  const total = options.tickets;
  if (!Number.isInteger(total) || total < 1 || total > MAX_DEMO_TICKETS) {
    fail(EXIT.invalid, `tickets: must be a whole number from 1 to ${MAX_DEMO_TICKETS.toLocaleString('en-US')} (got ${total})`);
  }
  const now = options.now ?? Date.now();
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const summary: SeedSummary = {
    tickets: 0,
    requesters: 0,
    technicians: 0,
    tags: 0,
    ticket_tags: 0,
    interactions: 0,
    audit_events: 0,
    articles: 0,
    first_id: null,
    last_id: null,
    seed,
    ms: 0,
  };

  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const existing = sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
    if (existing > 0 && !options.append) {
      fail(
        EXIT.conflict,
        `the desk already has ${existing.toLocaleString('en-US')} ticket${existing === 1 ? '' : 's'}: use --append to add demo data anyway`,
      );
    }
    options.onProgress?.(0, total);
    // Into an empty desk, the ticket indexes are built once after the rows instead of row by row.
    const rebuild = existing === 0 ? dropIndexes(sqlite, 'tickets') : [];
    const data = demoData({ tickets: total, seed, now, me: options.me, utcOffsetMinutes: -new Date(now).getTimezoneOffset() });

    const technicianIds = upsertByKey(
      sqlite,
      'INSERT INTO technicians (name, email, tier, active, created_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT (email) DO NOTHING',
      'SELECT id FROM technicians WHERE email = ?',
      data.technicians.map((t) => [t.email, t.name, t.email, t.tier, t.created_at]),
    );
    const requesterIds = upsertByKey(
      sqlite,
      'INSERT INTO requesters (name, email, phone, department, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
      'SELECT id FROM requesters WHERE email = ?',
      data.requesters.map((r) => [r.email, r.name, r.email, r.phone, r.department, r.created_at]),
    );
    const tagIds = upsertByKey(
      sqlite,
      'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING',
      'SELECT id FROM tags WHERE name = ?',
      data.tagNames.map((name) => [name, name]),
    );
    const tagOf = new Map(data.tagNames.map((name, i) => [name, tagIds.ids[i]!]));
    summary.technicians = technicianIds.inserted;
    summary.requesters = requesterIds.inserted;
    summary.tags = tagIds.inserted;

    const insertTicket = sqlite.prepare(
      `INSERT INTO tickets (${TICKET_COLUMNS.join(', ')}) VALUES (${TICKET_COLUMNS.map(() => '?').join(', ')})`,
    );
    const insertTag = sqlite.prepare('INSERT INTO ticket_tags (ticket_id, tag_id) VALUES (?, ?)');
    const insertInteraction = sqlite.prepare(
      'INSERT INTO interactions (ticket_id, kind, author_id, author_name, body, minutes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const appendEvent = auditAppender(sqlite); // one 'create' event per ticket, chained by hash
    const person = (ids: number[], index: number | null) => (index === null ? null : ids[index]!);
    const firstId = (sqlite.prepare('SELECT ifnull(max(id), 0) FROM tickets').pluck().get() as number) + 1;
    let id = firstId;
    for (const t of data.tickets()) {
      insertTicket.run(
        id,
        t.title,
        t.description,
        t.status,
        t.priority,
        t.priority_rank,
        t.category,
        t.channel,
        person(requesterIds.ids, t.requester),
        person(technicianIds.ids, t.assignee),
        t.tier,
        t.created_at,
        t.updated_at,
        t.first_response_at,
        t.resolved_at,
        t.closed_at,
        t.first_response_due_at,
        t.resolution_due_at,
        t.next_due_at,
        t.resolution,
        t.version,
      );
      appendEvent({ ticket_id: id, actor: DEMO_ACTOR, at: t.created_at, action: 'create', field: null, old_value: null, new_value: null });
      for (const tag of t.tags) insertTag.run(id, tagOf.get(tag)!);
      for (const x of t.interactions) {
        insertInteraction.run(id, x.kind, person(technicianIds.ids, x.author), x.author_name, x.body, x.minutes, x.created_at);
      }
      summary.ticket_tags += t.tags.length;
      summary.interactions += t.interactions.length;
      const done = ++id - firstId;
      if (done % BATCH === 0 && done < total) {
        options.onProgress?.(done, total);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    for (const create of rebuild) sqlite.exec(create);
    sqlite.exec('COMMIT');
    summary.tickets = summary.audit_events = id - firstId;
    summary.first_id = firstId;
    summary.last_id = id - 1;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
  // The starter knowledge base (idempotent), then fresh planner statistics for the queue's indexes.
  const kb = await loadStarterKb(desk.db);
  summary.articles = kb.created + kb.updated;
  sqlite.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
  options.onProgress?.(total, total);
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/**
 * Drops a table's own indexes (not those behind PRIMARY KEY or UNIQUE) and returns the statements that
 * create them again. SQLite builds an index from sorted rows far faster than it updates one per row.
 * Inside the seeding transaction, so a failed seed rolls the drop back too.
 */
function dropIndexes(sqlite: Database.Database, table: string): string[] {
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return indexes.map((i) => i.sql);
}

/**
 * Inserts rows that may already exist (by a unique key) and returns every row's id, in order,
 * with how many were new. Each row is [key, ...insert parameters].
 */
function upsertByKey(
  sqlite: Database.Database,
  insertSql: string,
  selectSql: string,
  rows: unknown[][],
): { ids: number[]; inserted: number } {
  const insert = sqlite.prepare(insertSql);
  const select = sqlite.prepare(selectSql).pluck();
  const ids: number[] = [];
  let inserted = 0;
  for (const [key, ...params] of rows) {
    const result = insert.run(...params);
    if (result.changes === 1) {
      inserted++;
      ids.push(Number(result.lastInsertRowid));
    } else {
      ids.push(select.get(key) as number);
    }
  }
  return { ids, inserted };
}
