import { describe, expect, it } from 'vitest';
import type { Desk } from '../helpers/temp.js';
import { OPEN_STATUSES } from '../../src/domain/ticket.js';
import { DesklineError } from '../../src/errors.js';
import { seedDemo } from '../../src/demo/seed.js';
import { CHUNK_MS, unfinishedWrites } from '../../src/store/bulk.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { sql } from 'kysely';
import { countOf, isPg, rowOf, rowsOf, valueOf } from '../helpers/db-rows.js';
import { addFailTrigger, dropFailTrigger } from '../helpers/fail-trigger.js';
import { indexDefinitions } from '../helpers/schema-objects.js';
import { tempDb } from '../helpers/temp.js';

const NOW = Date.UTC(2026, 2, 18, 14, 30);
const ME = { name: 'Lee Chen', email: 'lee@example.com', tier: 'L1' };
const TABLES = ['technicians', 'requesters', 'tags', 'tickets', 'ticket_tags', 'interactions', 'audit_events'] as const;

const DUMPED = { tickets: 'id', interactions: 'id', ticket_tags: 'ticket_id, tag_id', requesters: 'id', technicians: 'id' };

/**
 * PostgreSQL's sequences do not give back the numbers a rolled-back chunk took, so there the timeline's
 * ids are compared by rank. The tickets' change numbers (pg migration 020) are left out there: the
 * demo's set-based UPDATE numbers rows in their physical order, which a rolled-back chunk changes.
 */
const RANKED: Record<string, string> = isPg ? { interactions: 'id' } : {};
const LEFT_OUT: Record<string, string> = isPg ? { tickets: 'change_seq' } : {};

function comparable(table: string, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const [column, gone] = [RANKED[table], LEFT_OUT[table]];
  const rank = column
    ? new Map(
        rows
          .map((r) => Number(r[column]))
          .sort((a, b) => a - b)
          .map((v, i) => [v, i + 1]),
      )
    : null;
  return rows.map((r) => {
    const out = { ...r };
    if (column) out[column] = rank!.get(Number(r[column]));
    if (gone) delete out[gone];
    return out;
  });
}

/** The seeded rows of each table, in order. */
const dump = (desk: Desk) =>
  Promise.all(
    Object.entries(DUMPED).map(async ([table, key]) =>
      comparable(table, await rowsOf(desk.db, sql`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.raw(key)}`)),
    ),
  );

async function counts(desk: Desk): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await countOf(desk.db, t)])));
}

const indexes = (desk: Desk) => indexDefinitions(desk.db, ['tickets', 'interactions']);

