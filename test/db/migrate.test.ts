/**
 * Upgrading an old-version database (fixtures/db/desk-v1.db): a verified private backup first,
 * then every pending migration in one transaction: all of it lands, or none of it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { integrityProblems, KEEP_BACKUPS } from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/database.js';
import { MIGRATIONS, type Migration } from '../../src/db/migrations/index.js';
import { addTable, copyOldDesk, OLD_ROWS, OLD_VERSION } from '../../fixtures/db/old-desk.js';
import { tempDir } from '../helpers/temp.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Reads with a plain read-only connection: user_version, table names, row counts of the old tables. */
function look(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const rows = Object.fromEntries(
      Object.keys(OLD_ROWS).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
    const interactions = db.prepare('SELECT body FROM interactions ORDER BY id').all();
    return { version: db.pragma('user_version', { simple: true }) as number, tables, rows, interactions };
  } finally {
    db.close();
  }
}

describe('migrating an old-version database', () => {
  it('backs it up (private, sound, old data and version) and upgrades it with every row intact', async () => {
    const path = copyOldDesk(tempDir());
    const v2 = addTable('extras');
    const desk = await openDatabase(path, { migrations: [...MIGRATIONS, v2] });
    const rows = await sql<{ id: number }>`SELECT id FROM extras`.execute(desk.db);
    await desk.close();

    expect(rows.rows).toEqual([{ id: 1 }]);
    const after = look(path);
    expect(after.version).toBe(v2.version);
    expect(after.tables).toContain('extras');
    expect(after.rows).toEqual(OLD_ROWS);
    expect(after.interactions).toEqual([{ body: 'Which client version?' }, { body: 'Looks like the DHCP lease' }]);

    const backup = desk.backup!;
    expect(backup).toMatch(new RegExp(`^${join(path, '..', 'backups')}/desk-\\d{8}T\\d{9}Z-v${OLD_VERSION}\\.db$`));
    expect(mode(backup)).toBe('600');
    expect(mode(join(backup, '..'))).toBe('700');
    expect(integrityProblems(backup)).toEqual([]);
    const old = look(backup);
    expect(old.version).toBe(OLD_VERSION);
    expect(old.tables).not.toContain('extras');
    expect(old.rows).toEqual(OLD_ROWS);
    // A backup is one self-contained file: nothing beside it, even after it was read.
    expect(readdirSync(join(backup, '..'))).toEqual([backup.split('/').pop()]);
  });

  it('takes no backup when nothing is pending', async () => {
    const path = copyOldDesk(tempDir());
    const desk = await openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= OLD_VERSION) });
    await desk.close();
    expect(desk.backup).toBeNull();
    expect(existsSync(join(path, '..', 'backups'))).toBe(false);
  });

  it(`keeps only the newest ${KEEP_BACKUPS} backups`, async () => {
    const path = copyOldDesk(tempDir());
    const fakes: Migration[] = [];
    const taken: string[] = [];
    for (let i = 1; i <= KEEP_BACKUPS + 2; i++) {
      fakes.push(addTable(`extra_${i}`, MIGRATIONS.at(-1)!.version + i));
      const desk = await openDatabase(path, { migrations: [...MIGRATIONS, ...fakes] });
      taken.push(desk.backup!);
      await desk.close();
      await new Promise((r) => setTimeout(r, 2)); // backups are named by the millisecond
    }
    const kept = readdirSync(join(path, '..', 'backups')).sort();
    expect(kept).toEqual(taken.slice(-KEEP_BACKUPS).map((p) => p.split('/').pop()));
    expect(look(join(path, '..', 'backups', kept.at(-1)!)).tables).not.toContain(`extra_${KEEP_BACKUPS + 2}`);
  });

  it('leaves the old database intact when a migration fails halfway', async () => {
    const path = copyOldDesk(tempDir());
    const broken: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: '999-broken',
      up: async (db) => {
        await db.schema.createTable('half_made').addColumn('id', 'integer').execute();
        await sql`DELETE FROM interactions`.execute(db);
        throw new Error('disk on fire\nsecond line');
      },
    };
    await expect(openDatabase(path, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow(
      /^migration 999-broken failed: disk on fire$/,
    );
    expect(existsSync(`${path}-wal`)).toBe(false); // the failed open closed its connection
    const after = look(path);
    expect(after.version).toBe(OLD_VERSION);
    expect(after.tables).not.toContain('half_made');
    expect(after.rows).toEqual(OLD_ROWS);
  });

  it('rebuilds a parent table without cascading deletes into its children', async () => {
    const path = copyOldDesk(tempDir());
    const rebuild: Migration = {
      version: MIGRATIONS.at(-1)!.version + 1,
      name: '999-rebuild-tickets',
      up: async (db) => {
        await sql`CREATE TABLE tickets_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL)`.execute(db);
        await sql`INSERT INTO tickets_new SELECT id, title FROM tickets`.execute(db);
        // As SQLite's table rebuild asks: triggers that read the table go first (a real rebuild makes them again).
        for (const t of ['interactions_fts_insert', 'interactions_fts_update', 'interactions_fts_delete'])
          await sql.raw(`DROP TRIGGER ${t}`).execute(db);
        await sql`DROP TABLE tickets`.execute(db);
        await sql`ALTER TABLE tickets_new RENAME TO tickets`.execute(db);
      },
    };
    const desk = await openDatabase(path, { migrations: [...MIGRATIONS, rebuild] });
    expect(desk.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await desk.close();
    expect(look(path).rows).toEqual(OLD_ROWS);
  });
});
