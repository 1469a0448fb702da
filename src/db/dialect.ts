/**
 * Which database a desk runs on. The store stays one set of functions; the few that differ by
 * dialect (search, change notification, bulk writes, backup, file checks) ask here and pick the
 * named module for it. Works on a transaction as on the database it came from.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

/** A database or a transaction of any schema (the store's Executor included). */
type AnyExecutor = Pick<Kysely<unknown>, 'getExecutor'>;

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(db: AnyExecutor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A `--db` value that names a PostgreSQL server rather than a file. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}
