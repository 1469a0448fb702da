/**
 * Bulk loading as pg_restore does it: the copied tables' secondary indexes and foreign keys are
 * dropped before the rows go in and made again after (one index build and one join per key, instead
 * of a b-tree insert and a lookup per row). Primary keys and unique constraints stay: they are what
 * refuses a duplicate. All of it inside the move's transaction, so a failure leaves them as they were;
 * a key the rows break (an orphan the file let through) is named and rolls the move back.
 */
import { sql, type Kysely } from 'kysely';
import { DesklineError, EXIT } from '../../../errors.js';

interface Definition {
  name: string;
  table: string;
  def: string;
}

/** Drops the indexes and keys of `tables`; returns what makes them again. */
export async function dropForLoad(trx: Kysely<unknown>, tables: readonly string[]): Promise<() => Promise<void>> {
  const { rows: indexes } = await sql<Definition>`
    SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (${[...tables]}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
    ORDER BY 1`.execute(trx);
  const { rows: keys } = await sql<Definition>`
    SELECT c.conname AS name, t.relname AS "table", pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (${[...tables]}::text[])
    ORDER BY 1`.execute(trx);
  for (const k of keys) await sql`ALTER TABLE ${sql.table(k.table)} DROP CONSTRAINT ${sql.id(k.name)}`.execute(trx);
  for (const i of indexes) await sql`DROP INDEX ${sql.id(i.name)}`.execute(trx);
  return async () => {
    for (const i of indexes) await sql.raw(i.def).execute(trx);
    for (const k of keys) {
      try {
        await sql`ALTER TABLE ${sql.table(k.table)} ADD CONSTRAINT ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(trx);
      } catch (error) {
        if (error instanceof DesklineError) throw error;
        const why = String((error as Error)?.message ?? error).split('\n')[0];
        throw new DesklineError(EXIT.database, `the rows of ${k.table} break ${k.name} on the server (${why}): nothing moved`);
      }
    }
  };
}
