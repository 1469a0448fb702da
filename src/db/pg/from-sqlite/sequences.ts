/**
 * After rows arrive with their own ids, every identity (or serial) column's sequence is set past the
 * largest id copied, so the next ticket the server numbers is HD-(max + 1), not HD-1 colliding.
 */
import { sql, type Kysely } from 'kysely';

export async function advanceSequences(trx: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ table: string; column: string; sequence: string }>`
    SELECT c.relname AS "table", a.attname AS "column", pg_get_serial_sequence(format('%I', c.relname), a.attname) AS "sequence"
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL`.execute(trx);
  for (const r of rows) {
    // An empty table: the next value is 1 (setval's third argument false: "not yet used").
    await sql`SELECT setval(${r.sequence}, coalesce(max(${sql.ref(r.column)}), 1), max(${sql.ref(r.column)}) IS NOT NULL)
      FROM ${sql.table(r.table)}`.execute(trx);
  }
  return rows.length;
}
