/**
 * The audit chain walk `deskline db check` makes on a server desk, through kysely: the trail read in
 * id order a page at a time (never held whole), with the redaction statements that vouch for
 * rewritten events, as src/store/audit-chain.ts does on SQLite's raw connection.
 */
import {
  AUDIT_STATEMENT,
  readStatement,
  verifyChainAsync,
  type ChainProblem,
  type Redacted,
  type StoredEvent,
} from '../domain/audit-chain.js';
import type { Executor } from './executor.js';

/** Rows read per page. */
const STEP = 10_000;
const COLUMNS = ['id', 'ticket_id', 'actor', 'at', 'action', 'field', 'old_value', 'new_value', 'digest', 'chain'] as const;

async function* trail(db: Executor): AsyncGenerator<StoredEvent> {
  for (let after = 0; ;) {
    const rows = await db.selectFrom('audit_events').select(COLUMNS).where('id', '>', after).orderBy('id').limit(STEP).execute();
    yield* rows;
    if (rows.length < STEP) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The redaction statements (few: one per event a redaction rewrote). */
async function redactedEvents(db: Executor): Promise<Redacted> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['old_value', 'new_value'])
    .where('action', '=', AUDIT_STATEMENT.action)
    .where('field', '=', AUDIT_STATEMENT.field)
    .orderBy('id')
    .execute();
  const out = new Map<number, { original: string; redacted: string }>();
  for (const row of rows) {
    const s = readStatement(row.old_value, row.new_value);
    if (s) out.set(s.id, { original: s.original, redacted: s.redacted });
  }
  return out;
}

/** Every problem in the chain. */
export async function auditChainProblemsOf(db: Executor): Promise<ChainProblem[]> {
  return verifyChainAsync(trail(db), await redactedEvents(db));
}
