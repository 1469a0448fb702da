/** Runs SQL statements one at a time on the migrating transaction (each a plain string: no user input). */
import { sql, type Kysely } from 'kysely';

export async function runAll(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
