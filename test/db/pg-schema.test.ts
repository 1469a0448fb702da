import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from '../../src/db/pg/migrations/index.js';
import { tempPgDesk } from '../helpers/pg-desk.js';
import { tempDir, testDesk } from '../helpers/temp.js';

/** SQLite-only tables: FTS5 indexes, their shadow tables and vocabularies, the bulk writer's hold. */
const SQLITE_ONLY = /^(ticket_fts|ticket_text_fts|kb_fts|kb_title_fts|ticket_text_vocab|sqlite_)/;
/**
 * PostgreSQL-only: FTS5's replacement (baseline/search.ts), and the report summaries' changes waiting
 * for COMMIT (pg/migrations/022). Anything else that differs is drift.
 */
const PG_ONLY = new Set([
  'ticket_search.ticket_id',
  'ticket_search.doc',
  'ticket_words.word',
  'kb_articles.search_doc',
  ...['status', 'priority', 'day', 'assignee_id', 'n', 'xact'].map((c) => `ticket_summary_changes.${c}`),
  ...['sha256', 'size', 'data', 'added_at'].map((c) => `attachment_blobs.${c}`), // 024: a server desk's attachment bytes
]);

/** An SQLite desk whatever DESKLINE_TEST_DIALECT says (tempDb() is a PostgreSQL one under npm run test:pg). */
const sqliteDesk = () => testDesk(`${tempDir()}/desk.db`);

/** `table.column` plus `null` when the column may hold NULL (a primary key column never does). */
async function sqliteColumns(): Promise<string[]> {
  const desk = await sqliteDesk();
  const tables = desk.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
  return tables
    .filter((t) => !SQLITE_ONLY.test(t.name))
    .flatMap((t) =>
      (
        desk.sqlite.prepare(`SELECT name, "notnull" AS nn, pk FROM pragma_table_info(?)`).all(t.name) as {
          name: string;
          nn: number;
          pk: number;
        }[]
      ).map((c) => `${t.name}.${c.name}${c.nn || c.pk ? '' : ' null'}`),
    )
    .sort();
}

async function sqliteIndexes(): Promise<string[]> {
  const desk = await sqliteDesk();
  const rows = desk.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name`)
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

describe('the PostgreSQL schema', () => {
  it('starts at the version SQLite has reached: one baseline at 015, then a twin of each later SQLite migration', async () => {
    const { MIGRATIONS } = await import('../../src/db/migrations/index.js');
    const later = MIGRATIONS.filter((m) => m.version > 15).map((m) => m.name);
    expect(PG_MIGRATIONS.map((m) => m.name)).toEqual(['015-baseline', ...later]);
    expect(PG_LATEST_VERSION).toBe(LATEST_VERSION);
  });

  it('has the tables and columns (names, nullability) of SQLite at its latest version, and its named indexes', async () => {
    const { db } = await tempPgDesk();
    const { rows } = await sql<{ t: string; c: string; nullable: string }>`
      SELECT table_name AS t, column_name AS c, is_nullable AS nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public')`.execute(db);
    const pgColumns = rows
      .filter((r) => !PG_ONLY.has(`${r.t}.${r.c}`))
      .map((r) => `${r.t}.${r.c}${r.nullable === 'YES' ? ' null' : ''}`)
      .sort();
    expect(pgColumns).toEqual(await sqliteColumns());
    expect(rows.filter((r) => PG_ONLY.has(`${r.t}.${r.c}`))).toHaveLength(PG_ONLY.size);

    const indexes = await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`.execute(db);
    const names = new Set(indexes.rows.map((r) => r.name));
    expect((await sqliteIndexes()).filter((name) => !names.has(name))).toEqual([]);
  });

  it("keeps SQLite's checks, defaults and seeds", async () => {
    const { db } = await tempPgDesk();
    const t = 1_700_000_000_000;
    await expect(
      sql`INSERT INTO kb_articles (slug, title, author_name, created_at, updated_at, audience) VALUES ('a', 'A', 'x', ${t}, ${t}, 'world')`.execute(
        db,
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(sql`INSERT INTO change_counter (id, seq) VALUES (2, 0)`.execute(db)).rejects.toThrow(/check constraint|duplicate/);
    const { rows } = await sql<{ id: number; status_at: number; version: number; tier: string }>`
      INSERT INTO tickets (title, status, priority, priority_rank, category, channel, created_at, updated_at)
      VALUES ('x', 'new', 'normal', 2, 'general', 'cli', ${t}, ${t}) RETURNING id, status_at, version, tier`.execute(db);
    expect(rows[0]).toEqual({ id: 1, status_at: t, version: 1, tier: 'L1' });
    expect(typeof rows[0]!.id).toBe('number');
    const policies = await sql<{
      priority: string;
      calendar_id: number;
    }>`SELECT priority, calendar_id FROM sla_policies ORDER BY priority`.execute(db);
    expect(policies.rows.map((r) => r.priority)).toEqual(['high', 'low', 'normal', 'urgent']);
    const macros = await sql<{ n: number }>`SELECT count(*) AS n FROM macros`.execute(db);
    expect(macros.rows[0]!.n).toBe(5);
    await sql`INSERT INTO groups (name, created_at) VALUES ('Network', ${t})`.execute(db);
    await expect(sql`INSERT INTO groups (name, created_at) VALUES ('NETWORK', ${t})`.execute(db)).rejects.toThrow(/duplicate/);
  });
});
