/**
 * The audit hash chain on real desks: migration 005 fills it for existing events (its frozen copy of
 * the hashing agrees with the domain's), every way Deskline writes events extends it, and
 * `deskline db check` names the ticket and event of an edit, an insertion or a deletion made with
 * plain SQL.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { seedDemo } from '../../src/demo/seed.js';
import { checkDesk } from '../../src/store/desk-maintenance.js';
import { runBin } from '../helpers/cli.js';
import { tempDb, tempDir, tempEnv } from '../helpers/temp.js';

const BEFORE_CHAIN = MIGRATIONS.filter((m) => m.name < '005');
const NOW = Date.UTC(2026, 2, 18, 14, 30);

describe('migration 005', () => {
  it('chains every existing event, over several read and write batches, so the check passes', async () => {
    const path = join(tempDir(), 'desk.db');
    const old = await openDatabase(path, { migrations: BEFORE_CHAIN });
    old.sqlite
      .prepare(
        "INSERT INTO tickets (id, title, status, priority, priority_rank, category, channel, created_at, updated_at) VALUES (1, 't', 'open', 'normal', 2, 'other', 'email', 1, 1)",
      )
      .run();
    const insert = old.sqlite.prepare(
      'INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    old.sqlite.transaction(() => {
      for (let i = 0; i < 12_345; i++)
        insert.run(i % 7 ? 1 : null, `tech ${i % 5}`, 1_000 + i, 'update', 'status', i % 3 ? 'new' : null, 'open');
      insert.run(1, 'odd \ud800 actor', 99_999, 'update', 'title', 'a\u0000b', '😀');
    })();
    await old.close();

    const desk = await openDatabase(path);
    try {
      const unchained = desk.sqlite.prepare('SELECT count(*) FROM audit_events WHERE digest IS NULL OR chain IS NULL').pluck().get();
      expect(unchained).toBe(0);
      expect(await checkDesk(desk)).toEqual({ integrity: [], references: [], audit: [] });
    } finally {
      await desk.close();
    }
    // Live writes continue the backfilled chain.
    const env = tempEnv({ DESKLINE_DB: path });
    expect((await runBin(['ticket', 'create', '-t', 'After the upgrade', '-q'], { env })).code).toBe(0);
    expect(await runBin(['db', 'check'], { env })).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('every writer extends the chain', () => {
  it('the demo seed (bulk), then creates, updates, comments and SLA breaches through the CLI', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 500, now: NOW });
    expect(await checkDesk(desk)).toEqual({ integrity: [], references: [], audit: [] });
    await desk.close();

    const env = tempEnv({ DESKLINE_DB: desk.path });
    for (const args of [
      ['ticket', 'create', '-t', 'Printer jams', '-p', 'urgent', '-q'],
      ['ticket', 'update', 'HD-501', '--status', 'open', '--add-tag', 'printer'],
      ['ticket', 'comment', 'HD-501', 'Reseated the tray'],
      ['ticket', 'resolve', 'HD-501', '--resolution', 'Replaced the fuser'],
      ['sla', 'recompute'],
      ['sla', 'breaches'],
      ['demo', 'seed', '--tickets', '50', '--append'],
    ]) {
      const r = await runBin(args, { env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const raw = new Database(desk.path, { readonly: true });
    const actions = raw.prepare('SELECT DISTINCT action FROM audit_events ORDER BY action').pluck().all();
    raw.close();
    expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'reply', 'resolve', 'sla_breach']));
    const check = await runBin(['db', 'check'], { env });
    expect(check).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('deskline db check on a tampered trail', () => {
  it('names the ticket and event of an edit, a deletion and an insertion; exit 5, one line', async () => {
    const env = tempEnv();
    for (const title of ['VPN drops', 'Printer jams', 'Mail bounces']) {
      expect((await runBin(['ticket', 'create', '-t', title, '-q'], { env })).code).toBe(0);
    }
    expect((await runBin(['ticket', 'update', 'HD-2', '--priority', 'high'], { env })).code).toBe(0);
    expect((await runBin(['ticket', 'update', 'HD-3', '--priority', 'low'], { env })).code).toBe(0);
    const raw = new Database(env.DESKLINE_DB!);
    const ids = raw.prepare('SELECT id, ticket_id, action FROM audit_events ORDER BY id').all() as {
      id: number;
      ticket_id: number;
      action: string;
    }[];
    expect(ids.map((e) => `${e.id}:HD-${e.ticket_id}:${e.action}`)).toEqual([
      '1:HD-1:create',
      '2:HD-2:create',
      '3:HD-3:create',
      '4:HD-2:update',
      '5:HD-3:update',
    ]);
    raw.prepare("UPDATE audit_events SET actor = 'someone else' WHERE id = 2").run();
    raw.prepare('DELETE FROM audit_events WHERE id = 4').run();
    raw.prepare("INSERT INTO audit_events (ticket_id, actor, at, action) VALUES (1, 'ghost', 1, 'close')").run();
    raw.close();

    const r = await runBin(['db', 'check'], { env });
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'deskline: 3 problem(s): audit event #2 of HD-2 was edited (its content no longer matches its digest); ' +
        'audit events are missing after #3: event #5 of HD-3 does not follow the one before it; ' +
        'audit event #6 of HD-1 was inserted by hand (it is not in the chain)\n',
    );
    const json = await runBin(['db', 'check', '--json'], { env });
    expect(json.code).toBe(5);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      integrity: [],
      references: [],
      audit: [expect.stringContaining('#2 of HD-2'), expect.stringContaining('#5 of HD-3'), expect.stringContaining('#6 of HD-1')],
    });
    // Tampering is not damage: writes go on, and the check still names the same three.
    expect((await runBin(['ticket', 'create', '-t', 'After', '-q'], { env })).code).toBe(0);
    expect((await runBin(['db', 'check'], { env })).stderr).toContain('3 problem(s)');
  });
});
