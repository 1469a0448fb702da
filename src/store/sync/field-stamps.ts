/**
 * The fields' agreed stamps (sync_fields) of the tickets a sync batch touches, read in one query and
 * written back in one statement at the end of the batch, instead of a read and an upsert per field
 * change (./apply.ts's applySet). Whoever changes sync_fields behind it inside the batch (a replica
 * renumbering a ticket) writes it back and forgets it first.
 */
import type { Executor } from '../executor.js';
import { insertJsonRows } from './json-rows.js';

export interface Stamp {
  hlc: string;
  value: string | null;
}

const keyOf = (ticketId: number, field: string) => `${ticketId}\u0000${field}`;

export class FieldStamps {
  private readonly known = new Map<string, Stamp>();
  private readonly loaded = new Set<number>();
  private readonly written = new Map<string, { ticket_id: number; field: string; hlc: string; value: string | null }>();
  constructor(private readonly trx: Executor) {}

  /** Reads the stamps of these tickets (those not read yet) in one query. */
  async load(ticketIds: readonly number[]): Promise<void> {
    const wanted = [...new Set(ticketIds)].filter((id) => !this.loaded.has(id));
    if (wanted.length === 0) return;
    const rows = await this.trx.selectFrom('sync_fields').selectAll().where('ticket_id', 'in', wanted).execute();
    for (const id of wanted) this.loaded.add(id);
    for (const r of rows) this.known.set(keyOf(Number(r.ticket_id), r.field), { hlc: r.hlc, value: r.value });
  }

  async get(ticketId: number, field: string): Promise<Stamp | null> {
    await this.load([ticketId]);
    return this.known.get(keyOf(ticketId, field)) ?? null;
  }

  set(ticketId: number, field: string, stamp: Stamp): void {
    this.known.set(keyOf(ticketId, field), stamp);
    this.written.set(keyOf(ticketId, field), { ticket_id: ticketId, field, ...stamp });
  }

  /** Writes what changed; with `forget`, reads everything again next time. */
  async flush(forget = false): Promise<void> {
    const tail = 'ON CONFLICT (ticket_id, field) DO UPDATE SET hlc = excluded.hlc, value = excluded.value';
    await insertJsonRows(this.trx, 'sync_fields', [...this.written.values()], false, tail);
    this.written.clear();
    if (forget) [this.known, this.loaded].forEach((m) => m.clear());
  }
}
