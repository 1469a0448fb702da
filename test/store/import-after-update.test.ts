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
import { tempDb } from '../helpers/temp.js';

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
  desk.sqlite.prepare('SELECT first_response_due_at, resolution_due_at, next_due_at FROM tickets WHERE id = 1').get();

describe('an import that updates a ticket', () => {
  it('recomputes its due times from the new priority and records the breach, as any update does', async () => {
    const desk = await tempDb();
    await run(desk, T0 + 2 * MINUTE, record());
    const asLow = dueOf(desk);

    // Now urgent (24×7: first response 60 min, resolution 240 min), seen five hours later.
    const s = await run(desk, T0 + 300 * MINUTE, record({ priority: 'urgent', updatedAt: T0 + 10 * MINUTE }));
    expect(s.updated).toBe(1);
    const stored = dueOf(desk);
    expect(stored).not.toEqual(asLow);
    expect(stored).toEqual({
      first_response_due_at: T0 + 60 * MINUTE,
      resolution_due_at: T0 + 240 * MINUTE,
      next_due_at: T0 + 60 * MINUTE,
    });
    // What the store's own recompute makes of the ticket now is what the import stored.
    expect(await recomputeDue(desk.db, 1, T0 + 300 * MINUTE)).toEqual(stored);
    const breaches = desk.sqlite.prepare("SELECT field, at, new_value FROM audit_events WHERE action = 'sla_breach' ORDER BY at").all();
    expect(breaches).toEqual([
      { field: 'first_response', at: T0 + 60 * MINUTE, new_value: 'urgent' },
      { field: 'resolution', at: T0 + 240 * MINUTE, new_value: 'urgent' },
    ]);
  });

  it('stops the clocks of a ticket the newer record resolves', async () => {
    const desk = await tempDb();
    await run(desk, T0 + 2 * MINUTE, record({ priority: 'urgent' }));
    expect(dueOf(desk)).toMatchObject({ next_due_at: T0 + 60 * MINUTE });
    await run(
      desk,
      T0 + 20 * MINUTE,
      record({ priority: 'urgent', status: 'resolved', resolution: 'Fed it A0', updatedAt: T0 + 15 * MINUTE }),
    );
    expect(dueOf(desk)).toMatchObject({ next_due_at: null });
    expect(await recomputeDue(desk.db, 1, T0 + 20 * MINUTE)).toEqual(dueOf(desk));
  });
});

describe('the free-text indexes after an import', () => {
  const similarIds = (desk: Awaited<ReturnType<typeof tempDb>>, word: string) =>
    desk.sqlite.prepare('SELECT rowid FROM ticket_text_fts WHERE ticket_text_fts MATCH ? ORDER BY rowid').pluck().all(word);
  const triggers = (desk: Awaited<ReturnType<typeof tempDb>>) =>
    desk.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

  it('hold the created and the updated tickets, and the triggers are as they were', async () => {
    const desk = await tempDb();
    const before = triggers(desk);
    await run(desk, T0 + 2 * MINUTE, record(), record({ title: 'Scanner is slow' }, 'zendesk:8'));
    expect(similarIds(desk, 'plotter')).toEqual([1]);
    expect(similarIds(desk, 'scanner')).toEqual([2]);
    await run(desk, T0 + 20 * MINUTE, record({ title: 'Plotter needs a new roller', updatedAt: T0 + 10 * MINUTE }, 'zendesk:8'));
    expect(similarIds(desk, 'scanner')).toEqual([]);
    expect(similarIds(desk, 'roller')).toEqual([2]);
    expect(similarIds(desk, 'plotter')).toEqual([1, 2]);
    expect(desk.sqlite.prepare("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH 'roller'").pluck().all()).toEqual([2]);
    expect(triggers(desk)).toEqual(before);
    // The triggers index what is written after the import.
    await createTicket(desk.db, validateTicketInput({ title: 'Projector flickers' }), { id: null, name: 'tester' });
    expect(similarIds(desk, 'projector')).toEqual([3]);
  });

  it('are untouched, triggers included, by an import that fails', async () => {
    const desk = await tempDb();
    const before = triggers(desk);
    const bad = { ...record({ priority: 'whenever' }, 'zendesk:9'), at: { file: 'zendesk.json', record: 2 } };
    await expect(run(desk, T0, record(), bad)).rejects.toThrow('record 2: priority');
    expect(triggers(desk)).toEqual(before);
    expect(similarIds(desk, 'plotter')).toEqual([]);
  });
});
