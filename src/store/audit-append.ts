/**
 * The audit hash chain of one write session (./write-session.ts), on either dialect: the head is read
 * once, then every event the session's writers add (tickets, rows, mail, SLA breaches, the import's
 * own event) is chained in memory, in the order written. All of them share the session's one chain.
 * On SQLite the head is read again whenever the newest event is not the session's own (a savepoint
 * rolled back, as mail intake's per-message ones do): a lookup by primary key, cheap there.
 */
import { chainFrom, type AuditContent } from '../domain/audit-chain.js';
import type { WriteSession } from './write-session.js';

export interface SessionAudit {
  /** The digest and chain of the next event (the caller inserts it, with these, before the next). */
  chain(event: AuditContent): Promise<{ digest: string; chain: string }>;
  /** The id the caller's insert of a chained event got. */
  inserted(id: number): void;
  /** Chains and inserts an event; its id. */
  append(event: AuditContent): Promise<number>;
}

const NEWEST_CHAIN = 'SELECT chain FROM audit_events WHERE chain IS NOT NULL ORDER BY id DESC LIMIT 1';
const INSERT =
  'INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value, digest, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

const appenders = new WeakMap<WriteSession, SessionAudit>();

export function sessionAudit(session: WriteSession): SessionAudit {
  const known = appenders.get(session);
  if (known) return known;
  let next: ReturnType<typeof chainFrom> | null = null;
  let lastId: number | null = null;
  const verify = session.dialect === 'sqlite';
  const chain = async (e: AuditContent) => {
    if (next === null || (verify && (await session.value<number>('SELECT max(id) FROM audit_events')) !== lastId))
      next = chainFrom((await session.value<string>(NEWEST_CHAIN)) ?? null);
    return next(e);
  };
  const audit: SessionAudit = {
    chain,
    inserted: (id) => void (lastId = id),
    append: async (e) => {
      const { digest, chain: link } = await chain(e);
      lastId = await session.insert(INSERT, e.ticket_id, e.actor, e.at, e.action, e.field, e.old_value, e.new_value, digest, link);
      return lastId;
    },
  };
  appenders.set(session, audit);
  return audit;
}
