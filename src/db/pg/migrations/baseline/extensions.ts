/**
 * What the baseline needs from the server before any table: the contrib extensions (pg_trgm for the
 * typo fallback, unaccent to fold accents as SQLite's `remove_diacritics 2` does, citext for the
 * columns SQLite compares COLLATE NOCASE), a text search configuration `deskline` (simple: no
 * stemming, words matched from their start like FTS5's unicode61; accents folded), and
 * deskline_plain(), which drops apostrophes as src/domain/kb-text.ts and SQLite's triggers do
 * (`can't` indexes as `cant`).
 */
import { sql, type Kysely } from 'kysely';
import { runAll } from './run.js';

const EXTENSIONS = ['pg_trgm', 'unaccent', 'citext'] as const;

/** The apostrophes src/domain/kb-text.ts drops: ' ‘ ’ ʼ ` ´ ′ (as 006/014 on SQLite). */
const APOSTROPHES = ["''", '\u2018', '\u2019', '\u02bc', '`', '\u00b4', '\u2032'];
const plain = APOSTROPHES.reduce((inner, a) => `replace(${inner}, '${a}', '')`, 't');

/** Fails with one line naming each extension the server lacks (and the package that has them). */
export async function requireExtensions(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM pg_available_extensions WHERE name IN (${sql.join([...EXTENSIONS])})`.execute(db);
  const missing = EXTENSIONS.filter((name) => !rows.some((r) => r.name === name));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL server lacks the extension${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: install the server's contrib package (Debian: postgresql-contrib)`,
    );
  }
}

export async function createExtensions(db: Kysely<unknown>): Promise<void> {
  await requireExtensions(db);
  await runAll(db, [
    ...EXTENSIONS.map((name) => `CREATE EXTENSION IF NOT EXISTS ${name}`),
    `CREATE TEXT SEARCH CONFIGURATION deskline (COPY = pg_catalog.simple)`,
    `ALTER TEXT SEARCH CONFIGURATION deskline
       ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple`,
    `CREATE FUNCTION deskline_plain(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${plain} $$`,
  ]);
}
