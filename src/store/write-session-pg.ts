/**
 * ./write-session.ts on PostgreSQL: the statements run on the caller's transaction (one connection),
 * `?` turned into `$1…` once per text. An INSERT's id comes back with RETURNING id. Parameters go as
 * text and take the type of the column they meet; a bigint time or id needs no cast there.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Row, WriteSession } from './write-session.js';

/** `?` → `$n`, outside quoted names and strings (the writers' SQL has no `?` in either). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (m) => (m === '?' ? `$${++n}` : m));
}

export function pgSession(trx: Kysely<unknown>): WriteSession {
  const texts = new Map<string, string>();
  const textOf = (text: string) => texts.get(text) ?? texts.set(text, numbered(text)).get(text)!;
  const query = (text: string, params: unknown[]) => trx.executeQuery<Row>(CompiledQuery.raw(textOf(text), params));
  const first = (row: Row | undefined) => (row === undefined ? undefined : Object.values(row)[0]);
  return {
    dialect: 'postgres',
    get: async <T>(text: string, ...params: unknown[]) => (await query(text, params)).rows[0] as T | undefined,
    value: async <T>(text: string, ...params: unknown[]) => first((await query(text, params)).rows[0]) as T | undefined,
    all: async <T>(text: string, ...params: unknown[]) => (await query(text, params)).rows as T[],
    values: async <T>(text: string, ...params: unknown[]) => (await query(text, params)).rows.map(first) as T[],
    run: async (text, ...params) => Number((await query(text, params)).numAffectedRows ?? 0),
    insert: async (text, ...params) => Number((await query(`${text} RETURNING id`, params)).rows[0]!.id),
    // Generated columns (kb_articles.search_doc) are the server's own: never read out or written.
    columns: async (table) => {
      const { rows } = await query(
        `SELECT column_name AS name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [table],
      );
      return new Set(rows.map((r) => String(r.name)));
    },
  };
}
