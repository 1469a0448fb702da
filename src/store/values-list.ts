/**
 * Numbers in a `(VALUES …)` list. PostgreSQL types a parameter there as text (nothing around it says
 * otherwise), so `tickets.id = v.column1` fails with "bigint = text": there each number is cast to
 * bigint. SQLite's SQL stays as it was (a plain parameter).
 */
import { sql, type RawBuilder } from 'kysely';
import { dialectOf } from '../db/dialect.js';
import type { Executor } from './executor.js';

export type NumberValue = (n: number | null) => RawBuilder<number | null>;

const plain: NumberValue = (n) => sql<number | null>`${n}`;
const bigint: NumberValue = (n) => sql<number | null>`CAST(${n} AS bigint)`;

/** How this desk writes a number (an id, a time in ms) into a VALUES list. */
export function numberValue(db: Executor): NumberValue {
  return dialectOf(db) === 'postgres' ? bigint : plain;
}
