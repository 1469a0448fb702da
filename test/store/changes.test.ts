/**
 * watchChanges (store/changes.ts): another connection's commit reaches the watcher within a second,
 * on SQLite (data_version polled) and on PostgreSQL (LISTEN/NOTIFY, store/notify-pg.ts), and the
 * PostgreSQL listener comes back after its connection is killed.
 */
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { watchChanges } from '../../src/store/changes.js';
import type { Desk } from '../../src/store/desk.js';
import { listenPg } from '../../src/store/notify-pg.js';
import { tempPgDesk } from '../helpers/pg-desk.js';
import { writeFixture } from '../helpers/search-fixture.js';
import { tempDir, testDesk } from '../helpers/temp.js';

const WITHIN = { timeout: 1_000, interval: 10 };

describe('watchChanges', () => {
  it('hears another connection commit to a SQLite desk', async () => {
    const desk = await testDesk(`${tempDir()}/desk.db`); // SQLite under npm run test:pg too
    const heard: string[] = [];
    const watch = watchChanges(desk, (what) => heard.push(what), { pollMs: 50 });
    try {
      await watch.ready;
      const other = new Database(desk.path);
      other.prepare(`UPDATE sla_calendars SET tz = 'Europe/London'`).run();
      other.close();
      await vi.waitFor(() => expect(heard).toEqual(['*']), WITHIN);
    } finally {
      await watch.stop();
    }
  });

  it('hears another connection commit to a PostgreSQL desk, with the table and id', async () => {
    const { db, url } = await tempPgDesk();
    const desk: Desk = { db, path: url, backup: null, close: async () => undefined };
    const heard: string[] = [];
    const watch = watchChanges(desk, (what) => heard.push(what));
    try {
      await watch.ready;
      await writeFixture(db);
      await vi.waitFor(() => expect(heard).toContain('tickets:5'), WITHIN);
      expect(heard).toContain('interactions:1');
    } finally {
      await watch.stop();
    }
  });

  it('reconnects after the PostgreSQL connection is lost, says so, and reports a catch-all change', async () => {
    const { db, url } = await tempPgDesk();
    const heard: string[] = [];
    const statuses: string[] = [];
    const listener = listenPg({ connectionString: url, application_name: 'deskline-listen-test' }, (p) => heard.push(p), {
      onStatus: (s) => statuses.push(s),
      backoff: { first: 20, max: 200 },
    });
    try {
      await listener.ready;
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'deskline-listen-test'`.execute(db);
      await vi.waitFor(() => expect(statuses).toEqual(['connected', 'lost', 'connected']), { timeout: 5_000, interval: 10 });
      expect(heard).toEqual(['*']);
      await writeFixture(db);
      await vi.waitFor(() => expect(heard).toContain('tickets:1'), WITHIN);
    } finally {
      await listener.stop();
    }
  });
});