/** SQLite's own checks of the file; PostgreSQL refuses a broken foreign key at the insert and has no file to check. */
function expectSqliteChecksClean(desk: Desk): void {
  if (isPg) return;
  expect(desk.sqlite.pragma('foreign_key_check')).toEqual([]);
  expect(desk.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('seedDemo', () => {
  it('writes a consistent desk and reports what it wrote', async () => {
    const desk = await tempDb();
    const progress: number[] = [];
    const summary = await seedDemo(desk, { tickets: 3_000, now: NOW, me: ME, onProgress: (done, total) => progress.push(done / total) });

    expect(summary).toMatchObject({ tickets: 3_000, requesters: 150, technicians: 21, first_id: 1, last_id: 3_000, seed: 1 });
    const rows = await counts(desk);
    expect(rows).toEqual({
      technicians: 21,
      requesters: 150,
      tags: summary.tags,
      tickets: 3_000,
      ticket_tags: summary.ticket_tags,
      interactions: summary.interactions,
      audit_events: 3_002, // a 'create' per ticket, and the run's started and finished marks
    });
    expect(summary.interactions).toBeGreaterThan(3_000);
    expectSqliteChecksClean(desk);
    expect(await rowOf(desk.db, sql`SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM tickets`)).toEqual({
      lo: 1,
      hi: 3_000,
      n: 3_000,
    });
    // One 'create' event per ticket, by the demo actor, at the ticket's creation.
    expect(
      await valueOf(
        desk.db,
        sql`SELECT count(*) FROM audit_events a JOIN tickets t ON t.id = a.ticket_id
      WHERE a.action = 'create' AND a.actor = 'demo' AND a.at = t.created_at`,
      ),
    ).toBe(3_000);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('builds the ticket and timeline indexes after the rows: the same indexes, same definitions, as before', async () => {
    const desk = await tempDb();
    const before = await indexes(desk);
    expect(before.length).toBeGreaterThan(5);
    await seedDemo(desk, { tickets: 500, now: NOW, me: ME });
    expect(await indexes(desk)).toEqual(before);
  });

  it('a seed that fails after a chunk keeps what it wrote and the indexes, is reported, and --resume finishes it', async () => {
    const desk = await tempDb();
    const before = await indexes(desk);
    const failLater = { name: 'fail_later', table: 'tickets', when: 'NEW.id = 3000', message: 'disk went away' };
    await addFailTrigger(desk.db, failLater);
    // A slow machine: the first 2,000 tickets take longer than a chunk may, so they are committed alone.
    const slow = (done: number) => {
      for (const until = performance.now() + CHUNK_MS; done === 2_000 && performance.now() < until;);
    };
    await expect(seedDemo(desk, { tickets: 5_000, now: NOW, me: ME, onProgress: slow })).rejects.toThrow('disk went away');
    expect(await indexes(desk)).toEqual(before);
    expect((await counts(desk)).tickets).toBe(2_000); // the chunk that failed is rolled back whole, the one before stays
    if (!isPg) expect(desk.sqlite.inTransaction).toBe(false);

    const stopped = "an earlier demo seed stopped after 2,000 of 5,000 tickets: run 'deskline demo seed --resume' to finish it";
    const again = await seedDemo(desk, { tickets: 500, now: NOW, me: ME, append: true }).catch((e: unknown) => e);
    expect(again).toMatchObject({ exitCode: 3, message: stopped });
    expect(await unfinishedWrites(desk)).toEqual([stopped]);
    await dropFailTrigger(desk.db, failLater);
    const resumed = await seedDemo(desk, { tickets: 1, resume: true });
    expect(resumed).toMatchObject({ tickets: 3_000, first_id: 2_001, last_id: 5_000 });
    expect(await indexes(desk)).toEqual(before);
    expect(await unfinishedWrites(desk)).toEqual([]);
    await expect(seedDemo(desk, { tickets: 1, resume: true })).rejects.toMatchObject({ exitCode: 2 });

    const fresh = await tempDb();
    await seedDemo(fresh, { tickets: 5_000, now: NOW, me: ME });
    expect(await dump(desk)).toEqual(await dump(fresh));
  }, 90_000); // 15,000 tickets seeded, each indexed for free text: over 20 s on a machine at load 17

  it('gives the user about a tenth of the open tickets, readable through the store', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 3_000, now: NOW, me: ME });
    const me = await valueOf<number>(desk.db, sql`SELECT id FROM technicians WHERE email = ${ME.email}`);
    const open = (await rowOf<{ n: number; mine: number }>(
      desk.db,
      sql`SELECT count(*) AS n, sum(CASE WHEN assignee_id = ${me} THEN 1 ELSE 0 END) AS mine
        FROM tickets WHERE status IN (${sql.join(OPEN_STATUSES)})`,
    ))!;
    expect(open.mine / open.n).toBeGreaterThan(0.05);
    expect(open.mine / open.n).toBeLessThan(0.16);

    const view = await getTicket(desk.db, 3_000);
    expect(view.ref).toBe('HD-3000');
    expect(view.tags.length).toBeGreaterThan(0);
    expect(view.version).toBe(1);
  });

  it('refuses a desk that has tickets, leaving it unchanged; --append adds after the last id', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 500, now: NOW, me: ME });
    const before = await counts(desk);

    const refused = await seedDemo(desk, { tickets: 500, now: NOW, me: ME }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DesklineError);
    expect(refused).toMatchObject({ exitCode: 3, message: 'the desk already has 500 tickets: use --append to add demo data anyway' });
    expect(await counts(desk)).toEqual(before);
    if (!isPg) {
      // SQLite only: the seed turns automatic checkpoints off while it writes, and back on however it ends.
      expect(desk.sqlite.inTransaction).toBe(false);
      expect(desk.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    }

    const more = await seedDemo(desk, { tickets: 200, seed: 2, now: NOW, me: ME, append: true });
    expect(more).toMatchObject({ tickets: 200, technicians: 0, first_id: 501, last_id: 700 });
    expect(await countOf(desk.db, 'tickets', sql`id BETWEEN 501 AND 700`)).toBe(200);
    expect((await counts(desk)).requesters).toBe(before.requesters! + more.requesters);
    expectSqliteChecksClean(desk);
  });

  it('refuses a bad count with nothing written', async () => {
    const desk = await tempDb();
    for (const tickets of [0, 1.5, 1_000_001]) {
      await expect(seedDemo(desk, { tickets, now: NOW })).rejects.toMatchObject({ exitCode: 4 });
    }
    expect((await counts(desk)).tickets).toBe(0);
    expect((await counts(desk)).technicians).toBe(0);
  });

  it('is deterministic: two desks seeded alike hold the same rows', async () => {
    const seeded = async () => {
      const desk = await tempDb();
      await seedDemo(desk, { tickets: 300, seed: 9, now: NOW, me: ME });
      return dump(desk);
    };
    expect(await seeded()).toEqual(await seeded());
  });
});
