/**
 * A replica's side of sync: push its outbox to the server, then pull the server's log after the last
 * sequence it applied. Both go in batches, each its own transaction on each side, so a sync broken
 * at any point resumes where it stopped: a batch the server took but the replica did not hear back
 * about is sent again and counted as duplicates (the server keeps op ids). Counts are checked.
 */
import { withImmediate } from '../../db/immediate.js';
import { EXIT, fail } from '../../errors.js';
import type { Executor } from '../executor.js';
import { applyCreates, applyOp } from './apply.js';
import { applyEntries, TechnicianIds, type Entry } from './apply-entries.js';
import { FieldStamps } from './field-stamps.js';
import { opColumns, opOfRow, type CreateBody } from './ops.js';
import { settleAfterBatch } from './parent-conflicts.js';
import { holdTicketIndex, indexHeld } from './pull-index.js';
import { renumberTicket } from './renumber-sqlite.js';
import { rechainAudit } from './rechain-audit.js';
import { lastStamp, receiveStamp, syncRoleOf } from './role.js';
import { acceptOps, lastSeq, opsAfter } from './server.js';
import { downloadBlobs, uploadBlobs } from './blob-transfer.js';

export const PUSH_BATCH = 500;
export const PULL_BATCH = 1000;

export interface Progress {
  (done: number, total: number): void;
}

function replicaDevice(local: Executor): string {
  const role = syncRoleOf(local);
  return role?.kind === 'replica'
    ? role.device
    : fail(EXIT.usage, 'sync: this desk is not a replica (run deskline sync init postgres://…)');
}

export async function waitingCount(local: Executor): Promise<number> {
  const row = await local
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function push(local: Executor, server: Executor, progress?: Progress, batch = PUSH_BATCH) {
  const device = replicaDevice(local);
  const total = await waitingCount(local);
  const out = { pushed: 0, duplicates: 0, conflicts: 0 };
  for (;;) {
    const rows = await local.selectFrom('sync_outbox').selectAll().orderBy('hlc').limit(batch).execute();
    if (rows.length === 0) break;
    const ops = rows.map((r) => opOfRow(r, device));
    // The bytes first: an attachment's row never reaches the server before its file (./blob-transfer.ts).
    await uploadBlobs(local, server, ops);
    const result = await acceptOps(server, ops);
    if (result.accepted + result.duplicates !== rows.length)
      fail(EXIT.delivery, `sync: the server took ${result.accepted + result.duplicates} of ${rows.length} operations`);
    await withImmediate(local, async (trx) => {
      // Stamped by another handle (the console's) maybe: the clock saved below is not behind them.
      for (const r of rows) receiveStamp(trx, r.hlc);
      await trx
        .deleteFrom('sync_outbox')
        .where(
          'op_id',
          'in',
          rows.map((r) => r.op_id),
        )
        .execute();
      await trx
        .updateTable('sync_state')
        .set({ clock: lastStamp(trx) ?? '' })
        .execute();
    });
    out.pushed += result.accepted;
    out.duplicates += result.duplicates;
    out.conflicts += result.conflicts;
    progress?.(out.pushed + out.duplicates, total);
  }
  return out;
}

export async function pull(local: Executor, server: Executor, progress?: Progress, batch = PULL_BATCH) {
  const device = replicaDevice(local);
  const state = await local.selectFrom('sync_state').select('pulled_seq').executeTakeFirstOrThrow();
  const upTo = await lastSeq(server);
  let after = state.pulled_seq;
  let applied = 0;
  while (after < upTo) {
    const logged = await opsAfter(server, after, batch);
    if (logged.length === 0) break;
    await downloadBlobs(
      local,
      server,
      logged.filter((l) => l.op.device !== device).map((l) => l.op),
    );
    await withImmediate(local, async (trx) => {
      // The ticket index waits for the end of the batch, then takes every ticket an operation named at once (./pull-index.ts).
      const touched = await holdTicketIndex(trx, logged);
      const renumbered: number[] = [];
      // Tickets made elsewhere wait to be inserted together, until an operation of another kind comes.
      const made: { body: CreateBody; id: number }[] = [];
      // And timeline entries, until an operation that is not a field or tag change (./apply-entries.ts).
      const entries: Entry[] = [];
      const people = new TechnicianIds(trx);
      const batch = { fields: new FieldStamps(trx), people };
      await batch.fields.load(logged.filter((l) => l.op.kind === 'set').map((l) => l.op.ticket_id));
      const flush = async () => {
        if (made.length) await applyCreates(trx, made.splice(0));
        await applyEntries(trx, entries.splice(0), people);
      };
      for (const { op, provisional_id } of logged) {
        receiveStamp(trx, op.op_id);
        const mine = op.device === device;
        if (op.kind === 'create' && !mine) {
          made.push({ body: op.body, id: op.ticket_id });
          continue;
        }
        if (op.kind === 'interaction' && !mine) {
          entries.push({ ticketId: op.ticket_id, body: op.body });
          continue;
        }
        if (made.length || (op.kind !== 'set' && op.kind !== 'tags')) await flush();
        if (mine && provisional_id !== null) {
          await batch.fields.flush(true); // renumbering moves sync_fields rows
          await renumberTicket(trx, provisional_id, op.ticket_id);
          renumbered.push(op.ticket_id);
        }
        // Its own entries, files and tickets are here already; its tags and fields are applied again in the server's order.
        if (op.kind === 'create' || (mine && (op.kind === 'interaction' || op.kind === 'attachment'))) continue;
        await applyOp(trx, op, op.ticket_id, batch);
      }
      await flush();
      await batch.fields.flush();
      await settleAfterBatch(
        trx,
        logged.map((l) => opColumns(l.op)),
      );
      await rechainAudit(trx, renumbered);
      if (touched) await indexHeld(trx, touched);
      after = logged[logged.length - 1]!.seq;
      await trx
        .updateTable('sync_state')
        .set({ pulled_seq: after, clock: lastStamp(trx) ?? '' })
        .execute();
    });
    applied += logged.length;
    progress?.(applied, Math.max(applied, upTo - state.pulled_seq));
  }
  const served = await server
    .selectFrom('sync_ops')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '>', state.pulled_seq)
    .where('seq', '<=', after)
    .executeTakeFirstOrThrow();
  if (Number(served.n) !== applied) fail(EXIT.delivery, `sync: pulled ${applied} operations, the server logged ${served.n}`);
  return { pulled: applied, seq: after };
}

/** Push then pull, and note when it was done. `batch`: smaller batches hold the local desk's write lock for less (the console). */
export async function syncNow(local: Executor, server: Executor, progress?: Progress, batch?: { push: number; pull: number }) {
  const pushed = await push(local, server, progress, batch?.push);
  const pulled = await pull(local, server, progress, batch?.pull);
  await local.updateTable('sync_state').set({ synced_at: Date.now() }).execute();
  return { ...pushed, ...pulled };
}
