/**
 * The audit hash chain on the raw connection (src/store/sqlite-raw.ts): the demo seed's bulk append
 * and the walk `deskline db check` makes. The hashing itself is pure (src/domain/audit-chain.ts).
 */
import type Database from 'better-sqlite3';
import { chainEvents, verifyChain, type AuditContent, type ChainProblem, type StoredEvent } from '../domain/audit-chain.js';

/** Rows read per step: neither the seed nor the check holds a large desk's trail in memory. */
const STEP = 10_000;

function newestChain(sqlite: Database.Database): Buffer | null {
  return (
    (sqlite.prepare('SELECT chain FROM audit_events WHERE chain IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get() as Buffer) ?? null
  );
}

/** Appends events in order with prepared statements (inside the caller's transaction); returns how many. */
export function appendAuditEventsRaw(sqlite: Database.Database, events: Iterable<AuditContent>): number {
  const insert = sqlite.prepare(
    'INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value, digest, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let previous = newestChain(sqlite);
  let count = 0;
  let batch: AuditContent[] = [];
  const flush = () => {
    for (const e of chainEvents(previous, batch)) {
      insert.run(e.ticket_id, e.actor, e.at, e.action, e.field, e.old_value, e.new_value, e.digest, e.chain);
      previous = e.chain;
    }
    count += batch.length;
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length === STEP) flush();
  }
  flush();
  return count;
}

/** One 'create' event by `actor` at each ticket's created_at, for tickets from `firstId` on (the demo seed). */
export function* createEventsFrom(sqlite: Database.Database, firstId: number, actor: string): Generator<AuditContent> {
  const page = sqlite.prepare('SELECT id, created_at FROM tickets WHERE id >= ? ORDER BY id LIMIT ?').raw();
  for (let from = firstId; ;) {
    const rows = page.all(from, STEP) as Array<[number, number]>;
    for (const [id, at] of rows) yield { ticket_id: id, actor, at, action: 'create', field: null, old_value: null, new_value: null };
    if (rows.length < STEP) return;
    from = rows[rows.length - 1]![0] + 1;
  }
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
  return verifyChain(all());
}
