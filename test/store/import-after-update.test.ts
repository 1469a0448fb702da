/**
 * What an import leaves besides its rows: a ticket updated from a newer record has its SLA due times
 * recomputed (and a breach recorded) as any update does, and both free-text indexes hold the run's
 * tickets while their triggers are back in place for the writes that follow.
 */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { checkedItems } from '../../src/io/import-check.js';
import type { ImportRecord } from '../../src/io/import-record.js';
import { runImport } from '../../src/store/import.js';
import { recomputeDue } from '../../src/store/sla.js';
import { createTicket } from '../../src/store/tickets.js';
import { sql } from 'kysely';
import { rowOf, rowsOf } from '../helpers/db-rows.js';
import { triggerDefinitions } from '../helpers/schema-objects.js';
import { tempDb } from '../helpers/temp.js';
import { ticketIndexIds, ticketTitleIndexIds } from '../helpers/text-index.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MINUTE = 60_000;

const record = (over: Partial<ImportRecord['ticket']> = {}, externalId = 'zendesk:7'): ImportRecord => ({
  kind: 'ticket',
  at: { file: 'zendesk.json', record: 1 },
  externalId,
  ticket: { title: 'Plotter jams on A1 paper', status: 'open', priority: 'low', createdAt: T0, updatedAt: T0 + MINUTE, ...over },
  requester: { name: 'Ana Lima', email: 'ana@example.com' },
  assignee: null,
  tags: [],
  interactions: [],
  attachments: [],
  history: [],
});

async function* from(...records: ImportRecord[]) {
  yield* records;
}

const run = (desk: Awaited<ReturnType<typeof tempDb>>, now: number, ...records: ImportRecord[]) =>
  runImport(desk, checkedItems(from(...records)), { actor: 'importer', now, dryRun: false, keepLines: false });

const dueOf = (desk: Awaited<ReturnType<typeof tempDb>>) =>
  rowOf(desk.db, sql`SELECT first_response_due_at, resolution_due_at, next_due_at FROM tickets WHERE id = 1`);

describe('an import that updates a ticket', () => {
  it('recomputes its due times from the new priority and records the breach, as any update does', async () => {
    const desk = await tempDb();
    await run(desk, T0 + 2 * MINUTE, record());
    const asLow = await dueOf(desk);

    // Now urgent (24×7: first response 60 min, resolution 240 min), seen five hours later.
    const s = await run(desk, T0 + 300 * MINUTE, record({ priority: 'urgent', updatedAt: T0 + 10 * MINUTE }));
    expect(s.updated).toBe(1);
    const stored = await dueOf(desk);
    expect(stored).not.toEqual(asLow);
    expect(stored).toEqual({
      first_response_due_at: T0 + 60 * MINUTE,
      resolution_due_at: T0 + 240 * MINUTE,
      next_due_at: T0 + 60 * MINUTE,
    });
    // What the store's own recompute makes of the ticket now is what the import stored.
    expect(await recomputeDue(desk.db, 1, T0 + 300 * MINUTE)).toEqual(stored);
    const breaches = await rowsOf(desk.db, sql`SELECT field, at, new_value FROM audit_events WHERE action = 'sla_breach' ORDER BY at`);
    expect(breaches).toEqual([
      { field: 'first_response', at: T0 + 60 * MINUTE, new_value: 'urgent' },
      { field: 'resolution', at: T0 + 240 * MINUTE, new_value: 'urgent' },
    ]);
  });

  it('stops the clocks of a ticket the newer record resolves', async () => {
    const desk = await tempDb();
    await run(desk, T0 + 2 * MINUTE, record({ priority: 'urgent' }));
    expect(await dueOf(desk)).toMatchObject({ next_due_at: T0 + 60 * MINUTE });
    await run(
      desk,
      T0 + 20 * MINUTE,
      record({ priority: 'urgent', status: 'resolved', resolution: 'Fed it A0', updatedAt: T0 + 15 * MINUTE }),
    );
    expect(await dueOf(desk)).toMatchObject({ next_due_at: null });
    expect(await recomputeDue(desk.db, 1, T0 + 20 * MINUTE)).toEqual(await dueOf(desk));
  });
});

describe('the free-text indexes after an import', () => {
  // ticket_text_fts on SQLite (the import lifts its triggers and puts them back), ticket_search's title and description on PostgreSQL.
  const similarIds = (desk: Awaited<ReturnType<typeof tempDb>>, word: string) => ticketTitleIndexIds(desk.db, word);
  const triggers = (desk: Awaited<ReturnType<typeof tempDb>>) => triggerDefinitions(desk.db);

  it('hold the created and the updated tickets, and the triggers are as they were', async () => {
    const desk = await tempDb();
    const before = await triggers(desk);
    await run(desk, T0 + 2 * MINUTE, record(), record({ title: 'Scanner is slow' }, 'zendesk:8'));
    expect(await similarIds(desk, 'plotter')).toEqual([1]);
    expect(await similarIds(desk, 'scanner')).toEqual([2]);
    await run(desk, T0 + 20 * MINUTE, record({ title: 'Plotter needs a new roller', updatedAt: T0 + 10 * MINUTE }, 'zendesk:8'));
    expect(await similarIds(desk, 'scanner')).toEqual([]);
    expect(await similarIds(desk, 'roller')).toEqual([2]);
    expect(await similarIds(desk, 'plotter')).toEqual([1, 2]);
    expect(await ticketIndexIds(desk.db, 'roller')).toEqual([2]);
    expect(await triggers(desk)).toEqual(before);
    // The triggers index what is written after the import.
    await createTicket(desk.db, validateTicketInput({ title: 'Projector flickers' }), { id: null, name: 'tester' });
    expect(await similarIds(desk, 'projector')).toEqual([3]);
  });

  it('are untouched, triggers included, by an import that fails', async () => {
    const desk = await tempDb();
    const before = await triggers(desk);
    const bad = { ...record({ priority: 'whenever' }, 'zendesk:9'), at: { file: 'zendesk.json', record: 2 } };
    await expect(run(desk, T0, record(), bad)).rejects.toThrow('record 2: priority');
    expect(await triggers(desk)).toEqual(before);
    expect(await similarIds(desk, 'plotter')).toEqual([]);
  });
});
