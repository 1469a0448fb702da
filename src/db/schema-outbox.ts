/** Kysely types of the outbox (migration 010): outgoing mail waiting, sent or given up. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  ticket_id: number | null;
  interaction_id: number | null;
  message_id: string;
  to_address: string;
  to_name: string | null;
  from_name: string;
  subject: string;
  body: string;
  in_reply_to: string | null;
  refs: string | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: number;
  lease_until: number | null;
  created_at: number;
  sent_at: number | null;
}

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxMessage = Insertable<OutboxTable>;
