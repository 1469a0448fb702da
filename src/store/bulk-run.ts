/**
 * A long bulk write commits in chunks (so other processes can write in between) and leaves a trail in
 * the audit log: a `bulk_write`/`started` event (ticket_id NULL) holding what the caller needs to
 * generate the same rows again, and a `bulk_write`/`finished` event naming it once the last chunk,
 * and the indexes it dropped, are in. A started run with no finished event was interrupted (or is
 * still running: its process is alive): the desk is not whole until it is resumed.
 */
import type Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { EXIT, fail } from '../errors.js';
import { sessionAudit } from './audit-append.js';
import type { WriteSession } from './write-session.js';

/** What a run records when it starts. */
interface Started {
  total: number;
  /** What it is called and the command that resumes it (for messages). */
  label: string;
  resumeWith: string;
  /** What the caller stored to generate the same rows again. */
  params: Record<string, unknown>;
  /** CREATE INDEX statements of the indexes it dropped, to build at the end. */
  indexes: string[];
  pid: number;
  host: string;
}

export interface BulkRun extends Started {
  /** The id of its `started` event. */
  id: number;
  /** Tickets written so far (its own 'create' events). */
  done: number;
  /** Who its 'create' events name. */
  actor: string;
  /** Its process still runs (on this machine), so it is not interrupted but busy. */
  running: boolean;
}

const alive = (pid: number, host: string) => {
  if (host !== hostname()) return true; // cannot tell: assume it runs
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The newest started run with no finished event, if any. Reads through the (ticket_id, at, id) index. */
export async function unfinishedRun(session: WriteSession): Promise<BulkRun | null> {
  const row = await session.get<{ id: number; actor: string; new_value: string }>(
    `SELECT s.id, s.actor, s.new_value FROM audit_events s
       WHERE s.ticket_id IS NULL AND s.action = 'bulk_write' AND s.field = 'started'
         AND NOT EXISTS (SELECT 1 FROM audit_events f WHERE f.ticket_id IS NULL AND f.action = 'bulk_write'
                         AND f.field = 'finished' AND f.old_value = CAST(s.id AS TEXT))
       ORDER BY s.id DESC LIMIT 1`,
  );
  if (!row) return null;
  const started = JSON.parse(row.new_value) as Started;
  const done = (await session.value<number>(
    "SELECT count(*) FROM audit_events WHERE id > ? AND ticket_id IS NOT NULL AND action = 'create' AND actor = ?",
    row.id,
    row.actor,
  ))!;
  return { id: row.id, actor: row.actor, done, ...started, running: alive(started.pid, started.host) };
}

/** One line for a run that stopped: how far it got and how to finish it. */
export function stoppedMessage(run: BulkRun): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `an earlier ${run.label} stopped after ${n(run.done)} of ${n(run.total)} tickets: run '${run.resumeWith}' to finish it`;
}

/** Records the start of a run (inside its first transaction), on the audit chain; returns the event id. */
export async function startRun(session: WriteSession, actor: string, at: number, started: Omit<Started, 'pid' | 'host'>): Promise<number> {
  const value = JSON.stringify({ ...started, pid: process.pid, host: hostname() } satisfies Started);
  return sessionAudit(session).append({
    ticket_id: null,
    actor,
    at,
    action: 'bulk_write',
    field: 'started',
    old_value: null,
    new_value: value,
  });
}

export async function finishRun(session: WriteSession, runId: number, actor: string, at: number): Promise<void> {
  const event = { ticket_id: null, actor, at, action: 'bulk_write', field: 'finished', old_value: String(runId), new_value: null };
  await sessionAudit(session).append(event);
}

/** Refuses (exit 3, nothing written) a first run into a desk with tickets, when the batch asks for an empty one. */
export function refuseNonEmpty(existing: number, emptyOnly: boolean, resume: BulkRun | undefined): void {
  if (resume || !emptyOnly || existing === 0) return;
  fail(
    EXIT.conflict,
    `the desk already has ${existing.toLocaleString('en-US')} ticket${existing === 1 ? '' : 's'}: use --append to add demo data anyway`,
  );
}

/**
 * Drops a table's own indexes (not those behind PRIMARY KEY or UNIQUE) and returns the statements that
 * create them again. SQLite builds an index from sorted rows far faster than it updates one per row.
 */
export function dropIndexes(sqlite: Database.Database, table: string): string[] {
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
    .all(table) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return indexes.map((i) => i.sql);
}

/** The index statements of `indexes` whose index does not exist (yet, or again). */
export function missingIndexes(sqlite: Database.Database, indexes: readonly string[]): string[] {
  const present = new Set(
    sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[],
  );
  return indexes.filter((sql) => !present.has(sql));
}
