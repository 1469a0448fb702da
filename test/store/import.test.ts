/** The store's import of format-neutral records (what every vendor format yields): created, skipped, updated. */
import { describe, expect, it } from 'vitest';
import { checkedItems } from '../../src/io/import-check.js';
import type { ImportRecord } from '../../src/io/import-record.js';
import { runImport } from '../../src/store/import.js';
import { sql } from 'kysely';
import { countOf, rowOf, rowsOf } from '../helpers/db-rows.js';
import { tempDb } from '../helpers/temp.js';
import { ticketIndexIds } from '../helpers/text-index.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');

const record = (over: Partial<ImportRecord['ticket']> = {}): ImportRecord => ({
  kind: 'ticket',
  at: { file: 'zendesk.json', record: 1 },
  externalId: 'zendesk:101',
  ticket: {
    title: 'Laptop will not boot',
    description: 'Black screen',
    status: 'open',
    priority: 'high',
    createdAt: T0,
    updatedAt: T0 + 60_000,
    ...over,
  },
  requester: { name: 'Ana Lima', email: 'Ana@Example.com' },
  assignee: { name: 'Tom Tech', email: 'tom@example.com' },
  tags: ['laptop', 'boot'],
  interactions: [
    {
      kind: 'email_in',
      author: { name: 'Ana Lima', email: 'ana@example.com' },
      byRequester: true,
      body: 'It beeps twice',
      createdAt: T0 + 1_000,
    },
    { kind: 'reply', author: { name: 'Tom Tech', email: 'tom@example.com' }, body: 'Bring it over', createdAt: T0 + 2_000 },
  ],
  attachments: [],
  history: [{ at: T0 + 30_000, field: 'priority', from: 'normal', to: 'high', actor: 'Tom Tech' }],
});

async function* from(...records: ImportRecord[]) {
  yield* records;
}

const run = async (desk: Awaited<ReturnType<typeof tempDb>>, records: ImportRecord[], dryRun = false) =>
  runImport(desk, checkedItems(from(...records)), { actor: 'importer', now: T0 + 3_600_000, dryRun, keepLines: true });

describe('runImport with neutral records', () => {
  it('creates the ticket with its people, tags, timeline and history, then skips it', async () => {
    const desk = await tempDb();
    const first = await run(desk, [record()]);
    expect([first.created, first.skipped]).toEqual([1, 0]);
    expect(first.counts).toMatchObject({ tickets: 1, requesters: 1, technicians: 1, tags: 2, interactions: 2 });
    const t = await rowOf(desk.db, sql`SELECT title, status, priority, external_id, first_response_at FROM tickets`);
    expect(t).toEqual({
      title: 'Laptop will not boot',
      status: 'open',
      priority: 'high',
      external_id: 'zendesk:101',
      first_response_at: T0 + 2_000,
    });
    const timeline = await rowsOf(desk.db, sql`SELECT kind, author_id, author_name FROM interactions ORDER BY id`);
    expect(timeline).toEqual([
      { kind: 'email_in', author_id: null, author_name: 'Ana Lima' },
      { kind: 'reply', author_id: 1, author_name: 'Tom Tech' },
    ]);
    expect(await rowsOf(desk.db, sql`SELECT field, old_value, new_value FROM audit_events WHERE action = 'update'`)).toEqual([
      { field: 'priority', old_value: 'normal', new_value: 'high' },
    ]);
    expect(await ticketIndexIds(desk.db, 'beeps')).toEqual([1]);
    const again = await run(desk, [record()]);
    expect([again.created, again.updated, again.skipped]).toEqual([0, 0, 1]);
    expect(await countOf(desk.db, 'interactions')).toBe(2);
  });

  it('updates a known ticket from a newer record, adding only the new timeline entries', async () => {
    const desk = await tempDb();
    await run(desk, [record()]);
    const newer = record({ status: 'resolved', resolution: 'Replaced the disk', updatedAt: T0 + 600_000 });
    newer.interactions = [
      ...newer.interactions,
      { kind: 'note', author: { email: 'tom@example.com' }, body: 'Disk swapped', createdAt: T0 + 500_000 },
    ];
    const s = await run(desk, [newer]);
    expect([s.created, s.updated]).toEqual([0, 1]);
    expect(await rowOf(desk.db, sql`SELECT status, resolution, version FROM tickets`)).toEqual({
      status: 'resolved',
      resolution: 'Replaced the disk',
      version: 2,
    });
    expect(await countOf(desk.db, 'interactions')).toBe(3);
  });

  it('a dry run reports and writes nothing', async () => {
    const desk = await tempDb();
    const s = await run(desk, [record()], true);
    expect(s.created).toBe(1);
    expect(s.lines[0]).toMatchObject({ outcome: 'created', ref: 'HD-1', title: 'Laptop will not boot' });
    expect(await countOf(desk.db, 'tickets')).toBe(0);
  });

  it('a bad field names the record and field', async () => {
    const desk = await tempDb();
    await expect(
      run(desk, [record(), { ...record({ priority: 'whenever' }), externalId: 'zendesk:102', at: { file: 'zendesk.json', record: 2 } }]),
    ).rejects.toThrow("zendesk.json: record 2: priority: must be one of urgent, high, normal, low (got 'whenever')");
    expect(await countOf(desk.db, 'tickets')).toBe(0);
  });
});
