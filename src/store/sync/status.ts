/** What a replica knows of its sync without asking the server: when it last synced, what waits, the conflicts. */
import type { Executor } from '../executor.js';
import { waitingCount } from './replica.js';

export interface SyncStatus {
  server: string;
  device: string;
  syncedAt: number | null;
  waiting: number;
  pulledSeq: number;
  openConflicts: number;
}

/** The replica's state, or null for a desk that is not one. */
export async function syncStatus(local: Executor): Promise<SyncStatus | null> {
  const state = await local.selectFrom('sync_state').selectAll().executeTakeFirst();
  if (!state) return null;
  const conflicts = await local
    .selectFrom('sync_conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    server: state.server,
    device: state.device,
    syncedAt: state.synced_at,
    waiting: await waitingCount(local),
    pulledSeq: state.pulled_seq,
    openConflicts: Number(conflicts.n),
  };
}

export interface ConflictView {
  id: number;
  ticket_id: number;
  field: string;
  kept: string | null;
  lost: string | null;
  at: number;
}

export async function openConflicts(db: Executor): Promise<ConflictView[]> {
  return db
    .selectFrom('sync_conflicts')
    .select(['id', 'ticket_id', 'field', 'kept', 'lost', 'at'])
    .where('resolved_at', 'is', null)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The clock a replica starts from when opened: its saved stamp or its newest unpushed one. */
export async function replicaOnOpen(local: Executor): Promise<{ device: string; clock: string } | null> {
  const state = await local.selectFrom('sync_state').select(['device', 'clock']).executeTakeFirst();
  if (!state) return null;
  const newest = await local.selectFrom('sync_outbox').select('hlc').orderBy('hlc', 'desc').limit(1).executeTakeFirst();
  return { device: state.device, clock: newest && newest.hlc > state.clock ? newest.hlc : state.clock };
}
