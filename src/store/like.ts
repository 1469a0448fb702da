/** LIKE patterns with user text: %, _ and \ escaped, and the ESCAPE clause SQLite needs. */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/** `expr LIKE pattern ESCAPE '\'` (SQLite's LIKE is case-insensitive for ASCII). */
export function like(expr: Expression<unknown> | RawBuilder<unknown>, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${expr} LIKE ${pattern} ESCAPE '\\'`;
}

/** PostgreSQL: `expr ILIKE pattern ESCAPE '\'` (case-insensitive, as SQLite's LIKE is for ASCII). */
export function ilike(expr: Expression<unknown> | RawBuilder<unknown>, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${expr} ILIKE ${pattern} ESCAPE '\\'`;
}
