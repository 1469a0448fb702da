/** Kysely types of the sync tables (migration 019): a replica's state and outbox, the server's log. */
import type { ColumnType, Generated, Selectable } from 'kysely';

export interface SyncStateTable {
  id: ColumnType<number, number, never>;
  server: string;
  device: string;
  pulled_seq: ColumnType<number, number | undefined, number>;
  clock: ColumnType<string, string | undefined, string>;
  synced_at: number | null;
}

export interface SyncOutboxTable {
  op_id: string;
  hlc: string;
  ticket_id: number;
  kind: string;
  payload: string;
}

export interface SyncOpsTable {
  seq: Generated<number>;
  op_id: string;
  device: string;
  hlc: string;
  ticket_id: number;
  kind: string;
  payload: string;
  provisional_id: number | null;
  received_at: number;
}

export interface SyncFieldsTable {
  ticket_id: number;
  field: string;
  hlc: string;
  value: string | null;
}

export interface SyncConflictsTable {
  id: Generated<number>;
  op_id: string;
  ticket_id: number;
  field: string;
  kept: string | null;
  lost: string | null;
  kept_hlc: string;
  lost_hlc: string;
  at: number;
  resolved_at: number | null;
}

export interface SyncTicketMapTable {
  provisional_id: number;
  ticket_id: number;
}

export type SyncOpRow = Selectable<SyncOpsTable>;
export type SyncConflictRow = Selectable<SyncConflictsTable>;
