/**
 * The parts of `db migrate --from-sqlite` a whole move cannot show failing: the copy order read from
 * the two real schemas (every foreign key's parent before its child, SQLite-only tables skipped and
 * named) and the count check before COMMIT refusing a difference (exit 5).
 */
import { sql, type Kysely } from 'kysely';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/database.js';
import { sqliteTables } from '../../../src/db/pg/from-sqlite/source.js';
import { planMove } from '../../../src/db/pg/from-sqlite/tables.js';
import { verifyCounts } from '../../../src/db/pg/from-sqlite/verify.js';
import { openPgDatabase } from '../../../src/db/pg/open.js';
import { isDesklineError } from '../../../src/errors.js';
import { tempPgDatabase } from '../../helpers/pg.js';
import { tempDir } from '../../helpers/temp.js';

async function bothSchemas() {
  const file = await openDatabase(join(tempDir(), 'desk.db'));
  const server = await openPgDatabase(await tempPgDatabase());
  return { file, server, db: server.db as unknown as Kysely<unknown> };
}

describe('db migrate --from-sqlite: plan and count check', () => {
  it('orders every table after the tables its foreign keys point at, and skips only SQLite-only tables', async () => {
    const { file, server, db } = await bothSchemas();
    try {
      const plan = await planMove(db, sqliteTables(file.sqlite));
      const at = new Map(plan.tables.map((t, i) => [t.name, i]));
      const { rows: keys } = await sql<{ child: string; parent: string }>`
        SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f'`.execute(db);
      const copied = keys.filter((k) => at.has(k.child) && k.child !== k.parent);
      expect(copied.length).toBeGreaterThan(30);
      for (const k of copied) expect({ ...k, before: at.get(k.parent)! < at.get(k.child)! }).toEqual({ ...k, before: true });
      expect(plan.tables.find((t) => t.name === 'tickets')?.selfRefs).toEqual(['parent_id']);
      expect(plan.tables.find((t) => t.name === 'kb_articles')?.columns).not.toContain('search_doc');
      expect(plan.skipped).toContain('ticket_fts');
      expect(plan.skipped).toContain('kb_fts_data');
      expect(plan.skipped.every((t) => /fts|vocab|^sqlite_/.test(t))).toBe(true);
      expect(at.has('ticket_search') || at.has('deskline_schema')).toBe(false);
    } finally {
      file.close();
      await server.close();
    }
  });

  it('a table whose count differs from the file fails the check with exit 5, naming it', async () => {
    const { file, server, db } = await bothSchemas();
    try {
      await expect(
        verifyCounts(db, [
          { table: 'macros', rows: 5 },
          { table: 'tickets', rows: 0 },
        ]),
      ).resolves.toBeUndefined();
      const error = await verifyCounts(db, [
        { table: 'macros', rows: 5 },
        { table: 'tickets', rows: 2 },
      ]).catch((e: unknown) => e);
      expect(isDesklineError(error) && error.exitCode).toBe(5);
      expect((error as Error).message).toBe(
        'counts differ after the copy (tickets: 2 in the file, 0 on the server): rolled back, nothing moved',
      );
    } finally {
      file.close();
      await server.close();
    }
  });
});
