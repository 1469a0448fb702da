/**
 * A trigger a test adds to make the desk refuse a row (a full disk, a full outbox), on either dialect:
 * SQLite's `RAISE(ABORT, …)` or a PostgreSQL trigger function that raises. `when` is a condition on
 * NEW written in SQL both read (`NEW.id = 3000`).
 */
import { sql } from 'kysely';
import type { Executor } from '../../src/store/executor.js';
import { isPg } from './db-rows.js';

export interface FailTrigger {
  name: string;
  table: string;
  when: string;
  message: string;
}

export async function addFailTrigger(db: Executor, t: FailTrigger): Promise<void> {
  const message = t.message.replace(/'/g, "''");
  if (!isPg) {
    await sql
      .raw(`CREATE TRIGGER ${t.name} BEFORE INSERT ON ${t.table} WHEN ${t.when} BEGIN SELECT RAISE(ABORT, '${message}'); END`)
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF ${t.when} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER ${t.name} BEFORE INSERT ON ${t.table} FOR EACH ROW EXECUTE FUNCTION ${t.name}()`).execute(db);
}

export async function dropFailTrigger(db: Executor, t: Pick<FailTrigger, 'name' | 'table'>): Promise<void> {
  if (!isPg) return void (await sql.raw(`DROP TRIGGER ${t.name}`).execute(db));
  await sql.raw(`DROP TRIGGER ${t.name} ON ${t.table}`).execute(db);
  await sql.raw(`DROP FUNCTION ${t.name}()`).execute(db);
}
