/**
 * The audit hash chain on the raw connection (src/store/sqlite-raw.ts): the demo seed's appends and
 * the walk `deskline db check` makes. The hashing itself is pure (src/domain/audit-chain.ts).
 */
import type Database from 'better-sqlite3';
import {
  AUDIT_STATEMENT,
  chainFrom,
  readStatement,
  verifyChain,
  type AuditContent,
  type ChainProblem,
  type Redacted,
  type StoredEvent,
} from '../domain/audit-chain.js';

/** Rows read per step: the check never holds a large desk's trail in memory. */
const STEP = 10_000;

function newestChain(sqlite: Database.Database): string | null {
  const newest = sqlite.prepare('SELECT chain FROM audit_events WHERE chain IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get();
  return (newest as string | undefined) ?? null;
}

/**
 * Appends events one at a time to the chain with a prepared statement, inside the caller's
 * transaction (the demo seed writes each ticket's 'create' event as it writes the ticket).
 * Several appenders may share a transaction.
 */
export function auditAppender(sqlite: Database.Database): (event: AuditContent) => void {
  const insert = sqlite.prepare(
    'INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value, digest, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const newestId = sqlite.prepare('SELECT max(id) FROM audit_events').pluck();
  // Two appenders in one transaction (an import's ticket writer and its mail writer) take turns:
  // each picks the chain up again when the newest event is not its own.
  let next: ReturnType<typeof chainFrom> | null = null;
  let lastId: unknown = null;
  return (e) => {
    if (next === null || newestId.get() !== lastId) next = chainFrom(newestChain(sqlite));
    const { digest, chain } = next(e);
    lastId = Number(insert.run(e.ticket_id, e.actor, e.at, e.action, e.field, e.old_value, e.new_value, digest, chain).lastInsertRowid);
  };
}

/** The redaction statements' events (few: one per event a redaction rewrote). */
function redactedEvents(sqlite: Database.Database): Redacted {
  const rows = sqlite
    .prepare('SELECT old_value, new_value FROM audit_events WHERE action = ? AND field = ? ORDER BY id')
    .all(AUDIT_STATEMENT.action, AUDIT_STATEMENT.field) as { old_value: string | null; new_value: string | null }[];
  const out = new Map<number, { original: string; redacted: string }>();
  for (const row of rows) {
    const s = readStatement(row.old_value, row.new_value);
    if (s) out.set(s.id, { original: s.original, redacted: s.redacted });
  }
  return out;
}

/** Every problem in the chain, reading the trail in id order a page at a time. */
export function auditChainProblems(sqlite: Database.Database): ChainProblem[] {
  const page = sqlite.prepare(
    'SELECT id, ticket_id, actor, at, action, field, old_value, new_value, digest, chain FROM audit_events WHERE id > ? ORDER BY id LIMIT ?',
  );
  function* all(): Generator<StoredEvent> {
    for (let after = 0; ;) {
      const rows = page.all(after, STEP) as StoredEvent[];
      yield* rows;
      if (rows.length < STEP) return;
      after = rows[rows.length - 1]!.id;
    }
  }
  return verifyChain(all(), redactedEvents(sqlite));
}
